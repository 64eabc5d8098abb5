package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/fold"
)

// wordIs reports whether token i is key, a lower-case ASCII word, in any
// case, as strings.EqualFold tells. The rules ask it all the time, and most
// words differ from key in their first letter, which is looked at first.
func (f *finder) wordIs(i int, key string) bool {
	ts := f.doc.Tokens
	if uint(i) >= uint(len(ts)) {
		return false
	}
	t := &ts[i]
	c := f.doc.Text[t.Start] // tokens are never empty
	return (c|0x20 == key[0] || c >= utf8.RuneSelf) && equalFold(f.doc.Text[t.Start:t.End], key)
}

// equalFold is strings.EqualFold(w, key) for a lower-case ASCII key: the
// ASCII letters are compared here, and only a non-ASCII rune, which may
// fold to an ASCII letter (ſ to s, the Kelvin sign to k), takes
// strings.EqualFold.
func equalFold(w, key string) bool {
	for k := 0; k < len(key); k++ {
		if k >= len(w) {
			return false
		}
		c := w[k]
		if c >= utf8.RuneSelf {
			return strings.EqualFold(w[k:], key[k:]) // the letters before are equal
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[k] {
			return false
		}
	}
	return len(w) == len(key)
}

// hasLowerPrefix is fold.HasLowerPrefix for a prefix that starts with a
// lower-case ASCII letter, with the first byte of w looked at first: most
// words differ from prefix there. An ASCII byte lowers to that letter only
// if it has it with the bit 0x20 set; a non-ASCII rune may (the Kelvin sign
// to k) and takes fold.HasLowerPrefix.
func hasLowerPrefix(w, prefix string) bool {
	return w != "" && (w[0]|0x20 == prefix[0] || w[0] >= utf8.RuneSelf) && fold.HasLowerPrefix(w, prefix)
}
