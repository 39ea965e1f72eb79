package ces

import (
	"net/http"

	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
)

// NewHTTPClient builds the client for CES calls from the SDK's options (proxy, timeouts, TLS).
// TLS verification stays on unless opts.TLS.InsecureSkipVerify is set explicitly. Forwarding of
// Grafana's request headers is turned off: a forwarded Authorization or cookie header would
// replace the CES credential or leak the user's session to the cloud.
func NewHTTPClient(opts httpclient.Options) (*http.Client, error) {
	opts.ForwardHTTPHeaders = false
	return httpclient.New(opts)
}

// defaultHTTPOptions are the SDK's defaults: its timeouts, the environment's proxy, TLS verified.
func defaultHTTPOptions() httpclient.Options {
	timeouts := httpclient.DefaultTimeoutOptions
	return httpclient.Options{Timeouts: &timeouts}
}
