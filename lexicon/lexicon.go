package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strings"
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
	var out []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		phrase, value, _ := strings.Cut(s, " = ")
		if strings.HasPrefix(s, "=") {
			phrase = ""
		}
		phrase = strings.Join(strings.Fields(strings.ToLower(phrase)), " ")
		if phrase == "" {
			return out, &Error{Name: name, Line: line, Msg: "empty phrase"}
		}
		out = append(out, Entry{Phrase: phrase, Value: strings.TrimSpace(value), Line: line})
	}
	if err := sc.Err(); err != nil {
		return out, &Error{Name: name, Line: line + 1, Msg: err.Error()}
	}
	return out, nil
}

// Builtin parses one of the lists that ship with quotegraph, by name without
// ".txt" (for example "cues"). It panics only if the list is missing or
// malformed, which the package's tests rule out.
func Builtin(name string) []Entry {
	f, err := builtin.Open("data/" + name + ".txt")
	if err != nil {
		panic("lexicon: no built-in list " + name)
	}
	defer f.Close()
	es, err := Parse(f, name+".txt")
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
