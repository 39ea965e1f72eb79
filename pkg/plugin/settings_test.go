package plugin

import (
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

const (
	testProject   = "0123456789abcdef0123456789abcdef"
	testAccessKey = "DEVACCESSKEY00000000"
	testSecretKey = "devsecretkey0000000000000000000000000000"
)

func instanceSettings(jsonData string,
	secrets map[string]string) backend.DataSourceInstanceSettings {
	return backend.DataSourceInstanceSettings{
		JSONData:                []byte(jsonData),
		DecryptedSecureJSONData: secrets,
	}
}

var akskSecrets = map[string]string{"accessKey": testAccessKey, "secretKey": testSecretKey}

func TestParseSettingsAppliesDefaultsAndReadsSecrets(t *testing.T) {
	jsonData := `{"endpoint":"https://ces.example.com","projectId":"` + testProject + `"}`
	got, err := ParseSettings(instanceSettings(jsonData, akskSecrets))
	if err != nil {
		t.Fatalf("ParseSettings: %v", err)
	}
	want := Settings{
		Endpoint: "https://ces.example.com", ProjectID: testProject, AuthType: "aksk",
		MaxMetricsPerRequest: 10, DatapointBudget: 0, RawIntervalSeconds: 60, CallsPerMinute: 500,
		AccessKey: testAccessKey, SecretKey: testSecretKey,
	}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestParseSettingsKeepsExplicitValues(t *testing.T) {
	jsonData := `{"endpoint":"http://127.0.0.1:8090","projectId":"p-1","region":"cn-north-4",
		"authType":"token","maxMetricsPerRequest":500,"datapointBudget":3000,
		"rawIntervalSeconds":300,"callsPerMinute":60,"tlsSkipVerify":true}`
	got, err := ParseSettings(instanceSettings(jsonData, map[string]string{"token": "tok"}))
	if err != nil {
		t.Fatalf("ParseSettings: %v", err)
	}
	want := Settings{
		Endpoint: "http://127.0.0.1:8090", ProjectID: "p-1", Region: "cn-north-4",
		AuthType:             "token",
		MaxMetricsPerRequest: 500, DatapointBudget: 3000, RawIntervalSeconds: 300,
		CallsPerMinute: 60, TLSSkipVerify: true, Token: "tok",
	}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestParseSettingsNamesTheFieldAtFault(t *testing.T) {
	const good = `"endpoint":"https://ces.example.com","projectId":"p1"`
	tests := []struct {
		name     string
		jsonData string
		secrets  map[string]string
		want     string
	}{
		{"malformed JSON", `{"endpoint":`, akskSecrets, "settings are malformed (not valid JSON)"},
		{"number given as text", `{` + good + `,"maxMetricsPerRequest":"ten"}`, akskSecrets,
			"maxMetricsPerRequest must be a whole number"},
		{"no endpoint", `{"projectId":"p1"}`, akskSecrets, "endpoint is missing"},
		{"endpoint without scheme", `{"endpoint":"ces.example.com","projectId":"p1"}`, akskSecrets,
			`endpoint "ces.example.com" is not a URL`},
		{"endpoint of another scheme", `{"endpoint":"ftp://h","projectId":"p1"}`, akskSecrets,
			"is not a URL"},
		{"no project", `{"endpoint":"https://ces.example.com"}`, akskSecrets,
			"project id is missing: set it on the data source page"},
		{"bad project", `{"endpoint":"https://h","projectId":"a/b"}`, akskSecrets,
			"project id is malformed"},
		{"too many metrics", `{` + good + `,"maxMetricsPerRequest":501}`, akskSecrets,
			"metrics per request must be between 1 and 500, not 501"},
		{"zero metrics", `{` + good + `,"maxMetricsPerRequest":0}`, akskSecrets,
			"metrics per request must be between 1 and 500, not 0"},
		{"negative budget", `{` + good + `,"datapointBudget":-1}`, akskSecrets, "datapoint budget"},
		{"zero raw interval", `{` + good + `,"rawIntervalSeconds":0}`, akskSecrets, "raw interval"},
		{"zero call rate", `{` + good + `,"callsPerMinute":0}`, akskSecrets, "calls per minute"},
		{"unknown auth", `{` + good + `,"authType":"password"}`, akskSecrets,
			`authentication type "password" is unknown`},
		{"no access key", `{` + good + `}`, map[string]string{"secretKey": testSecretKey},
			"access key is missing"},
		{"no secret key", `{` + good + `}`, map[string]string{"accessKey": testAccessKey},
			"secret key is missing"},
		{"no token", `{` + good + `,"authType":"token"}`, akskSecrets, "token is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSettings(instanceSettings(tt.jsonData, tt.secrets))
			if err == nil {
				t.Fatalf("ParseSettings accepted the settings; want an error with %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), testSecretKey) {
				t.Errorf("error %q reveals the secret key", err)
			}
		})
	}
}

func TestSettingsStringLeavesSecretsOut(t *testing.T) {
	s := Settings{Endpoint: "https://h", ProjectID: "p", AuthType: "aksk",
		AccessKey: testAccessKey, SecretKey: testSecretKey, Token: "tok-secret"}
	text := s.String()
	for _, secret := range []string{testSecretKey, "tok-secret"} {
		if strings.Contains(text, secret) {
			t.Errorf("%q reveals a secret", text)
		}
	}
}
