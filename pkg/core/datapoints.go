package core

import (
	jsoniter "github.com/json-iterator/go"
)

// pointReader reads the datapoints arrays of one answer into one array of points.
type pointReader struct {
	// field is the statistic read, "" for average only.
	field  string
	points []point
	// raw is reused for the bytes of each datapoints array.
	raw []byte
}

// read reads the datapoints array at iter and returns how many datapoints it held. The array
// is first read by scanDatapoints, which knows only the shape the service writes; anything
// else (escapes, strings, nulls, exponents, long numbers) is read again by the general path,
// which decides exactly as a full decoding would, errors included.
func (r *pointReader) read(iter *jsoniter.Iterator) int {
	if iter.WhatIsNext() != jsoniter.ArrayValue {
		iter.ReportError("read datapoints", "datapoints is not a JSON array")
		return 0
	}
	if r.raw == nil {
		// jsoniter captures only into a buffer that exists; it grows to the largest array.
		r.raw = make([]byte, 0, 4096)
	}
	r.raw = iter.SkipAndAppendBytes(r.raw[:0])
	if iter.Error != nil {
		return 0
	}
	kept := len(r.points)
	points, count, ok := scanDatapoints(r.raw, r.field, r.points)
	if ok {
		r.points = points
		return count
	}
	points, count, err := readDatapointsSlowly(r.raw, r.field, r.points[:kept])
	if err != nil {
		iter.ReportError("read datapoints", err.Error())
		return 0
	}
	r.points = points
	return count
}

// readDatapointsSlowly reads a datapoints array with jsoniter, each datapoint in full.
func readDatapointsSlowly(raw []byte, field string, points []point) ([]point, int, error) {
	iter := jsoniter.ParseBytes(jsoniter.ConfigDefault, raw)
	count := 0
	readArray(iter, "datapoints", func() {
		read := readDatapoint(iter)
		count++
		if p, ok := read.point(field); ok {
			points = append(points, p)
		}
	})
	return points, count, iter.Error
}

// datapoint holds a timestamp and whichever statistic fields a datapoint carried.
type datapoint struct {
	Timestamp optFloat
	Average   optFloat
	Max       optFloat
	Min       optFloat
	Sum       optFloat
	Variance  optFloat
}

// optFloat is a number that may be absent: null, a string or a missing field all leave it
// absent, as the core's `typeof v === 'number'` test does.
type optFloat struct {
	value float64
	ok    bool
}

// point is the datapoint as the join reads it for field, and whether the join keeps it.
func (p *datapoint) point(field string) (point, bool) {
	value := optFloat{}
	switch field {
	case "max":
		value = p.Max
	case "min":
		value = p.Min
	case "sum":
		value = p.Sum
	case "variance":
		value = p.Variance
	}
	if !value.ok {
		value = p.Average
	}
	if !p.Timestamp.ok || !value.ok {
		return point{}, false
	}
	return point{Timestamp: int64(p.Timestamp.value), Value: value.value}, true
}

// readDatapoint reads one datapoint; fields other than the timestamp and statistics are
// skipped.
func readDatapoint(iter *jsoniter.Iterator) datapoint {
	var read datapoint
	readObject(iter, "datapoint", func(field string) {
		var target *optFloat
		switch field {
		case "timestamp":
			target = &read.Timestamp
		case "average":
			target = &read.Average
		case "max":
			target = &read.Max
		case "min":
			target = &read.Min
		case "sum":
			target = &read.Sum
		case "variance":
			target = &read.Variance
		}
		if target == nil || iter.WhatIsNext() != jsoniter.NumberValue {
			iter.Skip()
			return
		}
		*target = optFloat{value: iter.ReadFloat64(), ok: true}
	})
	return read
}
