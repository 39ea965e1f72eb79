package core

import (
	"context"
	"testing"
	"time"
)

// These tests run Assemble over the fixture core, to check what Go adds around `shape`: heads
// and errors passed in, points joined after. The real core is checked by the parity vectors.
func TestAssembleOverTheFixture(t *testing.T) {
	engine := fixtureEngine(t, Options{PoolSize: 1, CallTimeout: time.Second})
	ctx := context.Background()
	plan, err := engine.Plan(ctx, PlanInput{
		Queries: []CoreQuery{
			{RefID: "A", Namespace: "SYS.ECS", MetricName: "cpu_util", Period: "300",
				Filter: "max"},
			{RefID: "B", Namespace: "SYS.ECS", MetricName: "mem_util", Period: "300",
				Filter: "max"},
		},
		Range: TimeRange{From: 0, To: 600000},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantBody := `{"metrics":[{"namespace":"SYS.ECS","metric_name":"cpu_util","dimensions":[]}],` +
		`"from":0,"to":600000,"period":"300","filter":"max"}`
	if string(plan.Batches[0].Body) != wantBody {
		t.Fatalf("batch body = %s, want the core's bytes %s", plan.Batches[0].Body, wantBody)
	}

	tests := []struct {
		name    string
		answers []BatchAnswer
		want    string
	}{
		{
			name: "answered batches give joined series; a failed batch gives its query an error",
			answers: []BatchAnswer{
				{BatchID: 0, Status: 200, Body: []byte(`{"metrics":[{"namespace":"SYS.ECS",` +
					`"metric_name":"cpu_util","unit":"%","datapoints":[{"timestamp":0,"max":1.5},` +
					`{"timestamp":300000,"average":2}]}]}`)},
				{BatchID: 1, Status: 400, Body: []byte(`{"http_code":400,` +
					`"message":{"details":"bad filter","code":"ces.0014"}}`)},
			},
			want: `[{"refId":"A","notices":[],"executedQueryString":"fixture","series":[
				{"refId":"A","key":"SYS.ECS.cpu_util","name":"cpu_util","labels":{"count":"2"},
				 "unit":"%","cesUnit":"%","intervalMs":300000,"timestamps":[0,300000],
				 "values":[1.5,2]}]},
			  {"refId":"B","notices":[],"executedQueryString":"fixture","series":[],
			   "error":{"status":400,"code":"ces.0014","message":"bad filter"}}]`,
		},
		{
			name: "a 2xx that is not a batch answer, or a body that is not JSON, goes to the core",
			answers: []BatchAnswer{
				{BatchID: 0, Status: 200, Body: []byte(`{"metrics":`)},
				{BatchID: 1, Status: 503, Body: []byte(`<html>`)},
			},
			want: `[{"refId":"A","notices":[],"executedQueryString":"fixture","series":[],
				"error":{"status":200,"message":"answered 200"}},
			  {"refId":"B","notices":[],"executedQueryString":"fixture","series":[],
			   "error":{"status":503,"message":"answered 503"}}]`,
		},
		{
			name: "a batch that got no answer keeps the error it was given",
			answers: []BatchAnswer{
				{BatchID: 0, Status: 0, Err: &AnswerError{Message: "connection refused"}},
				{BatchID: 1, Status: 429,
					Err: &AnswerError{Code: "limit", Message: "rate limited"}},
			},
			want: `[{"refId":"A","notices":[],"executedQueryString":"fixture","series":[],
				"error":{"status":0,"message":"connection refused"}},
			  {"refId":"B","notices":[],"executedQueryString":"fixture","series":[],
			   "error":{"status":429,"code":"limit","message":"rate limited"}}]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results, err := engine.Assemble(ctx, plan, tt.answers)
			if err != nil {
				t.Fatal(err)
			}
			assertJSONEqual(t, results, tt.want)
		})
	}
}
