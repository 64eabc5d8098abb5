package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/lexicon"
)

// wordBits packs what the lists say about one word, so each token costs one
// lookup per document however often the rules ask about it.
type wordBits uint32

const (
	classMask wordBits = 0xf // the function-word class, an index into classNames

	bitPronoun wordBits = 1 << (4 + iota)
	bitTime
	bitTitle
	bitNonName
	bitElision
	bitAnonymity
	bitCueStart // the first word of a built-in cue
	bitTimeStart
)

var classNames = []string{"", "det", "prep", "subord", "conj", "rel", "aux", "neg", "adv", "wh"}

// lexiconBits maps a lower-case word to its bits; built once.
var lexiconBits = func() map[string]wordBits {
	m := map[string]wordBits{}
	for _, e := range lexicon.Builtin("function_words") {
		for k, n := range classNames {
			if n == e.Value && k > 0 && !strings.Contains(e.Phrase, " ") {
				m[e.Phrase] = m[e.Phrase]&^classMask | wordBits(k)
			}
		}
	}
	single := func(list string, bit wordBits) {
		for _, e := range lexicon.Builtin(list) {
			if !strings.Contains(e.Phrase, " ") {
				m[e.Phrase] |= bit
			}
		}
	}
	first := func(list string, bit wordBits) {
		for _, e := range lexicon.Builtin(list) {
			w, _, _ := strings.Cut(e.Phrase, " ")
			m[w] |= bit
		}
	}
	single("pronouns", bitPronoun)
	single("time_words", bitTime)
	first("time_words", bitTimeStart)
	single("titles", bitTitle)
	single("honorifics", bitTitle)
	single("nonnames", bitNonName)
	single("elisions", bitElision)
	single("anonymity_words", bitAnonymity)
	first("cues", bitCueStart)
	return m
}()

// fastBits is lexiconBits as an open-addressing table keyed by an FNV-1a
// hash of the lower-cased word: a lookup hashes and folds in one pass and
// never allocates.
var fastBits = func() (t bitTable) {
	size := 1
	for size < 2*len(lexiconBits) {
		size <<= 1
	}
	t.keys = make([]string, size)
	t.vals = make([]wordBits, size)
	t.mask = uint32(size - 1)
	for k, v := range lexiconBits {
		h, _ := foldHash(k)
		for i := h & t.mask; ; i = (i + 1) & t.mask {
			if t.keys[i] == "" {
				t.keys[i], t.vals[i] = k, v
				break
			}
		}
	}
	return t
}()

type bitTable struct {
	keys []string
	vals []wordBits
	mask uint32
}

// foldHash hashes the lower case of an ASCII word; ok is false for others.
func foldHash(w string) (uint32, bool) {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h, true
}

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

// lookupBits folds a word to lower case (curly apostrophes to straight) and
// looks it up.
func lookupBits(w string) wordBits {
	if h, ok := foldHash(w); ok {
		t := &fastBits
		for i := h & t.mask; ; i = (i + 1) & t.mask {
			k := t.keys[i]
			if k == "" {
				return 0
			}
			if equalFoldASCII(k, w) {
				return t.vals[i]
			}
		}
	}
	return lexiconBits[strings.ReplaceAll(strings.ToLower(w), "’", "'")]
}

// computeBits fills f.bits for every token of the document.
func (f *finder) computeBits() {
	ts := f.doc.Tokens
	if cap(f.bits) < len(ts) {
		f.bits = make([]wordBits, len(ts))
	}
	f.bits = f.bits[:len(ts)]
	for i, t := range ts {
		if t.Kind == segment.Word {
			b := lookupBits(f.doc.Text[t.Start:t.End])
			if t.Is(segment.AllUpper) {
				b &^= bitPronoun // "US officials", not "us"
			}
			f.bits[i] = b
		} else {
			f.bits[i] = 0
		}
	}
}

func (f *finder) has(i int, b wordBits) bool {
	return i >= 0 && i < len(f.bits) && f.bits[i]&b != 0
}
