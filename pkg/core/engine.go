package core

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	jsoniter "github.com/json-iterator/go"
)

// Default engine settings, used where Options leaves a field at zero.
const (
	DefaultPoolSize    = 4
	DefaultCallTimeout = 10 * time.Second
)

// Options tune an Engine; zero fields take the defaults.
type Options struct {
	// PoolSize is how many runtimes may run core calls at the same time.
	PoolSize int
	// CallTimeout bounds one call into the core; a longer call is interrupted.
	CallTimeout time.Duration
}

// Stats count the work done inside the engine since it was made.
type Stats struct {
	// Calls is the number of calls into the core.
	Calls int64
	// Busy is the time spent in those calls: waiting for a free runtime, JSON encoding on both
	// sides and the JavaScript itself.
	Busy time.Duration
}

// boundaryJSON encodes call arguments and decodes results: jsoniter, as encoding/json would
// read and write them, without the reflection cost on every call.
var boundaryJSON = jsoniter.ConfigCompatibleWithStandardLibrary

// Engine runs core functions on a pool of goja runtimes that share one compiled program.
// It is safe for concurrent use.
type Engine struct {
	program  *goja.Program
	adapter  *goja.Program
	timeout  time.Duration
	pool     chan *runtime
	defaults PlanOptions
	calls    atomic.Int64
	busyNs   atomic.Int64
	// planIDs names the plans kept in runtimes.
	planIDs atomic.Int64
}

// NewEngine compiles the embedded core bundle once and starts a pool of runtimes.
func NewEngine(opts Options) (*Engine, error) {
	return newEngine(bundleSource, opts)
}

// newEngine is NewEngine for any bundle source; tests use it with small fixtures.
func newEngine(source string, opts Options) (*Engine, error) {
	program, err := goja.Compile(bundleName, source, false)
	if err != nil {
		return nil, fmt.Errorf("core bundle does not compile: %w", err)
	}
	adapter, err := goja.Compile("adapter.js", adapterSource, true)
	if err != nil {
		return nil, fmt.Errorf("core adapter does not compile: %w", err)
	}
	if opts.PoolSize <= 0 {
		opts.PoolSize = DefaultPoolSize
	}
	if opts.CallTimeout <= 0 {
		opts.CallTimeout = DefaultCallTimeout
	}
	e := &Engine{
		program: program,
		adapter: adapter,
		timeout: opts.CallTimeout,
		pool:    make(chan *runtime, opts.PoolSize),
	}

	// Every runtime is made now, so the first queries find them warm and a broken bundle
	// fails here rather than in the middle of a query.
	for range cap(e.pool) {
		rt, err := e.newRuntime()
		if err != nil {
			return nil, err
		}
		e.pool <- rt
	}
	if err := e.call(context.Background(), "defaultOptions", nil, &e.defaults); err != nil {
		return nil, fmt.Errorf("core bundle has no usable defaultOptions: %w", err)
	}
	return e, nil
}

// DefaultOptions returns the core's default plan options, a copy the caller may change.
func (e *Engine) DefaultOptions() PlanOptions {
	return e.defaults
}

// Stats returns how many calls the engine ran and the time they took.
func (e *Engine) Stats() Stats {
	return Stats{Calls: e.calls.Load(), Busy: time.Duration(e.busyNs.Load())}
}

// call runs the core export `name` with args (a JSON array, or nil for a plain value) and
// decodes its JSON result into out.
func (e *Engine) call(ctx context.Context, name string, args []byte, out any) error {
	_, err := e.callAny(ctx, name, args, out)
	return err
}

// callAny is call on whichever runtime the pool gives; it answers that runtime, or nil when the
// runtime was discarded after the call.
func (e *Engine) callAny(ctx context.Context, name string, args []byte, out any) (*runtime,
	error) {
	defer e.count(time.Now())
	rt, err := e.acquire(ctx)
	if err != nil {
		return nil, err
	}
	result, usable, err := e.run(ctx, rt, name, args)
	if usable {
		rt.unlock()
		e.pool <- rt
	} else {
		rt.discarded = true
		rt.unlock()
		e.pool <- nil
		rt = nil
	}
	if err != nil {
		return nil, err
	}
	return rt, decodeResult(name, result, out)
}

// callOn is call on rt itself, waiting while another caller holds it. held is false when rt
// was discarded before the call could start, and the caller must do without it.
func (e *Engine) callOn(ctx context.Context, rt *runtime, name string, args []byte,
	out any) (held bool, err error) {
	defer e.count(time.Now())
	if err := rt.lock(ctx); err != nil {
		return false, err
	}
	if rt.discarded {
		rt.unlock()
		return false, nil
	}
	result, usable, err := e.run(ctx, rt, name, args)
	rt.discarded = !usable
	rt.unlock()
	if err != nil {
		return true, err
	}
	return true, decodeResult(name, result, out)
}

// count adds a call that started at start to the engine's stats.
func (e *Engine) count(start time.Time) {
	e.calls.Add(1)
	e.busyNs.Add(int64(time.Since(start)))
}

// decodeResult reads the JSON result of the export `name` into out.
func decodeResult(name, result string, out any) error {
	if err := boundaryJSON.UnmarshalFromString(result, out); err != nil {
		return fmt.Errorf("core %s returned an unexpected result: %w", name, err)
	}
	return nil
}

// acquire takes a runtime from the pool and holds it, making one where a discarded one was.
func (e *Engine) acquire(ctx context.Context) (*runtime, error) {
	if ctx.Err() != nil {
		return nil, fmt.Errorf("core call not started: %w", context.Cause(ctx))
	}
	var rt *runtime
	select {
	case rt = <-e.pool:
	case <-ctx.Done():
		return nil, fmt.Errorf("core call not started: %w", context.Cause(ctx))
	}
	if rt != nil {
		// A plan kept in rt may be shaping on it: wait, as that call is short.
		if err := rt.lock(ctx); err != nil {
			e.pool <- rt
			return nil, err
		}
		if !rt.discarded {
			return rt, nil
		}
		rt.unlock()
	}
	rt, err := e.newRuntime()
	if err != nil {
		e.pool <- nil
		return nil, err
	}
	_ = rt.lock(context.Background())
	return rt, nil
}

// run makes one call on rt, which the caller holds. usable is false when an interrupt may have
// reached rt or Go code panicked inside it: such a runtime must not run again.
func (e *Engine) run(ctx context.Context, rt *runtime, name string, args []byte) (
	result string, usable bool, err error) {
	var reason atomic.Pointer[error]
	interrupt := func(why error) {
		reason.Store(&why)
		rt.vm.Interrupt(why)
	}
	timer := time.AfterFunc(e.timeout, func() {
		interrupt(fmt.Errorf("core %s ran longer than %s and was stopped", name, e.timeout))
	})
	stopOnDone := context.AfterFunc(ctx, func() {
		interrupt(fmt.Errorf("core %s stopped: %w", name, context.Cause(ctx)))
	})

	result, broken, err := rt.invoke(name, args)

	// Both stops must succeed for the runtime to be certainly free of a pending interrupt.
	timerStopped := timer.Stop()
	ctxStopped := stopOnDone()
	usable = !broken && timerStopped && ctxStopped
	if why := reason.Load(); why != nil && err != nil {
		return "", usable, *why
	}
	if err != nil {
		return "", usable, fmt.Errorf("core %s failed: %w", name, err)
	}
	return result, usable, nil
}
