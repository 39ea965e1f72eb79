package plugin

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
)

func TestCoreQuery(t *testing.T) {
	tests := []struct {
		name  string
		saved string
		want  core.CoreQuery
	}{
		{"a single value is a list of one, defaults filled in",
			`{"namespace":" SYS.ECS ","metricName":"cpu_util",
			  "dimensions":[{"name":"instance_id","value":"ecs-1"}]}`,
			core.CoreQuery{RefID: "A", Namespace: "SYS.ECS", MetricName: "cpu_util",
				Dimensions: []core.DimensionFilter{
					{Name: "instance_id", Values: []string{"ecs-1"}},
				},
				Period: "auto", Filter: "average"}},
		{"a multi-value is split, trimmed and without repeats",
			`{"dimensions":[{"name":"instance_id","value":"{ecs-1, ecs-2,ecs-1,}"}],
			  "period":"300","filter":"max","alias":"{{instance_id}}"}`,
			core.CoreQuery{RefID: "A", Dimensions: []core.DimensionFilter{
				{Name: "instance_id", Values: []string{"ecs-1", "ecs-2"}}},
				Period: "300", Filter: "max", Alias: "{{instance_id}}"}},
		{"a wildcard stays as it is",
			`{"dimensions":[{"name":"instance_id","value":"*"}]}`,
			core.CoreQuery{RefID: "A", Dimensions: []core.DimensionFilter{
				{Name: "instance_id", Values: []string{"*"}}}, Period: "auto", Filter: "average"}},
		{"an empty value is an empty list, for the core to report",
			`{"dimensions":[{"name":"instance_id","value":" "}]}`,
			core.CoreQuery{RefID: "A", Dimensions: []core.DimensionFilter{
				{Name: "instance_id", Values: []string{}}}, Period: "auto", Filter: "average"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved, err := parseQuery("A", json.RawMessage(tt.saved))
			if err != nil {
				t.Fatal(err)
			}
			if got := saved.coreQuery(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
