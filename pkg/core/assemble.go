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
	parsed, outcomes := readAnswers(answers)

	args, err := boundaryJSON.Marshal([]any{plan, outcomes})
	if err != nil {
		return nil, fmt.Errorf("assemble input cannot be encoded: %w", err)
	}
	var shape shaped
	if err := e.call(ctx, "shapeAnswers", args, &shape); err != nil {
		return nil, err
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

// readAnswers parses the 2xx bodies and describes every answer to the core without its
// points: heads of an answer, the error of a batch that got no answer, or the raw body of an
// error status for the core to read (so CES and gateway error bodies are read in one place).
func readAnswers(answers []BatchAnswer) (map[int]*cesAnswer, []any) {
	parsed := make(map[int]*cesAnswer, len(answers))
	outcomes := make([]any, len(answers))
	for i, answer := range answers {
		if answer.Err != nil {
			outcomes[i] = failedOutcome{answer.BatchID, answer.Status, answer.Err}
			continue
		}
		if answer.Status >= 200 && answer.Status < 300 {
			if body, err := parseAnswer(answer.Body); err == nil {
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
			Count:      len(m.Datapoints),
		}
	}
	return out
}
