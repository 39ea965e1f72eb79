package core

import (
	"reflect"
	"testing"
)

func TestJoinParts(t *testing.T) {
	answers := map[int]*cesAnswer{
		0: mustParse(t, `{"metrics":[
			{"datapoints":[{"timestamp":100,"max":1},{"timestamp":200,"max":2}]},
			{"datapoints":[{"timestamp":100,"average":5},{"timestamp":200,"max":6}]}]}`),
		1: mustParse(t, `{"metrics":[
			{"datapoints":[{"timestamp":200,"max":20},{"timestamp":300,"max":3}]},
			{"datapoints":[{"timestamp":100},{"timestamp":150,"max":null,"average":4},
				{"timestamp":"160","max":5},{"timestamp":170,"max":"6"}]}]}`),
	}
	tests := []struct {
		name       string
		field      string
		parts      []seriesPart
		wantTimes  []int64
		wantValues []float64
	}{
		{name: "joins parts in order and keeps the first of two points at a window edge",
			field: "max", parts: []seriesPart{{0, 0}, {1, 0}},
			wantTimes: []int64{100, 200, 300}, wantValues: []float64{1, 2, 3}},
		{name: "drops points not later than the last kept one",
			field: "max", parts: []seriesPart{{1, 0}, {0, 0}},
			wantTimes: []int64{200, 300}, wantValues: []float64{20, 3}},
		{name: "falls back to average when the filter's field is absent",
			field: "max", parts: []seriesPart{{0, 1}},
			wantTimes: []int64{100, 200}, wantValues: []float64{5, 6}},
		{name: "skips points with neither field or no numeric timestamp; non-numbers are absent",
			field: "max", parts: []seriesPart{{1, 1}},
			wantTimes: []int64{150}, wantValues: []float64{4}},
		{name: "reads the field the filter names and no other",
			field: "average", parts: []seriesPart{{0, 1}},
			wantTimes: []int64{100}, wantValues: []float64{5}},
		{name: "ignores parts whose batch or metric is missing",
			field: "max", parts: []seriesPart{{7, 0}, {0, 9}, {0, -1}, {0, 0}},
			wantTimes: []int64{100, 200}, wantValues: []float64{1, 2}},
		{name: "a series without parts has no points",
			field: "max", parts: nil, wantTimes: []int64{}, wantValues: []float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			times, values := joinParts(tt.field, tt.parts, answers)
			if !reflect.DeepEqual(times, tt.wantTimes) {
				t.Errorf("timestamps = %v, want %v", times, tt.wantTimes)
			}
			got := make([]float64, len(values))
			for i, v := range values {
				if v == nil {
					t.Fatalf("value %d is null; the join never makes gaps", i)
				}
				got[i] = *v
			}
			if !reflect.DeepEqual(got, tt.wantValues) {
				t.Errorf("values = %v, want %v", got, tt.wantValues)
			}
		})
	}
}

func TestParseAnswerRefusesWhatIsNotABatchAnswer(t *testing.T) {
	tests := []struct{ name, body string }{
		{"not JSON", `<html>`},
		{"no metrics list", `{"error_code":"APIGW.0301"}`},
		{"metrics that are not objects", `{"metrics":[1]}`},
		{"a number out of range", `{"metrics":[{"datapoints":[{"timestamp":1,"max":1e999}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := parseAnswer([]byte(tt.body), "average"); err == nil {
				t.Fatalf("parseAnswer(%s) accepted it", tt.body)
			}
		})
	}
}

func mustParse(t *testing.T, body string) *cesAnswer {
	t.Helper()
	answer, err := parseAnswer([]byte(body), "")
	if err != nil {
		t.Fatal(err)
	}
	return answer
}
