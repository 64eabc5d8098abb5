package quotegraph_test

import (
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/quote"

	"github.com/quotegraph/quotegraph/testdata"
)

// Worst inputs: each generated here (never stored), analysed once, checked
// for the structure every article has (checkArticle) and for a sane reading
// of its own. Their cost is shown by BenchmarkWorst; here they must only
// come back.

const (
	kb = 1 << 10
	mb = 1 << 20
)

// repeatTo repeats unit until the text is at least n bytes.
func repeatTo(unit string, n int) string {
	return strings.Repeat(unit, (n+len(unit)-1)/len(unit))
}

// newsParagraphs is ordinary news prose of about n bytes, with no quotation
// marks: paragraphs of a few sentences with reporting verbs.
func newsParagraphs(n int) string {
	return repeatTo("Officials said talks would resume on Monday. The minister, who arrived in Ankara late, "+
		"declined to comment. According to a source close to the talks, a deal is near.\n\n", n)
}

// randomBytes is n bytes from a fixed seed: the same every run.
func randomBytes(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return string(b)
}

// nestedMarks opens n quotations, alternating double and single curly
// marks, and closes them all.
func nestedMarks(n int) string {
	var b strings.Builder
	for i := range n {
		if i%2 == 0 {
			b.WriteString("“")
		} else {
			b.WriteString("‘")
		}
	}
	b.WriteString("Peace is near")
	for i := n - 1; i >= 0; i-- {
		if i%2 == 0 {
			b.WriteString("”")
		} else {
			b.WriteString("’")
		}
	}
	b.WriteString(", the envoy said.")
	return b.String()
}

// worstInput is one of the inputs of issue 5.
type worstInput struct {
	name string
	why  string
	gen  func(n int) string
	size int // the size the robustness test uses
	// check says what a sane result is, beyond the structure.
	check func(t *testing.T, text string, art *quotegraph.Article)
}

// noWords is the check of a text with no letters: nobody can be named.
func noWords(t *testing.T, _ string, art *quotegraph.Article) {
	assert.Empty(t, art.Speakers, "no letters, no speakers")
	for _, q := range art.Quotes {
		assert.Nil(t, q.Cue, "no letters, no cue")
	}
}

var worstInputs = []worstInput{
	{
		name: "double-quotes", why: "a text of nothing but straight double marks pairs them without words",
		gen: func(n int) string { return strings.Repeat(`"`, n) }, size: 10 * mb, check: noWords,
	},
	{
		name: "unclosed", why: "a quote that never closes must not swallow the rest of the article",
		gen: func(n int) string { return `"` + newsParagraphs(n-1) }, size: 10 * mb,
		check: func(t *testing.T, text string, art *quotegraph.Article) {
			assert.NotEmpty(t, art.Warnings, "the unbalanced mark is reported")
			for _, q := range art.Quotes {
				// No paragraph but the first opens a quote, so no quote can
				// run on past a paragraph's end.
				require.NotContains(t, q.Text, "\n\n", "a quote at %d crosses a paragraph break", q.Start)
			}
		},
	},
	{
		name: "no-full-stop", why: "one paragraph, one endless sentence, full of cues",
		gen: func(n int) string {
			return repeatTo("officials said the talks would go on, the minister told reporters that peace was near, and ", n)
		},
		size: 5 * mb,
		check: func(t *testing.T, text string, art *quotegraph.Article) {
			assert.NotContains(t, text, ".")
		},
	},
	{
		name: "one-paragraph", why: "text with no line breaks at all: one paragraph of many sentences",
		gen: func(n int) string {
			return repeatTo(`Officials said talks would resume. "We will win," the minister told reporters. The weather was fine. `, n)
		},
		size: 1 * mb,
	},
	{
		name: "nested-marks", why: "100 000 nested alternating marks must not recurse or pair quadratically",
		gen: func(n int) string { return nestedMarks(n / 6) }, size: 600_000,
		check: func(t *testing.T, text string, art *quotegraph.Article) {
			for i, q := range art.Quotes {
				for _, p := range art.Quotes[:i] {
					assert.True(t, !p.Overlaps(q.Span) || p.Contains(q.Span) || q.Contains(p.Span),
						"quotes nest or stay apart: [%d,%d) and [%d,%d)", p.Start, p.End, q.Start, q.End)
				}
			}
		},
	},
	{
		name: "random-bytes", why: "random bytes, mostly invalid UTF-8",
		gen: randomBytes, size: 1 * mb,
	},
	{
		name: "nul", why: "a NUL-filled file has nothing to say",
		gen: func(n int) string { return strings.Repeat("\x00", n) }, size: 1 * mb,
		check: func(t *testing.T, text string, art *quotegraph.Article) {
			noWords(t, text, art)
			assert.Empty(t, art.Quotes, "no marks, no words: no quotes")
		},
	},
	{
		name: "apostrophes", why: "a text that is all apostrophes, straight and curly",
		gen: func(n int) string { return repeatTo("'’", n) }, size: 1 * mb, check: noWords,
	},
	{
		name: "apostrophe-words", why: "apostrophes in words never open or close a quote",
		gen: func(n int) string {
			return repeatTo("Don't touch the 1990s' rock 'n' roll; Sunday's students' notes ’til dawn, y’all.\n\n", n)
		},
		size: 1 * mb,
		check: func(t *testing.T, text string, art *quotegraph.Article) {
			for _, q := range art.Quotes {
				assert.NotEqual(t, quote.Direct, q.Kind, "a direct quote made of apostrophes at %d: %q", q.Start, q.Text)
			}
		},
	},
	{
		name: "crlf", why: "Windows line endings",
		gen: func(n int) string { return strings.ReplaceAll(newsParagraphs(n), "\n", "\r\n") }, size: 1 * mb,
	},
	{
		name: "lone-cr", why: "old Mac line endings",
		gen: func(n int) string { return strings.ReplaceAll(newsParagraphs(n), "\n", "\r") }, size: 1 * mb,
	},
	{
		name: "bom", why: "a byte-order mark, and another one inside the text",
		gen: func(n int) string { return "\uFEFF" + strings.Replace(newsParagraphs(n), "\n\n", "\n\n\uFEFF", 1) }, size: 1 * mb,
	},
	{
		name: "invalid-utf8", why: "prose with bad bytes in words, between them and in place of quotation marks",
		gen: func(n int) string {
			return repeatTo("Erdo\xf0an said the talks would resume. \x93We will win,\x94 Davuto\xf0lu told reporters \xff\xfe. "+
				"\"We will \xc3\x28win,\" Smith said.\xed\xa0\x80\n\n", n)
		},
		size: 1 * mb,
	},
	{
		name: "news", why: "ordinary prose: the baseline the others are compared with",
		gen: newsParagraphs, size: 1 * mb,
	},
}

func TestWorstInputs(t *testing.T) {
	for _, w := range worstInputs {
		t.Run(w.name, func(t *testing.T) {
			t.Log(w.why)
			size := w.size
			if testing.Short() || raceDetector() {
				size = min(size, 256*kb) // the race detector is ten times slower
			}
			text := w.gen(size)
			art, err := quotegraph.Analyze(text)
			require.NoError(t, err)
			checkArticle(t, text, art)
			if w.check != nil {
				w.check(t, text, art)
			}
		})
	}
}

// raceDetector reports whether the test runs with -race.
func raceDetector() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// seedText is the seed article, for tests that vary it.
func seedText(testing.TB) string { return testdata.Seed }

// quoteTexts lists the kind and text of each quote, with the text passed
// through norm.
func quoteTexts(art *quotegraph.Article, norm func(string) string) []string {
	out := make([]string, len(art.Quotes))
	for i, q := range art.Quotes {
		out[i] = fmt.Sprintf("%s %s", q.Kind, norm(q.Text))
	}
	return out
}

func TestVariantsReadAlike(t *testing.T) {
	// The same article with other line endings, a byte-order mark or a
	// trail of bad bytes is the same article: the same quotes, at offsets
	// into the bytes as given.
	seed := seedText(t)
	base, err := quotegraph.Analyze(seed)
	require.NoError(t, err)
	same := func(s string) string { return s }
	for _, tc := range []struct {
		why  string
		text string
		norm func(string) string // maps a quote of the variant to the seed's
	}{
		{"CRLF line endings are line endings", strings.ReplaceAll(seed, "\n", "\r\n"),
			func(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }},
		{"lone CR line endings (old Mac) are line endings", strings.ReplaceAll(seed, "\n", "\r"),
			func(s string) string { return strings.ReplaceAll(s, "\r", "\n") }},
		{"a byte-order mark is not text", "\uFEFF" + seed, same},
		{"bad bytes after the end change nothing before them", seed + "\n\n\xff\xfe\xc3\x28 \xed\xa0\x80 \xe2\x80", same},
	} {
		t.Run(tc.why, func(t *testing.T) {
			art, err := quotegraph.Analyze(tc.text)
			require.NoError(t, err)
			checkArticle(t, tc.text, art)
			assert.Equal(t, quoteTexts(base, same), quoteTexts(art, tc.norm))
		})
	}
}

func TestInvalidUTF8Kept(t *testing.T) {
	// Why: invalid UTF-8 is handled, not rejected: offsets index the bytes
	// as given, bad ones included, and no valid rune is split.
	for _, tc := range []struct{ why, text string }{
		{"bad bytes inside a quote", "\"We will \xff\xfe win,\" Smith said."},
		{"a truncated rune at the end", "\"We will win,\" Smith said \xe2\x80"},
		{"a surrogate encoded in UTF-8 and an overlong form", "\xed\xa0\x80\"Yes,\" he said.\xc0\xaf"},
		{"Latin-1 where UTF-8 was expected", "\"Erdo\xf0an is right,\" Davuto\xf0lu said."},
	} {
		t.Run(tc.why, func(t *testing.T) {
			art, err := quotegraph.Analyze(tc.text)
			require.NoError(t, err)
			checkArticle(t, tc.text, art)
		})
	}
}

func TestAnalyzerConcurrent(t *testing.T) {
	// Why: one Analyzer is shared by many goroutines (run with -race): the
	// results must equal those of one goroutine alone.
	texts := []string{seedText(t), `"It is over," the Kremlin said.`, newsParagraphs(8 * kb), randomBytes(4 * kb), nestedMarks(200)}
	a := quotegraph.New()
	want := make([]*quotegraph.Article, len(texts))
	for i, text := range texts {
		var err error
		want[i], err = a.Analyze(text)
		require.NoError(t, err)
	}
	const goroutines, rounds = 8, 5
	var wg sync.WaitGroup
	got := make([][]*quotegraph.Article, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			for r := range rounds {
				i := (g + r) % len(texts)
				art, err := a.Analyze(texts[i])
				if err != nil {
					t.Error(err)
					return
				}
				got[g] = append(got[g], art)
			}
		})
	}
	wg.Wait()
	for g := range goroutines {
		require.Len(t, got[g], rounds)
		for r, art := range got[g] {
			assert.Equal(t, want[(g+r)%len(texts)], art, "goroutine %d, round %d", g, r)
		}
	}
}
