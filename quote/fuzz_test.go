package quote_test

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/quote"
)

// FuzzFind runs quote.Find on any input and checks what must hold whatever
// the text: no panic, every span inside the text and on rune boundaries,
// quotes sorted, warnings inside the text, and the same result on a second
// run. Its seed corpus is testdata/fuzz/FuzzFind.
func FuzzFind(f *testing.F) {
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		r := quote.Find(text)
		require.NotNil(t, r)
		require.Equal(t, text, r.Text, "the result keeps the text unchanged")
		for i, q := range r.Quotes {
			checkFoundQuote(t, text, q)
			if i > 0 {
				p := r.Quotes[i-1]
				require.True(t, p.Start < q.Start || p.Start == q.Start && p.End <= q.End, "quotes sorted by start, then end")
			}
		}
		for i, w := range r.Warnings {
			require.True(t, 0 <= w.Offset && w.Offset <= len(text), "warning offset %d inside the text", w.Offset)
			if i > 0 {
				require.LessOrEqual(t, r.Warnings[i-1].Offset, w.Offset, "warnings sorted by offset")
			}
		}
		again := quote.Find(text)
		require.Equal(t, r.Quotes, again.Quotes, "a second run finds the same quotes")
		require.Equal(t, r.Warnings, again.Warnings, "and the same problems")
	})
}

// runeBoundary reports whether offset off of text splits no valid
// multi-byte rune; offsets may fall anywhere in bytes that are not UTF-8.
func runeBoundary(text string, off int) bool {
	for p := off - 1; p >= 0 && p > off-utf8.UTFMax; p-- {
		if _, size := utf8.DecodeRuneInString(text[p:]); size > 1 && p+size > off {
			return false
		}
	}
	return true
}

func checkFoundSpan(t *testing.T, text, what string, s quote.Span) {
	t.Helper()
	require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(text), "%s [%d,%d) inside the text of %d bytes", what, s.Start, s.End, len(text))
	require.True(t, runeBoundary(text, s.Start) && runeBoundary(text, s.End), "%s [%d,%d) on rune boundaries", what, s.Start, s.End)
}

func checkFoundQuote(t *testing.T, text string, q quote.Quote) {
	t.Helper()
	checkFoundSpan(t, text, "quote", q.Span)
	require.Equal(t, text[q.Start:q.End], q.Text, "quote text is the text at its offsets")
	require.Contains(t, []quote.Kind{quote.Direct, quote.Mixed, quote.Indirect}, q.Kind)
	if q.Inner != nil {
		checkFoundSpan(t, text, "inner span", *q.Inner)
		require.True(t, q.Span.Contains(*q.Inner), "the inner span lies inside the quote")
	}
	for i, p := range q.Pieces {
		checkFoundSpan(t, text, "piece", p)
		require.True(t, q.Span.Contains(p), "a piece lies inside its quote")
		if i > 0 {
			require.LessOrEqual(t, q.Pieces[i-1].End, p.Start, "pieces sorted, apart")
		}
	}
}
