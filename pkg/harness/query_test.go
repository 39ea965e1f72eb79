package harness

import (
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

const day = 24 * time.Hour

// cpuQuery is the saved model of a cpu_util query on the given instance_id value.
func cpuQuery(instances, period string) map[string]any {
	return map[string]any{
		"namespace":  "SYS.ECS",
		"metricName": "cpu_util",
		"dimensions": []map[string]string{{"name": "instance_id", "value": instances}},
		"period":     period,
		"filter":     "average",
	}
}

// expectation is what one query's answer must hold besides its golden file.
type expectation struct {
	frames int
	points int
	err    string
}

func TestQueryData(t *testing.T) {
	allInstances := "{" + strings.Join(ecsInstances(), ",") + "}"
	badMetric := cpuQuery("ecs-0002", "300")
	badMetric["metricName"] = "cpu util!"

	tests := []struct {
		name    string
		queries []backend.DataQuery
		batches int
		want    map[string]expectation
	}{
		{
			name: "multi-value-25-instances",
			queries: []backend.DataQuery{
				query("A", cpuQuery(allInstances, "300"), seedEnd.Add(-3*time.Hour), seedEnd),
			},
			// 25 descriptors, 10 per request.
			batches: 3,
			want:    map[string]expectation{"A": {frames: 25, points: 36}},
		},
		{
			name: "auto-30-days",
			queries: []backend.DataQuery{
				query("A", cpuQuery("ecs-0001", "auto"), seedEnd.Add(-30*day), seedEnd),
			},
			// Period 14400 is the finest whose range reaches 30 days: one request, 6 a day.
			batches: 1,
			want:    map[string]expectation{"A": {frames: 1, points: 180}},
		},
		{
			name: "windows-3-days-period-300",
			queries: []backend.DataQuery{
				query("A", cpuQuery("ecs-0001", "300"), seedEnd.Add(-3*day), seedEnd),
			},
			// Period 300 reaches one day, so three aligned windows, joined without repeats.
			batches: 3,
			want:    map[string]expectation{"A": {frames: 1, points: 3 * 288}},
		},
		{
			name: "bad-metric-next-to-good",
			queries: []backend.DataQuery{
				query("A", cpuQuery("ecs-0002", "300"), seedEnd.Add(-time.Hour), seedEnd),
				query("B", badMetric, seedEnd.Add(-time.Hour), seedEnd),
			},
			batches: 1,
			want: map[string]expectation{
				"A": {frames: 1, points: 12},
				"B": {err: "metric"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			world.proxy.takeBatches()
			response := queryData(t, devDataSource(), tt.queries...)
			if calls := world.proxy.takeBatches(); calls != tt.batches {
				t.Errorf("the service saw %d batch requests, want %d", calls, tt.batches)
			}
			for refID, want := range tt.want {
				checkAnswer(t, refID, response.Responses[refID], want)
			}
			matchGolden(t, tt.name, response)
		})
	}
}

func checkAnswer(t *testing.T, refID string, answer backend.DataResponse, want expectation) {
	t.Helper()
	if want.err != "" {
		if answer.Error == nil || !strings.Contains(answer.Error.Error(), want.err) {
			t.Errorf("%s: error %v, want one about %q", refID, answer.Error, want.err)
		}
		return
	}
	if answer.Error != nil {
		t.Fatalf("%s: unexpected error %v", refID, answer.Error)
	}
	if len(answer.Frames) != want.frames {
		t.Fatalf("%s: %d frames, want %d", refID, len(answer.Frames), want.frames)
	}
	for _, frame := range answer.Frames {
		checkSeriesFrame(t, refID, frame, want.points)
	}
}

// checkSeriesFrame holds one frame to what an alert rule needs: a time field and a number
// field of the expected length, times rising, and a multi-series time series type.
func checkSeriesFrame(t *testing.T, refID string, frame *data.Frame, points int) {
	t.Helper()
	if frame.Meta == nil || frame.Meta.Type != data.FrameTypeTimeSeriesMulti {
		t.Errorf("%s: frame %q is not a %s frame", refID, frame.Name, data.FrameTypeTimeSeriesMulti)
	}
	if rows, _ := frame.RowLen(); rows != points {
		t.Errorf("%s: frame %q has %d points, want %d", refID, frame.Name, rows, points)
	}
	if len(frame.Fields) != 2 || frame.Fields[0].Type() != data.FieldTypeTime {
		t.Fatalf("%s: frame %q is not [time, value]: %d fields", refID, frame.Name,
			len(frame.Fields))
	}
	times := frame.Fields[0]
	for i := 1; i < times.Len(); i++ {
		if !times.At(i).(time.Time).After(times.At(i - 1).(time.Time)) {
			t.Fatalf("%s: frame %q times do not rise at row %d", refID, frame.Name, i)
		}
	}
	if labels := frame.Fields[1].Labels; labels["instance_id"] == "" {
		t.Errorf("%s: frame %q value field has no instance_id label: %v", refID, frame.Name, labels)
	}
}
