package core

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"testing"
)

// parityVector is one file of testdata/parity: the same files Jest runs through the core.
type parityVector struct {
	Name    string          `json:"name"`
	Input   json.RawMessage `json:"input"`
	Answers map[string]struct {
		Status int             `json:"status"`
		Body   json.RawMessage `json:"body"`
	} `json:"answers"`
	Expected struct {
		Plan struct {
			BatchCount int               `json:"batchCount"`
			Bodies     []json.RawMessage `json:"bodies"`
		} `json:"plan"`
		Results json.RawMessage `json:"results"`
	} `json:"expected"`
}

const parityDir = "../../testdata/parity"

func TestParityVectors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(parityDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no parity vectors in %s: Go cannot be shown to agree with the browser core",
			parityDir)
	}
	engine, err := NewEngine(Options{PoolSize: 1})
	if err != nil {
		t.Fatalf("NewEngine: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) { runParityVector(t, engine, file) })
	}
}

func runParityVector(t *testing.T, engine *Engine, file string) {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var vector parityVector
	if err := json.Unmarshal(raw, &vector); err != nil {
		t.Fatalf("vector does not parse: %v", err)
	}
	defaults := engine.DefaultOptions()
	input := PlanInput{Options: &defaults}
	if err := json.Unmarshal(vector.Input, &input); err != nil {
		t.Fatalf("vector input is not a PlanInput: %v", err)
	}
	ctx := context.Background()

	plan, err := engine.Plan(ctx, input)
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	if len(plan.Batches) != vector.Expected.Plan.BatchCount {
		t.Fatalf("%s: %d batches, want %d", vector.Name, len(plan.Batches),
			vector.Expected.Plan.BatchCount)
	}
	if len(vector.Expected.Plan.Bodies) != len(plan.Batches) {
		t.Fatalf("%s: the vector lists %d bodies for %d batches", vector.Name,
			len(vector.Expected.Plan.Bodies), len(plan.Batches))
	}
	for i, batch := range plan.Batches {
		what := "batch " + strconv.Itoa(i) + " body"
		assertSameJSON(t, what, batch.Body, vector.Expected.Plan.Bodies[i])
	}
	assertPlanSurvivesGo(t, engine, input, plan)

	results, err := engine.Assemble(ctx, plan, vectorAnswers(t, vector))
	if err != nil {
		t.Fatalf("Assemble: %v", err)
	}
	got, err := json.Marshal(results)
	if err != nil {
		t.Fatal(err)
	}
	assertSameJSON(t, vector.Name+" results", got, vector.Expected.Results)
}

// vectorAnswers turns the vector's answers into BatchAnswers in batch id order.
func vectorAnswers(t *testing.T, vector parityVector) []BatchAnswer {
	answers := make([]BatchAnswer, 0, len(vector.Answers))
	for id, answer := range vector.Answers {
		batchID, err := strconv.Atoi(id)
		if err != nil {
			t.Fatalf("answer key %q is not a batch id", id)
		}
		answers = append(answers,
			BatchAnswer{BatchID: batchID, Status: answer.Status, Body: answer.Body})
	}
	sort.Slice(answers, func(i, j int) bool { return answers[i].BatchID < answers[j].BatchID })
	return answers
}

// assertPlanSurvivesGo checks that the Go plan types keep every field the core wrote, since
// Assemble hands the plan back to the core.
func assertPlanSurvivesGo(t *testing.T, engine *Engine, input PlanInput, plan *Plan) {
	t.Helper()
	args, err := json.Marshal([]any{input})
	if err != nil {
		t.Fatal(err)
	}
	var fromCore json.RawMessage
	if err := engine.call(context.Background(), "plan", args, &fromCore); err != nil {
		t.Fatal(err)
	}
	throughGo, err := json.Marshal(plan)
	if err != nil {
		t.Fatal(err)
	}
	assertSameJSON(t, "plan through the Go types", throughGo, fromCore)
}

// assertSameJSON compares two JSON texts as values; numbers compare as numbers.
func assertSameJSON(t *testing.T, what string, got, want []byte) {
	t.Helper()
	var gotValue, wantValue any
	if err := json.Unmarshal(got, &gotValue); err != nil {
		t.Fatalf("%s: got invalid JSON: %v", what, err)
	}
	if err := json.Unmarshal(want, &wantValue); err != nil {
		t.Fatalf("%s: expected invalid JSON: %v", what, err)
	}
	if !reflect.DeepEqual(gotValue, wantValue) {
		t.Fatalf("%s differ:\n got  %s\n want %s", what, got, want)
	}
}
