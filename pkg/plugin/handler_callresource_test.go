package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
)

// callResource runs one resource call through the SDK's adapter and collects the answer.
func callResource(t *testing.T, ds *Datasource, method, path string, body []byte) (int, string) {
	t.Helper()
	var status int
	var answer strings.Builder
	sender := backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error {
		if r.Status != 0 {
			status = r.Status
		}
		answer.Write(r.Body)
		return nil
	})
	pathOnly, _, _ := strings.Cut(path, "?")
	err := ds.CallResource(context.Background(), &backend.CallResourceRequest{
		Method: method, Path: pathOnly, URL: path, Body: body,
	}, sender)
	if err != nil {
		t.Fatalf("CallResource: %v", err)
	}
	return status, answer.String()
}

func catalogClient() *fakeClient {
	rds := ces.MetricInfo{Namespace: "SYS.RDS", MetricName: "rds001_cpu_util", Unit: "%",
		Dimensions: []ces.Dimension{{Name: "rds_cluster_id", Value: "rds-1"}}}
	disk := func(instance, mount string) ces.MetricInfo {
		return ces.MetricInfo{Namespace: "AGT.ECS", MetricName: "disk_usedPercent", Unit: "%",
			Dimensions: []ces.Dimension{{Name: "instance_id", Value: instance},
				{Name: "mount_point", Value: mount}}}
	}
	return &fakeClient{catalog: []ces.MetricInfo{
		ecsMetric("cpu_util", "ecs-2"), ecsMetric("cpu_util", "ecs-1"),
		ecsMetric("mem_util", "ecs-1"),
		rds, disk("ecs-1", "root"), disk("ecs-1", "data"), disk("ecs-2", "root"),
	}}
}

func TestCatalogResources(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		status int
		body   string
	}{
		{"namespaces are listed once each, sorted", "namespaces", 200,
			`["AGT.ECS","SYS.ECS","SYS.RDS"]`},
		{"metrics of a namespace", "metrics?namespace=SYS.ECS", 200, `["cpu_util","mem_util"]`},
		{"metrics of an unknown namespace are an empty list", "metrics?namespace=SYS.X", 200, `[]`},
		{"dimension keys of a metric",
			"dimension-keys?namespace=AGT.ECS&metric_name=disk_usedPercent", 200,
			`["instance_id","mount_point"]`},
		{"dimension values of a key", "dimension-values?namespace=SYS.ECS&metric_name=cpu_util" +
			"&key=instance_id", 200, `["ecs-1","ecs-2"]`},
		{"dimension values among metrics matching the other filters",
			"dimension-values?namespace=AGT.ECS&metric_name=disk_usedPercent&key=mount_point" +
				"&dim.0=instance_id,ecs-2", 200, `["root"]`},
		{"the catalog of a metric", "catalog?namespace=SYS.RDS&metric_name=rds001_cpu_util", 200,
			`[{"namespace":"SYS.RDS","metric_name":"rds001_cpu_util",` +
				`"dimensions":[{"name":"rds_cluster_id","value":"rds-1"}],"unit":"%"}]`},
		{"a missing namespace is refused", "metrics", 400,
			`{"message":"namespace is required, e.g. namespace=SYS.ECS"}`},
		{"a missing key is refused", "dimension-values?namespace=SYS.ECS", 400,
			`{"message":"key is required: name the dimension to list"}`},
		{"a malformed filter is refused",
			"dimension-values?namespace=SYS.ECS&key=k&dim.1=oops", 400,
			`{"message":"dim.1 must be name,value, e.g. instance_id,ecs-0001"}`},
		{"an unknown resource is not found", "alarms", 404, "404 page not found\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := callResource(t, testDatasource(t, catalogClient()), http.MethodGet,
				tt.path, nil)
			if status != tt.status || body != tt.body {
				t.Errorf("got %d %s, want %d %s", status, body, tt.status, tt.body)
			}
		})
	}
}

func TestCatalogResourceAnswersTheServiceError(t *testing.T) {
	client := &fakeClient{catalogErr: &ces.APIError{Status: 403, Code: "ces.0017", Message: "no"}}
	status, body := callResource(t, testDatasource(t, client), http.MethodGet, "namespaces", nil)
	if status != 403 || !strings.Contains(body, "CES answered 403 ces.0017: no") {
		t.Errorf("got %d %s", status, body)
	}
}

func batchOf(metrics int) []byte {
	items := make([]string, metrics)
	for i := range items {
		items[i] = fmt.Sprintf(`{"namespace":"SYS.ECS","metric_name":"cpu_util",`+
			`"dimensions":[{"name":"instance_id","value":"ecs-%d"}]}`, i)
	}
	return []byte(`{"metrics":[` + strings.Join(items, ",") + `],"from":0,"to":300000,` +
		`"period":"300","filter":"average"}`)
}

func TestBatchResource(t *testing.T) {
	refusal := func(batchBody) (*ces.Response, error) {
		body := []byte(`{"http_code":400,"message":{"details":"bad","code":"ces.0014"}}`)
		return &ces.Response{Status: 400, Body: body}, &ces.APIError{Status: 400, Code: "ces.0014"}
	}
	tests := []struct {
		name    string
		answer  func(batchBody) (*ces.Response, error)
		body    []byte
		status  int
		says    string
		forward bool
	}{
		{"a batch is forwarded and its answer returned", nil, batchOf(2), 200,
			`"metric_name":"cpu_util"`, true},
		{"the service's refusal is returned as it came", refusal, batchOf(1), 400,
			`{"http_code":400,"message":{"details":"bad","code":"ces.0014"}}`, true},
		{"a service out of reach is a 502 with advice", unreachable, batchOf(1), 502,
			"cannot reach CES: check the endpoint URL", true},
		{"more metrics than allowed are refused", nil, batchOf(11), 400,
			"the batch holds 11 metrics, more than the 10 per request", false},
		{"a body over 512 KB is refused", nil, append(batchOf(1), make([]byte, 512*1024)...), 400,
			"larger than 512 KB", false},
		{"a body that is not JSON is refused", nil, []byte("metrics"), 400,
			"the batch body is not a JSON batch query", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := &fakeClient{answer: tt.answer}
			status, body := callResource(t, testDatasource(t, client), http.MethodPost, "batch",
				tt.body)
			if status != tt.status || !strings.Contains(body, tt.says) {
				t.Errorf("got %d %s, want %d with %q", status, body, tt.status, tt.says)
			}
			if forwarded := len(client.bodies) == 1; forwarded != tt.forward {
				t.Errorf("forwarded: %v, want %v", forwarded, tt.forward)
			}
		})
	}
}

func TestResourcesWithBadSettingsAnswerTheFix(t *testing.T) {
	engine, _ := sharedEngine()
	ds := newDatasource(Settings{}, fmt.Errorf("secret key is missing: set it"), nil, engine)
	status, body := callResource(t, ds, http.MethodGet, "namespaces", nil)
	var answer map[string]string
	_ = json.Unmarshal([]byte(body), &answer)
	if status != 400 || answer["message"] != "secret key is missing: set it" {
		t.Errorf("got %d %s", status, body)
	}
}
