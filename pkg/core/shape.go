package core

import "encoding/json"

// metricHead is one metric of an answer without its datapoints: what `shape` needs to match
// answers to descriptors.
type metricHead struct {
	Namespace  string      `json:"namespace"`
	MetricName string      `json:"metric_name"`
	Dimensions []Dimension `json:"dimensions"`
	Unit       string      `json:"unit"`
	Count      int         `json:"count"`
}

// failedOutcome is the core's BatchOutcome of a batch that failed.
type failedOutcome struct {
	BatchID int          `json:"batchId"`
	Status  int          `json:"status"`
	Error   *AnswerError `json:"error"`
}

// unreadOutcome is a batch answer the core reads itself, through toBatchAnswer: an error
// status with the service's error body (null when the body is not JSON).
type unreadOutcome struct {
	BatchID int             `json:"batchId"`
	Status  int             `json:"status"`
	Body    json.RawMessage `json:"body"`
}

// answeredOutcome is the core's BatchOutcome of a batch that was answered: heads only.
type answeredOutcome struct {
	BatchID int          `json:"batchId"`
	Status  int          `json:"status"`
	Metrics []metricHead `json:"metrics"`
}

// seriesPart says where some of a series' points sit: a metric of one batch answer.
type seriesPart struct {
	BatchID int `json:"batchId"`
	Index   int `json:"index"`
}

// seriesShape is one series as `shape` describes it, before its points are joined.
type seriesShape struct {
	Key        string            `json:"key"`
	Name       string            `json:"name"`
	Labels     map[string]string `json:"labels"`
	Unit       string            `json:"unit"`
	CesUnit    string            `json:"cesUnit"`
	IntervalMs int64             `json:"intervalMs"`
	Field      string            `json:"field"`
	Parts      []seriesPart      `json:"parts"`
}

// shapedQuery is one query of the core's Shaped output.
type shapedQuery struct {
	RefID               string        `json:"refId"`
	Notices             []Notice      `json:"notices"`
	ExecutedQueryString string        `json:"executedQueryString"`
	Error               *ResultError  `json:"error,omitempty"`
	Series              []seriesShape `json:"series"`
}

// shaped is the output of the core's `shape`.
type shaped struct {
	Queries []shapedQuery `json:"queries"`
}
