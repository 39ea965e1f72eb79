package harness

import (
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

func TestCheckHealth(t *testing.T) {
	wrongSecret := devDataSource()
	wrongSecret.uid = "cloudeye-wrong-secret"
	wrongSecret.secretKey = wrongSecretKey

	noProject := devDataSource()
	noProject.uid = "cloudeye-no-project"
	delete(noProject.jsonData, "projectId")

	token := devDataSource()
	token.uid = "cloudeye-token"
	token.token = devToken
	token.jsonData["authType"] = "token"

	unreachable := devDataSource()
	unreachable.uid = "cloudeye-unreachable"
	unreachable.jsonData["endpoint"] = "http://127.0.0.1:1"

	tests := []struct {
		name       string
		dataSource dataSource
		status     pluginv2.CheckHealthResponse_HealthStatus
		says       []string
	}{
		{"good credentials report the endpoint, project and metrics visible", devDataSource(),
			pluginv2.CheckHealthResponse_OK,
			[]string{world.proxy.server.URL, devProject, "382 metrics visible"}},
		{"a token works as well as a signature", token, pluginv2.CheckHealthResponse_OK,
			[]string{"382 metrics visible"}},
		{"a wrong secret key says to check the keys", wrongSecret,
			pluginv2.CheckHealthResponse_ERROR,
			[]string{"401", "check the access key and secret key"}},
		{"settings without a project say which field to set", noProject,
			pluginv2.CheckHealthResponse_ERROR,
			[]string{"project id is missing: set it on the data source page"}},
		{"an endpoint that does not answer says to check the endpoint", unreachable,
			pluginv2.CheckHealthResponse_ERROR,
			[]string{"Cannot reach http://127.0.0.1:1", "check the endpoint URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			response := checkHealth(t, tt.dataSource)
			if response.Status != tt.status {
				t.Errorf("status %s, want %s (message %q)", response.Status, tt.status,
					response.Message)
			}
			for _, text := range tt.says {
				if !strings.Contains(response.Message, text) {
					t.Errorf("message %q does not say %q", response.Message, text)
				}
			}
			if strings.Contains(response.Message, tt.dataSource.secretKey) {
				t.Errorf("message %q reveals the secret key", response.Message)
			}
		})
	}
}
