package core

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
)

func itoa(i int) string { return strconv.Itoa(i) }

// assertJSONEqual compares a decoded value with JSON text, numbers compared as numbers.
func assertJSONEqual(t *testing.T, got any, want string) {
	t.Helper()
	gotRaw, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var gotValue, wantValue any
	if err := json.Unmarshal(gotRaw, &gotValue); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &wantValue); err != nil {
		t.Fatalf("expected JSON does not parse: %v", err)
	}
	if !reflect.DeepEqual(gotValue, wantValue) {
		t.Fatalf("got %s\nwant %s", gotRaw, want)
	}
}
