package core

import (
	"context"
	"encoding/json"
	"testing"
)

func TestSlimPlansAssembleAsFullOnes(t *testing.T) {
	engine, err := NewEngine(Options{PoolSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	input := SavedPlanInput{
		Queries: []SavedQuery{{RefID: "A", Namespace: "SYS.ECS", MetricName: "cpu_util",
			Dimensions: []SavedDimension{{Name: "instance_id", Value: "{ecs-1,ecs-2}"}},
			Period:     "300", Filter: "average"}},
		Range: TimeRange{From: 0, To: 3_600_000},
	}
	full, err := engine.Plan(ctx, PlanInput{
		Queries: []CoreQuery{{RefID: "A", Namespace: "SYS.ECS", MetricName: "cpu_util",
			Dimensions: []DimensionFilter{{Name: "instance_id", Values: []string{"ecs-1", "ecs-2"}}},
			Period:     "300", Filter: "average"}},
		Range: input.Range,
	})
	if err != nil {
		t.Fatal(err)
	}
	answers := answersFor(t, full)
	want, err := engine.Assemble(ctx, full, answers)
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		// before runs between planning and assembling.
		before func(t *testing.T, plan *Plan)
	}{
		{name: "a slim plan is shaped against the plan kept in its runtime",
			before: func(*testing.T, *Plan) {}},
		{name: "a slim plan kept in a discarded runtime is planned again",
			before: func(t *testing.T, plan *Plan) {
				_ = plan.keptIn.lock(ctx)
				plan.keptIn.discarded = true
				plan.keptIn.unlock()
			}},
		{name: "a slim plan dropped for newer ones is planned again",
			before: func(t *testing.T, _ *Plan) {
				for range keptLimit {
					if _, err := engine.PlanSaved(ctx, input); err != nil {
						t.Fatal(err)
					}
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := engine.PlanSaved(ctx, input)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Queries) != 1 || plan.Queries[0].RefID != "A" ||
				plan.Queries[0].Descriptors != nil {
				t.Fatalf("queries of a slim plan = %+v, want the refId only", plan.Queries)
			}
			tt.before(t, plan)
			got, err := engine.Assemble(ctx, plan, answers)
			if err != nil {
				t.Fatal(err)
			}
			wantJSON, _ := json.Marshal(want)
			assertJSONEqual(t, got, string(wantJSON))
		})
	}
}

// answersFor answers every metric of each batch of plan with one point.
func answersFor(t *testing.T, plan *Plan) []BatchAnswer {
	t.Helper()
	answers := make([]BatchAnswer, len(plan.Batches))
	for i, batch := range plan.Batches {
		var body struct {
			Metrics []map[string]any `json:"metrics"`
			From    int64            `json:"from"`
		}
		if err := json.Unmarshal(batch.Body, &body); err != nil {
			t.Fatal(err)
		}
		for j, metric := range body.Metrics {
			metric["unit"] = "%"
			metric["datapoints"] = []map[string]any{{"timestamp": body.From, "average": j}}
		}
		raw, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		answers[i] = BatchAnswer{BatchID: batch.ID, Status: 200, Body: raw}
	}
	return answers
}
