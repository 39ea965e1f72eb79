package core

import (
	"context"
	"encoding/json"
	"fmt"
)

// Assemble turns the answers of a plan's batches into one result per query. The core's `shape`
// sees only the answers' heads (names, dimensions, units, point counts); the datapoints are
// parsed and joined here, in Go.
func (e *Engine) Assemble(
	ctx context.Context, plan *Plan, answers []BatchAnswer,
) ([]QueryResult, error) {
	if plan == nil {
		return nil, fmt.Errorf("assemble needs the plan the answers belong to")
	}
	view := viewForShape(plan)
	parsed, outcomes := readAnswers(answers, filters(view))
	shape, err := e.shapeKept(ctx, plan, outcomes)
	if err != nil {
		return nil, err
	}
	if shape == nil && plan.replan != nil {
		args, err := boundaryJSON.Marshal([]any{plan.replan.name, plan.replan.input, outcomes})
		if err != nil {
			return nil, fmt.Errorf("assemble input cannot be encoded: %w", err)
		}
		if err := e.call(ctx, "replanShape", args, &shape); err != nil {
			return nil, err
		}
	}
	if shape == nil {
		args, err := boundaryJSON.Marshal([]any{view, outcomes})
		if err != nil {
			return nil, fmt.Errorf("assemble input cannot be encoded: %w", err)
		}
		if err := e.call(ctx, "shapeAnswers", args, &shape); err != nil {
			return nil, err
		}
	}

	results := make([]QueryResult, len(shape.Queries))
	for i, query := range shape.Queries {
		results[i] = QueryResult{
			RefID:               query.RefID,
			Series:              make([]Series, len(query.Series)),
			Notices:             query.Notices,
			ExecutedQueryString: query.ExecutedQueryString,
			Error:               query.Error,
		}
		for j, s := range query.Series {
			timestamps, values := joinParts(s.Field, s.Parts, parsed)
			results[i].Series[j] = Series{
				RefID:      query.RefID,
				Key:        s.Key,
				Name:       s.Name,
				Labels:     s.Labels,
				Unit:       s.Unit,
				CesUnit:    s.CesUnit,
				IntervalMs: s.IntervalMs,
				Timestamps: timestamps,
				Values:     values,
			}
		}
	}
	return results, nil
}

// shapeKept shapes the outcomes against the plan kept in the runtime that made it, so the plan
// does not cross into the engine again. It answers nil when there is no such plan: one decoded
// from JSON, made by another engine, already assembled, dropped for newer ones, or kept in a
// runtime since discarded.
func (e *Engine) shapeKept(ctx context.Context, plan *Plan, outcomes []any) (*shaped, error) {
	if plan.keptIn == nil || plan.keptIn.engine != e {
		return nil, nil
	}
	args, err := boundaryJSON.Marshal([]any{plan.keptID, outcomes})
	if err != nil {
		return nil, fmt.Errorf("assemble input cannot be encoded: %w", err)
	}
	var shape *shaped
	if _, err := e.callOn(ctx, plan.keptIn, "shapeKept", args, &shape); err != nil {
		return nil, err
	}
	return shape, nil
}

// readAnswers parses the 2xx bodies and describes every answer to the core without its
// points: heads of an answer, the error of a batch that got no answer, or the raw body of an
// error status for the core to read (so CES and gateway error bodies are read in one place).
// Points are read for the filter of their batch, which is the field the join reads.
func readAnswers(answers []BatchAnswer, filters map[int]string) (map[int]*cesAnswer, []any) {
	parsed := make(map[int]*cesAnswer, len(answers))
	outcomes := make([]any, len(answers))
	for i, answer := range answers {
		if answer.Err != nil {
			outcomes[i] = failedOutcome{answer.BatchID, answer.Status, answer.Err}
			continue
		}
		if answer.Status >= 200 && answer.Status < 300 {
			if body, err := parseAnswer(answer.Body, filters[answer.BatchID]); err == nil {
				parsed[answer.BatchID] = body
				outcomes[i] = answeredOutcome{answer.BatchID, answer.Status, heads(body)}
				continue
			}
			// A 2xx that is not a batch answer: the core words that error.
			outcomes[i] = unreadOutcome{answer.BatchID, answer.Status, json.RawMessage("null")}
			continue
		}
		body := json.RawMessage("null")
		if json.Valid(answer.Body) {
			body = answer.Body
		}
		outcomes[i] = unreadOutcome{answer.BatchID, answer.Status, body}
	}
	return parsed, outcomes
}

// heads describes each metric of an answer without its datapoints.
func heads(answer *cesAnswer) []metricHead {
	out := make([]metricHead, len(answer.Metrics))
	for i, m := range answer.Metrics {
		dimensions := m.Dimensions
		if dimensions == nil {
			dimensions = []Dimension{}
		}
		out[i] = metricHead{
			Namespace:  m.Namespace,
			MetricName: m.MetricName,
			Dimensions: dimensions,
			Unit:       m.Unit,
			Count:      m.Count,
		}
	}
	return out
}

// shapePlan is a plan as `shape` is given it: each batch's body without its metrics list,
// which `shape` does not read (it matches answers by the batch's keys). Those lists were a
// third of the arguments of a shape call, and building them as JavaScript values was a large
// share of the engine's time. The parity vectors run Assemble, so a core that starts reading
// the metrics of a body fails them.
type shapePlan struct {
	Batches []shapeBatch `json:"batches"`
	Queries []QueryPlan  `json:"queries"`
}

// shapeBatch is a batch as `shape` reads it.
type shapeBatch struct {
	ID     int      `json:"id"`
	Body   bodyHead `json:"body"`
	Keys   []string `json:"keys"`
	RefIDs []string `json:"refIds"`
}

// bodyHead is a batch body without its metrics: each field's JSON text as the core wrote it.
type bodyHead struct {
	From   json.RawMessage `json:"from,omitempty"`
	To     json.RawMessage `json:"to,omitempty"`
	Period json.RawMessage `json:"period,omitempty"`
	Filter json.RawMessage `json:"filter,omitempty"`
}

// viewForShape cuts plan down to what `shape` reads.
func viewForShape(plan *Plan) shapePlan {
	batches := make([]shapeBatch, len(plan.Batches))
	for i, batch := range plan.Batches {
		batches[i] = shapeBatch{ID: batch.ID, Keys: batch.Keys, RefIDs: batch.RefIDs}
		// A body that is not an object (never written by the core) is passed on empty.
		_ = boundaryJSON.Unmarshal(batch.Body, &batches[i].Body)
	}
	return shapePlan{Batches: batches, Queries: plan.Queries}
}

// filters maps each batch id to the filter its body names ("" when it names none).
func filters(view shapePlan) map[int]string {
	out := make(map[int]string, len(view.Batches))
	for _, batch := range view.Batches {
		var filter string
		_ = boundaryJSON.Unmarshal(batch.Body.Filter, &filter)
		out[batch.ID] = filter
	}
	return out
}
