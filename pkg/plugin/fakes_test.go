package plugin

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
)

// fakeClient stands in for the CES client: a catalog, a ping outcome and a batch answerer,
// and it records what the handlers sent.
type fakeClient struct {
	catalog    []ces.MetricInfo
	catalogErr error
	pingErr    error
	// answer answers one batch body; nil answers every metric with two points.
	answer func(body batchBody) (*ces.Response, error)
	// delay keeps each batch in flight a while, so overlapping calls can be counted.
	delay time.Duration

	mu          sync.Mutex
	bodies      []batchBody
	inFlight    int
	maxInFlight int
	catalogs    []string
}

// batchBody is the part of a batch request the fake reads.
type batchBody struct {
	Metrics []struct {
		Namespace  string          `json:"namespace"`
		MetricName string          `json:"metric_name"`
		Dimensions []ces.Dimension `json:"dimensions"`
	} `json:"metrics"`
	From   int64  `json:"from"`
	To     int64  `json:"to"`
	Period string `json:"period"`
	Filter string `json:"filter"`
}

func (f *fakeClient) BatchQuery(_ context.Context, raw []byte) (*ces.Response, error) {
	var body batchBody
	if err := json.Unmarshal(raw, &body); err != nil {
		return nil, fmt.Errorf("fake: the batch body is not JSON: %w", err)
	}
	f.mu.Lock()
	f.bodies = append(f.bodies, body)
	f.inFlight++
	f.maxInFlight = max(f.maxInFlight, f.inFlight)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	}()
	time.Sleep(f.delay)

	if f.answer != nil {
		return f.answer(body)
	}
	return twoPointsEach(body), nil
}

func (f *fakeClient) Catalog(_ context.Context, namespace string) ([]ces.MetricInfo, error) {
	f.mu.Lock()
	f.catalogs = append(f.catalogs, namespace)
	f.mu.Unlock()
	if f.catalogErr != nil {
		return nil, f.catalogErr
	}
	var metrics []ces.MetricInfo
	for _, m := range f.catalog {
		if namespace == "" || m.Namespace == namespace {
			metrics = append(metrics, m)
		}
	}
	return metrics, nil
}

func (f *fakeClient) Ping(context.Context) error { return f.pingErr }

// twoPointsEach answers every metric of a batch with a point at from and one a period later.
func twoPointsEach(body batchBody) *ces.Response {
	type point = map[string]any
	metrics := make([]map[string]any, len(body.Metrics))
	for i, m := range body.Metrics {
		metrics[i] = map[string]any{
			"namespace": m.Namespace, "metric_name": m.MetricName, "dimensions": m.Dimensions,
			"unit": "%",
			"datapoints": []point{
				{"timestamp": body.From, body.Filter: float64(i) + 0.5},
				{"timestamp": body.From + 300_000, body.Filter: float64(i) + 1.5},
			},
		}
	}
	raw, _ := json.Marshal(map[string]any{"metrics": metrics})
	return &ces.Response{Status: 200, Body: raw}
}

// ecsMetric is a SYS.ECS catalog entry of metric on one instance.
func ecsMetric(metric, instance string) ces.MetricInfo {
	return ces.MetricInfo{
		Namespace: "SYS.ECS", MetricName: metric, Unit: "%",
		Dimensions: []ces.Dimension{{Name: "instance_id", Value: instance}},
	}
}

// testDatasource is a data source over a fake client, planning with the real core.
func testDatasource(t *testing.T, client *fakeClient) *Datasource {
	t.Helper()
	engine, err := sharedEngine()
	if err != nil {
		t.Fatalf("load the core: %v", err)
	}
	settings := Settings{
		Endpoint: "https://ces.example.com", ProjectID: testProject, AuthType: "aksk",
		MaxMetricsPerRequest: 10, RawIntervalSeconds: 60, CallsPerMinute: 500,
		AccessKey: testAccessKey, SecretKey: testSecretKey,
	}
	return newDatasource(settings, nil, client, engine)
}
