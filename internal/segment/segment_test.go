package segment

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/testdata"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		name, why, in string
		tokens        []string
		sentences     int
	}{
		{
			name: "words and punctuation", why: "punctuation is split off words",
			in: "Hello, world.", tokens: []string{"Hello", ",", "world", "."}, sentences: 1,
		},
		{
			name: "inner joiners", why: "apostrophes, hyphens and initialism dots stay inside words",
			in: "Don't UN-brokered U.S. talks", tokens: []string{"Don't", "UN-brokered", "U.S.", "talks"}, sentences: 1,
		},
		{
			name: "abbreviation", why: "Mr. does not end a sentence; a full stop before a capital does",
			in: "Mr. Smith left. He came back.", tokens: []string{"Mr", ".", "Smith", "left", ".", "He", "came", "back", "."}, sentences: 2,
		},
		{
			name: "initialism ends a sentence", why: "U.S. before a capitalized function word or a quote ends the sentence",
			in: "They went to the U.S. The trip was long.", tokens: []string{"They", "went", "to", "the", "U.S.", "The", "trip", "was", "long", "."}, sentences: 2,
		},
		{
			name: "initialism inside a sentence", why: "U.S. before a name does not",
			in: "The U.S. Army left.", tokens: []string{"The", "U.S.", "Army", "left", "."}, sentences: 1,
		},
		{
			name: "typewriter double mark", why: "two apostrophes are one double mark",
			in: "''Yes,'' she said.", tokens: []string{"''", "Yes", ",", "''", "she", "said", "."}, sentences: 1,
		},
		{
			name: "invalid UTF-8", why: "bad bytes are punctuation of one byte, offsets stay on the input",
			in: "a\xffb", tokens: []string{"a", "\xff", "b"}, sentences: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := New(tt.in)
			var got []string
			for i := range d.Tokens {
				got = append(got, d.TokenText(i))
			}
			assert.Equal(t, tt.tokens, got, tt.why)
			assert.Len(t, d.Sents, tt.sentences, tt.why)
		})
	}
}

func TestParagraphs(t *testing.T) {
	d := New("One.\r\n\r\nTwo.\rThree.\n")
	require.Len(t, d.Paras, 3, "CRLF, lone CR and LF all end paragraphs")
	assert.Equal(t, "Two.", d.Text[d.Paras[1].Start:d.Paras[1].End])
}

func BenchmarkSegment(b *testing.B) {
	s := testdata.Newswire
	d := &Doc{}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		d.Reset(s)
	}
}

// TestWordTable holds the word tables to the lexicon.Table they stand in
// for: the same one-word answers and values for every word of their lists,
// in two cases, for the first words of phrases of several words, which only
// a phrase starts, and for some odd words.
func TestWordTable(t *testing.T) {
	odd := []struct{ word, why string }{
		{"Mr", "an ASCII word"},
		{"said", "a word of no list"},
		{"DON’T", "a curly apostrophe folds to a straight one"},
		{"Doesn’t", "mixed case with a curly apostrophe"},
		{"Zoë", "a word outside ASCII that the table does not hold"},
		{"\xffmr", "an invalid byte folds to utf8.RuneError, as the table folds it"},
		{strings.Repeat("É", 20), "a long word outside ASCII"},
		{"", "the empty word is none"},
	}
	for _, tl := range []struct {
		table *wordTable
		lists string
	}{{abbreviations, tableLists[0].lists}, {sentenceStarters, tableLists[1].lists}} {
		lists, entries := tl.lists, builtinLists(tl.lists)
		table, want := tl.table, lexicon.NewTable(entries...)
		check := func(w, why string) {
			wantValue, wantOK := want.Lookup(w)
			value, ok := table.lookup(w)
			assert.Equal(t, wantOK, ok, "%v: %q: %s", lists, w, why)
			assert.Equal(t, wantValue, value, "%v: %q: %s", lists, w, why)
			assert.Equal(t, wantOK, table.has(w), "%v: %q: %s", lists, w, why)
		}
		for _, es := range entries {
			for _, e := range es {
				first, _, _ := strings.Cut(e.Phrase, " ")
				check(first, "a word of the lists")
				check(strings.ToUpper(first), "in upper case")
			}
		}
		for _, tt := range odd {
			check(tt.word, tt.why)
		}
	}
	assert.True(t, sentenceStarters.has("DON’T"), "don't is a function word")
	allocs := testing.AllocsPerRun(100, func() { abbreviations.lookup("Zoë"); sentenceStarters.has("The") })
	assert.Zero(t, allocs, "lookups allocate nothing")
}

func TestUppers(t *testing.T) {
	d := New(testdata.Newswire + "\nÉlysée said: «Non». 'Twas O'Brien, and ÉTAT.")
	var want []int32
	for i, tok := range d.Tokens {
		if tok.Kind == Word && tok.Is(Upper) {
			want = append(want, int32(i))
		}
	}
	assert.Equal(t, want, d.Uppers, "Uppers lists the capitalized words")
	d.Reset("no capitals here")
	assert.Empty(t, d.Uppers, "Reset empties Uppers")
}

// TestTokenFrom checks the search for the first token at or after an
// offset against a walk over the tokens, at every offset of a text and past
// its end.
func TestTokenFrom(t *testing.T) {
	d := New("Cameron said: \"We will win.\"\n\nHe added, «Non».")
	for off := -1; off <= len(d.Text)+1; off++ {
		want := len(d.Tokens)
		for i, tok := range d.Tokens {
			if int(tok.Start) >= off {
				want = i
				break
			}
		}
		assert.Equal(t, want, d.TokenFrom(off), "offset %d", off)
	}
	assert.Zero(t, New("").TokenFrom(0), "a text with no tokens")
}
