package core

import (
	"context"
	"fmt"
)

// Plan runs the core's `plan`: the batches to send for the queries, and what each query expects.
func (e *Engine) Plan(ctx context.Context, in PlanInput) (*Plan, error) {
	args, err := boundaryJSON.Marshal([]any{in})
	if err != nil {
		return nil, fmt.Errorf("plan input cannot be encoded: %w", err)
	}
	var plan Plan
	if err := e.call(ctx, "plan", args, &plan); err != nil {
		return nil, err
	}
	return &plan, nil
}
