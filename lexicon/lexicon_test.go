package lexicon_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/lexicon"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, why, in string
		want          []lexicon.Entry
		err           string
	}{
		{
			name: "phrases and values",
			why:  "a value follows \" = \"; phrases fold to lower case and single spaces",
			in:   "Said\ncalled   for = content\n",
			want: []lexicon.Entry{{Phrase: "said", Line: 1}, {Phrase: "called for", Value: "content", Line: 2}},
		},
		{
			name: "comments and blanks",
			why:  "lists document themselves; line numbers still count them",
			in:   "# cues\n\n  told = addressee  \n",
			want: []lexicon.Entry{{Phrase: "told", Value: "addressee", Line: 3}},
		},
		{
			name: "empty phrase",
			why:  "a value with no phrase is a mistake the user must hear about, with its line",
			in:   "said\n = content\n",
			want: []lexicon.Entry{{Phrase: "said", Line: 1}},
			err:  "mine.txt:2: empty phrase",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := lexicon.Parse(strings.NewReader(tt.in), "mine.txt")
			if tt.err != "" {
				assert.EqualError(t, err, tt.err, tt.why)
			} else {
				require.NoError(t, err, tt.why)
			}
			assert.Equal(t, tt.want, got, tt.why)
		})
	}
}

// TestBuiltinListsParse guards every shipped list: Builtin panics on a bad one.
func TestBuiltinListsParse(t *testing.T) {
	names := lexicon.Names()
	require.NotEmpty(t, names)
	for _, n := range names {
		t.Run(n, func(t *testing.T) {
			es := lexicon.Builtin(n)
			seen := map[string]int{}
			for _, e := range es {
				if first, dup := seen[e.Phrase]; dup {
					t.Errorf("%s.txt:%d repeats %q of line %d", n, e.Line, e.Phrase, first)
				}
				seen[e.Phrase] = e.Line
			}
		})
	}
}

func TestTable(t *testing.T) {
	tab := lexicon.NewTable([]lexicon.Entry{{Phrase: "said"}, {Phrase: "according to", Value: "according"}, {Phrase: "don't"}})
	words := strings.Fields("According to the ministry")
	n, v := tab.Longest(len(words), func(i int) string { return words[i] })
	assert.Equal(t, 2, n, "the longest phrase wins, case folded")
	assert.Equal(t, "according", v)
	assert.True(t, tab.Has("SAID"), "lookups ignore case")
	assert.True(t, tab.Has("don’t"), "a curly apostrophe matches a straight one")
	assert.False(t, tab.Has("according"), "a prefix of a phrase is not a phrase")
	assert.Equal(t, 3, tab.Len())
	over := lexicon.NewTable([]lexicon.Entry{{Phrase: "said", Value: "a"}}, []lexicon.Entry{{Phrase: "said", Value: "b"}})
	v, _ = over.Lookup("said")
	assert.Equal(t, "b", v, "a later list overrides an earlier one")
}

func TestHasFlag(t *testing.T) {
	assert.True(t, lexicon.HasFlag("addressee content", "content"))
	assert.False(t, lexicon.HasFlag("addressee", "add"), "whole flags only")
}

func BenchmarkTableLongest(b *testing.B) {
	tab := lexicon.NewTable(lexicon.Builtin("cues"))
	words := strings.Fields("According to the ministry officials said")
	b.ReportAllocs()
	for b.Loop() {
		for i := range words {
			tab.Longest(len(words)-i, func(k int) string { return words[i+k] })
		}
	}
}

// BenchmarkBuiltin reads every list that ships, as the packages' start-up
// does: it is most of what a program pays before its first article.
func BenchmarkBuiltin(b *testing.B) {
	names := lexicon.Names()
	size := 0
	for _, n := range names {
		for _, e := range lexicon.Builtin(n) {
			size += len(e.Phrase) + len(e.Value) + 1
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			lexicon.Builtin(n)
		}
	}
}

// BenchmarkNewTable builds the largest phrase table the stages build at
// start-up.
func BenchmarkNewTable(b *testing.B) {
	places := lexicon.Builtin("places")
	b.ReportAllocs()
	for b.Loop() {
		lexicon.NewTable(places)
	}
}

func ExampleParse() {
	es, err := lexicon.Parse(strings.NewReader("# my cues\nharrumphed\nopined = content\n"), "house-cues.txt")
	fmt.Println(len(es), es[1].Phrase, es[1].Value, err)
	// Output: 2 opined content <nil>
}

func ExampleBuiltin() {
	cues := lexicon.NewTable(lexicon.Builtin("cues"))
	fmt.Println(cues.Has("said"))
	// Output: true
}

func ExampleNames() {
	for _, n := range lexicon.Names() {
		if n == "cues" {
			fmt.Println("cues is built in")
		}
	}
	// Output: cues is built in
}

func ExampleNewTable() {
	t := lexicon.NewTable([]lexicon.Entry{{Phrase: "called for", Value: "content"}})
	words := []string{"Called", "for", "talks"}
	n, v := t.Longest(len(words), func(i int) string { return words[i] })
	fmt.Println(n, v)
	// Output: 2 content
}

func ExampleHasFlag() {
	fmt.Println(lexicon.HasFlag("addressee content", "content"))
	// Output: true
}

func TestAppendKey(t *testing.T) {
	for _, w := range []string{
		"said", "SAID", "Don’t", "ÉLYSÉE", "\u212Aelvin", "\u0130stanbul", "bad\xffbyte", "\xe2\x80", "mixed’É’", "",
		strings.Repeat("Long", 40),
	} {
		want := strings.ReplaceAll(strings.ToLower(w), "’", "'")
		assert.Equal(t, want, string(lexicon.AppendKey(nil, w)), "AppendKey folds %q as strings.ToLower does, apostrophes straightened", w)
	}
	assert.Equal(t, "prefix:said", string(lexicon.AppendKey([]byte("prefix:"), "Said")), "AppendKey appends")
	tab := lexicon.NewTable([]lexicon.Entry{{Phrase: "élysée"}})
	assert.True(t, tab.Has("ÉLYSÉE"), "non-ASCII words fold too")
}

func TestWordIndex(t *testing.T) {
	words := []string{"said", "élysée", "don't", "k", "abcdefghijklmnopqrstuvw", "abcdefghijklmnopqrstuvwxyz", "he"}
	x := lexicon.NewWordIndex(words)
	for _, tc := range []struct {
		word string
		want uint32
		why  string
	}{
		{"said", 1, "an ASCII word is found as it is"},
		{"SAID", 1, "and in any case"},
		{"ÉLYSÉE", 2, "a non-ASCII word is folded"},
		{"Don’t", 3, "curly apostrophes are straight"},
		{"\u212A", 4, "a rune that folds to ASCII finds the ASCII word"},
		{"ABCDEFGHIJKLMNOPQRSTUVW", 5, "the longest packed word"},
		{"abcdefghijklmnopqrstuvwXYZ", 6, "a longer word is found too"},
		{"he\x00", 0, "a NUL byte is no padding"},
		{"", 0, "the empty word is none"},
		{"sai", 0, "a prefix is not the word"},
		{strings.Repeat("x", 500), 0, "a long word is none"},
	} {
		assert.Equal(t, tc.want, x.Find(tc.word), "%q: %s", tc.word, tc.why)
	}
	assert.Zero(t, testing.AllocsPerRun(10, func() { x.Find("ÉLYSÉE"); x.Find("Said") }), "lookups do not allocate")
	assert.Zero(t, lexicon.NewWordIndex(nil).Find("said"), "an empty index holds no word")
	assert.Equal(t, uint32(1), lexicon.NewWordIndex([]string{"élysée"}).Find("Élysée"), "an index of no ASCII word finds its words")
	assert.Zero(t, lexicon.NewWordIndex([]string{"élysée"}).Find("said"), "and turns ASCII words away")
}

// TestWordIndexEveryLength packs words of every length, whose bytes are
// read in overlapping runs, and holds them apart from words that differ in
// one byte only.
func TestWordIndexEveryLength(t *testing.T) {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	var words []string
	for n := 1; n <= len(letters); n++ {
		words = append(words, letters[:n])
	}
	x := lexicon.NewWordIndex(words)
	for i, w := range words {
		assert.Equal(t, uint32(i+1), x.Find(w), "%q is found", w)
		assert.Equal(t, uint32(i+1), x.Find(strings.ToUpper(w)), "%q is found in upper case", w)
		for j := range len(w) {
			other := w[:j] + "_" + w[j+1:]
			assert.Zero(t, x.Find(other), "%q differs from %q in byte %d", other, w, j)
		}
	}
}

// BenchmarkWordIndexFind looks up the words of news prose, most of them
// short and ASCII, some capitalized, a few in no list, as the stages do.
func BenchmarkWordIndexFind(b *testing.B) {
	x := lexicon.NewWordIndex(strings.Fields(strings.ToLower(
		"the said told a of to in officials minister president according spokesman")))
	words := strings.Fields("The minister said on Tuesday that the talks in Geneva had failed, according to officials close to the negotiations; Élysée sources disagreed")
	size := 0
	for _, w := range words {
		size += len(w)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			x.Find(w)
		}
	}
}
