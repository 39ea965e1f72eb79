package core

import (
	"testing"

	"github.com/dop251/goja"
)

func TestJSValueMakesWhatJSONParseMakes(t *testing.T) {
	tests := []struct{ name, text string }{
		{"nested objects keep their key order", `{"b":1,"a":{"d":[1,2],"c":null}}`},
		{"arrays are real arrays", `[[],[1,[2,[3]]],{"x":[]}]`},
		{"numbers", `[0,-0.5,1e21,12345678901234,1700000000000,3.141592653589793,1E-7]`},
		{"strings with escapes and non-ASCII",
			`["a\"b\\c\n","\u00e9\u4e2d","😀","\ud83d\ude00"]`},
		{"booleans and null", `[true,false,null]`},
		{"a __proto__ key is an own property", `{"__proto__":{"polluted":true},"k":1}`},
		{"a repeated key keeps the last value", `{"a":1,"a":2}`},
	}
	vm := goja.New()
	check, err := vm.RunString(`(function (value, text) {
	  var isArrays = function (a, b) {
	    if (Array.isArray(a) !== Array.isArray(b)) return false;
	    if (a === null || typeof a !== 'object') return true;
	    return Object.keys(b).every(function (k) { return isArrays(a[k], b[k]); });
	  };
	  var parsed = JSON.parse(text);
	  return JSON.stringify(value) === JSON.stringify(parsed) && isArrays(value, parsed) &&
	    Object.getPrototypeOf(value) === Object.getPrototypeOf(parsed);
	})`)
	if err != nil {
		t.Fatal(err)
	}
	same, _ := goja.AssertFunction(check)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			value, err := jsValue(vm, []byte(tt.text))
			if err != nil {
				t.Fatalf("jsValue(%s): %v", tt.text, err)
			}
			ok, err := same(goja.Undefined(), value, vm.ToValue(tt.text))
			if err != nil || !ok.ToBoolean() {
				t.Fatalf("jsValue(%s) differs from JSON.parse (%v)", tt.text, err)
			}
		})
	}
}

func TestJSValueRefusesWhatIsNotJSON(t *testing.T) {
	vm := goja.New()
	for _, text := range []string{``, `[1,`, `{"a":}`, `[1] 2`, `undefined`, `{'a':1}`} {
		t.Run(text, func(t *testing.T) {
			if _, err := jsValue(vm, []byte(text)); err == nil {
				t.Fatalf("jsValue(%q) accepted it", text)
			}
		})
	}
}
