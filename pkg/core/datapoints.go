package core

import (
	jsoniter "github.com/json-iterator/go"
)

// pointReader reads the datapoints arrays of one answer into one array of points.
type pointReader struct {
	// field is the statistic read, "" for average only.
	field  string
	points []point
}

// read reads the datapoints array at iter, keeping the points the join reads, and returns
// how many datapoints it held.
func (r *pointReader) read(iter *jsoniter.Iterator) int {
	count := 0
	readArray(iter, "datapoints", func() {
		read := readDatapoint(iter)
		count++
		if p, ok := read.point(r.field); ok {
			r.points = append(r.points, p)
		}
	})
	return count
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
