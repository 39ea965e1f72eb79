package core

import (
	"bytes"
	"errors"

	jsoniter "github.com/json-iterator/go"
)

// AnswerError is why a batch got no answer at all (it could not be sent, or the call failed
// before the service answered): an optional code and a message for the user.
type AnswerError struct {
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
}

// BatchAnswer is what came back for one batch of a plan: the service's status and raw body,
// whatever the status (the core reads the CES or gateway error body of a failure), or Err
// when there was no answer to read.
type BatchAnswer struct {
	BatchID int
	Status  int
	Body    []byte
	Err     *AnswerError
}

// cesAnswer is the 200 body of batch-query-metric-data, its points read for one statistic.
type cesAnswer struct {
	Metrics []cesMetric
	// field is the statistic the points' values were read for ("" means average only).
	field string
	body  []byte
	// others holds the body read again for other statistics, which only tests ask for: a
	// series reads the field its batch's filter names.
	others map[string]*cesAnswer
}

// cesMetric is one metric of an answer, its usable points included.
type cesMetric struct {
	Namespace  string
	MetricName string
	Dimensions []Dimension
	Unit       string
	// Count is how many datapoints the answer held, usable or not.
	Count int
	// Points are the datapoints with a numeric timestamp and a value, in answer order.
	Points []point
}

// point is a datapoint as the join reads it: its timestamp and the value of the field it was
// read for, or of `average` when that field is not a number. A datapoint without a numeric
// timestamp or without either value is not kept, as the join would skip it.
type point struct {
	Timestamp int64
	Value     float64
}

// statistic is the datapoint field a CES filter names, or "" for any other filter, which
// leaves the join reading `average`.
func statistic(filter string) string {
	switch filter {
	case "average", "max", "min", "sum", "variance":
		return filter
	}
	return ""
}

// forField returns the answer with its points read for field, reading the body again when it
// was read for another statistic.
func (a *cesAnswer) forField(field string) *cesAnswer {
	field = statistic(field)
	if field == a.field {
		return a
	}
	if other := a.others[field]; other != nil {
		return other
	}
	other, err := parseAnswer(a.body, field)
	if err != nil {
		return nil
	}
	if a.others == nil {
		a.others = map[string]*cesAnswer{}
	}
	a.others[field] = other
	return other
}

// parseAnswer decodes the body of a 2xx answer, keeping of each datapoint only what the join
// of the statistic field reads. An answer for 100 series holds ~30,000 datapoints, and
// decoding them was most of the time of Assemble: scanAnswer reads the shape the service
// writes without a string or closure per datapoint; any other body is read by jsoniter's
// iterator, which decides what is and is not an answer.
func parseAnswer(body []byte, field string) (*cesAnswer, error) {
	field = statistic(field)
	// One array holds the points of every metric. Each point is an object, so the braces
	// counted bound its length; counting one byte is vectorised, counting a word is not.
	points := make([]point, 0, bytes.Count(body, []byte{'{'}))
	answer, ok := scanAnswer(body, field, points)
	if !ok {
		var err error
		if answer, err = readAnswer(body, field, points); err != nil {
			return nil, err
		}
	}
	answer.field, answer.body = field, body
	return answer, nil
}

// readAnswer decodes an answer with jsoniter's iterator.
func readAnswer(body []byte, field string, points []point) (*cesAnswer, error) {
	iter := jsoniter.ParseBytes(jsoniter.ConfigDefault, body)
	reader := pointReader{field: field, points: points}
	var answer cesAnswer
	readObject(iter, "answer", func(name string) {
		if name != "metrics" {
			iter.Skip()
			return
		}
		answer.Metrics = []cesMetric{}
		readArray(iter, "metrics", func() {
			answer.Metrics = append(answer.Metrics, readMetric(iter, &reader))
		})
	})
	if iter.Error != nil {
		return nil, iter.Error
	}
	if answer.Metrics == nil {
		return nil, errors.New("the answer has no metrics list")
	}
	return &answer, nil
}

// readMetric reads one metric of an answer.
func readMetric(iter *jsoniter.Iterator, reader *pointReader) cesMetric {
	var metric cesMetric
	first := len(reader.points)
	readObject(iter, "metric", func(name string) {
		switch name {
		case "namespace":
			metric.Namespace = iter.ReadString()
		case "metric_name":
			metric.MetricName = iter.ReadString()
		case "unit":
			metric.Unit = iter.ReadString()
		case "dimensions":
			readArray(iter, "dimensions", func() {
				metric.Dimensions = append(metric.Dimensions, readDimension(iter))
			})
		case "datapoints":
			metric.Count += reader.read(iter)
		default:
			iter.Skip()
		}
	})
	// The points of this metric are the ones appended while reading it.
	metric.Points = reader.points[first:len(reader.points):len(reader.points)]
	return metric
}

// readDimension reads one {name, value} dimension.
func readDimension(iter *jsoniter.Iterator) Dimension {
	var dimension Dimension
	readObject(iter, "dimension", func(name string) {
		switch name {
		case "name":
			dimension.Name = iter.ReadString()
		case "value":
			dimension.Value = iter.ReadString()
		default:
			iter.Skip()
		}
	})
	return dimension
}

// readObject calls read for each field of a JSON object, which must consume the field's value.
func readObject(iter *jsoniter.Iterator, what string, read func(field string)) {
	if iter.WhatIsNext() != jsoniter.ObjectValue {
		iter.ReportError("read "+what, "the "+what+" is not a JSON object")
		return
	}
	iter.ReadObjectCB(func(_ *jsoniter.Iterator, field string) bool {
		read(field)
		return iter.Error == nil
	})
}

// readArray calls read for each element of a JSON array, which must consume the element.
func readArray(iter *jsoniter.Iterator, what string, read func()) {
	if iter.WhatIsNext() != jsoniter.ArrayValue {
		iter.ReportError("read "+what, what+" is not a JSON array")
		return
	}
	iter.ReadArrayCB(func(*jsoniter.Iterator) bool {
		read()
		return iter.Error == nil
	})
}
