package core

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
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
	Timestamp optFloat `json:"timestamp"`
	Average   optFloat `json:"average"`
	Max       optFloat `json:"max"`
	Min       optFloat `json:"min"`
	Sum       optFloat `json:"sum"`
	Variance  optFloat `json:"variance"`
}

// optFloat is a number that may be absent. It decodes without a heap allocation, where a
// *float64 would cost one per datapoint.
type optFloat struct {
	value float64
	ok    bool
}

// UnmarshalJSON reads a JSON number. Anything else (null, a string) leaves the value absent,
// as the core's `typeof v === 'number'` test does.
func (f *optFloat) UnmarshalJSON(raw []byte) error {
	*f = optFloat{}
	if len(raw) == 0 || (raw[0] != '-' && (raw[0] < '0' || raw[0] > '9')) {
		return nil
	}
	value, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return fmt.Errorf("datapoint number %s is out of range", raw)
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
		return nil, errors.New("the answer has no metrics list")
	}
	return &answer, nil
}
