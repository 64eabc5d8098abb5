// Package fold lower-cases words the way strings.ToLower does, without
// allocating: the rules of the quote and speaker stages compare words with
// lower-case spellings all the time, most words are ASCII, and a word of
// another script or with invalid bytes must not cost an allocation either.
// It also reads the bytes of a word into machine words (Load64, Load32), so
// that every stage that tests or lowers eight bytes at once reads them alike.
//
// Invalid bytes lower-case to U+FFFD, as in strings.ToLower.
package fold

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AppendLower appends strings.ToLower(s) to dst. ASCII is lowered eight
// bytes at a time: names and mentions are mostly ASCII, and lowering them a
// byte at a time cost the speaker stage more than filing them.
func AppendLower(dst []byte, s string) []byte {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		v := Load64(s[i:])
		if v&HighBits != 0 {
			return appendLowerRunes(dst, s[i:]) // s[:i] is ASCII, so a rune starts at i
		}
		dst = binary.LittleEndian.AppendUint64(dst, LowerASCII8(v))
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return appendLowerRunes(dst, s[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// appendLowerRunes is AppendLower rune by rune.
func appendLowerRunes(dst []byte, s string) []byte {
	for _, r := range s {
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// IsASCII reports whether every byte of s is ASCII, eight bytes at a time.
func IsASCII(s string) bool {
	var bytes uint64 // the bytes of s ORed
	for ; len(s) >= 8; s = s[8:] {
		bytes |= Load64(s)
	}
	for i := 0; i < len(s); i++ {
		bytes |= uint64(s[i])
	}
	return bytes&HighBits == 0
}

// equalLowerASCII reports whether the ASCII word w, lower-cased, is key.
func equalLowerASCII(w, key string) bool {
	if len(key) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

// ChangesWhenLowered reports whether strings.ToLower(w) != w, without
// lowering w: some rune has a lower case, or some byte is not UTF-8.
func ChangesWhenLowered(w string) bool {
	for i, r := range w {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(w[i:]); n == 1 {
				return true
			}
			continue
		}
		if unicode.ToLower(r) != r {
			return true
		}
	}
	return false
}

// HasLowerPrefix reports whether strings.ToLower(s) starts with prefix,
// lowering no more of s than it must (none of an ASCII s). The rules test
// many words for a prefix, and most differ from it in an ASCII first byte:
// that is tested first.
func HasLowerPrefix(s, prefix string) bool {
	// An ASCII first byte that differs from the prefix's even with the bit
	// 0x20 set in both (a capital's lower case) cannot lower to it.
	if s != "" && prefix != "" && s[0] < utf8.RuneSelf && s[0]|0x20 != prefix[0]|0x20 {
		return false
	}
	if IsASCII(s) {
		return len(s) >= len(prefix) && equalLowerASCII(s[:len(prefix)], prefix)
	}
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		if prefix == "" {
			return true
		}
		l := utf8.AppendRune(buf[:0], unicode.ToLower(r))
		if len(l) > len(prefix) {
			return strings.HasPrefix(string(l), prefix)
		}
		if string(l) != prefix[:len(l)] {
			return false
		}
		prefix = prefix[len(l):]
	}
	return prefix == ""
}

// HasLowerSuffix reports whether strings.ToLower(s) ends with suffix.
func HasLowerSuffix(s, suffix string) bool {
	if IsASCII(s) {
		return len(s) >= len(suffix) && equalLowerASCII(s[len(s)-len(suffix):], suffix)
	}
	var buf [64]byte
	l := AppendLower(buf[:0], s)
	return len(l) >= len(suffix) && string(l[len(l)-len(suffix):]) == suffix
}

// LowerIs reports whether strings.ToLower(s) is one of words.
func LowerIs(s string, words ...string) bool {
	if IsASCII(s) {
		for _, w := range words {
			if equalLowerASCII(s, w) {
				return true
			}
		}
		return false
	}
	var buf [64]byte
	l := AppendLower(buf[:0], s)
	for _, w := range words {
		if string(l) == w {
			return true
		}
	}
	return false
}

// Load64 reads the first eight bytes of s little-endian, the first in the
// low byte; the compiler makes it one load.
func Load64(s string) uint64 {
	s = s[:8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Load32 reads the first four bytes of s little-endian.
func Load32(s string) uint64 {
	s = s[:4]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// HighBits has the top bit of each of eight bytes: a machine word of bytes
// is all ASCII when it has none of them.
const HighBits = 0x80 * ones

const ones = 0x0101010101010101

// LowerASCII8 lower-cases eight ASCII bytes packed in a machine word at once:
// a byte gets 0x20 added when it lies in 'A'..'Z'. No sum carries into the
// next byte, as every byte is below 0x80.
func LowerASCII8(v uint64) uint64 {
	atLeastA := v + (0x80-'A')*ones
	pastZ := v + (0x80-'Z'-1)*ones
	return v | (atLeastA&^pastZ&HighBits)>>2
}
