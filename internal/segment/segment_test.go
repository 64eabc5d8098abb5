package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
