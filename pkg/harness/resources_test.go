package harness

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

type metricInfo struct {
	Namespace  string `json:"namespace"`
	MetricName string `json:"metric_name"`
	Dimensions []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"dimensions"`
	Unit string `json:"unit"`
}

// ecsInstances are the instance ids the service seeds: ecs-0001 … ecs-0025.
func ecsInstances() []string {
	ids := make([]string, seedResources)
	for i := range ids {
		ids[i] = fmt.Sprintf("ecs-%04d", i+1)
	}
	return ids
}

func TestCatalogResources(t *testing.T) {
	ds := devDataSource()

	t.Run("namespaces lists every seeded namespace", func(t *testing.T) {
		namespaces := getJSON[[]string](t, ds, "namespaces")
		for _, want := range []string{"SYS.ECS", "AGT.ECS", "SYS.RDS", "SYS.ELB"} {
			if !slices.Contains(namespaces, want) {
				t.Errorf("namespaces %v lack %s", namespaces, want)
			}
		}
	})
	t.Run("metrics lists the metric names of a namespace", func(t *testing.T) {
		metrics := getJSON[[]string](t, ds, "metrics?namespace=SYS.ECS")
		if !slices.Contains(metrics, "cpu_util") || slices.Contains(metrics, "rds001_cpu_util") {
			t.Errorf("metrics of SYS.ECS: %v", metrics)
		}
	})
	t.Run("dimension-keys lists the dimension names of a metric", func(t *testing.T) {
		keys := getJSON[[]string](t, ds, "dimension-keys?namespace=SYS.ECS&metric_name=cpu_util")
		if !slices.Equal(keys, []string{"instance_id"}) {
			t.Errorf("keys %v, want [instance_id]", keys)
		}
	})
	t.Run("dimension-values lists every instance in order", func(t *testing.T) {
		values := getJSON[[]string](t, ds,
			"dimension-values?namespace=SYS.ECS&metric_name=cpu_util&key=instance_id")
		if !slices.Equal(values, ecsInstances()) {
			t.Errorf("values %v, want %v", values, ecsInstances())
		}
	})
	t.Run("dimension-values keeps only metrics matching the other filters", func(t *testing.T) {
		values := getJSON[[]string](t, ds, "dimension-values?namespace=SYS.ECS"+
			"&metric_name=cpu_util&key=instance_id&dim.0=instance_id,ecs-0007")
		if !slices.Equal(values, []string{"ecs-0007"}) {
			t.Errorf("values %v, want [ecs-0007]", values)
		}
	})
	t.Run("catalog answers the metrics of a namespace and metric", func(t *testing.T) {
		catalog := getJSON[[]metricInfo](t, ds, "catalog?namespace=SYS.ECS&metric_name=cpu_util")
		if len(catalog) != seedResources {
			t.Fatalf("%d catalog entries, want %d", len(catalog), seedResources)
		}
		for _, m := range catalog {
			if m.Namespace != "SYS.ECS" || m.MetricName != "cpu_util" || m.Unit != "%" {
				t.Errorf("unexpected entry %+v", m)
			}
		}
	})
	t.Run("a catalog call without namespace is refused with a message", func(t *testing.T) {
		answer := callResource(t, ds, http.MethodGet, "metrics", nil)
		if answer.status != http.StatusBadRequest ||
			!strings.Contains(string(answer.body), "namespace is required") {
			t.Errorf("answered %d %s", answer.status, answer.body)
		}
	})
}

// batchBody is a batch query of the first n instances' cpu_util over the last hour seeded.
func batchBody(n int, filter string) []byte {
	instances := ecsInstances()
	metrics := make([]map[string]any, n)
	for i := range metrics {
		dimension := map[string]string{"name": "instance_id", "value": instances[i%seedResources]}
		metrics[i] = map[string]any{
			"namespace":   "SYS.ECS",
			"metric_name": "cpu_util",
			"dimensions":  []map[string]string{dimension},
		}
	}
	body, _ := json.Marshal(map[string]any{
		"metrics": metrics,
		"from":    seedEnd.Add(-time.Hour).UnixMilli(),
		"to":      seedEnd.UnixMilli(),
		"period":  "300",
		"filter":  filter,
	})
	return body
}

func TestBatchResource(t *testing.T) {
	ds := devDataSource()

	t.Run("a batch is forwarded signed and the service's answer comes back", func(t *testing.T) {
		world.proxy.takeBatches()
		answer := callResource(t, ds, http.MethodPost, "batch", batchBody(2, "average"))
		if answer.status != http.StatusOK {
			t.Fatalf("answered %d: %s", answer.status, answer.body)
		}
		var body struct {
			Metrics []struct {
				Dimensions []struct{ Value string } `json:"dimensions"`
				Datapoints []map[string]float64     `json:"datapoints"`
			} `json:"metrics"`
		}
		if err := json.Unmarshal(answer.body, &body); err != nil {
			t.Fatal(err)
		}
		if len(body.Metrics) != 2 || body.Metrics[1].Dimensions[0].Value != "ecs-0002" {
			t.Fatalf("answer: %s", answer.body)
		}
		// An hour at period 300: twelve buckets, each with the filter's field.
		if got := len(body.Metrics[0].Datapoints); got != 12 {
			t.Errorf("%d datapoints, want 12", got)
		}
		if calls := world.proxy.takeBatches(); calls != 1 {
			t.Errorf("the service saw %d batch calls, want 1", calls)
		}
	})
	t.Run("the service's refusal comes back with its status and body", func(t *testing.T) {
		answer := callResource(t, ds, http.MethodPost, "batch", batchBody(1, "median"))
		refused := answer.status == http.StatusBadRequest
		if !refused || !strings.Contains(string(answer.body), "ces.0014") {
			t.Errorf("answered %d %s, want the service's 400 ces.0014", answer.status, answer.body)
		}
	})
	t.Run("more metrics than the data source allows are refused before a call", func(t *testing.T) {
		world.proxy.takeBatches()
		answer := callResource(t, ds, http.MethodPost, "batch", batchBody(11, "average"))
		want := "the batch holds 11 metrics, more than the 10 per request"
		if answer.status != http.StatusBadRequest || !strings.Contains(string(answer.body), want) {
			t.Errorf("answered %d %s, want 400 saying %q", answer.status, answer.body, want)
		}
		if calls := world.proxy.takeBatches(); calls != 0 {
			t.Errorf("the service saw %d batch calls, want none", calls)
		}
	})
	t.Run("a body over 512 KB is refused before a call", func(t *testing.T) {
		large := append(batchBody(1, "average"), make([]byte, 512*1024)...)
		answer := callResource(t, ds, http.MethodPost, "batch", large)
		refused := answer.status == http.StatusBadRequest
		if !refused || !strings.Contains(string(answer.body), "512 KB") {
			t.Errorf("answered %d %s, want 400 naming 512 KB", answer.status, answer.body)
		}
	})
}
