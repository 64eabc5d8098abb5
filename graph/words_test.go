package graph

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFieldWalkers holds the allocation-free word walkers to strings.Fields,
// which the names code used before: odd spaces, no-break spaces, invalid
// UTF-8 and suffixes must cut the same way.
func TestFieldWalkers(t *testing.T) {
	for _, s := range []string{
		"", " ", "Putin", "  Hillary   Clinton ", "Martin Luther King Jr.", "Jr", "Sr. Jr", "a\u00a0b\tc\nd",
		"bad\xffbyte  \xe2\x80 x", "\u2003Recep\u2003Tayyip Erdoğan\u0085", "\xc2 \xa0", "one two three four five six seven eight",
	} {
		ws := strings.Fields(s)
		if len(ws) == 0 {
			ws = nil
		}
		var got []string
		for w, rest := nextField(s); w != ""; w, rest = nextField(rest) {
			got = append(got, w)
		}
		assert.Equal(t, ws, got, "nextField walks %q as strings.Fields cuts it", s)
		var back []string
		for rest, w := lastField(s); w != ""; rest, w = lastField(rest) {
			back = append([]string{w}, back...)
		}
		assert.Equal(t, ws, back, "lastField walks %q back as strings.Fields cuts it", s)
		assert.Equal(t, min(len(ws), 3), countFields(s, 3), "countFields of %q stops at its limit", s)
		want := ""
		for len(ws) > 1 && strings.Contains(" Jr Sr II III IV ", " "+strings.TrimRight(ws[len(ws)-1], ".,")+" ") {
			ws = ws[:len(ws)-1]
		}
		if len(ws) > 0 {
			want = ws[len(ws)-1]
		}
		assert.Equal(t, want, surname(s), "surname of %q", s)
	}
}

// TestPhrases holds the article's phrase table to lexicon.Table's folding:
// case, curly apostrophes and spacing do not count, and a phrase added
// again takes the new value.
func TestPhrases(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Hillary Clinton", "hillary clinton"}, {"  O’Brien\t Jr ", "o'brien jr"}, {"ÉLYSÉE\u00a0Palace", "élysée palace"}, {"", ""}, {" ", ""},
	} {
		assert.Equal(t, tt.want, foldPhrase(tt.in), "foldPhrase(%q)", tt.in)
	}
	var p phrases
	p.add("Hillary Clinton", 1, "")
	p.add("hillary  CLINTON", 2, "")
	p.add("Hillary", 3, "")
	assert.Len(t, p.items, 2, "the same phrase folded is one phrase")
	assert.Equal(t, 2, p.items[0].ref, "a phrase added again takes the new value")
}

func TestNameSuffixes(t *testing.T) {
	for _, s := range []string{"Putin", "Hillary Clinton", "Crooked Hillary Clinton", "a b c d", " Crooked  Hillary\tClinton", "Ré Ñ Ü", ""} {
		var want []string
		ws := strings.Fields(s)
		for k := 1; k+2 <= len(ws); k++ {
			want = append(want, strings.Join(ws[k:], " "))
		}
		assert.Equal(t, want, nameSuffixes(s), "the ends of %q", s)
	}
}
