package ces

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"
)

func TestHTTPClientVerifiesTLSUnlessToldNotTo(t *testing.T) {
	server := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"metric_alarms":[]}`))
	}))
	defer server.Close()

	tests := []struct {
		name        string
		opts        httpclient.Options
		wantRefused bool
	}{
		{"the default options refuse an unknown certificate", httpclient.Options{}, true},
		{"tlsSkipVerify accepts it", httpclient.Options{
			TLS: &httpclient.TLSOptions{InsecureSkipVerify: true}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			httpClient, err := NewHTTPClient(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			client, err := New(Config{Endpoint: server.URL, ProjectID: "p", MaxAttempts: 1,
				Auth: Auth{Kind: AuthToken, Token: "t"}, HTTPClient: httpClient})
			if err != nil {
				t.Fatal(err)
			}

			err = client.Ping(context.Background())

			var network *NetworkError
			if refused := errors.As(err, &network); refused != tt.wantRefused {
				t.Errorf("error = %v, want refused = %v", err, tt.wantRefused)
			}
		})
	}
}

func TestHTTPClientNeverForwardsGrafanaHeaders(t *testing.T) {
	var cookie string
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cookie = r.Header.Get("Cookie")
	}))
	defer server.Close()
	httpClient, err := NewHTTPClient(httpclient.Options{ForwardHTTPHeaders: true})
	if err != nil {
		t.Fatal(err)
	}
	// The SDK forwards Grafana's request headers this way, only when the options allow it.
	forward := httpclient.MiddlewareFunc(
		func(opts httpclient.Options, next http.RoundTripper) http.RoundTripper {
			if !opts.ForwardHTTPHeaders {
				return next
			}
			return httpclient.RoundTripperFunc(func(r *http.Request) (*http.Response, error) {
				r.Header.Set("Cookie", "grafana_session=abc")
				return next.RoundTrip(r)
			})
		})
	ctx := httpclient.WithContextualMiddleware(context.Background(), forward)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, server.URL, nil)

	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()

	if cookie != "" {
		t.Errorf("Grafana's cookie reached CES: %q", cookie)
	}
}
