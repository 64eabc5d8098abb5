package lexicon

import (
	"bufio"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// scanParse is Parse as it was first written, line by line with a
// bufio.Scanner and every phrase folded the slow way: the reference the
// faster parse must agree with.
func scanParse(text, name string) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 4096), maxLine)
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

// FuzzParse checks that parse, which keeps folded phrases as they are
// written, reads every list as the reference does.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"said\ncalled   for = content\n",
		"# c\n\n  told = addressee  \r\nTold\tHim\n",
		"a  b\n a b \nA B\nab\x01c\n=x\n",
		"don’t\nÉTÉ = x\n\xff\xfe\n",
		"no newline at the end",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want, werr := scanParse(text, "l")
		got, gerr := parse(text, "l")
		if len(want) == 0 {
			want = nil
		}
		if len(got) == 0 {
			got = nil
		}
		assert.Equal(t, want, got)
		assert.Equal(t, werr, gerr)
		if folded(text) {
			assert.Equal(t, strings.Join(strings.Fields(strings.ToLower(text)), " "), text, "folded, yet folding changes it")
			assert.Equal(t, string(AppendKey(nil, text)), text, "folded, yet AppendKey changes it")
		}
	})
}

// TestParseEveryBuiltinList compares parse and the reference on the lists
// that ship, which is where the fast path matters.
func TestParseEveryBuiltinList(t *testing.T) {
	for _, name := range Names() {
		b, err := builtin.ReadFile("data/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		want, _ := scanParse(string(b), name)
		got, _ := parse(string(b), name)
		assert.Equal(t, want, got, name)
	}
}
