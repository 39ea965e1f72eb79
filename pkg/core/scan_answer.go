package core

// answerScanner reads a batch answer of the shape the service writes (see scanner for what
// is plain), appending the points the join keeps for field to one array.
type answerScanner struct {
	scanner
	field  string
	points []point
}

// scanAnswer reads body as scanDatapoints reads datapoints; ok is false for any body it does
// not read in full, which jsoniter then reads.
func scanAnswer(body []byte, field string, points []point) (_ *cesAnswer, ok bool) {
	s := answerScanner{scanner: scanner{b: body}, field: field, points: points}
	var answer cesAnswer
	ok = s.object(func(key []byte) bool {
		if string(key) != "metrics" {
			return s.skipValue()
		}
		answer.Metrics = []cesMetric{}
		return s.array(func() bool {
			metric, ok := s.metric()
			answer.Metrics = append(answer.Metrics, metric)
			return ok
		})
	})
	if !ok || !s.end() || answer.Metrics == nil {
		return nil, false
	}
	return &answer, true
}

// metric reads one metric of an answer.
func (s *answerScanner) metric() (cesMetric, bool) {
	var metric cesMetric
	first := len(s.points)
	ok := s.object(func(key []byte) bool {
		var text []byte
		ok := true
		switch string(key) {
		case "namespace":
			text, ok = s.str()
			metric.Namespace = string(text)
		case "metric_name":
			text, ok = s.str()
			metric.MetricName = string(text)
		case "unit":
			text, ok = s.str()
			metric.Unit = string(text)
		case "dimensions":
			ok = s.array(func() bool {
				dimension, ok := s.dimension()
				metric.Dimensions = append(metric.Dimensions, dimension)
				return ok
			})
		case "datapoints":
			var count int
			count, ok = s.datapoints()
			metric.Count += count
		default:
			ok = s.skipValue()
		}
		return ok
	})
	// The points of this metric are the ones appended while reading it.
	metric.Points = s.points[first:len(s.points):len(s.points)]
	return metric, ok
}

// dimension reads one {name, value} dimension.
func (s *answerScanner) dimension() (Dimension, bool) {
	var dimension Dimension
	ok := s.object(func(key []byte) bool {
		var text []byte
		ok := true
		switch string(key) {
		case "name":
			text, ok = s.str()
			dimension.Name = string(text)
		case "value":
			text, ok = s.str()
			dimension.Value = string(text)
		default:
			ok = s.skipValue()
		}
		return ok
	})
	return dimension, ok
}

// datapoints reads a datapoints array and returns how many datapoints it held. A datapoint's
// value is its field's number, else its average's; the last of repeated keys wins, and any
// value other than a number leaves its key absent, as in readDatapoint.
func (s *answerScanner) datapoints() (count int, ok bool) {
	ok = s.array(func() bool {
		var timestamp, value, average float64
		var hasTimestamp, hasValue, hasAverage bool
		ok := s.object(func(key []byte) bool {
			number, isNumber, ok := s.value()
			if !isNumber {
				return ok
			}
			switch {
			case string(key) == "timestamp":
				timestamp, hasTimestamp = number, true
			case string(key) == "average":
				average, hasAverage = number, true
			}
			if s.field != "" && string(key) == s.field {
				value, hasValue = number, true
			}
			return true
		})
		count++
		if !hasValue {
			value, hasValue = average, hasAverage
		}
		if hasTimestamp && hasValue {
			s.points = append(s.points, point{Timestamp: int64(timestamp), Value: value})
		}
		return ok
	})
	return count, ok
}

// object reads a JSON object, calling member after each key and its colon to read the value.
func (s *answerScanner) object(member func(key []byte) bool) bool {
	if !s.next('{') {
		return false
	}
	if s.next('}') {
		return true
	}
	for {
		key, ok := s.str()
		if !ok || !s.next(':') || !member(key) {
			return false
		}
		if s.next('}') {
			return true
		}
		if !s.next(',') {
			return false
		}
	}
}

// array reads a JSON array, calling element to read each element.
func (s *answerScanner) array(element func() bool) bool {
	if !s.next('[') {
		return false
	}
	if s.next(']') {
		return true
	}
	for {
		if !element() {
			return false
		}
		if s.next(']') {
			return true
		}
		if !s.next(',') {
			return false
		}
	}
}
