package ces

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// page is one scripted answer of GET /metrics: metric names and the next marker, or an error.
type page struct {
	names  []string
	marker string
	status int
	raw    string
}

func (p page) write(w http.ResponseWriter) {
	if p.status != 0 {
		w.WriteHeader(p.status)
		_, _ = w.Write([]byte(p.raw))
		return
	}
	if p.raw != "" {
		_, _ = w.Write([]byte(p.raw))
		return
	}
	metrics := make([]MetricInfo, 0, len(p.names))
	for _, name := range p.names {
		metrics = append(metrics, MetricInfo{Namespace: "SYS.ECS", MetricName: name, Unit: "%",
			Dimensions: []Dimension{{Name: "instance_id", Value: "ecs-0001"}}})
	}
	answer := map[string]any{"metrics": metrics,
		"meta_data": map[string]any{"count": len(metrics), "marker": p.marker}}
	_ = json.NewEncoder(w).Encode(answer)
}

// catalogServer answers each start marker with its scripted page and records the queries.
func catalogServer(t *testing.T, pages map[string]page, mutate func(*Config)) (*Client,
	*[]string) {
	var mu sync.Mutex
	var queries []string
	client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries = append(queries, r.URL.RawQuery)
		mu.Unlock()
		if r.URL.Path != "/V1.0/"+devProject+"/metrics" || !verifySignature(r, nil) {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		answer, ok := pages[r.URL.Query().Get("start")]
		if !ok {
			t.Errorf("unexpected marker %q", r.URL.Query().Get("start"))
			answer = page{}
		}
		answer.write(w)
	}, mutate)
	return client, &queries
}

func TestCatalogReadsEveryPage(t *testing.T) {
	tests := []struct {
		name      string
		pages     map[string]page
		want      []string
		wantCalls int
		wantErr   string
	}{
		{
			name: "several pages are joined in order until an empty page",
			pages: map[string]page{
				"":                 {names: []string{"cpu_util", "mem_util"}, marker: "SYS.ECS.mem_util"},
				"SYS.ECS.mem_util": {names: []string{"disk_util_inband"}, marker: "m3"},
				"m3":               {},
			},
			want:      []string{"cpu_util", "mem_util", "disk_util_inband"},
			wantCalls: 3,
		},
		{
			name:      "an empty catalog is an empty list",
			pages:     map[string]page{"": {}},
			wantCalls: 1,
		},
		{
			name:      "a page without a marker ends the catalog",
			pages:     map[string]page{"": {names: []string{"cpu_util"}}},
			want:      []string{"cpu_util"},
			wantCalls: 1,
		},
		{
			name: "a marker that does not advance is an error",
			pages: map[string]page{
				"":   {names: []string{"cpu_util"}, marker: "m1"},
				"m1": {names: []string{"mem_util"}, marker: "m1"},
			},
			wantCalls: 2,
			wantErr:   `paging marker "m1" twice`,
		},
		{
			name: "markers that go round in a circle are an error",
			pages: map[string]page{
				"":   {names: []string{"a"}, marker: "m1"},
				"m1": {names: []string{"b"}, marker: "m2"},
				"m2": {names: []string{"c"}, marker: "m1"},
			},
			wantCalls: 3,
			wantErr:   `paging marker "m1" twice`,
		},
		{
			name: "an error answer mid-way fails the whole read",
			pages: map[string]page{
				"": {names: []string{"cpu_util"}, marker: "m1"},
				"m1": {status: 400,
					raw: `{"http_code":400,"message":{"details":"bad start","code":"ces.0006"}}`},
			},
			wantCalls: 2,
			wantErr:   "reading page 2 of the metric catalog: CES answered 400 ces.0006",
		},
		{
			name:      "an answer that is not a metric list is an error",
			pages:     map[string]page{"": {raw: `{"metrics":"nope"}`}},
			wantCalls: 1,
			wantErr:   "not a metric list",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, queries := catalogServer(t, tt.pages, nil)

			metrics, err := client.Catalog(context.Background(), "SYS.ECS")

			if len(*queries) != tt.wantCalls {
				t.Errorf("the service saw %d calls, want %d: %v", len(*queries), tt.wantCalls,
					*queries)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := metricNames(metrics); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("metrics = %v, want %v", got, tt.want)
			}
			if (*queries)[0] != "limit=1000&namespace=SYS.ECS" {
				t.Errorf("first query = %s, want the namespace and the largest page", (*queries)[0])
			}
		})
	}
}

func TestCatalogOfAllNamespacesSendsNoNamespace(t *testing.T) {
	client, queries := catalogServer(t, map[string]page{"": {}}, nil)
	if _, err := client.Catalog(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	if (*queries)[0] != "limit=1000" {
		t.Errorf("query = %s, want no namespace", (*queries)[0])
	}
}

func TestCatalogIsCachedForItsTTL(t *testing.T) {
	var clock atomic.Int64
	clock.Store(fakeNow.Unix())
	pages := map[string]page{"": {names: []string{"cpu_util"}}}
	client, queries := catalogServer(t, pages, func(cfg *Config) {
		cfg.CatalogTTL = time.Minute
		cfg.Now = func() time.Time { return time.Unix(clock.Load(), 0) }
	})
	ctx := context.Background()

	steps := []struct {
		name      string
		namespace string
		advance   int64
		wantCalls int
	}{
		{"the first read asks the service", "SYS.ECS", 0, 1},
		{"a read within the TTL is served from the cache", "SYS.ECS", 59, 1},
		{"another namespace has its own entry", "SYS.RDS", 0, 2},
		{"a read after the TTL asks the service again", "SYS.ECS", 1, 3},
	}
	for _, step := range steps {
		clock.Add(step.advance)
		metrics, err := client.Catalog(ctx, step.namespace)
		if err != nil || len(metrics) != 1 {
			t.Fatalf("%s: got %v, %v", step.name, metrics, err)
		}
		if len(*queries) != step.wantCalls {
			t.Errorf("%s: the service saw %d calls, want %d", step.name, len(*queries),
				step.wantCalls)
		}
	}
}

func TestCatalogFailureIsNotCached(t *testing.T) {
	var failing atomic.Bool
	failing.Store(true)
	client := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		if failing.Load() {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		page{}.write(w)
	}, nil)

	_, first := client.Catalog(context.Background(), "SYS.ECS")
	failing.Store(false)
	_, second := client.Catalog(context.Background(), "SYS.ECS")

	var apiErr *APIError
	if !errors.As(first, &apiErr) || apiErr.Status != 500 || second != nil {
		t.Errorf("first = %v, second = %v; want a 500 and then a fresh successful read",
			first, second)
	}
}

func TestConcurrentCatalogReadsShareOneRead(t *testing.T) {
	pages := map[string]page{
		"":   {names: []string{"cpu_util"}, marker: "m1"},
		"m1": {names: []string{"mem_util"}, marker: "m2"},
		"m2": {},
	}
	client, queries := catalogServer(t, pages, nil)

	var wg sync.WaitGroup
	counts := make([]int, 16)
	for i := range counts {
		wg.Go(func() {
			metrics, err := client.Catalog(context.Background(), "SYS.ECS")
			if err == nil {
				counts[i] = len(metrics)
			}
		})
	}
	wg.Wait()

	if len(*queries) != 3 {
		t.Errorf("the service saw %d calls, want one read of 3 pages", len(*queries))
	}
	for i, count := range counts {
		if count != 2 {
			t.Errorf("caller %d got %d metrics, want 2", i, count)
		}
	}
}

func metricNames(metrics []MetricInfo) []string {
	var names []string
	for _, metric := range metrics {
		names = append(names, metric.MetricName)
	}
	return names
}
