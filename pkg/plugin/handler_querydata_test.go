package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/ces"
)

var rangeEnd = time.UnixMilli(1780272000000).UTC()

// dataQuery is a Grafana query of the saved model, over the hour before rangeEnd.
func dataQuery(refID string, model map[string]any) backend.DataQuery {
	model["refId"] = refID
	raw, _ := json.Marshal(model)
	return backend.DataQuery{
		RefID: refID, JSON: raw, MaxDataPoints: 1000, Interval: time.Second,
		TimeRange: backend.TimeRange{From: rangeEnd.Add(-time.Hour), To: rangeEnd},
	}
}

func ecsQuery(metric, instances string) map[string]any {
	return map[string]any{
		"namespace": "SYS.ECS", "metricName": metric, "period": "300", "filter": "average",
		"dimensions": []map[string]string{{"name": "instance_id", "value": instances}},
	}
}

// refuseMetric answers 400 for any batch that carries the named metric.
func refuseMetric(name string) func(batchBody) (*ces.Response, error) {
	return func(body batchBody) (*ces.Response, error) {
		for _, m := range body.Metrics {
			if m.MetricName == name {
				apiErr := &ces.APIError{Status: 400, Code: "ces.0014", Message: "CES refused it"}
				return &ces.Response{Status: 400, Body: []byte(`{}`)}, apiErr
			}
		}
		return twoPointsEach(body), nil
	}
}

func TestQueryData(t *testing.T) {
	tests := []struct {
		name    string
		client  *fakeClient
		queries []backend.DataQuery
		// frames per refId expected; a refId missing here must carry an error.
		frames  map[string]int
		errors  map[string]string
		sources map[string]backend.ErrorSource
		batches int
	}{
		{
			name:   "each instance of a multi-value query becomes a frame",
			client: &fakeClient{},
			queries: []backend.DataQuery{
				dataQuery("A", ecsQuery("cpu_util", "{ecs-1,ecs-2,ecs-3}")),
			},
			frames:  map[string]int{"A": 3},
			batches: 1,
		},
		{
			name:   "a service refusal is a downstream error of its query only",
			client: &fakeClient{answer: refuseMetric("mem_util")},
			queries: []backend.DataQuery{
				dataQuery("A", ecsQuery("cpu_util", "ecs-1")),
				// Another period puts it in a batch of its own.
				dataQuery("B", withPeriod(ecsQuery("mem_util", "ecs-1"), "1200")),
			},
			frames:  map[string]int{"A": 1},
			errors:  map[string]string{"B": "ces.0014: CES refused it"},
			sources: map[string]backend.ErrorSource{"B": backend.ErrorSourceDownstream},
			batches: 2,
		},
		{
			name:   "an unreachable service is a downstream error",
			client: &fakeClient{answer: unreachable},
			queries: []backend.DataQuery{
				dataQuery("A", ecsQuery("cpu_util", "ecs-1")),
			},
			errors:  map[string]string{"A": "cannot reach CES"},
			sources: map[string]backend.ErrorSource{"A": backend.ErrorSourceDownstream},
			batches: 1,
		},
		{
			name:   "an unreadable query is answered with a message, the others still run",
			client: &fakeClient{},
			queries: []backend.DataQuery{
				dataQuery("A", ecsQuery("cpu_util", "ecs-1")),
				{RefID: "B", JSON: []byte(`{"metricName": 5}`)},
			},
			frames:  map[string]int{"A": 1},
			errors:  map[string]string{"B": "query B cannot be read (metricName must be text)"},
			batches: 1,
		},
		{
			name:   "a query the core cannot plan gets the core's message",
			client: &fakeClient{},
			queries: []backend.DataQuery{
				dataQuery("A", ecsQuery("cpu util!", "ecs-1")),
			},
			errors:  map[string]string{"A": "metric"},
			batches: 0,
		},
		{
			name: "a wildcard is resolved from the namespace's catalog",
			client: &fakeClient{catalog: []ces.MetricInfo{
				ecsMetric("cpu_util", "ecs-1"), ecsMetric("cpu_util", "ecs-2"),
				ecsMetric("mem_util", "ecs-3"),
			}},
			queries: []backend.DataQuery{dataQuery("A", ecsQuery("cpu_util", "*"))},
			frames:  map[string]int{"A": 2},
			batches: 1,
		},
		{
			name: "a catalog failure fails the wildcard query only",
			client: &fakeClient{
				catalogErr: &ces.APIError{Status: 403, Code: "ces.0017", Message: "no access"},
			},
			queries: []backend.DataQuery{
				dataQuery("A", ecsQuery("cpu_util", "*")),
				dataQuery("B", ecsQuery("cpu_util", "ecs-9")),
			},
			frames:  map[string]int{"B": 1},
			errors:  map[string]string{"A": "no access"},
			sources: map[string]backend.ErrorSource{"A": backend.ErrorSourceDownstream},
			batches: 1,
		},
		{
			name:    "a hidden query is not fetched",
			client:  &fakeClient{},
			queries: []backend.DataQuery{dataQuery("A", withHide(ecsQuery("cpu_util", "ecs-1")))},
			batches: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := testDatasource(t, tt.client)
			response, err := ds.QueryData(context.Background(),
				&backend.QueryDataRequest{Queries: tt.queries})
			if err != nil {
				t.Fatalf("QueryData: %v", err)
			}
			for refID, want := range tt.frames {
				answer := response.Responses[refID]
				if answer.Error != nil || len(answer.Frames) != want {
					t.Errorf("%s: %d frames, error %v; want %d frames", refID, len(answer.Frames),
						answer.Error, want)
				}
			}
			for refID, want := range tt.errors {
				answer := response.Responses[refID]
				if answer.Error == nil || !strings.Contains(answer.Error.Error(), want) {
					t.Errorf("%s: error %v, want one containing %q", refID, answer.Error, want)
				}
			}
			for refID, want := range tt.sources {
				if got := response.Responses[refID].ErrorSource; got != want {
					t.Errorf("%s: error source %q, want %q", refID, got, want)
				}
			}
			if got := len(tt.client.bodies); got != tt.batches {
				t.Errorf("%d batches sent, want %d", got, tt.batches)
			}
		})
	}
}

func withPeriod(model map[string]any, period string) map[string]any {
	model["period"] = period
	return model
}

func withHide(model map[string]any) map[string]any {
	model["hide"] = true
	return model
}

func unreachable(batchBody) (*ces.Response, error) {
	return nil, errors.New("dial tcp 10.0.0.1:443: connect: connection refused")
}

func TestQueryDataSendsAtMostFourBatchesAtOnce(t *testing.T) {
	client := &fakeClient{delay: 20 * time.Millisecond}
	ds := testDatasource(t, client)
	instances := make([]string, 60)
	for i := range instances {
		instances[i] = "ecs-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	query := dataQuery("A", ecsQuery("cpu_util", "{"+strings.Join(instances, ",")+"}"))

	response, err := ds.QueryData(context.Background(),
		&backend.QueryDataRequest{Queries: []backend.DataQuery{query}})
	if err != nil || response.Responses["A"].Error != nil {
		t.Fatalf("QueryData: %v %v", err, response.Responses["A"].Error)
	}
	if len(client.bodies) != 6 {
		t.Fatalf("%d batches, want 6 (60 metrics, 10 per batch)", len(client.bodies))
	}
	if client.maxInFlight < 2 || client.maxInFlight > batchesInFlight {
		t.Errorf("%d batches were in flight at once, want between 2 and %d", client.maxInFlight,
			batchesInFlight)
	}
}

func TestQueryDataWithBadSettingsAnswersEveryQueryWithTheFix(t *testing.T) {
	engine, _ := sharedEngine()
	ds := newDatasource(Settings{}, errors.New("project id is missing: set it"), nil, engine)
	response, _ := ds.QueryData(context.Background(), &backend.QueryDataRequest{
		Queries: []backend.DataQuery{dataQuery("A", ecsQuery("cpu_util", "ecs-1"))},
	})
	answer := response.Responses["A"]
	if answer.Error == nil || answer.Status != http.StatusBadRequest ||
		!strings.Contains(answer.Error.Error(), "project id is missing") {
		t.Errorf("answer %+v, want 400 with the settings message", answer)
	}
}
