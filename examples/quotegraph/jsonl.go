package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph"
)

// A JSON Lines record holds the article's text and often much more (gold
// annotations, metadata) that extract never looks at. encoding/json checks
// the whole line and then decodes it again, skipping the unknown members at
// the same cost: on annotated corpora that took longer than the analysis
// itself, on one goroutine. parseLine checks the line in one pass, skips
// what it does not need at the speed of a byte search, and decodes only "id"
// and "text". It accepts exactly the lines encoding/json accepts, and
// decodes strings the same way (FuzzParseLine compares them), except that
// member names match exactly, not case-insensitively.

// maxDepth is the nesting encoding/json allows.
const maxDepth = 10000

// lineParser checks and reads one JSON Lines record.
type lineParser struct {
	b     []byte
	i     int
	depth int
}

// syntaxError is a malformed line, at a byte offset.
type syntaxError struct {
	off int
	msg string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("%s at byte %d", e.msg, e.off+1) }

// parseLine reads the record of one line: a JSON object with an "id" (a
// string, or a number kept as written) and a "text" string; other members
// are checked and ignored. msg says what is wrong with a line that is not
// such a record.
func parseLine(line []byte) (d quotegraph.Doc, msg string) {
	p := lineParser{b: line}
	id, text, err := p.record()
	if err != nil {
		return d, "malformed JSON: " + err.Error()
	}
	switch {
	case id == nil || string(id) == "null":
		return d, `no "id"`
	case id[0] == '"':
		d.ID = unquote(id)
	case id[0] == '-' || id[0] >= '0' && id[0] <= '9':
		d.ID = string(id) // a number: its literal text
	default:
		return d, `"id" is neither a string nor a number`
	}
	switch {
	case text == nil || string(text) == "null":
		return d, fmt.Sprintf(`no "text" (id %q)`, d.ID)
	case text[0] != '"':
		return d, fmt.Sprintf(`"text" is not a string (id %q)`, d.ID)
	}
	d.Text = unquote(text)
	return d, ""
}

// record checks that the line is one JSON object and returns the raw values
// of its last "id" and "text" members, nil when absent.
func (p *lineParser) record() (id, text []byte, err error) {
	p.space()
	if p.i == len(p.b) {
		return nil, nil, p.fail("unexpected end of line")
	}
	if p.b[p.i] != '{' {
		if err := p.value(); err != nil {
			return nil, nil, err
		}
		return nil, nil, &syntaxError{0, "not a JSON object"}
	}
	p.i++
	p.depth++
	p.space()
	if p.peek() == '}' {
		p.i++
	} else {
		for {
			p.space()
			start := p.i
			if err := p.str(); err != nil {
				return nil, nil, err
			}
			name := p.b[start:p.i]
			p.space()
			if p.peek() != ':' {
				return nil, nil, p.fail("after object key: want ':'")
			}
			p.i++
			p.space()
			vstart := p.i
			if err := p.value(); err != nil {
				return nil, nil, err
			}
			key := string(name)
			if bytes.IndexByte(name, '\\') >= 0 {
				key = `"` + unquote(name) + `"` // "\u0069d" is "id" too
			}
			switch key {
			case `"id"`:
				id = p.b[vstart:p.i]
			case `"text"`:
				text = p.b[vstart:p.i]
			}
			p.space()
			c := p.peek()
			p.i++
			if c == '}' {
				break
			}
			if c != ',' {
				p.i--
				return nil, nil, p.fail("after object member: want ',' or '}'")
			}
		}
	}
	p.space()
	if p.i != len(p.b) {
		return nil, nil, p.fail("after the object: want the end of the line")
	}
	return id, text, nil
}

// peek returns the next byte, or 0 at the end.
func (p *lineParser) peek() byte {
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

func (p *lineParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// fail reports an unexpected byte, or the end of the line, at p.i.
func (p *lineParser) fail(want string) error {
	if p.i >= len(p.b) {
		return &syntaxError{p.i, "unexpected end of line"}
	}
	return &syntaxError{p.i, fmt.Sprintf("invalid character %q %s", p.b[p.i], want)}
}

// value skips one JSON value, checking it.
func (p *lineParser) value() error {
	switch c := p.peek(); {
	case c == '"':
		return p.str()
	case c == '{', c == '[':
		return p.compound(c)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	}
	return p.fail("looking for the beginning of a value")
}

// compound skips an object or an array.
func (p *lineParser) compound(open byte) error {
	p.depth++
	if p.depth > maxDepth {
		return &syntaxError{p.i, "exceeded max depth"}
	}
	defer func() { p.depth-- }()
	close := byte(']')
	if open == '{' {
		close = '}'
	}
	p.i++
	p.space()
	if p.peek() == close {
		p.i++
		return nil
	}
	for {
		p.space()
		if open == '{' {
			if p.peek() != '"' {
				return p.fail("looking for the beginning of an object key")
			}
			if err := p.str(); err != nil {
				return err
			}
			p.space()
			if p.peek() != ':' {
				return p.fail("after object key: want ':'")
			}
			p.i++
			p.space()
		}
		if err := p.value(); err != nil {
			return err
		}
		p.space()
		switch p.peek() {
		case ',':
			p.i++
		case close:
			p.i++
			return nil
		default:
			return p.fail(fmt.Sprintf("after a member: want ',' or %q", close))
		}
	}
}

// plain marks the bytes a string may hold with no further look: all but
// control characters, '"' and '\\'.
var plain = func() (t [256]bool) {
	for c := ' '; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str skips a string, checking its escapes and that it has no control
// characters. Bytes that are not UTF-8 are allowed, as encoding/json allows
// them.
func (p *lineParser) str() error {
	if p.peek() != '"' {
		return p.fail("looking for the beginning of a string")
	}
	b, i := p.b, p.i+1
	for {
		i += plainRun(b[i:])
		p.i = i
		if i == len(b) {
			return p.fail("in string literal")
		}
		switch b[i] {
		case '"':
			p.i++
			return nil
		case '\\':
			p.i++
			switch p.peek() {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i++
			case 'u':
				p.i++
				for range 4 {
					if !isHex(p.peek()) {
						return p.fail("in \\u hexadecimal character escape")
					}
					p.i++
				}
			default:
				return p.fail("in string escape code")
			}
			i = p.i
		default:
			return p.fail("in string literal")
		}
	}
}

func (p *lineParser) number() error {
	if p.peek() == '-' {
		p.i++
	}
	switch c := p.peek(); {
	case c == '0':
		p.i++
	case c >= '1' && c <= '9':
		p.digits()
	default:
		return p.fail("in numeric literal")
	}
	if p.peek() == '.' {
		p.i++
		if !isDigit(p.peek()) {
			return p.fail("after decimal point in numeric literal")
		}
		p.digits()
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.i++
		if c := p.peek(); c == '+' || c == '-' {
			p.i++
		}
		if !isDigit(p.peek()) {
			return p.fail("in exponent of numeric literal")
		}
		p.digits()
	}
	return nil
}

func (p *lineParser) digits() {
	for isDigit(p.peek()) {
		p.i++
	}
}

func (p *lineParser) literal(word string) error {
	for k := range len(word) {
		if p.peek() != word[k] {
			return p.fail(fmt.Sprintf("in literal %s", word))
		}
		p.i++
	}
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// The words of 8 bytes that plainRun and unquote read at a time: a byte of
// lo in each place, a byte of hi.
const (
	lo = 0x0101010101010101
	hi = 0x8080808080808080
)

// plainRun is the length of the longest prefix of b whose bytes are all
// plain. It looks at 8 bytes at a time while none of them is special.
func plainRun(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		q, bs := x^(lo*'"'), x^(lo*'\\')
		// Each term has a high bit set in some byte exactly when some byte
		// of the word is below ' ', a '"' or a '\\' (borrows may set more
		// bits above the first such byte, which does not matter here).
		if ((x-lo*' ')&^x|(q-lo)&^q|(bs-lo)&^bs)&hi != 0 {
			break
		}
	}
	for i < len(b) && plain[b[i]] {
		i++
	}
	return i
}

// unquote decodes a checked JSON string as encoding/json does: escapes
// resolved, a lone surrogate and each byte that is not UTF-8 read as U+FFFD.
func unquote(s []byte) string {
	s = s[1 : len(s)-1]
	// The run before the first escape, when it is UTF-8, is copied as is.
	r := bytes.IndexByte(s, '\\')
	if r < 0 {
		r = len(s)
	}
	if !utf8.Valid(s[:r]) {
		r = validPrefix(s[:r])
	}
	if r == len(s) {
		return string(s)
	}
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	b.Write(s[:r])
	for r < len(s) {
		if s[r] != '\\' {
			// Up to the next escape: copied as is when it is UTF-8, else
			// rune by rune, each bad byte becoming U+FFFD.
			end := bytes.IndexByte(s[r:], '\\')
			if end < 0 {
				end = len(s)
			} else {
				end += r
			}
			run := s[r:end]
			if utf8.Valid(run) {
				b.Write(run)
			} else {
				for len(run) > 0 {
					rr, size := utf8.DecodeRune(run)
					b.WriteRune(rr)
					run = run[size:]
				}
			}
			r = end
			continue
		}
		r++
		switch s[r] {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			rr := hex4(s[r+1:])
			r += 4
			if utf16.IsSurrogate(rr) {
				if len(s) >= r+7 && s[r+1] == '\\' && s[r+2] == 'u' {
					if dec := utf16.DecodeRune(rr, hex4(s[r+3:])); dec != unicode.ReplacementChar {
						b.WriteRune(dec)
						r += 7
						break
					}
				}
				rr = unicode.ReplacementChar
			}
			b.WriteRune(rr)
		default: // '"', '\\', '/'
			b.WriteByte(s[r])
		}
		r++
	}
	return b.String()
}

// validPrefix is the length of the longest prefix of s that is UTF-8.
func validPrefix(s []byte) int {
	r := 0
	for r < len(s) {
		rr, size := utf8.DecodeRune(s[r:])
		if rr == utf8.RuneError && size == 1 {
			break
		}
		r += size
	}
	return r
}

// hex4 reads four checked hexadecimal digits.
func hex4(s []byte) rune {
	var r rune
	for _, c := range s[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
