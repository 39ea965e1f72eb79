package core_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/core"
	"github.com/hwc-cloudeye/cloudeye-datasource/pkg/frames"
)

// benchCase is one query of 100 instances over one day at period 300: 100 series of 288 points.
type benchCase struct {
	engine  *core.Engine
	input   core.PlanInput
	plan    *core.Plan
	answers []core.BatchAnswer
}

func newBenchCase(b *testing.B) benchCase {
	engine, err := core.NewEngine(core.Options{PoolSize: 1})
	if err != nil {
		b.Fatal(err)
	}
	instances := make([]string, 100)
	for i := range instances {
		instances[i] = fmt.Sprintf("ecs-%04d", i+1)
	}
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	input := core.PlanInput{
		Queries: []core.CoreQuery{{RefID: "A", Namespace: "SYS.ECS", MetricName: "cpu_util",
			Dimensions: []core.DimensionFilter{{Name: "instance_id", Values: instances}},
			Period:     "300", Filter: "average"}},
		Range: core.TimeRange{From: from, To: from + 288*300_000},
	}
	plan, err := engine.Plan(context.Background(), input)
	if err != nil {
		b.Fatal(err)
	}
	answers := make([]core.BatchAnswer, len(plan.Batches))
	for i, batch := range plan.Batches {
		answers[i] = core.BatchAnswer{BatchID: batch.ID, Status: 200, Body: answerFor(b, batch)}
	}
	return benchCase{engine: engine, input: input, plan: plan, answers: answers}
}

// answerFor answers a batch as the service would: every bucket of its range, per metric.
func answerFor(b *testing.B, batch core.Batch) []byte {
	var request struct {
		Metrics []map[string]any `json:"metrics"`
		From    int64            `json:"from"`
		To      int64            `json:"to"`
	}
	if err := json.Unmarshal(batch.Body, &request); err != nil {
		b.Fatal(err)
	}
	for i, metric := range request.Metrics {
		var points []map[string]any
		for t := request.From; t < request.To; t += 300_000 {
			points = append(points, map[string]any{"timestamp": t, "average": float64(i) + 0.25})
		}
		metric["unit"] = "%"
		metric["datapoints"] = points
	}
	body, err := json.Marshal(map[string]any{"metrics": request.Metrics})
	if err != nil {
		b.Fatal(err)
	}
	return body
}

// reportEngineShare adds the time spent inside the JavaScript engine per operation.
func reportEngineShare(b *testing.B, engine *core.Engine, before core.Stats, total time.Duration) {
	busy := engine.Stats().Busy - before.Busy
	b.ReportMetric(float64(busy.Nanoseconds())/float64(b.N), "engine-ns/op")
	b.ReportMetric(100*float64(busy)/float64(total), "engine-%")
}

// BenchmarkAssemble measures Assemble alone: heads through the core's shape, points in Go.
func BenchmarkAssemble(b *testing.B) {
	c := newBenchCase(b)
	ctx := context.Background()
	results, err := c.engine.Assemble(ctx, c.plan, c.answers)
	if err != nil {
		b.Fatal(err)
	}
	if n, points := len(results[0].Series), len(results[0].Series[0].Timestamps); n != 100 ||
		points != 288 {
		b.Fatalf("got %d series of %d points, want 100 x 288", n, points)
	}

	b.ReportAllocs()
	before := c.engine.Stats()
	start := time.Now()
	for b.Loop() {
		if _, err := c.engine.Assemble(ctx, c.plan, c.answers); err != nil {
			b.Fatal(err)
		}
	}
	reportEngineShare(b, c.engine, before, time.Since(start))
}

// BenchmarkPlanAssembleFrames measures what QueryData does around the HTTP calls: plan,
// assemble and the frames.
func BenchmarkPlanAssembleFrames(b *testing.B) {
	c := newBenchCase(b)
	ctx := context.Background()

	b.ReportAllocs()
	before := c.engine.Stats()
	start := time.Now()
	for b.Loop() {
		plan, err := c.engine.Plan(ctx, c.input)
		if err != nil {
			b.Fatal(err)
		}
		results, err := c.engine.Assemble(ctx, plan, c.answers)
		if err != nil {
			b.Fatal(err)
		}
		if len(frames.FromResult(results[0])) != 100 {
			b.Fatal("want 100 frames")
		}
	}
	reportEngineShare(b, c.engine, before, time.Since(start))
}
