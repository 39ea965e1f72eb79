package frames

import (
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

func float(v float64) *float64 { return &v }

// sample is a query result of two series with notices, as the core gives it.
func sample() core.QueryResult {
	return core.QueryResult{
		RefID: "A",
		Series: []core.Series{
			{RefID: "A", Key: "k1", Name: "cpu_util ecs-0001",
				Labels: map[string]string{"instance_id": "ecs-0001"}, Unit: "percent",
				CesUnit: "%", IntervalMs: 300000, Timestamps: []int64{1700000000000, 1700000600000},
				Values: []*float64{float(1.5), nil}},
			{RefID: "A", Key: "k2", Name: "cpu_util ecs-0002",
				Labels: map[string]string{"instance_id": "ecs-0002"}, Unit: "percent",
				CesUnit: "%", IntervalMs: 300000, Timestamps: []int64{1700000000000},
				Values: []*float64{float(2)}},
		},
		Notices: []core.Notice{
			{Severity: "info", Text: "period 300 s: auto"},
			{Severity: "warning", Text: "range cut"},
			{Severity: "error", Text: "1 of 2 requests failed"},
		},
		ExecutedQueryString: "SYS.ECS cpu_util period 300",
	}
}

func TestFromResult(t *testing.T) {
	tests := []struct {
		name  string
		check func(t *testing.T, frames data.Frames)
	}{
		{"one frame per series with a time field and a labelled nullable number field",
			func(t *testing.T, frames data.Frames) {
				if len(frames) != 2 {
					t.Fatalf("got %d frames, want 2", len(frames))
				}
				f := frames[0]
				if f.Fields[0].Name != TimeField || f.Fields[0].Type() != data.FieldTypeTime {
					t.Errorf("first field = %s %s, want a time field",
						f.Fields[0].Name, f.Fields[0].Type())
				}
				value := f.Fields[1]
				if value.Name != ValueField || value.Type() != data.FieldTypeNullableFloat64 {
					t.Errorf("second field = %s %s, want nullable float64",
						value.Name, value.Type())
				}
				if value.Labels["instance_id"] != "ecs-0001" {
					t.Errorf("labels = %v", value.Labels)
				}
			}},
		{"points keep their time and value, and a gap stays null",
			func(t *testing.T, frames data.Frames) {
				f := frames[0]
				if got := f.Fields[0].At(1).(time.Time); !got.Equal(time.UnixMilli(1700000600000)) {
					t.Errorf("second time = %v", got)
				}
				if got := f.Fields[1].At(0).(*float64); got == nil || *got != 1.5 {
					t.Errorf("first value = %v, want 1.5", got)
				}
				if got := f.Fields[1].At(1).(*float64); got != nil {
					t.Errorf("second value = %v, want null", *got)
				}
			}},
		{"the display name, unit and interval come from the series",
			func(t *testing.T, frames data.Frames) {
				config := frames[1].Fields[1].Config
				if config.DisplayNameFromDS != "cpu_util ecs-0002" || config.Unit != "percent" ||
					config.Interval != 300000 {
					t.Errorf("value config = %+v", config)
				}
				if frames[1].Fields[0].Config.Interval != 300000 {
					t.Errorf("time config = %+v, want the interval", frames[1].Fields[0].Config)
				}
			}},
		{"every frame is a multi-frame time series with the refId and executed query",
			func(t *testing.T, frames data.Frames) {
				for _, f := range frames {
					if f.RefID != "A" || f.Meta.Type != data.FrameTypeTimeSeriesMulti ||
						f.Meta.ExecutedQueryString != "SYS.ECS cpu_util period 300" {
						t.Errorf("frame %q: refId %q meta %+v", f.Name, f.RefID, f.Meta)
					}
				}
			}},
		{"notices ride on the first frame only, with their severities",
			func(t *testing.T, frames data.Frames) {
				want := []data.NoticeSeverity{
					data.NoticeSeverityInfo, data.NoticeSeverityWarning, data.NoticeSeverityError,
				}
				got := frames[0].Meta.Notices
				if len(got) != len(want) {
					t.Fatalf("first frame notices = %+v", got)
				}
				for i := range want {
					if got[i].Severity != want[i] {
						t.Errorf("notice %d severity = %v, want %v", i, got[i].Severity, want[i])
					}
				}
				if len(frames[1].Meta.Notices) != 0 {
					t.Errorf("second frame notices = %+v, want none", frames[1].Meta.Notices)
				}
			}},
	}
	frames := FromResult(sample())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, frames) })
	}
}

func TestFromResultWithoutSeriesGivesOneEmptyFrameWithTheNotices(t *testing.T) {
	result := sample()
	result.Series = nil
	frames := FromResult(result)
	if len(frames) != 1 || len(frames[0].Fields) != 0 {
		t.Fatalf("got %d frames (%v), want one without fields", len(frames), frames)
	}
	if frames[0].RefID != "A" || len(frames[0].Meta.Notices) != 3 {
		t.Fatalf("frame refId %q meta %+v, want refId A and the notices", frames[0].RefID,
			frames[0].Meta)
	}
}
