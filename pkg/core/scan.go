package core

// scanner walks JSON text byte by byte. It reads only what is plain: strings without escapes,
// numbers without exponent and with at most 15 digits, and literals; each method reports
// false for anything else, and the caller then leaves the text to jsoniter.
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

// peek returns the next byte after whitespace, or 0 at the end.
func (s *scanner) peek() byte {
	s.space()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// end reports whether only whitespace is left.
func (s *scanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// str reads a string without escapes or control characters; the bytes alias the text.
func (s *scanner) str() ([]byte, bool) {
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

// literal consumes word when it comes next.
func (s *scanner) literal(word string) bool {
	if len(s.b)-s.i < len(word) || string(s.b[s.i:s.i+len(word)]) != word {
		return false
	}
	s.i += len(word)
	return true
}

// value reads a string, number or literal; isNumber says whether it was a number.
func (s *scanner) value() (number float64, isNumber, ok bool) {
	switch c := s.peek(); {
	case c == '"':
		_, ok = s.str()
		return 0, false, ok
	case c == 'n':
		return 0, false, s.literal("null")
	case c == 't':
		return 0, false, s.literal("true")
	case c == 'f':
		return 0, false, s.literal("false")
	}
	number, ok = s.number()
	return number, ok, ok
}

// skipValue skips a string, number or literal.
func (s *scanner) skipValue() bool {
	_, _, ok := s.value()
	return ok
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
