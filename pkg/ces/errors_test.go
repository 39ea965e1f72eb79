package ces

import (
	"strings"
	"testing"
)

func TestParseAPIError(t *testing.T) {
	tests := []struct {
		name        string
		status      int
		body        string
		wantCode    string
		wantInMsg   []string
		wantMissing []string
	}{
		{
			name:   "a CES body gives its code and details",
			status: 400,
			body: `{"http_code":400,"message":{"details":"Some content in message body is ` +
				`not correct, error message: [filter]","code":"ces.0014"},` +
				`"encoded_authorization_message":null}`,
			wantCode:  "ces.0014",
			wantInMsg: []string{"CES refused the request", "error message: [filter]"},
		},
		{
			name:   "a gateway 401 tells the user to check the credential",
			status: 401,
			body: `{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication",` +
				`"request_id":"r1"}`,
			wantCode:  "APIGW.0301",
			wantInMsg: []string{"check the access key and secret key", "Incorrect IAM"},
		},
		{
			name:      "a 403 ces.0017 names the project",
			status:    403,
			body:      `{"http_code":403,"message":{"details":"no access","code":"ces.0017"}}`,
			wantCode:  "ces.0017",
			wantInMsg: []string{"no access to project proj-1"},
		},
		{
			name:      "a 429 suggests lowering the calls per minute",
			status:    429,
			body:      `{"http_code":429,"message":{"details":"too many","code":"ces.0429"}}`,
			wantCode:  "ces.0429",
			wantInMsg: []string{"lower the calls per minute"},
		},
		{
			name:        "an HTML page from a proxy is not copied into the message",
			status:      503,
			body:        "<html><body>Service Unavailable</body></html>",
			wantInMsg:   []string{"CES is unavailable"},
			wantMissing: []string{"<html>", "CES said"},
		},
		{
			name:      "plain text is kept on one line",
			status:    502,
			body:      "bad\n  gateway",
			wantInMsg: []string{"internal error", "CES said: bad gateway"},
		},
		{
			name:   "a secret echoed by the service is redacted",
			status: 400,
			body: `{"http_code":400,"message":{"details":"bad header tok-SECRET-123 ` +
				`and sk-SECRET-456","code":"ces.0013"}}`,
			wantCode:    "ces.0013",
			wantInMsg:   []string{"[redacted]"},
			wantMissing: []string{"tok-SECRET-123", "sk-SECRET-456"},
		},
		{
			name:      "an empty body still gives advice",
			status:    404,
			wantInMsg: []string{"check that the endpoint URL"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := parseAPIError(tt.status, []byte(tt.body), "proj-1", "sk-SECRET-456",
				"tok-SECRET-123")

			if err.Status != tt.status || err.Code != tt.wantCode {
				t.Errorf("status, code = %d, %q; want %d, %q", err.Status, err.Code, tt.status,
					tt.wantCode)
			}
			for _, part := range tt.wantInMsg {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("%q lacks %q", err.Error(), part)
				}
			}
			for _, part := range tt.wantMissing {
				if strings.Contains(err.Error(), part) {
					t.Errorf("%q holds %q", err.Error(), part)
				}
			}
		})
	}
}

func TestAPIErrorReadsAsOneSentenceWithTheCode(t *testing.T) {
	err := &APIError{Status: 403, Code: "ces.0017", Message: "no access"}
	if got := err.Error(); got != "CES answered 403 ces.0017: no access" {
		t.Errorf("Error() = %q", got)
	}
	err.Code = ""
	if got := err.Error(); got != "CES answered 403: no access" {
		t.Errorf("Error() without a code = %q", got)
	}
}
