package quote

import (
	"strings"
	"testing"
)

// TestFoldHelpers checks the case-blind tests against strings.ToLower, on
// ASCII words and on the non-ASCII ones that take the slow path.
func TestFoldHelpers(t *testing.T) {
	words := []string{"", "he", "He", "HE", "hE", "she", "Shed", "asked", "ASKING", "Inquired",
		"\u212aing", "ask\u212a", "\u212a", "k", "İt", "ÀSK", "ſhe", "told", "Tel", "wonder", "x\xff"}
	targets := []string{"he", "she", "ask", "ing", "k", "it", "tel", "told", "wonder", ""}
	for _, w := range words {
		lw := strings.ToLower(w)
		for _, x := range targets {
			if got, want := lowerIs(w, x), lw == x; got != want {
				t.Errorf("lowerIs(%q, %q) = %v, want %v", w, x, got, want)
			}
			if got, want := lowerHasPrefix(w, x), strings.HasPrefix(lw, x); got != want {
				t.Errorf("lowerHasPrefix(%q, %q) = %v, want %v", w, x, got, want)
			}
			if got, want := lowerHasSuffix(w, x), strings.HasSuffix(lw, x); got != want {
				t.Errorf("lowerHasSuffix(%q, %q) = %v, want %v", w, x, got, want)
			}
		}
	}
}
