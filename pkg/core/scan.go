package core

// scanDatapoints reads a datapoints array of the shape the service writes: objects whose
// values are all plain JSON numbers (no exponent, at most 15 digits) under keys without
// escapes. It appends the points the join keeps for field (see point) and returns how many
// datapoints the array held; ok is false, with points to be dropped, for anything else.
// Unlike jsoniter's callbacks it makes no string per key and no closure per datapoint.
func scanDatapoints(raw []byte, field string, points []point) (_ []point, count int, ok bool) {
	s := scanner{b: raw}
	if !s.next('[') {
		return points, 0, false
	}
	if s.next(']') {
		return points, 0, s.end()
	}
	for {
		var timestamp, value, average float64
		var hasTimestamp, hasValue, hasAverage bool
		if !s.next('{') {
			return points, 0, false
		}
		if !s.next('}') {
			for {
				key, ok := s.key()
				if !ok || !s.next(':') {
					return points, 0, false
				}
				number, ok := s.number()
				if !ok {
					return points, 0, false
				}
				switch {
				case string(key) == "timestamp":
					timestamp, hasTimestamp = number, true
				case string(key) == "average":
					average, hasAverage = number, true
				}
				if field != "" && string(key) == field {
					value, hasValue = number, true
				}
				if s.next('}') {
					break
				}
				if !s.next(',') {
					return points, 0, false
				}
			}
		}
		count++
		if !hasValue {
			value, hasValue = average, hasAverage
		}
		if hasTimestamp && hasValue {
			points = append(points, point{Timestamp: int64(timestamp), Value: value})
		}
		if s.next(']') {
			return points, count, s.end()
		}
		if !s.next(',') {
			return points, 0, false
		}
	}
}

// scanner walks JSON text byte by byte.
type scanner struct {
	b []byte
	i int
}

// space skips JSON whitespace.
func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// next consumes c, after whitespace, when it comes next.
func (s *scanner) next(c byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether only whitespace is left.
func (s *scanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// key reads a string without escapes or control characters; the bytes alias the text.
func (s *scanner) key() ([]byte, bool) {
	if !s.next('"') {
		return nil, false
	}
	start := s.i
	for ; s.i < len(s.b); s.i++ {
		c := s.b[s.i]
		if c == '"' {
			s.i++
			return s.b[start : s.i-1], true
		}
		if c == '\\' || c < 0x20 {
			return nil, false
		}
	}
	return nil, false
}

// exactPow10 are the powers of ten a float64 holds exactly.
var exactPow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
	1e13, 1e14, 1e15}

// number reads a JSON number without exponent and with at most 15 digits. Its digits then
// form an integer a float64 holds exactly, and one division by an exact power of ten is
// correctly rounded: the same float64 as strconv.ParseFloat or jsoniter gives.
func (s *scanner) number() (float64, bool) {
	s.space()
	negative := s.i < len(s.b) && s.b[s.i] == '-'
	if negative {
		s.i++
	}
	var mantissa uint64
	digits, decimals := 0, 0
	start := s.i
	for ; s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9'; s.i++ {
		mantissa = mantissa*10 + uint64(s.b[s.i]-'0')
		digits++
	}
	// JSON allows no leading zero and needs a digit before any dot.
	if digits == 0 || (s.b[start] == '0' && digits > 1) {
		return 0, false
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		for ; s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9'; s.i++ {
			mantissa = mantissa*10 + uint64(s.b[s.i]-'0')
			decimals++
		}
		if decimals == 0 {
			return 0, false
		}
	}
	if digits+decimals > 15 {
		return 0, false
	}
	value := float64(mantissa) / exactPow10[decimals]
	if negative {
		value = -value
	}
	return value, true
}
