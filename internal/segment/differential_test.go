package segment

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/testdata"
)

// resetReference segments text as Reset does, with the reference tokenizer
// and sentence pass.
func (d *Doc) resetReference(text string) {
	d.clear(text)
	d.tokenizeReference()
	d.sentencesReference()
}

// assertSameAsReference segments text with Reset and with the reference
// and wants the same tokens, paragraphs, sentences and lists, reusing got
// and want so that stale buffers would show.
func assertSameAsReference(t *testing.T, got, want *Doc, text string) bool {
	t.Helper()
	got.Reset(text)
	want.resetReference(text)
	same := func(what string, g, w any) bool {
		return assert.Equal(t, w, g, "%s of %q", what, text)
	}
	return same("tokens", got.Tokens, want.Tokens) &&
		same("paragraphs", got.Paras, want.Paras) &&
		same("sentences", got.Sents, want.Sents) &&
		same("sentence of token", got.SentOf, want.SentOf) &&
		same("capitalized words", got.Uppers, want.Uppers) &&
		same("stops", got.stops, want.stops)
}

// randomText strings together n pieces, each drawn from pieces that are
// hard for a tokenizer: joiners before and after letters, initialisms,
// numbers with separators, runs of spaces and line breaks, multi-byte
// letters, spaces and quotation marks, and invalid bytes.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{
		"a", "b", "z", "A", "B", "Z", "Q", "word", "Word", "WORD", "US", "U", "s", "x1", "7", "42", "1990s",
		" ", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\v", "\f", "\x00",
		".", ".", "..", "...", ",", ";", ":", "!", "?", "-", "--", "'", "''", "`", "``", "\"", "&", "(", ")", "[", "]", "/", "@", "_", "{", "~",
		"é", "É", "ß", "Ω", "ω", "ǅ", "\u0301", "٣", "…", "“", "”", "‘", "’", "«", "»", "„", "\u00a0", "\u2009", "\ufeff", "\u2028",
		"\xff", "\xc3", "\xe2\x80", "\x80",
		"Mr.", "No.", "no.", "U.S.", "D.C.", "J.", "e.g.", "AT&T", "don't", "O'Brien", "UN-brokered", "3.5", "1,000", "10:30", "5pm",
		"The", "It", "Sen.", "Jan.", "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestTokenizerMatchesReference(t *testing.T) {
	got, want := &Doc{}, &Doc{}
	for _, a := range testdata.Bundled() {
		assertSameAsReference(t, got, want, a.Text)
	}
	assertSameAsReference(t, got, want, testdata.Newswire)
	// Every cut of the newswire text: words cut at any byte, and any
	// alignment of the 64-byte windows.
	for cut := range 200 {
		if !assertSameAsReference(t, got, want, testdata.Newswire[cut:1000+cut*7]) {
			break
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		if !assertSameAsReference(t, got, want, randomText(r, 1+r.IntN(120))) {
			break
		}
	}
	// Long runs of letters, digits and spaces, past one window.
	for _, s := range []string{strings.Repeat("a", 200), strings.Repeat("Ab1", 100), strings.Repeat(" ", 200),
		strings.Repeat("x", 63) + ".", strings.Repeat("x", 64) + "'s", strings.Repeat("9", 130) + ",5"} {
		assertSameAsReference(t, got, want, s)
		assertSameAsReference(t, got, want, "\n"+s+" "+s)
	}
}

func FuzzTokenizerMatchesReference(f *testing.F) {
	f.Add(testdata.Seed)
	f.Add("U.S. talks, AT&T's 1,000 O'Brien\r\n«Non» said ÉTAT.")
	got, want := &Doc{}, &Doc{}
	f.Fuzz(func(t *testing.T, text string) {
		require.True(t, assertSameAsReference(t, got, want, text))
	})
}
