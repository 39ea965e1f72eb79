package harness

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/instancemgmt"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/plugin"
)

// benchMetrics are four SYS.ECS metrics: with 25 instances each, 100 series.
var benchMetrics = []string{"cpu_util", "mem_util", "disk_util_inband", "network_vm_connections"}

// BenchmarkQueryData runs QueryData in this process, over real HTTP to the reference service,
// for 100 series of one day at period 300 (288 points each: 10 batches), and reports the share
// of the time spent in the JavaScript engine (planning and shaping; points are joined in Go).
func BenchmarkQueryData(b *testing.B) {
	handler := benchDatasource(b)
	request := benchRequest()
	engine, err := plugin.Engine()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	checkBenchAnswer(b, handler, request)

	before := engine.Stats()
	b.ReportAllocs()
	b.ResetTimer()
	started := time.Now()
	for b.Loop() {
		if _, err := handler.QueryData(ctx, request); err != nil {
			b.Fatal(err)
		}
	}
	total := time.Since(started)
	b.StopTimer()

	busy := engine.Stats().Busy - before.Busy
	b.ReportMetric(100*float64(busy)/float64(total), "engine-%")
	b.ReportMetric(float64(busy.Microseconds())/float64(b.N)/1000, "engine-ms/op")
}

func benchDatasource(b *testing.B) backend.QueryDataHandler {
	b.Helper()
	jsonData, _ := json.Marshal(map[string]any{
		"endpoint": world.service.url, "projectId": devProject, "authType": "aksk",
		// The client's own limit would otherwise pace the loop at 500 calls a minute.
		"callsPerMinute": 1_000_000,
	})
	instance, err := plugin.NewDatasource(context.Background(), backend.DataSourceInstanceSettings{
		UID: "bench", JSONData: jsonData,
		DecryptedSecureJSONData: map[string]string{
			"accessKey": devAccessKey, "secretKey": devSecretKey,
		},
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { instance.(instancemgmt.InstanceDisposer).Dispose() })
	return instance.(backend.QueryDataHandler)
}

func benchRequest() *backend.QueryDataRequest {
	allInstances := "{" + strings.Join(ecsInstances(), ",") + "}"
	request := &backend.QueryDataRequest{}
	for i, metric := range benchMetrics {
		model := cpuQuery(allInstances, "300")
		model["metricName"] = metric
		request.Queries = append(request.Queries,
			query(string(rune('A'+i)), model, seedEnd.Add(-day), seedEnd))
	}
	return request
}

// checkBenchAnswer makes sure the benchmark measures the full answer, not an error.
func checkBenchAnswer(b *testing.B, handler backend.QueryDataHandler,
	request *backend.QueryDataRequest) {
	b.Helper()
	response, err := handler.QueryData(context.Background(), request)
	if err != nil {
		b.Fatal(err)
	}
	series := 0
	for refID, answer := range response.Responses {
		if answer.Error != nil {
			b.Fatalf("%s: %v", refID, answer.Error)
		}
		for _, frame := range answer.Frames {
			if rows, _ := frame.RowLen(); rows != 288 {
				b.Fatalf("%s: frame %q has %d points, want 288", refID, frame.Name, rows)
			}
			series++
		}
	}
	if series != 100 {
		b.Fatalf("%d series, want 100", series)
	}
}
