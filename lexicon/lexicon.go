package lexicon

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

//go:embed data/*.txt
var builtin embed.FS

// Entry is one line of a list: a phrase of one or more words, and an optional
// value written after " = " (a gender, a set of flags, a canonical form).
type Entry struct {
	Phrase string
	Value  string
	Line   int
}

// Error is a problem on one line of a list.
type Error struct {
	Name string // the list's name, usually its file name
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg) }

// Parse reads a list: one phrase per line, words separated by spaces, an
// optional " = value" after it; blank lines and lines starting with # are
// skipped. Phrases are folded to lower case, so lookups ignore case. name
// appears in errors.
func Parse(r io.Reader, name string) ([]Entry, error) {
	b, err := io.ReadAll(r)
	out, perr := parse(string(b), name)
	if perr == nil && err != nil {
		perr = &Error{Name: name, Line: bytes.Count(b, []byte("\n")) + 1, Msg: err.Error()}
	}
	return out, perr
}

// parse is Parse on a list read whole. Entries share the text's memory: a
// phrase already folded, as list files write them, is not copied.
func parse(text, name string) ([]Entry, error) {
	out := make([]Entry, 0, strings.Count(text, "\n")+1)
	for line := 1; text != ""; line++ {
		var raw string
		raw, text, _ = strings.Cut(text, "\n")
		if len(raw) > maxLine {
			return out, &Error{Name: name, Line: line, Msg: bufio.ErrTooLong.Error()}
		}
		s := strings.TrimSpace(raw)
		if s == "" || s[0] == '#' {
			continue
		}
		phrase, value, folded := splitLine(s)
		if !folded {
			phrase = strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
		}
		if phrase == "" {
			return out, &Error{Name: name, Line: line, Msg: "empty phrase"}
		}
		out = append(out, Entry{Phrase: phrase, Value: strings.TrimSpace(value), Line: line})
	}
	return slices.Clip(out), nil
}

// maxLine is the longest line a list may have, as it was when lists were
// read with a bufio.Scanner.
const maxLine = 1 << 20

// splitLine cuts a trimmed line at its first " = " into phrase and value
// (a line that starts with "=" has no phrase), in one pass that also tells
// whether the phrase is already as Parse folds it: ASCII, in lower case,
// its words separated by single spaces. Most lines of a list are, and need
// no copy.
func splitLine(s string) (phrase, value string, folded bool) {
	if s[0] == '=' {
		return "", "", true
	}
	folded = true
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' && space && i+1 < len(s) && s[i+1] == ' ' {
			phrase, value = s[:i-1], s[i+2:]
			return phrase, value, folded && !strings.HasSuffix(phrase, " ")
		}
		if breaksFold(c, space) {
			folded = false
		}
		space = c == ' '
	}
	return s, "", folded
}

// folded reports whether phrase is already as Parse folds it: ASCII, in
// lower case, its words separated by single spaces.
func folded(phrase string) bool {
	if phrase == "" || phrase[0] == ' ' || phrase[len(phrase)-1] == ' ' {
		return false
	}
	space := false
	for i := 0; i < len(phrase); i++ {
		if breaksFold(phrase[i], space) {
			return false
		}
		space = phrase[i] == ' '
	}
	return true
}

// breaksFold reports whether byte c, after a space or not, is one that
// Parse's folding would change: outside ASCII, a capital, a control byte,
// a second space.
func breaksFold(c byte, afterSpace bool) bool {
	return c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c < ' ' || afterSpace && c == ' '
}

// Builtin parses one of the lists that ship with quotegraph, by name without
// ".txt" (for example "cues"). It panics only if the list is missing or
// malformed, which the package's tests rule out.
func Builtin(name string) []Entry {
	b, err := builtin.ReadFile("data/" + name + ".txt")
	if err != nil {
		panic("lexicon: no built-in list " + name)
	}
	es, err := parse(string(b), name+".txt")
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	return es
}

// Names lists the built-in lists.
func Names() []string {
	des, _ := builtin.ReadDir("data")
	out := make([]string, 0, len(des))
	for _, d := range des {
		out = append(out, strings.TrimSuffix(d.Name(), ".txt"))
	}
	return out
}
