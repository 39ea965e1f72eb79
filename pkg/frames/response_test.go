package frames

import (
	"flag"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/experimental"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

func TestResponse(t *testing.T) {
	tests := []struct {
		name       string
		err        *core.ResultError
		wantError  string
		wantStatus backend.Status
	}{
		{name: "a result without error answers its frames only"},
		{name: "a service error is a downstream error with the service's status and code",
			err:       &core.ResultError{Status: 400, Code: "ces.0014", Message: "bad filter"},
			wantError: "ces.0014: bad filter", wantStatus: 400},
		{name: "an error without an HTTP error status is a bad gateway",
			err:       &core.ResultError{Status: 0, Message: "connection refused"},
			wantError: "connection refused", wantStatus: backend.StatusBadGateway},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			result := sample()
			result.Error = tt.err
			response := Response(result)
			if len(response.Frames) != 2 {
				t.Errorf("got %d frames, want the series' 2", len(response.Frames))
			}
			if tt.wantError == "" {
				if response.Error != nil {
					t.Fatalf("error = %v, want none", response.Error)
				}
				return
			}
			if response.Error == nil || response.Error.Error() != tt.wantError {
				t.Fatalf("error = %v, want %q", response.Error, tt.wantError)
			}
			if response.Status != tt.wantStatus ||
				response.ErrorSource != backend.ErrorSourceDownstream {
				t.Fatalf("status %v source %q, want %v downstream", response.Status,
					response.ErrorSource, tt.wantStatus)
			}
		})
	}
}

func TestResponseMatchesTheGoldenFiles(t *testing.T) {
	empty := sample()
	empty.Series = nil
	empty.Error = &core.ResultError{Status: 403, Code: "ces.0002", Message: "no access"}
	tests := []struct {
		golden string
		result core.QueryResult
	}{
		{golden: "two-series", result: sample()},
		{golden: "failed-query", result: empty},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			response := Response(tt.result)
			// The SDK's golden writer drops its own marker line from the header of a response
			// with an error, and then cannot read the file back; TestResponse checks the error
			// itself, so the golden file holds the frames.
			response.Error = nil
			experimental.CheckGoldenJSONResponse(t, "testdata", tt.golden+".golden", &response,
				*update)
		})
	}
}
