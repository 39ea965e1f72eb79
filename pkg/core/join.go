package core

// joinParts is the core's joinParts, done natively so the JavaScript engine never sees a
// datapoint: parts are read in order, a point is kept when it is later than the last kept one
// (windows overlap at their edges), its value is the filter's field or else `average`, and a
// point with neither is skipped.
func joinParts(field string, parts []seriesPart, answers map[int]*cesAnswer) ([]int64, []*float64) {
	total := 0
	for _, part := range parts {
		if metric := partMetric(part, answers); metric != nil {
			total += len(metric.Datapoints)
		}
	}

	// One backing array holds every value, so the nullable slice costs two allocations, not
	// one per point.
	timestamps := make([]int64, 0, total)
	backing := make([]float64, 0, total)
	for _, part := range parts {
		metric := partMetric(part, answers)
		if metric == nil {
			continue
		}
		for i := range metric.Datapoints {
			point := &metric.Datapoints[i]
			if !point.Timestamp.ok {
				continue
			}
			timestamp := int64(point.Timestamp.value)
			if n := len(timestamps); n > 0 && timestamp <= timestamps[n-1] {
				continue
			}
			value := point.field(field)
			if !value.ok {
				value = point.Average
			}
			if !value.ok {
				continue
			}
			timestamps = append(timestamps, timestamp)
			backing = append(backing, value.value)
		}
	}

	values := make([]*float64, len(backing))
	for i := range backing {
		values[i] = &backing[i]
	}
	return timestamps, values
}

// partMetric finds the answer metric a part points at, or nil when there is none.
func partMetric(part seriesPart, answers map[int]*cesAnswer) *cesMetric {
	answer := answers[part.BatchID]
	if answer == nil || part.Index < 0 || part.Index >= len(answer.Metrics) {
		return nil
	}
	return &answer.Metrics[part.Index]
}
