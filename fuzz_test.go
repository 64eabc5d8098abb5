package quotegraph_test

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// FuzzAnalyze runs the whole pipeline on any input and checks what must hold
// whatever the text: no panic, every span inside the text and on rune
// boundaries, quotes sorted, speakers pointing at real entities, and the
// same output on a second run. Its seed corpus is testdata/fuzz/FuzzAnalyze.
func FuzzAnalyze(f *testing.F) {
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		a := quotegraph.New()
		art, err := a.Analyze(text)
		require.NoError(t, err)
		checkArticle(t, text, art)
		again, err := a.Analyze(text)
		require.NoError(t, err)
		require.Equal(t, art, again, "a second run gives the same output")
	})
}

// onBoundary reports whether offset off of text splits no rune: it may fall
// anywhere in bytes that are not UTF-8, but never inside a valid multi-byte
// sequence.
func onBoundary(text string, off int) bool {
	for p := off - 1; p >= 0 && p > off-utf8.UTFMax; p-- {
		if _, size := utf8.DecodeRuneInString(text[p:]); size > 1 && p+size > off {
			return false
		}
	}
	return true
}

// checkSpan checks a half-open byte range of text.
func checkSpan(t *testing.T, text, what string, start, end int) {
	t.Helper()
	require.True(t, 0 <= start && start <= end && end <= len(text), "%s [%d,%d) inside the text of %d bytes", what, start, end, len(text))
	require.True(t, onBoundary(text, start), "%s starts at %d, inside a rune", what, start)
	require.True(t, onBoundary(text, end), "%s ends at %d, inside a rune", what, end)
}

// checkMention checks a mention: a span whose Text is the text at its offsets.
func checkMention(t *testing.T, text, what string, m *speaker.Mention) {
	t.Helper()
	if m == nil {
		return
	}
	checkSpan(t, text, what, m.Start, m.End)
	require.Equal(t, text[m.Start:m.End], m.Text, "%s text", what)
}

// checkArticle checks the structure of an Article of text: what holds for
// any input, however well or badly it is understood.
func checkArticle(t *testing.T, text string, art *quotegraph.Article) {
	t.Helper()
	require.NotNil(t, art)
	for i, w := range art.Warnings {
		require.True(t, 0 <= w.Offset && w.Offset <= len(text), "warning offset %d inside the text", w.Offset)
		require.NotEmpty(t, w.Msg)
		if i > 0 {
			require.LessOrEqual(t, art.Warnings[i-1].Offset, w.Offset, "warnings sorted by offset")
		}
	}
	for i, q := range art.Quotes {
		checkQuote(t, text, q.Quote)
		if i > 0 {
			p := art.Quotes[i-1]
			require.True(t, p.Start < q.Start || p.Start == q.Start && p.End <= q.End, "quotes sorted by start, then end")
		}
		checkMention(t, text, "cue", q.Cue)
		checkMention(t, text, "addressee", q.Addressee)
		require.NotEmpty(t, q.Method, "every attribution says how it was made")
		require.False(t, math.IsNaN(q.Confidence))
		require.True(t, 0 <= q.Confidence && q.Confidence <= 1, "confidence %v in [0,1]", q.Confidence)
		if s := q.Speaker; s != nil {
			checkMention(t, text, "speaker mention", s.Mention)
			require.True(t, -1 <= s.Entity && s.Entity < len(art.Speakers), "speaker entity %d indexes Speakers (%d)", s.Entity, len(art.Speakers))
			require.NotEmpty(t, s.Kind)
		}
	}
	for _, e := range art.Speakers {
		require.NotEmpty(t, e.Kind)
		require.GreaterOrEqual(t, e.Quotes, 0)
		for i, m := range e.Mentions {
			checkSpan(t, text, "entity mention", m.Start, m.End)
			if i > 0 {
				require.LessOrEqual(t, e.Mentions[i-1].Start, m.Start, "entity mentions sorted")
			}
		}
	}
}

// checkQuote checks the spans of one quote.
func checkQuote(t *testing.T, text string, q quote.Quote) {
	t.Helper()
	checkSpan(t, text, "quote", q.Start, q.End)
	require.Equal(t, text[q.Start:q.End], q.Text, "quote text is the text at its offsets")
	require.Contains(t, []quote.Kind{quote.Direct, quote.Mixed, quote.Indirect}, q.Kind)
	if q.Inner != nil {
		checkSpan(t, text, "inner span", q.Inner.Start, q.Inner.End)
		require.True(t, q.Span.Contains(*q.Inner), "the inner span lies inside the quote")
	}
	for i, p := range q.Pieces {
		checkSpan(t, text, "piece", p.Start, p.End)
		require.True(t, q.Span.Contains(p), "a piece lies inside its quote")
		if i > 0 {
			require.LessOrEqual(t, q.Pieces[i-1].End, p.Start, "pieces sorted, apart")
		}
	}
}

// TestOnBoundary pins what a boundary is in text that is not all UTF-8.
func TestOnBoundary(t *testing.T) {
	text := "a\u00e9\u20ac\xff\xe2\x82b\U0001F600"
	for _, tc := range []struct {
		why string
		off int
		ok  bool
	}{
		{"the start and the end of the text", 0, true},
		{"inside a two-byte rune", 2, false},
		{"between two runes", 3, true},
		{"inside a three-byte rune, at its last byte", 5, false},
		{"before a stray byte", 6, true},
		{"inside a truncated sequence: no valid rune is split", 8, true},
		{"inside a four-byte rune", len(text) - 1, false},
		{"the end", len(text), true},
	} {
		t.Run(tc.why, func(t *testing.T) { require.Equal(t, tc.ok, onBoundary(text, tc.off)) })
	}
}
