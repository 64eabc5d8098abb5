package quote

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/lexicon"
)

// wordBits packs what the lists say about one word, so each token costs one
// lookup per document however often the rules ask about it. The low bits
// hold a class and flags; a punctuation token has its punct (punct.go) in
// bits no word uses; the high bits number the words of the phrase lists
// (phrases.go).
type wordBits uint32

const (
	idShift = 17
	maxID   = 1<<(32-idShift) - 1
)

// id is the word's number, 0 for a word that no list has.
func (b wordBits) id() wordBits { return b >> idShift }

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

// wordClass is a function-word class, as function_words.txt names it in
// classNames.
type wordClass uint8

const (
	classNone wordClass = iota
	classDet
	classPrep
	classSubord
	classConj
	classRel
	classAux
	classNeg
	classAdv
	classWh
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
	for _, list := range phraseLists {
		for _, e := range lexicon.Builtin(list) {
			for _, w := range phraseWords(e.Phrase) {
				m[w] |= 0 // present, if with no bits of its own, to get an id
			}
		}
	}
	if len(m) <= maxID {
		for id, w := range slices.Sorted(maps.Keys(m)) {
			m[w] |= wordBits(id+1) << idShift
		}
	}
	return m
}()

// idCount is the number of word ids; phrase lists fall back to their
// lexicon.Table if the words are too many to number.
var idCount = func() int {
	if len(lexiconBits) > maxID {
		return 0
	}
	return len(lexiconBits)
}()

// asciiWords is lexiconBits for its ASCII words, keyed by the packed word:
// a lookup loads the token's bytes a machine word at a time, lower-cases
// them eight at once and compares keys as integers, never allocating.
var asciiWords = func() keyTable {
	var entries []wordEntry
	for w, b := range lexiconBits {
		k, ok := packFolded(w)
		if !ok || !isASCII(w) || strings.ToLower(w) != w {
			continue // a word folding never yields: only the map has it
		}
		entries = append(entries, wordEntry{k, b})
	}
	size := 1
	for size < 2*len(entries) {
		size <<= 1
	}
	for seed := uint64(1); ; seed++ {
		if t, ok := newKeyTable(entries, size, seed); ok {
			return t
		}
		if seed%8 == 0 {
			size *= 2 // so many cycles: give the keys more room
		}
	}
}()

// wordKey is an ASCII word of up to maxKeyLen bytes packed little-endian
// into machine words, zero-padded. Word tokens hold no NUL byte (it is
// white space to the segmenter), so the padding cannot be mistaken for one.
// A struct, not an array, so that the compiler keeps it in registers.
type wordKey struct{ a, b, c uint64 }

const maxKeyLen = 24

type wordEntry struct {
	key  wordKey
	bits wordBits
}

// keyTable is a cuckoo hash table: every key sits in one of its two slots,
// so a lookup reads both and picks the one that matches without a branch
// that depends on the word. Words are half hits and half misses, so any
// probe loop would mispredict on every other token.
type keyTable struct {
	slots  []wordEntry // an empty slot holds the empty key and no bits
	m1, m2 uint64      // odd multipliers of the two hash functions
	shift  uint
}

func newKeyTable(entries []wordEntry, size int, seed uint64) (t keyTable, ok bool) {
	t.slots = make([]wordEntry, size)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	t.m1, t.m2 = splitmix(seed)|1, splitmix(seed+1<<32)|1
	for _, e := range entries {
		if !t.insert(e) {
			return t, false
		}
	}
	return t, true
}

// insert puts e in its first slot, moving the entry there to its other
// slot, and so on; it fails on a cycle, and the table is built again with
// other hash functions.
func (t *keyTable) insert(e wordEntry) bool {
	i := t.slot1(e.key)
	for range len(t.slots) {
		t.slots[i], e = e, t.slots[i]
		if e.key == (wordKey{}) {
			return true
		}
		if j := t.slot1(e.key); j != i {
			i = j
		} else {
			i = t.slot2(e.key)
		}
	}
	return false
}

func (k wordKey) mix() uint64 { return k.a ^ k.b*0xc2b2ae3d27d4eb4f ^ k.c*0x165667b19e3779f9 }

// The shifts are masked so that the compiler knows them to be below 64.
func (t *keyTable) slot1(k wordKey) uint64 { return k.mix() * t.m1 >> (t.shift & 63) }
func (t *keyTable) slot2(k wordKey) uint64 { return k.mix() * t.m2 >> (t.shift & 63) }

func (t *keyTable) find(k wordKey) wordBits {
	return t.slots[t.slot1(k)].match(k) | t.slots[t.slot2(k)].match(k)
}

// match returns e's bits if its key is k and no bits otherwise.
func (e *wordEntry) match(k wordKey) wordBits {
	return e.bitsIf(e.key.a ^ k.a | e.key.b ^ k.b | e.key.c ^ k.c)
}

// bitsIf returns e's bits if d, a difference of keys, is zero, without a
// branch: d|-d has its top bit set unless d is zero.
func (e *wordEntry) bitsIf(d uint64) wordBits {
	return e.bits &^ wordBits(int64(d|-d)>>63)
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

const (
	ones     = 0x0101010101010101
	highBits = 0x80 * ones
)

// lowerASCII lower-cases eight ASCII bytes at once: a byte gets 0x20 added
// when it lies in 'A'..'Z'. No sum carries into the next byte, as every
// byte is below 0x80.
func lowerASCII(x uint64) uint64 {
	atLeastA := x + (0x80-'A')*ones
	pastZ := x + (0x80-'Z'-1)*ones
	return x | (atLeastA&^pastZ&highBits)>>2
}

func (k wordKey) lower() wordKey {
	return wordKey{lowerASCII(k.a), lowerASCII(k.b), lowerASCII(k.c)}
}

// le64 reads eight bytes of s little-endian; the compiler makes it one load.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// chunk packs the n <= 8 bytes of text at i, reading a whole machine word
// where the text goes on far enough and masking off what follows.
func chunk(text string, i, n int) uint64 {
	if i+8 <= len(text) {
		return le64(text[i:i+8]) & (1<<(8*n) - 1) // for n = 8 the mask is all ones
	}
	var x uint64
	for j := n - 1; j >= 0; j-- {
		x = x<<8 | uint64(text[i+j])
	}
	return x
}

// packText packs text[start:start+n], n <= maxKeyLen.
func packText(text string, start, n int) (k wordKey) {
	k.a = chunk(text, start, min(n, 8))
	if n > 8 {
		k.b = chunk(text, start+8, min(n-8, 8))
		if n > 16 {
			k.c = chunk(text, start+16, n-16)
		}
	}
	return k
}

// packFolded packs the lower case of w with curly apostrophes made straight,
// as the word lists spell them. ok is false when w holds another non-ASCII
// rune or folds to more than maxKeyLen bytes.
func packFolded(w string) (k wordKey, ok bool) {
	j := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			if !strings.HasPrefix(w[i:], "’") {
				return k, false
			}
			c = '\''
			i += len("’") - 1
		}
		if j == maxKeyLen {
			return k, false
		}
		switch x := uint64(c) << (8 * (j % 8)); j / 8 {
		case 0:
			k.a |= x
		case 1:
			k.b |= x
		default:
			k.c |= x
		}
		j++
	}
	return k.lower(), true
}

// tokenBits looks up the word text[start:end]. computeBits looks up most
// words itself, faster.
func tokenBits(text string, start, end int) wordBits {
	if n := end - start; n <= maxKeyLen {
		k := packText(text, start, n)
		if (k.a|k.b|k.c)&highBits == 0 {
			return asciiWords.find(k.lower())
		}
	}
	return lookupBits(text[start:end])
}

// lookupBits folds a word to lower case (curly apostrophes to straight) and
// looks it up.
func lookupBits(w string) wordBits {
	if k, ok := packFolded(w); ok {
		return asciiWords.find(k)
	}
	// A word longer than a key, or with another non-ASCII rune: full
	// Unicode lower-casing, as strings.ToLower does it, may map other runes
	// to ASCII (the Kelvin sign to k) or meet a non-ASCII entry (señor), and
	// the map has every entry. The folded word is built on the stack; one
	// longer than every entry matches none.
	var buf [64]byte
	folded := buf[:0]
	for _, r := range w {
		if r = unicode.ToLower(r); r == '’' {
			r = '\''
		}
		if folded = utf8.AppendRune(folded, r); len(folded) > longestEntry {
			return 0
		}
	}
	return lexiconBits[string(folded)]
}

// longestEntry is the length in bytes of the longest word of lexiconBits.
var longestEntry = func() int {
	n := 0
	for w := range lexiconBits {
		n = max(n, len(w))
	}
	return n
}()

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// computeBits fills f.bits for every token of the document. As it is the
// one pass over every token, it also lists the quotation marks in f.marks,
// so that pairMarks looks at them alone.
func (f *finder) computeBits() {
	ts := f.doc.Tokens
	if cap(f.bits) < len(ts) {
		f.bits = make([]wordBits, len(ts))
	}
	bits, text, marks := f.bits[:len(ts)], f.doc.Text, f.marks[:0]
	// The table's fields in locals, so the loop keeps them in registers.
	slots, m1, m2, shift := asciiWords.slots, asciiWords.m1, asciiWords.m2, asciiWords.shift&63
	for i := range ts {
		t := &ts[i]
		b := wordBits(0)
		if t.Kind == segment.Word {
			start, n := int(t.Start), int(t.End-t.Start)
			// Most words: one load of eight bytes masked to the word, and
			// the key is one machine word {a, 0, 0}. This is asciiWords.find
			// without a call; tokenBits looks up the others.
			x := uint64(highBits)
			if uint(n-1) < 8 && start+8 <= len(text) {
				x = le64(text[start:]) & (^uint64(0) >> ((64 - 8*uint(n)) & 63))
			}
			if x&highBits == 0 {
				a := lowerASCII(x)
				e1, e2 := &slots[a*m1>>shift], &slots[a*m2>>shift]
				b = e1.bitsIf(e1.key.a^a|e1.key.b|e1.key.c) | e2.bitsIf(e2.key.a^a|e2.key.b|e2.key.c)
			} else {
				b = tokenBits(text, start, start+n)
			}
			if t.Is(segment.AllUpper) {
				b &^= bitPronoun // "US officials", not "us"
			}
		} else if t.Kind == segment.Punct {
			b = wordBits(punctOf(text[t.Start:t.End])) << punctShift
		} else if t.Kind == segment.Mark {
			marks = append(marks, int32(i))
		}
		bits[i] = b
	}
	f.bits, f.marks = bits, marks
}

func (f *finder) has(i int, b wordBits) bool {
	return uint(i) < uint(len(f.bits)) && f.bits[i]&b != 0
}
