// Package core runs the bundled TypeScript query core (src/core) in goja, so that alert rules
// and panels plan the same batches and build the same series.
package core

import (
	"encoding/json"
	"strings"
)

// Dimension is one CES dimension of a metric, spelled as the wire spells it.
type Dimension struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// MetricInfo is one catalog entry (list-metrics), used to resolve `*` dimension values.
type MetricInfo struct {
	Namespace  string      `json:"namespace"`
	MetricName string      `json:"metric_name"`
	Dimensions []Dimension `json:"dimensions"`
	Unit       string      `json:"unit"`
}

// DimensionFilter is a dimension of a query: one or more values, or `*` for every value.
type DimensionFilter struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

// CoreQuery is one query as the user wrote it, variables already interpolated.
type CoreQuery struct {
	RefID      string            `json:"refId"`
	Namespace  string            `json:"namespace"`
	MetricName string            `json:"metricName"`
	Dimensions []DimensionFilter `json:"dimensions"`
	Period     string            `json:"period"`
	Filter     string            `json:"filter"`
	Alias      string            `json:"alias,omitempty"`
}

// SavedQuery is a query as a panel or an alert rule saves it: a dimension value may be a single
// value, `*` or Grafana's multi-value form `{a,b}`. The core's toCoreQuery reads it.
type SavedQuery struct {
	RefID      string           `json:"refId"`
	Namespace  string           `json:"namespace"`
	MetricName string           `json:"metricName"`
	Dimensions []SavedDimension `json:"dimensions"`
	Period     string           `json:"period,omitempty"`
	Filter     string           `json:"filter,omitempty"`
	Alias      string           `json:"alias,omitempty"`
	Hide       bool             `json:"hide,omitempty"`
}

// SavedDimension is one dimension filter of a saved query.
type SavedDimension struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// UsesWildcard reports whether a value asks for `*`, so the catalog must be read first.
// A `*` is no valid character of a value, so any `*` means the wildcard or an error the
// core will name.
func (q SavedQuery) UsesWildcard() bool {
	for _, d := range q.Dimensions {
		if strings.Contains(d.Value, "*") {
			return true
		}
	}
	return false
}

// SavedPlanInput is a plan input whose queries are still as saved.
type SavedPlanInput struct {
	Queries []SavedQuery `json:"queries"`
	Range   TimeRange    `json:"range"`
	Options *PlanOptions `json:"options,omitempty"`
	Catalog []MetricInfo `json:"catalog,omitempty"`
}

// PlanOptions are the settings that shape a plan; start from Engine.DefaultOptions.
type PlanOptions struct {
	MaxMetrics        int `json:"maxMetrics"`
	MaxBodyBytes      int `json:"maxBodyBytes"`
	DatapointBudget   int `json:"datapointBudget"`
	RawIntervalS      int `json:"rawIntervalS"`
	MaxDataPoints     int `json:"maxDataPoints"`
	MinIntervalMs     int `json:"minIntervalMs"`
	MaxSeriesPerQuery int `json:"maxSeriesPerQuery"`
	MaxWindows        int `json:"maxWindows"`
}

// TimeRange is a dashboard time range in epoch milliseconds.
type TimeRange struct {
	From int64 `json:"from"`
	To   int64 `json:"to"`
}

// PlanInput is the input of Plan. A nil Options means the core's defaults.
type PlanInput struct {
	Queries []CoreQuery  `json:"queries"`
	Range   TimeRange    `json:"range"`
	Options *PlanOptions `json:"options,omitempty"`
	Catalog []MetricInfo `json:"catalog,omitempty"`
}

// Notice is a message shown with a query's frames; Severity is info, warning or error.
type Notice struct {
	Severity string `json:"severity"`
	Text     string `json:"text"`
}

// Batch is one API request of a plan. Body is the request body exactly as the core wrote it,
// so it reaches the service byte for byte.
type Batch struct {
	ID   int             `json:"id"`
	Body json.RawMessage `json:"body"`
	// Keys are the canonical keys of the body's metrics, in the same order.
	Keys   []string `json:"keys"`
	RefIDs []string `json:"refIds"`
}

// Descriptor is one metric to fetch, as a query expanded it.
type Descriptor struct {
	Key        string      `json:"key"`
	Dimensions []Dimension `json:"dimensions"`
}

// QueryPlan is what the plan decided for one query.
type QueryPlan struct {
	RefID        string       `json:"refId"`
	Namespace    string       `json:"namespace"`
	MetricName   string       `json:"metricName"`
	Filter       string       `json:"filter"`
	Alias        string       `json:"alias,omitempty"`
	Period       int          `json:"period"`
	PeriodReason string       `json:"periodReason"`
	IntervalMs   int64        `json:"intervalMs"`
	Windows      []TimeRange  `json:"windows"`
	Keys         []string     `json:"keys"`
	Descriptors  []Descriptor `json:"descriptors"`
	BatchIDs     []int        `json:"batchIds"`
	Notices      []Notice     `json:"notices"`
	Error        string       `json:"error,omitempty"`
}

// Plan is the output of Plan: the batches to send and what each query expects.
type Plan struct {
	Batches []Batch     `json:"batches"`
	Queries []QueryPlan `json:"queries"`
	// keptIn is the runtime that keeps this plan under keptID, nil for a plan from elsewhere.
	keptIn *runtime
	keptID int64
	// replan is how a slim plan was made, to make it again where the kept one is gone.
	replan *replan
}

// replan is the planning export and input of a slim plan.
type replan struct {
	name  string
	input any
}

// Series is one answer line for one descriptor, windows joined. Values never alias
// Timestamps; a nil value is a gap.
type Series struct {
	RefID      string            `json:"refId"`
	Key        string            `json:"key"`
	Name       string            `json:"name"`
	Labels     map[string]string `json:"labels"`
	Unit       string            `json:"unit"`
	CesUnit    string            `json:"cesUnit"`
	IntervalMs int64             `json:"intervalMs"`
	Timestamps []int64           `json:"timestamps"`
	Values     []*float64        `json:"values"`
}

// ResultError is the error of the batches that carried a query's descriptors.
type ResultError struct {
	Status  int    `json:"status"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
}

// QueryResult is everything one query gets back.
type QueryResult struct {
	RefID               string       `json:"refId"`
	Series              []Series     `json:"series"`
	Notices             []Notice     `json:"notices"`
	ExecutedQueryString string       `json:"executedQueryString"`
	Error               *ResultError `json:"error,omitempty"`
}
