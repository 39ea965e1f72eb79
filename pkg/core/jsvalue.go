package core

import (
	"errors"

	"github.com/dop251/goja"
	jsoniter "github.com/json-iterator/go"
)

// jsValue builds in vm the value JSON.parse would make of text: the same objects (keys in
// order, as own data properties), arrays, numbers, strings, booleans and nulls. goja's own
// JSON.parse reads through encoding/json's token API, which made it the largest single cost
// of a core call; this is about three times faster.
func jsValue(vm *goja.Runtime, text []byte) (goja.Value, error) {
	iter := jsoniter.ParseBytes(jsoniter.ConfigDefault, text)
	value := readJSValue(vm, iter)
	if iter.Error != nil {
		return nil, iter.Error
	}
	if iter.WhatIsNext() != jsoniter.InvalidValue {
		return nil, errors.New("unexpected text after the JSON value")
	}
	return value, nil
}

// readJSValue reads the next JSON value of iter into vm.
func readJSValue(vm *goja.Runtime, iter *jsoniter.Iterator) goja.Value {
	switch iter.WhatIsNext() {
	case jsoniter.ObjectValue:
		object := vm.NewObject()
		iter.ReadObjectCB(func(_ *jsoniter.Iterator, key string) bool {
			// A data property, not Set: a "__proto__" key must not change the prototype.
			err := object.DefineDataProperty(key, readJSValue(vm, iter),
				goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
			return err == nil && iter.Error == nil
		})
		return object
	case jsoniter.ArrayValue:
		items := []any{}
		iter.ReadArrayCB(func(*jsoniter.Iterator) bool {
			items = append(items, readJSValue(vm, iter))
			return iter.Error == nil
		})
		return vm.NewArray(items...)
	case jsoniter.StringValue:
		return vm.ToValue(iter.ReadString())
	case jsoniter.NumberValue:
		return vm.ToValue(iter.ReadFloat64())
	case jsoniter.BoolValue:
		return vm.ToValue(iter.ReadBool())
	case jsoniter.NilValue:
		iter.ReadNil()
		return goja.Null()
	}
	iter.ReportError("read JSON", "expected a JSON value")
	return goja.Undefined()
}
