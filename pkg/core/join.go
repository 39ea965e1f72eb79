package core

// joinParts is the core's joinParts, done natively so the JavaScript engine never sees a
// datapoint: parts are read in order, a point is kept when it is later than the last kept one
// (windows overlap at their edges), its value is the filter's field or else `average`, and a
// point with neither is skipped (parseAnswer already left those out).
func joinParts(field string, parts []seriesPart, answers map[int]*cesAnswer) ([]int64, []*float64) {
	metrics := make([]*cesMetric, 0, len(parts))
	total := 0
	for _, part := range parts {
		if metric := partMetric(part, field, answers); metric != nil {
			metrics = append(metrics, metric)
			total += len(metric.Points)
		}
	}

	// One backing array holds every value, so the nullable slice costs two allocations, not
	// one per point.
	timestamps := make([]int64, 0, total)
	backing := make([]float64, 0, total)
	for _, metric := range metrics {
		for _, p := range metric.Points {
			if n := len(timestamps); n > 0 && p.Timestamp <= timestamps[n-1] {
				continue
			}
			timestamps = append(timestamps, p.Timestamp)
			backing = append(backing, p.Value)
		}
	}

	values := make([]*float64, len(backing))
	for i := range backing {
		values[i] = &backing[i]
	}
	return timestamps, values
}

// partMetric finds the answer metric a part points at, its points read for field, or nil when
// there is none.
func partMetric(part seriesPart, field string, answers map[int]*cesAnswer) *cesMetric {
	answer := answers[part.BatchID]
	if answer == nil {
		return nil
	}
	answer = answer.forField(field)
	if answer == nil || part.Index < 0 || part.Index >= len(answer.Metrics) {
		return nil
	}
	return &answer.Metrics[part.Index]
}
