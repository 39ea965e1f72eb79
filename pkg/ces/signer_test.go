package ces

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestSignerMatchesTheContractVectors(t *testing.T) {
	tests := []struct {
		name      string
		method    string
		url       string
		body      string
		signature string
	}{
		{
			name:      "GET with a query and an empty body",
			method:    http.MethodGet,
			url:       "http://example.com/path?limit=1",
			signature: "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
		},
		{
			name:      "POST with a JSON body ending in a newline",
			method:    http.MethodPost,
			url:       "http://example.com/path?key=value",
			body:      "{\"Name\":\"test\",\"Id\":1}\n",
			signature: "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, tt.url, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set(HeaderSdkDate, "20060102T150405Z")

			Signer{AccessKey: "AccessKey", SecretKey: "SecretKey"}.
				SignHeaders(req, []byte(tt.body), []string{"X-Sdk-Date"})

			want := "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=" +
				tt.signature
			if got := req.Header.Get("Authorization"); got != want {
				t.Errorf("Authorization\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestSignSignsHostDateProjectAndContentType(t *testing.T) {
	tests := []struct {
		name       string
		method     string
		body       string
		project    string
		wantSigned string
	}{
		{"GET without project header", http.MethodGet, "", "", "host;x-sdk-date"},
		{"GET with project header", http.MethodGet, "", "p1", "host;x-project-id;x-sdk-date"},
		{
			name: "POST with a body", method: http.MethodPost, body: "{}", project: "p1",
			wantSigned: "content-type;host;x-project-id;x-sdk-date",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, "https://ces.example.com/V1.0/p1/alarms",
				strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			if tt.project != "" {
				req.Header.Set(HeaderProjectID, tt.project)
			}
			now := time.Date(2024, 3, 5, 6, 7, 8, 0, time.FixedZone("CST", 8*3600))

			Signer{AccessKey: "AK", SecretKey: "secret-value"}.Sign(req, []byte(tt.body), now)

			if got := req.Header.Get(HeaderSdkDate); got != "20240304T220708Z" {
				t.Errorf("X-Sdk-Date = %s, want the instant in UTC", got)
			}
			auth := req.Header.Get("Authorization")
			if !strings.Contains(auth, "SignedHeaders="+tt.wantSigned+",") {
				t.Errorf("Authorization %q does not sign %s", auth, tt.wantSigned)
			}
			if strings.Contains(auth, "secret-value") || !strings.Contains(auth, "Access=AK,") {
				t.Errorf("Authorization leaks the secret key: %q", auth)
			}
		})
	}
}

func TestCanonicalURIAndQueryEncodeStrictly(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
		fn    func(string) string
	}{
		{"appends a slash", "/V1.0/p1/metrics", "/V1.0/p1/metrics/", canonicalURI},
		{"keeps an existing slash", "/V1.0/", "/V1.0/", canonicalURI},
		{"re-encodes decoded segments", "/a%20b/c:d/%7e", "/a%20b/c%3Ad/~/", canonicalURI},
		{"keeps an encoded slash inside a segment", "/a%2Fb", "/a%2Fb/", canonicalURI},
		{"sorts keys then values", "b=2&a=3&a=1", "a=1&a=3&b=2", canonicalQuery},
		{"encodes with upper-case hex", "d=i,1&x=a b", "d=i%2C1&x=a%20b", canonicalQuery},
		{"decodes plus as a space", "q=a+b", "q=a%20b", canonicalQuery},
		{"keeps a key without a value", "flag&a=1", "a=1&flag=", canonicalQuery},
		{"keeps malformed escapes as written", "a=%zz", "a=%25zz", canonicalQuery},
		{"empty query", "", "", canonicalQuery},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(tt.input); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func BenchmarkSignBatchQuery(b *testing.B) {
	body := []byte(strings.Repeat(`{"namespace":"SYS.ECS","metric_name":"cpu_util"},`, 10))
	signer := Signer{AccessKey: devAccessKey, SecretKey: devSecretKey}
	now := time.Now()
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodPost,
			"https://ces.example.com/V1.0/"+devProject+"/batch-query-metric-data", nil)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(HeaderProjectID, devProject)
		signer.Sign(req, body, now)
	}
}
