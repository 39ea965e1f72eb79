package core

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// AnswerError is why a batch has no usable answer: the service's error code and message, or
// a transport failure (code empty).
type AnswerError struct {
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
}

// BatchAnswer is what came back for one batch of a plan. Body is the raw CES JSON of a 2xx
// answer; Err is set instead when the batch failed.
type BatchAnswer struct {
	BatchID int
	Status  int
	Body    []byte
	Err     *AnswerError
}

// cesAnswer is the 200 body of batch-query-metric-data.
type cesAnswer struct {
	Metrics []cesMetric `json:"metrics"`
}

// cesMetric is one metric of an answer, datapoints included.
type cesMetric struct {
	Namespace  string      `json:"namespace"`
	MetricName string      `json:"metric_name"`
	Dimensions []Dimension `json:"dimensions"`
	Unit       string      `json:"unit"`
	Datapoints []datapoint `json:"datapoints"`
}

// datapoint holds a timestamp and whichever statistic fields the answer carried.
type datapoint struct {
	Timestamp int64    `json:"timestamp"`
	Average   optFloat `json:"average"`
	Max       optFloat `json:"max"`
	Min       optFloat `json:"min"`
	Sum       optFloat `json:"sum"`
	Variance  optFloat `json:"variance"`
}

// optFloat is a number that may be absent or null. It decodes without a heap allocation,
// where a *float64 would cost one per datapoint.
type optFloat struct {
	value float64
	ok    bool
}

// UnmarshalJSON reads a JSON number; null leaves the value absent.
func (f *optFloat) UnmarshalJSON(raw []byte) error {
	if bytes.Equal(raw, []byte("null")) {
		*f = optFloat{}
		return nil
	}
	value, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return fmt.Errorf("datapoint value %s is not a number", raw)
	}
	*f = optFloat{value: value, ok: true}
	return nil
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

// parseAnswer decodes the body of a 2xx answer.
func parseAnswer(body []byte) (*cesAnswer, error) {
	var answer cesAnswer
	if err := json.Unmarshal(body, &answer); err != nil {
		return nil, err
	}
	if answer.Metrics == nil {
		return nil, fmt.Errorf("it has no metrics list")
	}
	return &answer, nil
}
