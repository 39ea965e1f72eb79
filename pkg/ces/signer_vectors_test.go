package ces

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files from what the code produces now")

const goSignedPath = "../../testdata/signing/go-signed.json"

// signedCase is one request the Go signer signed, for the reference service's verifier to check.
type signedCase struct {
	Name      string            `json:"name"`
	Method    string            `json:"method"`
	Path      string            `json:"path"`
	Query     string            `json:"query"`
	Headers   map[string]string `json:"headers"`
	Body      string            `json:"body"`
	AccessKey string            `json:"accessKey"`
	SecretKey string            `json:"secretKey"`
	Now       int64             `json:"now"`
	OK        *bool             `json:"ok,omitempty"` // set to false when the verifier must refuse
}

// signingInput describes a request before signing; signed nil means the client's own header set.
type signingInput struct {
	name    string
	method  string
	url     string
	headers map[string]string
	body    string
	signed  []string
	now     time.Time
	// verifiedAfter is how long after signing the verifier checks; past 15 minutes it refuses.
	verifiedAfter time.Duration
}

const (
	devProject   = "0123456789abcdef0123456789abcdef"
	devAccessKey = "DEVACCESSKEY00000000"
	devSecretKey = "devsecretkey0000000000000000000000000000"
)

func signingInputs() []signingInput {
	base := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	local := "http://127.0.0.1:8090/V1.0/" + devProject
	cloud := "https://ces.cn-north-4.myhuaweicloud.com/V1.0/" + devProject
	project := map[string]string{HeaderProjectID: devProject}
	return []signingInput{
		{
			name:   "GET catalog page whose marker and dimension need encoding",
			method: http.MethodGet,
			url: local + "/metrics?namespace=SYS.ECS&limit=1000" +
				"&start=SYS.ECS.cpu_util.instance_id:ecs-0001",
			headers: project,
			now:     base,
		},
		{
			name:    "GET with repeated keys, commas, a plus and an encoded space",
			method:  http.MethodGet,
			url:     local + "/metrics?dim.1=disk,vda+1&dim.0=instance_id,ecs-0002&dim.0=a%20b&order=desc",
			headers: project,
			now:     base.Add(90 * time.Second),
		},
		{
			name:   "POST batch query with a JSON body",
			method: http.MethodPost,
			url:    cloud + "/batch-query-metric-data",
			headers: map[string]string{
				"Content-Type":  "application/json;charset=UTF-8",
				HeaderProjectID: devProject,
			},
			body: `{"metrics":[{"namespace":"SYS.ECS","metric_name":"cpu_util","dimensions":` +
				`[{"name":"instance_id","value":"ecs-0001"}]}],"from":1748772000000,` +
				`"to":1748779200000,"period":"300","filter":"average"}` + "\n",
			now: base.Add(2 * time.Hour),
		},
		{
			name:    "GET a path whose segments hold encoded characters",
			method:  http.MethodGet,
			url:     local + "/alarms/al%20arm%3A1/d%C3%A9tail%7E?limit=1",
			headers: project,
			now:     base.Add(-26 * time.Hour),
		},
		{
			name:   "GET signed without host, as the SDK that signs user-agent does",
			method: http.MethodGet,
			url:    cloud + "/alarms?limit=1",
			headers: map[string]string{
				"User-Agent":    "  huaweicloud-usdk-go/3.0  ",
				HeaderProjectID: devProject,
			},
			signed: []string{"User-Agent", "X-Project-Id", "X-Sdk-Date"},
			now:    base.Add(37 * time.Minute),
		},
		{
			name:   "POST custom data with only the date and the host signed",
			method: http.MethodPost,
			url:    local + "/metric-data",
			headers: map[string]string{
				"Content-Type": "application/json",
			},
			body: `[{"metric":{"namespace":"MINE.APP","dimensions":[{"name":"app","value":` +
				`"web-1"}],"metric_name":"latency"},"ttl":3600,"collect_time":1748779200000,` +
				`"value":12.5,"unit":"ms","type":"float"}]`,
			signed: []string{"host", "x-sdk-date"},
			now:    base.Add(5 * time.Minute),
		},
		{
			name:          "a signature checked 16 minutes after signing is refused as expired",
			method:        http.MethodGet,
			url:           local + "/alarms?limit=1",
			headers:       project,
			now:           base.Add(10 * time.Minute),
			verifiedAfter: 16 * time.Minute,
		},
	}
}

// signCase signs one input the way the client does and records what went on the wire.
func signCase(t *testing.T, in signingInput) signedCase {
	t.Helper()
	req, err := http.NewRequest(in.method, in.url, strings.NewReader(in.body))
	if err != nil {
		t.Fatalf("%s: %v", in.name, err)
	}
	for name, value := range in.headers {
		req.Header.Set(name, value)
	}
	signer := Signer{AccessKey: devAccessKey, SecretKey: devSecretKey}
	if in.signed == nil {
		signer.Sign(req, []byte(in.body), in.now)
	} else {
		req.Header.Set(HeaderSdkDate, in.now.UTC().Format(SdkDateFormat))
		signer.SignHeaders(req, []byte(in.body), in.signed)
	}

	headers := map[string]string{"Host": req.URL.Host}
	for name := range req.Header {
		headers[name] = req.Header.Get(name)
	}
	var verdict *bool
	if in.verifiedAfter > 15*time.Minute {
		verdict = new(bool)
	}
	return signedCase{
		Name:      in.name,
		Method:    in.method,
		Path:      req.URL.EscapedPath(),
		Query:     req.URL.RawQuery,
		Headers:   headers,
		Body:      in.body,
		AccessKey: devAccessKey,
		SecretKey: devSecretKey,
		Now:       in.now.Add(in.verifiedAfter).UnixMilli(),
		OK:        verdict,
	}
}

func TestGoSignedRequestsMatchTheSharedFile(t *testing.T) {
	var cases []signedCase
	for _, in := range signingInputs() {
		cases = append(cases, signCase(t, in))
	}
	var buf bytes.Buffer
	encoder := json.NewEncoder(&buf)
	encoder.SetEscapeHTML(false)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(cases); err != nil {
		t.Fatal(err)
	}
	produced := buf.Bytes()

	if *update {
		if err := os.MkdirAll(filepath.Dir(goSignedPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goSignedPath, produced, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stored, err := os.ReadFile(goSignedPath)
	if err != nil {
		t.Fatalf("read %s (run go test with -update to write it): %v", goSignedPath, err)
	}
	if !bytes.Equal(stored, produced) {
		t.Errorf("%s differs from what the signer produces now; rerun with -update "+
			"and have the reference service's verifier accept it again", goSignedPath)
	}
}
