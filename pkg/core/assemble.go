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

	args, err := json.Marshal([]any{plan, outcomes})
	if err != nil {
		return nil, fmt.Errorf("assemble input cannot be encoded: %w", err)
	}
	var shape shaped
	if err := e.call(ctx, "shape", args, &shape); err != nil {
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

// readAnswers parses the 2xx bodies and describes every answer to the core without its points
// (as a failedOutcome or an answeredOutcome). A 2xx body that is not a batch answer becomes an
// error of its batch, so that its queries say what went wrong.
func readAnswers(answers []BatchAnswer) (map[int]*cesAnswer, []any) {
	parsed := make(map[int]*cesAnswer, len(answers))
	outcomes := make([]any, len(answers))
	for i, answer := range answers {
		failure := answer.Err
		answered := failure == nil && answer.Status >= 200 && answer.Status < 300
		if !answered && failure == nil {
			failure = &AnswerError{
				Message: fmt.Sprintf("the service answered with status %d", answer.Status),
			}
		}
		if answered {
			body, err := parseAnswer(answer.Body)
			if err == nil {
				parsed[answer.BatchID] = body
				outcomes[i] = answeredOutcome{answer.BatchID, answer.Status, heads(body)}
				continue
			}
			failure = &AnswerError{Message: "the service answered with a body that is not " +
				"a batch answer: " + err.Error()}
		}
		outcomes[i] = failedOutcome{answer.BatchID, answer.Status, failure}
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
