package ces

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// APIError is a non-2xx answer of CES or its API gateway; its message says what to do and never
// holds a secret.
type APIError struct {
	Status  int
	Code    string
	Message string
}

// Error reads as one sentence naming the status and, where there is one, the service's code.
func (e *APIError) Error() string {
	if e.Code == "" {
		return fmt.Sprintf("CES answered %d: %s", e.Status, e.Message)
	}
	return fmt.Sprintf("CES answered %d %s: %s", e.Status, e.Code, e.Message)
}

// errorBody holds the fields of both error shapes: CES ({http_code, message: {details, code}})
// and the API gateway ({error_code, error_msg}).
type errorBody struct {
	Message   json.RawMessage `json:"message"`
	ErrorCode string          `json:"error_code"`
	ErrorMsg  string          `json:"error_msg"`
}

type cesMessage struct {
	Details string `json:"details"`
	Code    string `json:"code"`
}

// maxDetailLength keeps a service's detail readable in a panel's error line.
const maxDetailLength = 300

// parseAPIError turns a non-2xx answer into an APIError; secrets are removed from the service's
// details before they reach the message.
func parseAPIError(status int, body []byte, projectID string, secrets ...string) *APIError {
	code, details := errorDetails(body)
	details = redact(details, secrets...)
	if len(details) > maxDetailLength {
		details = details[:maxDetailLength] + "…"
	}

	message := advice(status, code, projectID)
	if details != "" {
		message += " (CES said: " + details + ")"
	}
	return &APIError{Status: status, Code: code, Message: message}
}

// errorDetails reads the code and details of either error shape, or plain text that is not HTML.
func errorDetails(body []byte) (code, details string) {
	var parsed errorBody
	if err := json.Unmarshal(body, &parsed); err == nil {
		var inner cesMessage
		if json.Unmarshal(parsed.Message, &inner) == nil && (inner.Code != "" || inner.Details != "") {
			return inner.Code, oneLine(inner.Details)
		}
		if parsed.ErrorCode != "" || parsed.ErrorMsg != "" {
			return parsed.ErrorCode, oneLine(parsed.ErrorMsg)
		}
		var text string
		if json.Unmarshal(parsed.Message, &text) == nil {
			return "", oneLine(text)
		}
		return "", ""
	}
	text := oneLine(string(body))
	if strings.HasPrefix(text, "<") {
		return "", ""
	}
	return "", text
}

// advice says, for a status and code, what the user should check or change.
func advice(status int, code, projectID string) string {
	switch {
	case status == http.StatusUnauthorized:
		return "authentication failed: check the access key and secret key (or the token, " +
			"which lasts 24 hours) and that this machine's clock is right"
	case status == http.StatusForbidden && code == "ces.0017":
		return fmt.Sprintf("the credential has no access to project %s: check the project id "+
			"or grant the credential access to it", projectID)
	case status == http.StatusForbidden:
		return "the credential is not allowed to do this: check its Cloud Eye permissions"
	case status == http.StatusBadRequest && code == "ces.0003":
		return fmt.Sprintf("CES does not accept project id %s: check it in the data source "+
			"settings", projectID)
	case status == http.StatusBadRequest && code == "ces.0006":
		return "CES refused the catalog paging marker: reload the catalog"
	case status == http.StatusBadRequest:
		return "CES refused the request: check the query's namespace, metric, dimensions " +
			"and period"
	case status == http.StatusNotFound:
		return "the endpoint does not serve this path: check that the endpoint URL is the " +
			"Cloud Eye (CES) endpoint of the region"
	case status == http.StatusRequestTimeout:
		return "CES did not receive the request in time: try again, or check the network " +
			"and proxy"
	case status == http.StatusRequestEntityTooLarge:
		return "the request is larger than CES accepts (512 KB): query fewer metrics per request"
	case status == http.StatusTooManyRequests:
		return "CES is throttling requests: lower the calls per minute setting or query less " +
			"often"
	case status == http.StatusServiceUnavailable:
		return "CES is unavailable: try again later"
	case status >= 500:
		return "CES had an internal error: try again later"
	default:
		return "CES refused the request"
	}
}

// redact replaces every non-empty secret in s, so a service that echoes input cannot leak one.
func redact(s string, secrets ...string) string {
	for _, secret := range secrets {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
