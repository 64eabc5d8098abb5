package quote

import (
	"slices"
	"testing"

	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/testdata"
)

// TestIsPunct checks isPunct against the token's kind and text for every
// punct and every token of the bundled articles and of a text of marks.
func TestIsPunct(t *testing.T) {
	texts := map[string]string{"marks": "a, b: c; d. e? f! g - h -- i — j – k (l) m / n ... o … p --- q ,, r [s] t"}
	for _, a := range testdata.Bundled() {
		texts[a.ID] = a.Text
	}
	spelling := map[punct][]string{pComma: {","}, pColon: {":"}, pSemicolon: {";"}, pPeriod: {"."}, pQuestion: {"?"},
		pExclamation: {"!"}, pHyphen: {"-"}, pDoubleHyphen: {"--"}, pEmDash: {"—"}, pEnDash: {"–"}, pOpenParen: {"("},
		pCloseParen: {")"}, pSlash: {"/"}, pEllipsis: {"…", "..."}, pOpenBracket: {"["}}
	for name, text := range texts {
		f := &finder{doc: segment.New(text)}
		f.computeBits()
		for i, tok := range f.doc.Tokens {
			w := text[tok.Start:tok.End]
			for p, ss := range spelling {
				want := tok.Kind == segment.Punct && slices.Contains(ss, w)
				if got := f.isPunct(i, p); got != want {
					t.Fatalf("%s: isPunct(%q, %q) = %v, want %v", name, w, ss, got, want)
				}
			}
			// The punctuation analyse steps back over at a sentence's end.
			want := tok.Kind == segment.Punct && slices.Contains([]string{".", "!", "?", ";", "…", "...", ")"}, w)
			if got := f.inSet(i, trailing); got != want {
				t.Fatalf("%s: inSet(%q, trailing) = %v, want %v", name, w, got, want)
			}
		}
		if f.isPunct(-1, pComma) || f.isPunct(len(f.doc.Tokens), pComma) {
			t.Errorf("%s: a token out of the text is punctuation", name)
		}
	}
}

// TestPunctBits checks that a punct has bits of its own in wordBits: no
// class, flag or word id shares them.
func TestPunctBits(t *testing.T) {
	words := classMask | bitPronoun | bitTime | bitTitle | bitNonName | bitElision | bitAnonymity | bitCueStart | bitTimeStart
	if words&punctMask != 0 || punctMask>>idShift != 0 || wordBits(pOpenBracket)<<punctShift&^punctMask != 0 {
		t.Errorf("punct bits %#x overlap the word bits %#x or the id from bit %d", punctMask, words, idShift)
	}
}
