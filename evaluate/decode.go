package evaluate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads JSON the way score.py does. Python's json module matches
// keys exactly (encoding/json would match "ID" to an "id" field), so objects
// are decoded into maps; Python's `x or default` treats null, false, 0, "",
// [] and {} alike, which truthy mirrors.

// object is one JSON object with its keys matched exactly.
type object map[string]json.RawMessage

// decoder decodes one object and keeps the first problem, with its path.
type decoder struct{ err error }

func (d *decoder) fail(path, format string, args ...any) {
	switch {
	case d.err != nil:
	case path == "":
		d.err = fmt.Errorf(format, args...)
	default:
		d.err = fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...))
	}
}

// object decodes raw as a JSON object; it reports raw's type otherwise.
func (d *decoder) object(path string, raw json.RawMessage) object {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 || raw[0] != '{' {
		d.fail(path, "want an object, got %s", describe(raw))
		return nil
	}
	var o object
	if err := json.Unmarshal(raw, &o); err != nil {
		d.fail(path, "%v", err)
		return nil
	}
	return o
}

// list decodes raw as a JSON array.
func (d *decoder) list(path string, raw json.RawMessage) []json.RawMessage {
	if bytes.HasPrefix(raw, []byte("[")) {
		var l []json.RawMessage
		if err := json.Unmarshal(raw, &l); err == nil {
			return l
		}
	}
	d.fail(path, "want a list, got %s", describe(raw))
	return nil
}

// text is Python's `x or ""` on a value that must then be a string: false
// values give "", strings themselves, anything else is an error.
func (d *decoder) text(path string, raw json.RawMessage) string {
	if !truthy(raw) {
		return ""
	}
	if s, ok := asString(raw); ok {
		return s
	}
	d.fail(path, "want a string, got %s", describe(raw))
	return ""
}

// required reports a missing key, as Python's o[key] would.
func (d *decoder) required(o object, path, key string) (json.RawMessage, bool) {
	raw, ok := o[key]
	if !ok {
		d.fail(path, "missing %q", key)
	}
	return raw, ok
}

// requiredString reads a key that must hold a string.
func (d *decoder) requiredString(o object, key string) string {
	raw, ok := d.required(o, "", key)
	if !ok {
		return ""
	}
	s, isStr := asString(raw)
	if !isStr {
		d.fail(key, "want a string, got %s", describe(raw))
	}
	return s
}

// items decodes the list at path with one, up to the first problem.
func items[T any](d *decoder, path string, raw json.RawMessage, one func(*decoder, string, json.RawMessage, *T) error) []T {
	var out []T
	for i, r := range d.list(path, raw) {
		var v T
		if one(d, fmt.Sprintf("%s[%d]", path, i), r, &v) != nil {
			break
		}
		out = append(out, v)
	}
	return out
}

// done returns the decoder's problem, naming the article when its ID is
// known.
func (d *decoder) done(id string) error {
	if d.err != nil && id != "" {
		return fmt.Errorf("article %q: %w", id, d.err)
	}
	return d.err
}

// integer reads an offset. Gold offsets must be whole numbers (3 or 3.0);
// prediction offsets go through Python's int(), which truncates 3.7 to 3.
func (d *decoder) integer(path string, raw json.RawMessage, truncate bool) int {
	f, ok := asNumber(raw)
	if !ok {
		d.fail(path, "want an integer, got %s", describe(raw))
		return 0
	}
	if truncate {
		f = math.Trunc(f)
	}
	if f != math.Trunc(f) || math.Abs(f) >= 1<<53 {
		d.fail(path, "want an integer, got %s", describe(raw))
		return 0
	}
	return int(f)
}

// span reads the start and end that every quote must have.
func (d *decoder) span(o object, path string, truncate bool) (start, end int) {
	if raw, ok := d.required(o, path, "start"); ok {
		start = d.integer(path+".start", raw, truncate)
	}
	if raw, ok := d.required(o, path, "end"); ok {
		end = d.integer(path+".end", raw, truncate)
	}
	return start, end
}

// optInteger is like integer for a key that may be absent or null.
func (d *decoder) optInteger(path string, raw json.RawMessage, truncate bool) *int {
	if isNull(raw) {
		return nil
	}
	n := d.integer(path, raw, truncate)
	return &n
}

// asString returns the string raw holds, if it holds one.
func asString(raw json.RawMessage) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	if bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1]), true // nothing to unescape
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// asNumber returns the number raw holds, if it holds one.
func asNumber(raw json.RawMessage) (float64, bool) {
	if len(raw) == 0 || (raw[0] != '-' && (raw[0] < '0' || raw[0] > '9')) {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	return f, err == nil
}

// lenientString returns the string raw holds and "" for anything else: for
// fields score.py never reads, whose type it never checks.
func lenientString(raw json.RawMessage) string {
	s, _ := asString(raw)
	return s
}

// isNull reports whether a value is absent (nil) or JSON null.
func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// truthy is Python's truth value of a decoded JSON value; an absent value
// (nil) is false, as o.get(key) gives None.
func truthy(raw json.RawMessage) bool {
	if len(raw) == 0 {
		return false
	}
	switch raw[0] {
	case 'n', 'f':
		return false
	case 't':
		return true
	case '"':
		return len(raw) > 2
	case '[', '{':
		inner := bytes.TrimLeft(raw[1:], " \t\r\n")
		return len(inner) > 0 && inner[0] != ']' && inner[0] != '}'
	}
	f, _ := strconv.ParseFloat(string(raw), 64) // ±Inf for huge numbers
	return f != 0
}

// describe names a JSON value for an error message: short values in full,
// long ones cut.
func describe(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "nothing"
	}
	const max = 40
	if len(raw) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(raw[cut]) {
			cut--
		}
		return string(raw[:cut]) + "…"
	}
	return string(raw)
}

// pyLower is Python's str.lower() as far as the scores can tell: Go's
// strings.ToLower, except that İ becomes "i" and a combining dot, so that
// words() splits "İstanbul" into "i" and "stanbul" as score.py does.
func pyLower(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "\u0130", "i\u0307"))
}

// pyStrip is Python's str.strip(): Unicode white space, and the
// information separators U+001C to U+001F that Python also counts as space.
func pyStrip(s string) string {
	return strings.TrimFunc(s, pySpace)
}

func pySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyLines is Python's str.splitlines(): lines end at \n, \r, \r\n, \v, \f,
// U+001C to U+001E, U+0085, U+2028 and U+2029. It returns each line with the
// byte offset where it starts.
func pyLines(data []byte) (lines [][]byte, starts []int) {
	start := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch r {
		case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			lines, starts = append(lines, data[start:i]), append(starts, start)
			i += size
			if r == '\r' && i < len(data) && data[i] == '\n' {
				i++
			}
			start = i
			continue
		}
		i += size
	}
	if start < len(data) {
		lines, starts = append(lines, data[start:]), append(starts, start)
	}
	return lines, starts
}

// readObjects reads a file the way score.py's load() does: the whole file
// as one JSON value if it is one (a pretty-printed object), else one JSON
// value per line, skipping blank lines. Each value goes to decode with the
// line where it starts; every problem is collected with its line.
func readObjects(r io.Reader, name string, decode func(raw json.RawMessage) error) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return &Error{File: name, Msg: err.Error()}
	}
	var errs ErrorList
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		errs.Add(name, lineOf(data, bad), "not valid UTF-8")
		return errs
	}
	if json.Valid(data) {
		if err := decode(data); err != nil {
			errs.Add(name, lineOf(data, len(data)-len(bytes.TrimLeft(data, " \t\r\n"))), err.Error())
		}
		return errs.Err()
	}
	lines, starts := pyLines(data)
	first := true
	n, counted := 1, 0 // the line of starts[i], counting "\n" as we go
	for i, line := range lines {
		if len(bytes.TrimFunc(line, pySpace)) == 0 {
			continue
		}
		n += bytes.Count(data[counted:starts[i]], []byte("\n"))
		counted = starts[i]
		if !json.Valid(line) {
			if first {
				// Most likely one object over many lines: say where the
				// whole file goes wrong rather than that "{" is incomplete.
				var v any
				if se, ok := json.Unmarshal(data, &v).(*json.SyntaxError); ok {
					errs.Add(name, lineOf(data, int(se.Offset)), "invalid JSON: "+se.Error())
					return errs
				}
			}
			var v any
			errs.Add(name, n, "invalid JSON: "+json.Unmarshal(line, &v).Error())
		} else if err := decode(line); err != nil {
			errs.Add(name, n, err.Error())
		}
		first = false
	}
	return errs.Err()
}

// lineOf is the 1-based line of a byte offset, counting "\n".
func lineOf(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// readAll reads every article of a file into a T with its UnmarshalJSON,
// called directly: readObjects has checked the syntax already.
func readAll[T any, PT interface {
	*T
	json.Unmarshaler
}](r io.Reader, name string) ([]T, error) {
	var out []T
	err := readObjects(r, name, func(raw json.RawMessage) error {
		var v T
		if err := PT(&v).UnmarshalJSON(raw); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// openAndRead opens path and reads it with read.
func openAndRead[T any](path string, read func(io.Reader, string) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path)
}
