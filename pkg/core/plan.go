package core

import (
	"context"
	"fmt"
)

// Plan runs the core's `plan`: the batches to send for the queries, and what each query expects.
func (e *Engine) Plan(ctx context.Context, in PlanInput) (*Plan, error) {
	return e.plan(ctx, "plan", in, false)
}

// PlanSaved is Plan for queries as saved: the core's own toCoreQuery reads them, so a panel in
// the browser and an alert rule on the server read a saved query the same way. Its Queries hold
// only each query's RefID and Error: the rest stays in the engine, for Assemble.
func (e *Engine) PlanSaved(ctx context.Context, in SavedPlanInput) (*Plan, error) {
	return e.plan(ctx, "planSaved", in, true)
}

// plan runs the planning export `name` through keepPlan, so the runtime that planned keeps
// the plan and Assemble can shape against it there. A slim plan leaves its queries there too:
// decoding them was a large share of a plan call, and only Assemble reads them.
func (e *Engine) plan(ctx context.Context, name string, in any, slim bool) (*Plan, error) {
	id := e.planIDs.Add(1)
	args, err := boundaryJSON.Marshal([]any{id, name, in, slim})
	if err != nil {
		return nil, fmt.Errorf("plan input cannot be encoded: %w", err)
	}
	var plan Plan
	rt, err := e.callAny(ctx, "keepPlan", args, &plan)
	if err != nil {
		return nil, err
	}
	plan.keptIn, plan.keptID = rt, id
	if slim {
		plan.replan = &replan{name: name, input: in}
	}
	return &plan, nil
}
