package graph

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/speaker"
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

// TestWordIndexAgreesWithTables holds the per-token lookups to the tables
// they stand in for, over every token of the seed article and some odd
// ones: the same one-word answers and stop classes, and no phrase missed by
// the first-word filter.
func TestWordIndexAgreesWithTables(t *testing.T) {
	seed, err := os.ReadFile("../testdata/g20-antalya.txt")
	require.NoError(t, err)
	text := string(seed) + " Obama's Ministers’ O’Brien US-led ( ) - : ' \" ’s 's THE The the « » \xff x"
	a := arts.Get().(*art)
	defer a.release()
	a.l, a.text = buildLists(&options{}), text
	a.doc.Reset(text)
	a.foldTokens()
	l := a.l
	tables := []struct {
		bit uint16
		t   *lexicon.Table
	}{
		{inVocab, l.vocab}, {inStop, l.stop}, {inPlaces, l.places}, {inEvents, l.events}, {inParticles, l.particles},
		{inRelations, l.relations}, {inBoiler, l.boiler}, {inTitles, l.titles}, {inGiven, l.given},
		{inDemonyms, l.demonyms}, {inGroups, l.groups}, {inOrgs, l.orgs},
	}
	for i := range a.doc.Tokens {
		raw, w := a.doc.TokenText(i), a.word(i)
		for _, tb := range tables {
			assert.Equal(t, tb.t.Has(raw), a.has(tb.bit, i), "list %b, token %q", tb.bit, raw)
			assert.Equal(t, tb.t.Has(w), a.wordHas(tb.bit, i), "list %b, word %q", tb.bit, w)
			n := len(a.doc.Tokens) - i
			want, wantV := tb.t.Longest(n, a.word2(i))
			got, gotV := a.longest(tb.t, tb.bit, i, n)
			assert.Equal(t, want, got, "list %b, phrase at %q", tb.bit, w)
			assert.Equal(t, wantV, gotV, "list %b, phrase at %q", tb.bit, w)
		}
		cls, ok := l.stop.Lookup(raw)
		gcls, gok := a.stopAt(i)
		assert.Equal(t, []any{cls, ok}, []any{gcls, gok}, "stop class of %q", raw)
		cls, ok = l.stop.Lookup(w)
		gcls, gok = a.wordStop(i)
		assert.Equal(t, []any{cls, ok}, []any{gcls, gok}, "stop class of word %q", w)
		s, e, cut, isName := a.readNameWord(i)
		gs, ge, gcut, gname := a.nameWord(i)
		assert.Equal(t, []any{s, e, cut, isName}, []any{gs, ge, gcut, gname}, "nameWord of %q", raw)
	}
}

// TestIDsAsConcatenated holds the one-buffer IDs to the concatenations they
// replace.
func TestIDsAsConcatenated(t *testing.T) {
	for _, name := range []string{"", "Donald J. Trump", "the Kremlin", "  O’Brien  ", "Erdoğan", "---", "a", strings.Repeat("Long Name ", 20)} {
		for _, art := range []string{"", "g20-antalya", "Ünïcode article"} {
			assert.Equal(t, nsPerson+":"+Slug(dropInitials(name)), ID(speaker.Person, name, art))
			assert.Equal(t, nsOrg+":"+Slug(trimArticle(name)), ID(speaker.Organization, name, art))
			assert.Equal(t, nsGroup+":"+Slug(trimArticle(name)), ID(speaker.Group, name, art))
			assert.Equal(t, nsDoc+":"+Slug(art)+"/"+Slug(trimArticle(name)), ID(speaker.Document, name, art))
			assert.Equal(t, nsAnon+":"+Slug(art)+"/"+Slug(trimArticle(name)), ID(speaker.Anonymous, name, art))
			assert.Equal(t, nsTopic+":"+Slug(name), TopicID(name))
		}
	}
}
