package frames

import (
	"errors"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

// Response is the data response of one query: its frames, and when its batches failed, the
// service's error as a downstream error (the user's request or the service, not the plugin).
func Response(r core.QueryResult) backend.DataResponse {
	response := backend.DataResponse{Frames: FromResult(r)}
	if r.Error == nil {
		return response
	}
	message := r.Error.Message
	if r.Error.Code != "" {
		message = r.Error.Code + ": " + message
	}
	status := backend.Status(r.Error.Status)
	if r.Error.Status < 400 {
		// No HTTP error status means the service could not be reached or answered garbage.
		status = backend.StatusBadGateway
	}
	response.Error = errors.New(message)
	response.Status = status
	response.ErrorSource = backend.ErrorSourceDownstream
	return response
}
