package core

import (
	"errors"
	"fmt"

	"github.com/dop251/goja"
)

// adapterSource makes the one function Go calls: it takes an export name and its arguments
// (an array built from JSON, see jsValue), and answers JSON. shapeAnswers is the core's shape
// over outcomes some of which are raw error answers, which the core's own toBatchAnswer reads.
const adapterSource = `(function () {
  var core = cesCore;
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
  };
  return function (name, args) {
    var member = host.hasOwnProperty(name) ? host[name] : core[name];
    if (member === undefined) {
      throw new Error('the core has no export named ' + name);
    }
    if (typeof member !== 'function') {
      return JSON.stringify(member);
    }
    return JSON.stringify(member.apply(null, args));
  };
})();`

// runtime is one goja runtime with the core loaded. Only one goroutine uses it at a time.
type runtime struct {
	vm   *goja.Runtime
	call goja.Callable
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
	return &runtime{vm: vm, call: call}, nil
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
