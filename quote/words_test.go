package quote

import (
	"strings"
	"testing"

	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/testdata"
)

// slowBits is the lookup that tokenBits must agree with: the word lower-cased
// with full Unicode rules, curly apostrophes made straight, found in the map.
func slowBits(w string) wordBits {
	return lexiconBits[strings.ReplaceAll(strings.ToLower(w), "’", "'")]
}

// TestTokenBits checks the word-index lookup against the map for every word
// of the lists in several spellings, at the end of a text and inside it;
// TestComputeBits checks the faster lookup computeBits makes itself.
func TestTokenBits(t *testing.T) {
	var words []string
	for w := range lexiconBits {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:],
			strings.ReplaceAll(w, "'", "’"), strings.ToUpper(strings.ReplaceAll(w, "'", "’")),
			w+"x", w[:len(w)-1], "K"+w, "\u212a"+w[1:], // the Kelvin sign lower-cases to k
			w+strings.Repeat("-", max(24-len(w), 0)), w+strings.Repeat("’", 8))
	}
	words = append(words, "", "a", strings.Repeat("a", 100), "señor", "SEÑOR", "Señorita", "don’t", "DON’T",
		"\xffsaid", "sa\xffid", "ATTACHÉ", "DOÑA", strings.Repeat("É", 40))
	for _, w := range words {
		want := slowBits(w)
		for _, text := range []string{w, " " + w + strings.Repeat(" ", 30)} {
			start := strings.Index(text, w)
			if got := tokenBits(text, start, start+len(w)); got != want {
				t.Fatalf("tokenBits(%q) in %q = %#x, want %#x", w, text, got, want)
			}
		}
	}
}

// TestComputeBits checks the bits of every token of the bundled articles and
// of a text of every word of the lists in several spellings, its last word
// ending the text, against the map.
func TestComputeBits(t *testing.T) {
	var words []string
	for w := range lexiconBits {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], strings.ReplaceAll(w, "'", "’"))
	}
	texts := map[string]string{"words": strings.Join(words, " ")}
	for _, a := range testdata.Bundled() {
		texts[a.ID] = a.Text
	}
	for name, text := range texts {
		f := &finder{doc: segment.New(text)}
		f.computeBits()
		for i, tok := range f.doc.Tokens {
			w := text[tok.Start:tok.End]
			want := wordBits(0)
			switch tok.Kind {
			case segment.Word:
				want = slowBits(w)
			case segment.Punct:
				want = wordBits(punctOf(w)) << punctShift
			}
			if f.bits[i] != want {
				t.Fatalf("%s: bits of %q = %#x, want %#x", name, w, f.bits[i], want)
			}
		}
	}
}

// TestClassNames checks that the class constants index classNames, which
// names the classes as function_words.txt does.
func TestClassNames(t *testing.T) {
	for c, name := range map[wordClass]string{classNone: "", classDet: "det", classPrep: "prep", classSubord: "subord",
		classConj: "conj", classRel: "rel", classAux: "aux", classNeg: "neg", classAdv: "adv", classWh: "wh"} {
		if classNames[c] != name {
			t.Errorf("classNames[%d] = %q, want %q", c, classNames[c], name)
		}
	}
}

// TestShortWords checks that every short word of the lists found a slot in
// shortWords: if the lists outgrow it, computeBits still gives the right
// bits, but slowly. Give the table more bits, or other multipliers.
func TestShortWords(t *testing.T) {
	if fastLen != 8 {
		t.Fatal("the short words of the lists do not fit in shortWords")
	}
	if !longOK {
		t.Fatal("the words of nine to sixteen bytes of the lists do not fit in longWords")
	}
}

// TestWordBytes checks what lookupShort's lower-casing relies on: every
// byte of an ASCII word token is a capital or has the bit 0x20, whatever
// byte stands in or next to a word.
func TestWordBytes(t *testing.T) {
	for c := range 128 {
		b := string(rune(c))
		for _, text := range []string{"ab" + b + "cd", "AB" + b + "CD", b + "ab", "ab" + b, "A" + b + "B" + b, "a" + b + b + "b"} {
			d := segment.New(text)
			for _, tok := range d.Tokens {
				if tok.Kind != segment.Word {
					continue
				}
				for _, x := range []byte(text[tok.Start:tok.End]) {
					if x < 0x80 && x&0x20 == 0 && (x < 'A' || x > 'Z') {
						t.Fatalf("word %q of %q holds %#x: lookupShort would lower-case it wrong", text[tok.Start:tok.End], text, x)
					}
				}
			}
		}
	}
}
