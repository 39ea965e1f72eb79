package core

import (
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

// cesAnswer is the 200 body of batch-query-metric-data.
type cesAnswer struct {
	Metrics []cesMetric
}

// cesMetric is one metric of an answer, datapoints included.
type cesMetric struct {
	Namespace  string
	MetricName string
	Dimensions []Dimension
	Unit       string
	Datapoints []datapoint
}

// datapoint holds a timestamp and whichever statistic fields the answer carried.
type datapoint struct {
	Timestamp optFloat
	Average   optFloat
	Max       optFloat
	Min       optFloat
	Sum       optFloat
	Variance  optFloat
}

// optFloat is a number that may be absent: null, a string or a missing field all leave it
// absent, as the core's `typeof v === 'number'` test does.
type optFloat struct {
	value float64
	ok    bool
}

// field returns the statistic named by a CES filter.
func (p *datapoint) field(name string) optFloat {
	switch name {
	case "average":
		return p.Average
	case "max":
		return p.Max
	case "min":
		return p.Min
	case "sum":
		return p.Sum
	case "variance":
		return p.Variance
	}
	return optFloat{}
}

// parseAnswer decodes the body of a 2xx answer. It walks the JSON with jsoniter's iterator
// rather than reflection: an answer for 100 series holds ~30,000 datapoints, and decoding them
// was most of the time of Assemble.
func parseAnswer(body []byte) (*cesAnswer, error) {
	iter := jsoniter.ParseBytes(jsoniter.ConfigDefault, body)
	var answer cesAnswer
	readObject(iter, "answer", func(field string) {
		if field != "metrics" {
			iter.Skip()
			return
		}
		answer.Metrics = []cesMetric{}
		readArray(iter, "metrics", func() {
			answer.Metrics = append(answer.Metrics, readMetric(iter))
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
func readMetric(iter *jsoniter.Iterator) cesMetric {
	var metric cesMetric
	readObject(iter, "metric", func(field string) {
		switch field {
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
			readArray(iter, "datapoints", func() {
				metric.Datapoints = append(metric.Datapoints, readDatapoint(iter))
			})
		default:
			iter.Skip()
		}
	})
	return metric
}

// readDimension reads one {name, value} dimension.
func readDimension(iter *jsoniter.Iterator) Dimension {
	var dimension Dimension
	readObject(iter, "dimension", func(field string) {
		switch field {
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

// readDatapoint reads one datapoint; fields other than the timestamp and statistics are
// skipped.
func readDatapoint(iter *jsoniter.Iterator) datapoint {
	var point datapoint
	readObject(iter, "datapoint", func(field string) {
		var target *optFloat
		switch field {
		case "timestamp":
			target = &point.Timestamp
		case "average":
			target = &point.Average
		case "max":
			target = &point.Max
		case "min":
			target = &point.Min
		case "sum":
			target = &point.Sum
		case "variance":
			target = &point.Variance
		}
		if target == nil || iter.WhatIsNext() != jsoniter.NumberValue {
			iter.Skip()
			return
		}
		*target = optFloat{value: iter.ReadFloat64(), ok: true}
	})
	return point
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
