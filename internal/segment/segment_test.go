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

func TestWordTable(t *testing.T) {
	tests := []struct{ word, why string }{
		{"Mr", "ASCII words go to the table as they are"},
		{"said", "most ASCII words are turned away by their hash"},
		{"DON’T", "a curly apostrophe folds to a straight one"},
		{"Doesn’t", "mixed case with a curly apostrophe"},
		{"Zoë", "a word outside ASCII that the table does not hold"},
		{"\xffmr", "an invalid byte folds to utf8.RuneError, as the table folds it"},
		{strings.Repeat("É", 20), "too long for the stack buffer: the table folds it"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			for _, table := range []*wordTable{abbreviations, sentenceStarters} {
				wantValue, wantOK := table.table.Lookup(tt.word)
				value, ok := table.lookup(tt.word)
				assert.Equal(t, wantOK, ok, tt.why)
				assert.Equal(t, wantValue, value, tt.why)
			}
		})
	}
	assert.True(t, sentenceStarters.has("DON’T"), "don't is a function word")
	allocs := testing.AllocsPerRun(100, func() { abbreviations.lookup("Zoë") })
	assert.Zero(t, allocs, "folding a word outside ASCII allocates nothing")
}

func TestWordTableHashes(t *testing.T) {
	for _, name := range []string{"abbreviations", "function_words", "pronouns", "nonnames"} {
		table := newWordTable(lexicon.Builtin(name))
		for _, e := range lexicon.Builtin(name) {
			if strings.Contains(e.Phrase, " ") {
				continue
			}
			for _, w := range []string{e.Phrase, strings.ToUpper(e.Phrase)} {
				wantValue, wantOK := table.table.Lookup(w)
				require.True(t, wantOK, "%s: %q", name, w)
				value, ok := table.lookup(w)
				assert.True(t, ok, "%s: the hash of %q must let it through", name, w)
				assert.Equal(t, wantValue, value)
			}
		}
	}
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
