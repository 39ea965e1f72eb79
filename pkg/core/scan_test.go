package core

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"
)

func TestScanAnswerReadsDatapointsAsTheGeneralPathDoes(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		field    string
		scanned  bool
		wantKept int
		wantErr  bool
	}{
		{name: "the service's shape", field: "average", scanned: true, wantKept: 2,
			raw: `[{"timestamp":1700000000000,"average":12.5},{"timestamp":1700000300000,` +
				`"average":0}]`},
		{name: "the filter's field first, average as fallback", field: "max", scanned: true,
			wantKept: 2,
			raw:      `[{"timestamp":1,"max":3,"average":2},{"timestamp":2,"average":-4.25}]`},
		{name: "whitespace anywhere", field: "min", scanned: true, wantKept: 1,
			raw: " [ { \"timestamp\" : 5 ,\n\"min\"\t: -0.001 } ] "},
		{name: "an empty array", field: "sum", scanned: true, raw: `[]`},
		{name: "points without timestamp or value are counted, not kept", field: "sum",
			scanned: true, wantKept: 0, raw: `[{},{"timestamp":1},{"sum":2}]`},
		{name: "a later duplicate field wins", field: "average", scanned: true, wantKept: 1,
			raw: `[{"timestamp":1,"average":1,"average":2}]`},
		{name: "an unknown statistic reads average", field: "", scanned: true, wantKept: 1,
			raw: `[{"timestamp":1,"":7,"average":3}]`},
		{name: "15 digits are exact", field: "average", scanned: true, wantKept: 1,
			raw: `[{"timestamp":999999999999999,"average":0.12345678901234}]`},
		{name: "-0 stays negative zero", field: "average", scanned: true, wantKept: 1,
			raw: `[{"timestamp":0,"average":-0}]`},
		{name: "a null value is absent", field: "max", scanned: true, wantKept: 1,
			raw: `[{"timestamp":1,"max":null,"average":4}]`},
		{name: "a string value is absent", field: "max", scanned: true,
			raw: `[{"timestamp":"1","max":2}]`},
		{name: "a later non-number leaves the earlier number", field: "max", scanned: true,
			wantKept: 1, raw: `[{"timestamp":1,"max":2,"max":true,"unit":"%"}]`},
		{name: "an escaped key", field: "max", raw: `[{"timestamp":1,"m\u0061x":2}]`, wantKept: 1},
		{name: "an exponent", field: "max", raw: `[{"timestamp":1,"max":2e3}]`, wantKept: 1},
		{name: "16 digits", field: "max", raw: `[{"timestamp":1,"max":1.234567890123456}]`,
			wantKept: 1},
		{name: "a nested object", field: "max", raw: `[{"timestamp":1,"max":2,"x":{"y":[1]}}]`,
			wantKept: 1},
		{name: "a datapoint that is not an object is an error", field: "max", raw: `[1]`,
			wantErr: true},
		{name: "a leading zero is an error", field: "max", raw: `[{"timestamp":01}]`,
			wantErr: true},
		{name: "an out-of-range number is an error", field: "average",
			raw: `[{"timestamp":1,"max":1e999}]`, wantErr: true},
		{name: "a missing comma is an error", field: "max", raw: `[{"timestamp":1 "max":2}]`,
			wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(`{"metrics":[{"datapoints":` + tt.raw + `}]}`)
			slow, slowErr := readAnswer(body, tt.field, nil)
			fast, scanned := scanAnswer(body, tt.field, nil)
			if scanned != tt.scanned {
				t.Fatalf("scanned = %v, want %v", scanned, tt.scanned)
			}
			if (slowErr != nil) != tt.wantErr {
				t.Fatalf("the general path's error = %v, want an error: %v", slowErr, tt.wantErr)
			}
			if slowErr == nil && len(slow.Metrics[0].Points) != tt.wantKept {
				t.Fatalf("the general path kept %d points, want %d",
					len(slow.Metrics[0].Points), tt.wantKept)
			}
			if !scanned {
				return
			}
			if slowErr != nil {
				t.Fatalf("the scanner read what the general path refuses: %v", slowErr)
			}
			assertSameAnswer(t, fast, slow)
		})
	}
}

func TestScannerReadsNumbersAsParseFloatDoes(t *testing.T) {
	random := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		digits := 1 + random.IntN(15)
		decimals := random.IntN(digits)
		text := strconv.FormatUint(random.Uint64N(uint64(math.Pow10(digits))), 10)
		for len(text) < digits {
			text = "0" + text
		}
		if decimals > 0 {
			text = text[:digits-decimals] + "." + text[digits-decimals:]
		}
		// JSON has no leading zeros: keep one digit before the dot.
		for text[0] == '0' && len(text) > 1 && text[1] != '.' {
			text = text[1:]
		}
		if random.IntN(2) == 0 {
			text = "-" + text
		}
		s := scanner{b: []byte(text)}
		got, ok := s.number()
		want, err := strconv.ParseFloat(text, 64)
		if err != nil || !ok || !s.end() {
			t.Fatalf("%s: scanned %v, ParseFloat error %v", text, ok, err)
		}
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("%s read as %v, ParseFloat reads %v", text, got, want)
		}
	}
}

func TestScanAnswerLeavesUnusualAnswersToTheGeneralPath(t *testing.T) {
	tests := []struct{ name, body string }{
		{"an escaped string", `{"metrics":[{"namespace":"SYS.\u0045CS","datapoints":[]}]}`},
		{"an unknown nested member", `{"metrics":[],"meta":{"count":0}}`},
		{"text after the answer", `{"metrics":[]} {}`},
		{"no metrics list", `{"error_code":"APIGW.0301"}`},
		{"a null unit", `{"metrics":[{"unit":null,"datapoints":[]}]}`},
		{"not JSON", `<html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, scanned := scanAnswer([]byte(tt.body), "average", nil); scanned {
				t.Fatalf("scanAnswer read %s", tt.body)
			}
		})
	}
}

func TestScanAnswerReadsWhatTheGeneralPathReads(t *testing.T) {
	body := []byte(` { "metrics" : [
		{"namespace":"SYS.ECS","metric_name":"cpu_util","extra":1,
		 "dimensions":[{"name":"instance_id","value":"i-1","x":null}],"unit":"%",
		 "datapoints":[{"timestamp":1,"max":2}]},
		{"namespace":"SYS.ECS","metric_name":"mem_util","dimensions":[],"unit":"unknown",
		 "datapoints":[],"datapoints":[{"timestamp":3,"average":4}]},
		{}
	], "other": "text" } `)
	for _, field := range []string{"average", "max", ""} {
		t.Run("for "+field, func(t *testing.T) {
			slow, err := readAnswer(body, field, nil)
			if err != nil {
				t.Fatal(err)
			}
			fast, scanned := scanAnswer(body, field, nil)
			if !scanned {
				t.Fatal("scanAnswer did not read the answer")
			}
			assertSameAnswer(t, fast, slow)
		})
	}
}

// assertSameAnswer compares two answers, float values bit for bit.
func assertSameAnswer(t *testing.T, got, want *cesAnswer) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("answer = %+v, want %+v", got, want)
	}
	for m := range got.Metrics {
		for i, p := range got.Metrics[m].Points {
			if w := want.Metrics[m].Points[i]; math.Float64bits(p.Value) !=
				math.Float64bits(w.Value) {
				t.Fatalf("metric %d point %d = %v, want %v", m, i, p, w)
			}
		}
	}
}
