package core

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/dop251/goja"
)

// adapterSource makes the one function Go calls: it takes an export name and its arguments
// (an array built from JSON, see jsValue), and answers JSON. shapeAnswers is the core's shape
// over outcomes some of which are raw error answers, which the core's own toBatchAnswer reads.
// keepPlan plans and keeps the plan in this runtime, so shapeKept can shape against it without
// Go sending it back; a slim plan answers only each query's refId and error, the rest staying
// here, and replanShape plans again where the kept plan is gone. Only the last keptLimit plans
// are kept, so plans never assembled (a failed or cancelled request) cannot pile up.
// shapeKept answers null for a plan no longer kept.
var adapterSource = `(function () {
  var core = cesCore;
  var keptLimit = ` + keptLimitJS + `;
  var kept = new Map();
  var host = {
    planSaved: function (input) {
      return core.plan({
        queries: input.queries.map(core.toCoreQuery),
        range: input.range,
        options: input.options,
        catalog: input.catalog,
      });
    },
    shapeAnswers: function (plan, outcomes) {
      return core.shape(plan, outcomes.map(function (o) {
        if ('body' in o) {
          return core.toOutcome(core.toBatchAnswer(o.batchId, o.status, o.body));
        }
        return o;
      }));
    },
    keepPlan: function (id, name, input, slim) {
      var plan = find(name).call(null, input);
      kept.set(id, plan);
      if (kept.size > keptLimit) {
        kept.delete(kept.keys().next().value);
      }
      if (!slim) {
        return plan;
      }
      var queries = plan.queries.map(function (q) {
        return { refId: q.refId, error: q.error };
      });
      return { batches: plan.batches, queries: queries };
    },
    replanShape: function (name, input, outcomes) {
      return host.shapeAnswers(find(name).call(null, input), outcomes);
    },
    shapeKept: function (id, outcomes) {
      var plan = kept.get(id);
      if (plan === undefined) {
        return null;
      }
      kept.delete(id);
      return host.shapeAnswers(plan, outcomes);
    },
    keptPlans: function () {
      return kept.size;
    },
  };
  function find(name) {
    var member = host.hasOwnProperty(name) ? host[name] : core[name];
    if (member === undefined) {
      throw new Error('the core has no export named ' + name);
    }
    return member;
  }
  return function (name, args) {
    var member = find(name);
    if (typeof member !== 'function') {
      return JSON.stringify(member);
    }
    return JSON.stringify(member.apply(null, args));
  };
})();`

// keptLimit is how many plans one runtime keeps for shapeKept: more than the requests that can
// sit between plan and assemble on one runtime at once, few enough to hold little memory.
const keptLimit = 16

// keptLimitJS is keptLimit as adapter source text.
var keptLimitJS = strconv.Itoa(keptLimit)

// runtime is one goja runtime with the core loaded. Only the goroutine holding it uses it.
type runtime struct {
	vm   *goja.Runtime
	call goja.Callable
	// engine made the runtime: only its own plans are shaped against plans kept here.
	engine *Engine
	// hold is a lock that can be given up when a context ends: a slot is taken by whoever
	// uses the runtime, whether it came from the pool or a plan kept in it.
	hold chan struct{}
	// discarded is set, while held, once the runtime must not run again; the pool then makes a
	// new one, and plans kept in it are shaped the way plans from JSON are.
	discarded bool
}

// newRuntime starts a runtime and runs the compiled core in it.
func (e *Engine) newRuntime() (*runtime, error) {
	vm := goja.New()
	if _, err := vm.RunProgram(e.program); err != nil {
		return nil, fmt.Errorf("core bundle fails to load: %w", jsError(err))
	}
	value, err := vm.RunProgram(e.adapter)
	if err != nil {
		return nil, fmt.Errorf("core bundle does not define the global cesCore: %w", jsError(err))
	}
	call, ok := goja.AssertFunction(value)
	if !ok {
		return nil, errors.New("core adapter is not a function")
	}
	return &runtime{vm: vm, call: call, engine: e, hold: make(chan struct{}, 1)}, nil
}

// lock holds rt for the caller, or gives up when ctx ends first.
func (rt *runtime) lock(ctx context.Context) error {
	select {
	case rt.hold <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("core call not started: %w", context.Cause(ctx))
	}
}

// unlock lets the next caller hold rt.
func (rt *runtime) unlock() {
	<-rt.hold
}

// invoke calls the export `name`. broken reports a Go panic inside the runtime, after which
// the runtime must not be used again.
func (rt *runtime) invoke(name string, args []byte) (result string, broken bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			result, broken, err = "", true, fmt.Errorf("core %s panicked: %v", name, p)
		}
	}()
	argValues := goja.Value(rt.vm.NewArray())
	if args != nil {
		if argValues, err = jsValue(rt.vm, args); err != nil {
			return "", false, fmt.Errorf("its arguments are not JSON: %w", err)
		}
	}
	value, err := rt.call(goja.Undefined(), rt.vm.ToValue(name), argValues)
	if err != nil {
		return "", false, jsError(err)
	}
	return value.String(), false, nil
}

// jsError keeps the message of a JavaScript exception and drops its stack, so the error reads
// as one sentence.
func jsError(err error) error {
	var interrupted *goja.InterruptedError
	if errors.As(err, &interrupted) {
		return err
	}
	var exception *goja.Exception
	if !errors.As(err, &exception) || exception.Value() == nil {
		return err
	}
	if object, ok := exception.Value().(*goja.Object); ok {
		if message := object.Get("message"); message != nil && !goja.IsUndefined(message) {
			return errors.New(message.String())
		}
	}
	return errors.New(exception.Value().String())
}
