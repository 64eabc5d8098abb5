package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/fold"
)

// Case-blind tests of a word against words that the rules spell in lower
// case. They agree with strings.ToLower, but only a non-ASCII word pays for
// lower-casing (package fold, which never allocates): the rules ask
// about capitalized words all the time, and most words are ASCII.

// lowerIs reports whether the lower case of w is one of words.
func lowerIs(w string, words ...string) bool {
	if !isASCII(w) {
		return fold.LowerIs(w, words...)
	}
	for _, x := range words {
		if equalFoldASCII(x, w) {
			return true
		}
	}
	return false
}

// lowerHasPrefix reports whether the lower case of w starts with prefix.
func lowerHasPrefix(w, prefix string) bool {
	if !isASCII(w) {
		return fold.HasLowerPrefix(w, prefix)
	}
	return len(w) >= len(prefix) && equalFoldASCII(prefix, w[:len(prefix)])
}

// lowerHasSuffix reports whether the lower case of w ends with suffix.
func lowerHasSuffix(w, suffix string) bool {
	if !isASCII(w) {
		return fold.HasLowerSuffix(w, suffix)
	}
	return len(w) >= len(suffix) && equalFoldASCII(suffix, w[len(w)-len(suffix):])
}

// equalFoldASCII reports whether the ASCII word w, lower-cased, is key.
func equalFoldASCII(key, w string) bool {
	if len(key) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

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
