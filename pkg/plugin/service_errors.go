package plugin

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
)

// describeServiceError gives the status, CES code and message of a failed call. A call that got
// no answer reads as 502 (endpoint unreachable) or 504 (out of time).
func describeServiceError(err error) (status int, code, message string) {
	var apiErr *ces.APIError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.Status, apiErr.Code, apiErr.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, "", fmt.Sprintf("CES did not answer in time: %v", err)
	case errors.Is(err, context.Canceled):
		return http.StatusGatewayTimeout, "", "the query was cancelled before CES answered"
	default:
		return http.StatusBadGateway, "", fmt.Sprintf("cannot reach CES: check the endpoint URL "+
			"and the network (%v)", err)
	}
}

// serviceFailure is the answer of a query whose call to CES failed: a downstream error.
func serviceFailure(err error) backend.DataResponse {
	status, _, message := describeServiceError(err)
	return backend.ErrDataResponseWithSource(backend.Status(status), backend.ErrorSourceDownstream,
		message)
}
