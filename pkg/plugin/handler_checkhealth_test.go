package plugin

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
)

func TestCheckHealth(t *testing.T) {
	unauthorized := &ces.APIError{Status: 401, Code: "APIGW.0301",
		Message: "authentication failed: check the access key and secret key"}
	forbidden := &ces.APIError{Status: 403, Code: "ces.0017",
		Message: "the credential has no access to project p"}
	tests := []struct {
		name   string
		client *fakeClient
		status backend.HealthStatus
		says   string
	}{
		{"a working connection reports the metrics visible",
			&fakeClient{catalog: []ces.MetricInfo{
				ecsMetric("cpu_util", "a"), ecsMetric("cpu_util", "b"),
			}},
			backend.HealthStatusOk,
			"Connected to https://ces.example.com for project " + testProject +
				": 2 metrics visible."},
		{"bad credentials say to check the keys", &fakeClient{pingErr: unauthorized},
			backend.HealthStatusError,
			"401 APIGW.0301: authentication failed: check the access key"},
		{"no access to the project says so", &fakeClient{pingErr: forbidden},
			backend.HealthStatusError, "403 ces.0017: the credential has no access to project"},
		{"an unreachable endpoint says to check the endpoint",
			&fakeClient{pingErr: errors.New("dial tcp: lookup ces.example.com: no such host")},
			backend.HealthStatusError,
			"Cannot reach https://ces.example.com: check the endpoint URL, proxy and network"},
		{"a catalog that cannot be read fails the check", &fakeClient{catalogErr: forbidden},
			backend.HealthStatusError, "ces.0017"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			result, err := testDatasource(t, tt.client).CheckHealth(context.Background(),
				&backend.CheckHealthRequest{})
			if err != nil {
				t.Fatalf("CheckHealth: %v", err)
			}
			if result.Status != tt.status || !strings.Contains(result.Message, tt.says) {
				t.Errorf("got %s %q, want %s saying %q", result.Status, result.Message, tt.status,
					tt.says)
			}
		})
	}
}

func TestCheckHealthWithBadSettingsNamesTheField(t *testing.T) {
	engine, err := sharedEngine()
	if err != nil {
		t.Fatal(err)
	}
	_, settingsErr := ParseSettings(instanceSettings(`{"endpoint":"https://h"}`, akskSecrets))
	ds := newDatasource(Settings{}, settingsErr, nil, engine)
	result, err := ds.CheckHealth(context.Background(), &backend.CheckHealthRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := "project id is missing: set it on the data source page"
	if result.Status != backend.HealthStatusError || result.Message != want {
		t.Errorf("got %s %q, want an error %q", result.Status, result.Message, want)
	}
}
