package quote

import (
	"strings"
	"unicode/utf8"
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
