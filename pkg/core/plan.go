package core

import (
	"context"
	"fmt"
)

// Plan runs the core's `plan`: the batches to send for the queries, and what each query expects.
func (e *Engine) Plan(ctx context.Context, in PlanInput) (*Plan, error) {
	return e.plan(ctx, "plan", in)
}

// PlanSaved is Plan for queries as saved: the core's own toCoreQuery reads them, so a panel in
// the browser and an alert rule on the server read a saved query the same way.
func (e *Engine) PlanSaved(ctx context.Context, in SavedPlanInput) (*Plan, error) {
	return e.plan(ctx, "planSaved", in)
}

func (e *Engine) plan(ctx context.Context, name string, in any) (*Plan, error) {
	args, err := boundaryJSON.Marshal([]any{in})
	if err != nil {
		return nil, fmt.Errorf("plan input cannot be encoded: %w", err)
	}
	var plan Plan
	if err := e.call(ctx, name, args, &plan); err != nil {
		return nil, err
	}
	return &plan, nil
}
