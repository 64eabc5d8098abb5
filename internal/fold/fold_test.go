package fold

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every helper must agree with strings.ToLower, which is what the rules were
// written against.
var words = []string{
	"", "said", "SAID", "Said", "Ünal", "ÜBER", "İstanbul", "K\u212aLVIN",
	"caf\xc3", "\xff\xfeX", "Ω", "ΣΟΦΊΑ", strings.Repeat("É", 40), "O’Brien",
	"THE Minister", "ABCDEFGHÉ", "ABCDEFGHIJKLMNOPQ",
	// on either side of an eight-byte boundary, as the speaker stage files names
	"A", "Cameron", "SURNAME:CAMERON", "Élysée Palace", "The ÉLYSÉE", "K\u212aLVIN Smith-Jones", "bad\xffbyte in a longer name", "\u212Anowledgeable", "\u0130n", "Élysée", "bad\xffbyte", "\xe2\x80", "Ⱥ",
}

func TestAppendLower(t *testing.T) {
	for _, w := range words {
		assert.Equal(t, strings.ToLower(w), string(AppendLower([]byte("x"), w))[1:], w)
		assert.Equal(t, strings.ToLower(w) != w, ChangesWhenLowered(w), w)
	}
}

func TestPrefixSuffixIs(t *testing.T) {
	for _, w := range words {
		low := strings.ToLower(w)
		for _, cut := range []int{0, 1, 2, 3, len(low)} {
			if cut > len(low) {
				continue
			}
			assert.True(t, HasLowerPrefix(w, low[:cut]), "prefix %q of %q", low[:cut], w)
			assert.True(t, HasLowerSuffix(w, low[len(low)-cut:]), "suffix of %q", w)
		}
		for _, prefix := range []string{"", "t", "the ", "kn", "in", "é", "\ufffd"} {
			assert.Equal(t, strings.HasPrefix(low, prefix), HasLowerPrefix(w, prefix), "prefix %q of %q", prefix, w)
		}
		assert.True(t, LowerIs(w, "nothing", low), w)
		assert.False(t, HasLowerPrefix(w, low+"x"), w)
		assert.False(t, HasLowerSuffix(w, "x"+low), w)
		assert.False(t, LowerIs(w, low+"x"), w)
	}
}

// TestLowerHelpers checks the case-blind tests against strings.ToLower, on
// the words the quote stage asks about: ASCII ones, which take the fast
// path, and non-ASCII ones that take the slow path.
func TestLowerHelpers(t *testing.T) {
	words := []string{"", "he", "He", "HE", "hE", "she", "Shed", "asked", "ASKING", "Inquired",
		"\u212aing", "ask\u212a", "\u212a", "k", "İt", "ÀSK", "ſhe", "told", "Tel", "wonder", "x\xff",
		"@sk", "`sk"} // '@' and '`' differ only in the bit 0x20, as capitals do, and neither lowers
	targets := []string{"he", "she", "ask", "ing", "k", "it", "tel", "told", "wonder", "", "@sk", "`sk"}
	for _, w := range words {
		lw := strings.ToLower(w)
		for _, x := range targets {
			if got, want := LowerIs(w, x), lw == x; got != want {
				t.Errorf("LowerIs(%q, %q) = %v, want %v", w, x, got, want)
			}
			if got, want := HasLowerPrefix(w, x), strings.HasPrefix(lw, x); got != want {
				t.Errorf("HasLowerPrefix(%q, %q) = %v, want %v", w, x, got, want)
			}
			if got, want := HasLowerSuffix(w, x), strings.HasSuffix(lw, x); got != want {
				t.Errorf("HasLowerSuffix(%q, %q) = %v, want %v", w, x, got, want)
			}
		}
	}
}

// TestIsASCII checks the eight-bytes-at-once test on every length around
// a machine word, with the one non-ASCII byte at every place.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 17; n++ {
		assert.True(t, IsASCII(strings.Repeat("a", n)), n)
		for i := 0; i < n; i++ {
			b := []byte(strings.Repeat("a", n))
			b[i] = 0x80
			assert.False(t, IsASCII(string(b)), "%d bytes, 0x80 at %d", n, i)
		}
	}
}

func TestNoAllocation(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		LowerIs("ÜBER", "über")
		HasLowerSuffix("ÜBERLY", "ly")
		HasLowerPrefix("ÜBER", "üb")
	})
	assert.Zero(t, allocs)
}

func TestLowerASCII8(t *testing.T) {
	for _, s := range []string{"SAID@[Z", "AZaz09`{", "\x00\x01ABC]^_"} {
		var v, want uint64
		low := strings.ToLower(s)
		for i := len(s) - 1; i >= 0; i-- {
			v = v<<8 | uint64(s[i])
			want = want<<8 | uint64(low[i])
		}
		assert.Equal(t, want, LowerASCII8(v), s)
	}
}
