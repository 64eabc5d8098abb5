package quote

import (
	"strings"
	"testing"

	"github.com/quotegraph/quotegraph/internal/segment"
)

// TestWordIs checks wordIs against strings.EqualFold, on words of the
// key's length and of others, and on those whose runes fold to ASCII
// letters: ſ to s, the Kelvin sign to k.
func TestWordIs(t *testing.T) {
	words := []string{"that", "THAT", "That", "tHaT", "thaT", "thae", "thats", "tha", "to", "TO", "so", "So", "ſo", "ſO", "SO",
		"\u212aey", "key", "this", "thiſ", "THIſ", "whom", "who", "WHO", "wh\xff", "who\xff", "th\u212a", "on", "ON", "oN", "ön", "Ön"}
	keys := []string{"that", "to", "so", "key", "this", "whom", "who", "on", "of"}
	f := &finder{doc: segment.New(strings.Join(words, " "))}
	for i, tok := range f.doc.Tokens {
		w := f.doc.Text[tok.Start:tok.End]
		for _, k := range keys {
			if got, want := f.wordIs(i, k), strings.EqualFold(w, k); got != want {
				t.Errorf("wordIs(%q, %q) = %v, want %v", w, k, got, want)
			}
		}
	}
	if f.wordIs(-1, "to") || f.wordIs(len(f.doc.Tokens), "to") {
		t.Error("wordIs past the text = true, want false")
	}
}
