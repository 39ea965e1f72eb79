package core

import (
	"context"
	"encoding/json"
	"testing"
	"time"
)

// keptInput is a two-query plan input for the fixture core.
var keptInput = PlanInput{
	Queries: []CoreQuery{
		{RefID: "A", Namespace: "SYS.ECS", MetricName: "cpu_util", Period: "300", Filter: "max"},
		{RefID: "B", Namespace: "SYS.ECS", MetricName: "mem_util", Period: "300", Filter: "max"},
	},
	Range: TimeRange{From: 0, To: 600000},
}

// keptAnswers answer both batches of keptInput.
var keptAnswers = []BatchAnswer{
	{BatchID: 0, Status: 200, Body: []byte(`{"metrics":[{"namespace":"SYS.ECS",` +
		`"metric_name":"cpu_util","unit":"%","datapoints":[{"timestamp":0,"max":1.5}]}]}`)},
	{BatchID: 1, Status: 429, Err: &AnswerError{Code: "limit", Message: "rate limited"}},
}

// keptWant is what Assemble gives for keptAnswers, however the plan reaches `shape`.
const keptWant = `[{"refId":"A","notices":[],"executedQueryString":"fixture","series":[
	{"refId":"A","key":"SYS.ECS.cpu_util","name":"cpu_util","labels":{"count":"1"},
	 "unit":"%","cesUnit":"%","intervalMs":300000,"timestamps":[0],"values":[1.5]}]},
  {"refId":"B","notices":[],"executedQueryString":"fixture","series":[],
   "error":{"status":429,"code":"limit","message":"rate limited"}}]`

func TestPlansKeptInTheirRuntime(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		// before runs between planning and assembling; it answers the plan to assemble.
		before func(t *testing.T, engine *Engine, plan *Plan) *Plan
		// wantKept is how many plans the runtime keeps after the assembly.
		wantKept int
	}{
		{name: "a plan is shaped where it was made and then let go",
			before: func(t *testing.T, engine *Engine, plan *Plan) *Plan {
				if got := keptPlans(t, engine); got != 1 {
					t.Fatalf("%d plans kept after planning, want 1", got)
				}
				return plan
			}},
		{name: "a plan kept in a runtime since discarded is sent to another one",
			before: func(t *testing.T, engine *Engine, plan *Plan) *Plan {
				var out any
				if err := engine.call(ctx, "spin", nil, &out); err == nil {
					t.Fatal("spin was not stopped")
				}
				if !plan.keptIn.discarded {
					t.Fatal("the runtime that kept the plan was not discarded")
				}
				return plan
			}},
		{name: "a plan decoded from JSON is sent to the core",
			before: func(t *testing.T, _ *Engine, plan *Plan) *Plan {
				raw, err := json.Marshal(plan)
				if err != nil {
					t.Fatal(err)
				}
				var decoded Plan
				if err := json.Unmarshal(raw, &decoded); err != nil {
					t.Fatal(err)
				}
				return &decoded
			}, wantKept: 1},
		{name: "a plan of another engine is sent to the core",
			before: func(t *testing.T, _ *Engine, plan *Plan) *Plan {
				other := fixtureEngine(t, Options{PoolSize: 1})
				otherPlan, err := other.Plan(ctx, keptInput)
				if err != nil {
					t.Fatal(err)
				}
				return otherPlan
			}, wantKept: 1},
		{name: "plans never assembled are dropped beyond the runtime's limit",
			before: func(t *testing.T, engine *Engine, plan *Plan) *Plan {
				for range keptLimit + 5 {
					if _, err := engine.Plan(ctx, keptInput); err != nil {
						t.Fatal(err)
					}
				}
				if got := keptPlans(t, engine); got != keptLimit {
					t.Fatalf("%d plans kept, want at most %d", got, keptLimit)
				}
				return plan
			}, wantKept: keptLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			engine := fixtureEngine(t, Options{PoolSize: 1, CallTimeout: 100 * time.Millisecond})
			plan, err := engine.Plan(ctx, keptInput)
			if err != nil {
				t.Fatal(err)
			}
			results, err := engine.Assemble(ctx, tt.before(t, engine, plan), keptAnswers)
			if err != nil {
				t.Fatal(err)
			}
			assertJSONEqual(t, results, keptWant)
			if got := keptPlans(t, engine); got != tt.wantKept {
				t.Fatalf("%d plans kept after assembling, want %d", got, tt.wantKept)
			}
		})
	}
}

// keptPlans counts the plans kept in the engine's runtime (the tests use a pool of one).
func keptPlans(t *testing.T, engine *Engine) int {
	t.Helper()
	var n int
	if err := engine.call(context.Background(), "keptPlans", nil, &n); err != nil {
		t.Fatal(err)
	}
	return n
}
