package harness

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"go.yaml.in/yaml/v3"
)

// provisionedDataSource is the part of provisioning/datasources/cloudeye.yaml the test needs.
type provisionedDataSource struct {
	Name           string            `yaml:"name"`
	Type           string            `yaml:"type"`
	UID            string            `yaml:"uid"`
	JSONData       map[string]any    `yaml:"jsonData"`
	SecureJSONData map[string]string `yaml:"secureJsonData"`
}

// provisionedRuleQuery is one query of a provisioned alert rule; the model is kept as Grafana
// stores it and sends it to the data source.
type provisionedRuleQuery struct {
	RefID             string `yaml:"refId"`
	DatasourceUID     string `yaml:"datasourceUid"`
	RelativeTimeRange struct {
		From int64 `yaml:"from"`
		To   int64 `yaml:"to"`
	} `yaml:"relativeTimeRange"`
	Model map[string]any `yaml:"model"`
}

type provisionedRules struct {
	Groups []struct {
		Rules []struct {
			UID  string                 `yaml:"uid"`
			Data []provisionedRuleQuery `yaml:"data"`
		} `yaml:"rules"`
	} `yaml:"groups"`
}

func readYAMLFile(t *testing.T, path string, into any) {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	if err := yaml.Unmarshal(text, into); err != nil {
		t.Fatalf("%s is not valid YAML: %v", path, err)
	}
}

// TestProvisionedAlertRuleAnswersNumericSeries sends each data source query of the provisioned
// alert rules, as Grafana's alerting would, through the built executable to a seeded reference
// service, and expects one numeric CPU series per seeded ECS instance.
func TestProvisionedAlertRuleAnswersNumericSeries(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	var sources struct {
		Datasources []provisionedDataSource `yaml:"datasources"`
	}
	readYAMLFile(t, filepath.Join(root, "provisioning", "datasources", "cloudeye.yaml"), &sources)
	var rules provisionedRules
	readYAMLFile(t, filepath.Join(root, "provisioning", "alerting", "rules.yaml"), &rules)
	if len(sources.Datasources) != 1 {
		t.Fatalf("expected one provisioned data source, found %d", len(sources.Datasources))
	}
	ds := sources.Datasources[0]

	// The service and backend every harness test shares (see TestMain).
	plugin := world.backend
	settings := instanceSettings(t, ds, world.service.url)
	queried := 0
	for _, group := range rules.Groups {
		for _, rule := range group.Rules {
			for _, query := range rule.Data {
				if query.DatasourceUID != ds.UID {
					continue
				}
				queried++
				t.Run(rule.UID+"/"+query.RefID, func(t *testing.T) {
					frames := queryAsAlerting(t, plugin, settings, query)
					expectCPUSeriesPerInstance(t, frames)
				})
			}
		}
	}
	if queried == 0 {
		t.Fatalf("no provisioned alert rule queries the data source %q", ds.UID)
	}
	if t.Failed() {
		t.Logf("backend log:\n%s", plugin.logs.String())
	}
}

// instanceSettings are the provisioned settings, pointed at the service the test started.
func instanceSettings(t *testing.T, ds provisionedDataSource,
	endpoint string) *backend.DataSourceInstanceSettings {
	t.Helper()
	jsonData := map[string]any{}
	for key, value := range ds.JSONData {
		jsonData[key] = value
	}
	jsonData["endpoint"] = endpoint
	encoded, err := json.Marshal(jsonData)
	if err != nil {
		t.Fatal(err)
	}
	return &backend.DataSourceInstanceSettings{
		ID:                      1,
		UID:                     ds.UID,
		Type:                    ds.Type,
		Name:                    ds.Name,
		JSONData:                encoded,
		DecryptedSecureJSONData: ds.SecureJSONData,
		Updated:                 time.Now(),
	}
}

// queryAsAlerting sends one rule query the way Grafana's alerting does: the stored model as
// the query JSON, the rule's relative time range ending now, and no dashboard around it.
func queryAsAlerting(t *testing.T, plugin *backendProcess,
	settings *backend.DataSourceInstanceSettings, query provisionedRuleQuery) data.Frames {
	t.Helper()
	model, err := json.Marshal(query.Model)
	if err != nil {
		t.Fatal(err)
	}
	// The seeded data ends at seedEnd, so the rule is evaluated then.
	now := seedEnd
	req := &backend.QueryDataRequest{
		PluginContext: backend.PluginContext{
			OrgID:                      1,
			PluginID:                   settings.Type,
			DataSourceInstanceSettings: settings,
		},
		Queries: []backend.DataQuery{{
			RefID:         query.RefID,
			JSON:          model,
			MaxDataPoints: 43200,
			Interval:      time.Minute,
			TimeRange: backend.TimeRange{
				From: now.Add(-time.Duration(query.RelativeTimeRange.From) * time.Second),
				To:   now.Add(-time.Duration(query.RelativeTimeRange.To) * time.Second),
			},
		}},
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	protoResp, err := plugin.data.QueryData(ctx, backend.ToProto().QueryDataRequest(req))
	if err != nil {
		t.Fatalf("QueryData: %v", err)
	}
	resp, err := backend.FromProto().QueryDataResponse(protoResp)
	if err != nil {
		t.Fatalf("decode the answer: %v", err)
	}
	answer, ok := resp.Responses[query.RefID]
	if !ok {
		t.Fatalf("no answer for refId %s", query.RefID)
	}
	if answer.Error != nil {
		t.Fatalf("the query failed: %v", answer.Error)
	}
	return answer.Frames
}

// expectCPUSeriesPerInstance checks what the reduce and threshold expressions need: one frame
// per instance, each a time field and a numeric field of percentages with at least one value.
func expectCPUSeriesPerInstance(t *testing.T, frames data.Frames) {
	t.Helper()
	if len(frames) != seedResources {
		t.Fatalf("expected %d series (one per seeded instance), got %d", seedResources, len(frames))
	}
	instances := map[string]bool{}
	for _, frame := range frames {
		if frame.TimeSeriesSchema().Type == data.TimeSeriesTypeNot {
			t.Fatalf("frame %q is not a time series", frame.Name)
		}
		value := numericField(t, frame)
		instances[value.Labels["instance_id"]] = true

		points := 0
		for i := 0; i < value.Len(); i++ {
			v, ok := value.NullableFloatAt(i)
			if ok != nil || v == nil {
				continue
			}
			if math.IsNaN(*v) || *v < 0 || *v > 100 {
				t.Fatalf("%q: CPU utilization %v is not a percentage", frame.Name, *v)
			}
			points++
		}
		if points == 0 {
			t.Fatalf("%q has no values in the rule's time range", frame.Name)
		}
	}
	if len(instances) != seedResources || instances[""] {
		t.Fatalf("expected an instance_id label per series, got %v", instances)
	}
}

func numericField(t *testing.T, frame *data.Frame) *data.Field {
	t.Helper()
	for _, field := range frame.Fields {
		if field.Type().Numeric() {
			return field
		}
	}
	t.Fatalf("frame %q has no numeric field", frame.Name)
	return nil
}
