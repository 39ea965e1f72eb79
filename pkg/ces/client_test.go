package ces

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// newTestClient points a client with the dev credentials at handler; mutate adjusts the config.
func newTestClient(t *testing.T, handler http.HandlerFunc, mutate func(*Config)) *Client {
	t.Helper()
	server := httptest.NewServer(handler)
	t.Cleanup(server.Close)
	cfg := Config{
		Endpoint:       server.URL,
		ProjectID:      devProject,
		Auth:           Auth{Kind: AuthAKSK, AccessKey: devAccessKey, SecretKey: devSecretKey},
		CallsPerMinute: 60000,
	}
	if mutate != nil {
		mutate(&cfg)
	}
	client, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// verifySignature recomputes the signature over the headers the request says it signed, as the
// service's verifier does, and reports whether it matches.
func verifySignature(r *http.Request, body []byte) bool {
	auth := r.Header.Get("Authorization")
	_, list, ok := strings.Cut(auth, "SignedHeaders=")
	if !ok {
		return false
	}
	list, _, _ = strings.Cut(list, ",")
	copied := r.Clone(r.Context())
	Signer{AccessKey: devAccessKey, SecretKey: devSecretKey}.
		SignHeaders(copied, body, strings.Split(list, ";"))
	return copied.Header.Get("Authorization") == auth
}

func TestNewValidatesTheConfig(t *testing.T) {
	aksk := Auth{Kind: AuthAKSK, AccessKey: "AK", SecretKey: "SK"}
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"a valid AK/SK config", Config{Endpoint: "https://ces.example.com/", ProjectID: "p-1",
			Auth: aksk}, ""},
		{"a valid token config", Config{Endpoint: "http://127.0.0.1:8090", ProjectID: "p",
			Auth: Auth{Kind: AuthToken, Token: "t"}}, ""},
		{"a missing endpoint", Config{ProjectID: "p", Auth: aksk}, "endpoint is missing"},
		{"an endpoint that is not http", Config{Endpoint: "ftp://x", ProjectID: "p", Auth: aksk},
			"not an http(s) URL"},
		{"an endpoint without a host", Config{Endpoint: "https://", ProjectID: "p", Auth: aksk},
			"not an http(s) URL"},
		{"an endpoint holding credentials", Config{Endpoint: "https://u:pw@ces.example.com",
			ProjectID: "p", Auth: aksk}, "must not hold credentials"},
		{"an endpoint with a query", Config{Endpoint: "https://ces.example.com?a=1",
			ProjectID: "p", Auth: aksk}, "must not have a query"},
		{"a project id with a slash", Config{Endpoint: "https://ces.example.com",
			ProjectID: "a/b", Auth: aksk}, "project id \"a/b\" is not valid"},
		{"an empty project id", Config{Endpoint: "https://ces.example.com", Auth: aksk},
			"project id"},
		{"AK/SK without the secret key", Config{Endpoint: "https://ces.example.com",
			ProjectID: "p", Auth: Auth{Kind: AuthAKSK, AccessKey: "AK"}}, "secret key"},
		{"token auth without a token", Config{Endpoint: "https://ces.example.com",
			ProjectID: "p", Auth: Auth{Kind: AuthToken}}, "needs a token"},
		{"an unknown auth kind", Config{Endpoint: "https://ces.example.com", ProjectID: "p",
			Auth: Auth{Kind: "password"}}, "choose aksk or token"},
		{"a negative rate", Config{Endpoint: "https://ces.example.com", ProjectID: "p",
			Auth: aksk, CallsPerMinute: -1}, "must not be negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "pw") {
				t.Errorf("error leaks the URL password: %v", err)
			}
		})
	}
}

func TestBatchQueryAnswers(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		answer     string
		wantAPIErr string
	}{
		{"a 200 answer is returned as is", 200, `{"metrics":[]}`, ""},
		{"an error answer is returned with an APIError", 400,
			`{"http_code":400,"message":{"details":"bad [period]","code":"ces.0014"}}`, "ces.0014"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(`{"metrics":[{"namespace":"SYS.ECS"}],"period":"300"}`)
			var problems []string
			client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				got, _ := io.ReadAll(r.Body)
				problems = checkBatchRequest(r, got, body)
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.answer))
			}, nil)

			resp, err := client.BatchQuery(context.Background(), body)

			for _, problem := range problems {
				t.Error(problem)
			}
			if resp == nil || resp.Status != tt.status || string(resp.Body) != tt.answer {
				t.Fatalf("response = %+v, want status %d and the service's body", resp, tt.status)
			}
			var apiErr *APIError
			if tt.wantAPIErr == "" && err != nil {
				t.Errorf("unexpected error %v", err)
			}
			if tt.wantAPIErr != "" && (!errors.As(err, &apiErr) || apiErr.Code != tt.wantAPIErr) {
				t.Errorf("error = %v, want an APIError with code %s", err, tt.wantAPIErr)
			}
		})
	}
}

// checkBatchRequest lists what is wrong with a batch request as the service received it.
func checkBatchRequest(r *http.Request, got, want []byte) []string {
	var problems []string
	if r.Method != http.MethodPost || r.URL.Path != "/V1.0/"+devProject+"/batch-query-metric-data" {
		problems = append(problems, "wrong method or path: "+r.Method+" "+r.URL.Path)
	}
	if string(got) != string(want) {
		problems = append(problems, "body changed on the way: "+string(got))
	}
	if r.Header.Get("Content-Type") != "application/json" ||
		r.Header.Get(HeaderProjectID) != devProject {
		problems = append(problems, "content type or project header missing")
	}
	if !verifySignature(r, got) {
		problems = append(problems, "signature does not verify: "+r.Header.Get("Authorization"))
	}
	return problems
}

func TestTokenAuthSendsTheTokenAndNoSignature(t *testing.T) {
	var token, authorization string
	client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		token, authorization = r.Header.Get("X-Auth-Token"), r.Header.Get("Authorization")
		_, _ = w.Write([]byte(`{"metric_alarms":[]}`))
	}, func(cfg *Config) { cfg.Auth = Auth{Kind: AuthToken, Token: "dev-token"} })

	if err := client.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	if token != "dev-token" || authorization != "" {
		t.Errorf("X-Auth-Token = %q, Authorization = %q; want the token and no signature",
			token, authorization)
	}
}

func TestEachAttemptIsSignedWithAFreshDate(t *testing.T) {
	var dates []string
	var verified atomic.Int32
	var clock atomic.Int64
	clock.Store(fakeNow.Unix())
	client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		dates = append(dates, r.Header.Get(HeaderSdkDate))
		if verifySignature(r, nil) {
			verified.Add(1)
		}
		if len(dates) == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			clock.Add(60)
			return
		}
		_, _ = w.Write([]byte(`{}`))
	}, func(cfg *Config) { cfg.Now = func() time.Time { return time.Unix(clock.Load(), 0) } })

	if err := client.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(dates) != 2 || dates[0] == dates[1] || verified.Load() != 2 {
		t.Errorf("dates = %v, verified = %d; want two attempts, each signed at its own instant",
			dates, verified.Load())
	}
}

func TestPingSaysWhatToFix(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		wantErr string
	}{
		{"a 200 is healthy", 200, ""},
		{"a refused signature asks to check the keys", 401, "check the access key"},
		{"a foreign project names the project", 403, "no access to project " + devProject},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var path string
			client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
				path = r.URL.RequestURI()
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(`{"http_code":403,"message":{"code":"ces.0017"}}`))
			}, nil)

			err := client.Ping(context.Background())

			if path != "/V1.0/"+devProject+"/alarms?limit=1" {
				t.Errorf("path = %s", path)
			}
			if (tt.wantErr == "") != (err == nil) ||
				(err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestPingOfAnUnreachableEndpointNamesIt(t *testing.T) {
	server := httptest.NewServer(http.NotFoundHandler())
	endpoint := server.URL
	server.Close()
	client, err := New(Config{Endpoint: endpoint, ProjectID: "p", MaxAttempts: 1,
		Auth: Auth{Kind: AuthToken, Token: "tok-SECRET"}})
	if err != nil {
		t.Fatal(err)
	}

	err = client.Ping(context.Background())

	var network *NetworkError
	if !errors.As(err, &network) || !strings.Contains(err.Error(), "could not reach CES at "+
		endpoint) || strings.Contains(err.Error(), "tok-SECRET") {
		t.Errorf("error = %v, want a network error naming the endpoint and no secret", err)
	}
}
