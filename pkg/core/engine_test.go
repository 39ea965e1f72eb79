package core

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixtureEngine runs testdata/fixture.js, a stand-in core with the same exports.
func fixtureEngine(t testing.TB, opts Options) *Engine {
	t.Helper()
	source, err := os.ReadFile("testdata/fixture.js")
	if err != nil {
		t.Fatal(err)
	}
	engine, err := newEngine(string(source), opts)
	if err != nil {
		t.Fatalf("fixture engine: %v", err)
	}
	return engine
}

func TestEngineCalls(t *testing.T) {
	engine := fixtureEngine(t, Options{PoolSize: 1, CallTimeout: 200 * time.Millisecond})
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()

	tests := []struct {
		name    string
		ctx     context.Context
		export  string
		args    string
		want    string
		wantErr string
	}{
		{name: "answers what the export returns", export: "echo", args: `[{"a":[1,2]}]`,
			want: `{"a":[1,2]}`},
		{name: "a thrown error becomes a Go error with its message", export: "fail",
			wantErr: "core fail failed: the fixture refuses"},
		{name: "an export that does not exist is an error", export: "nothing",
			wantErr: "the core has no export named nothing"},
		{name: "arguments that are not JSON are an error", export: "echo", args: `[`,
			wantErr: "core echo failed"},
		{name: "a call running past the timeout is stopped", export: "spin",
			wantErr: "core spin ran longer than 200ms and was stopped"},
		{name: "the runtime replacing a stopped one answers", export: "echo", args: `[7]`,
			want: `7`},
		{name: "an ended context starts no call", ctx: cancelled, export: "echo", args: `[1]`,
			wantErr: "core call not started: context canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			var got any
			var raw []byte
			if tt.args != "" {
				raw = []byte(tt.args)
			}
			err := engine.call(ctx, tt.export, raw, &got)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			assertJSONEqual(t, got, tt.want)
		})
	}
}

func TestEngineStopsACallWhenTheContextEnds(t *testing.T) {
	engine := fixtureEngine(t, Options{PoolSize: 1, CallTimeout: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()

	var out any
	err := engine.call(ctx, "spin", nil, &out)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error = %v, want the context's deadline", err)
	}
	if err := engine.call(context.Background(), "echo", []byte(`[1]`), &out); err != nil {
		t.Fatalf("the pool did not recover: %v", err)
	}
}

func TestNewEngineRefusesBrokenBundles(t *testing.T) {
	tests := []struct {
		name    string
		source  string
		wantErr string
	}{
		{name: "syntax error", source: "var cesCore = {", wantErr: "core bundle does not compile"},
		{name: "throws while loading", source: "throw new Error('not built')",
			wantErr: "core bundle fails to load: not built"},
		{name: "no cesCore global", source: "var other = {}",
			wantErr: "core bundle does not define the global cesCore"},
		{name: "no defaultOptions", source: "var cesCore = {}",
			wantErr: "core bundle has no usable defaultOptions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newEngine(tt.source, Options{PoolSize: 1})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestEngineServesConcurrentCallsAndCountsThem(t *testing.T) {
	engine := fixtureEngine(t, Options{PoolSize: 2})
	before := engine.Stats()

	const callers = 16
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for i := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var got int
			args := []byte("[" + itoa(i) + "]")
			if err := engine.call(context.Background(), "echo", args, &got); err != nil {
				errs <- err
			} else if got != i {
				errs <- errors.New("answer of another call: " + itoa(got))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	after := engine.Stats()
	if after.Calls-before.Calls != callers || after.Busy <= before.Busy {
		t.Fatalf("stats went from %+v to %+v, want %d more calls and more busy time",
			before, after, callers)
	}
}

func TestDefaultOptionsComeFromTheCore(t *testing.T) {
	engine := fixtureEngine(t, Options{PoolSize: 1})
	got := engine.DefaultOptions()
	if got.MaxMetrics != 10 || got.MaxBodyBytes != 524288 || got.MaxWindows != 20 {
		t.Fatalf("DefaultOptions() = %+v, want the fixture's defaults", got)
	}
}
