package wordindex

import (
	"strings"
	"testing"
)

// FuzzIndex holds Find to a map of the folded words: words are the lines of
// the first input, queries the lines of the second, in any case and script.
func FuzzIndex(f *testing.F) {
	f.Add("said\nÉlysée\ndon't\nk\nabcdefghijklmnopqrstuvw\nsaid", "SAID\nélysée\nDon’t\n\u212a\nABCDEFGHIJKLMNOPQRSTUVW\nsaid\x00\n")
	f.Add("a\nb\x00\n\xff\nzürich", "A\nB\x00\n\xff\nZÜRICH\n\uFFFD")
	f.Fuzz(func(t *testing.T, list, queries string) {
		words := strings.Split(list, "\n")
		want := map[string]uint32{}
		for i, w := range words {
			want[string(AppendKey(nil, w))] = uint32(i + 1)
		}
		x := New(words)
		for _, q := range append(strings.Split(queries, "\n"), words...) {
			if got, w := x.Find(q), want[string(AppendKey(nil, q))]; got != w {
				t.Fatalf("Find(%q) = %d, want %d (words %q)", q, got, w, words)
			}
		}
	})
}
