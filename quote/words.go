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
	if start >= 0 && start+maxKeyLen <= len(text) {
		// Three whole machine words, masked to the word.
		s := text[start : start+maxKeyLen]
		return wordKey{
			le64(s[0:8]) & lowBytes[min(n, 8)&15],
			le64(s[8:16]) & lowBytes[min(max(n-8, 0), 8)&15],
			le64(s[16:24]) & lowBytes[max(n-16, 0)&15],
		}
	}
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
	if n := end - start; n > 8 && n <= 16 && start >= 0 && start+16 <= len(text) {
		// Most long words: two loads, the key {a, b, 0}.
		s := text[start : start+16]
		a, b := le64(s[:8]), le64(s[8:])&lowBytes[(n-8)&15]
		if (a|b)&highBits == 0 {
			return asciiWords.find(wordKey{lowerASCII(a), lowerASCII(b), 0})
		}
	} else if n <= maxKeyLen {
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

// shortWords is asciiWords for its words of up to eight bytes, each key one
// machine word, in a table of fixed size with fixed hash functions: the
// slot numbers are below its length by construction and the multipliers
// are constants, so that lookupShort indexes it with no bounds check and
// keeps its loop state in registers. fastLen is 8 if every such word found
// a slot, 0 (every word takes the slower lookup) if the lists ever grow too
// many for the table; TestShortWords tells.
var shortWords, fastLen = func() (*shortTable, int) {
	t := new(shortTable)
	for _, e := range asciiWords.slots {
		if e.key.b == 0 && e.key.a != 0 && !t.insert(shortEntry{e.key.a, e.bits}) {
			return new(shortTable), 0
		}
	}
	return t, 8
}()

const (
	shortBits  = 12 // 4096 slots; the lists hold some 1200 short words
	shortSize  = 1 << shortBits
	shortShift = 64 - shortBits // leaves the top shortBits bits: a slot
	// The odd multipliers of the two hash functions.
	shortM1 = 0x9e3779b97f4a7c15
	shortM2 = 0xc2b2ae3d27d4eb4f
)

type shortTable [shortSize]shortEntry

// shortEntry is a slot of shortWords: the packed word (0: empty) and its bits.
type shortEntry struct {
	key  uint64
	bits wordBits
}

// insert puts e in t by cuckoo insertion, as keyTable.insert does; it fails
// on a cycle.
func (t *shortTable) insert(e shortEntry) bool {
	i := e.key * shortM1 >> shortShift
	for range shortSize {
		t[i], e = e, t[i]
		if e.key == 0 {
			return true
		}
		if j := e.key * shortM1 >> shortShift; j != i {
			i = j
		} else {
			i = e.key * shortM2 >> shortShift
		}
	}
	return false
}

// lowBytes[n] keeps the low n bytes of a machine word.
var lowBytes = [16]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, ^uint64(0)}

// computeBits fills f.bits for every token of the document. As it is the
// one pass over every token, it also lists the quotation marks in f.marks,
// so that pairMarks looks at them alone.
//
// The loop over every token, lookupShort, makes no call, so the compiler
// keeps its state in registers: it looks up the ASCII words of up to eight bytes and the
// one-byte punctuation itself, and lists the other tokens (long or
// non-ASCII words, marks, other punctuation: a few percent) for a second
// loop that calls the general lookups.
func (f *finder) computeBits() {
	ts := f.doc.Tokens
	if cap(f.bits) < len(ts) {
		f.bits = make([]wordBits, len(ts))
	}
	if cap(f.slow) < len(ts) {
		f.slow = make([]int32, len(ts))
	}
	bits, slow, text := f.bits[:len(ts)], f.slow[:len(ts)], f.doc.Text
	ns := lookupShort(ts, text, bits, slow)
	marks := f.marks[:0]
	for _, i := range slow[:ns] {
		t := &ts[i]
		switch t.Kind {
		case segment.Word:
			b := tokenBits(text, int(t.Start), int(t.End))
			if t.Is(segment.AllUpper) {
				b &^= bitPronoun
			}
			bits[i] = b
		case segment.Punct:
			bits[i] = wordBits(punctOf(text[t.Start:t.End])) << punctShift
		case segment.Mark:
			marks = append(marks, i)
		}
	}
	f.bits, f.marks = bits, marks
}

// lookupShort is the first loop of computeBits: it fills bits for the ASCII
// words of up to eight bytes and the one-byte punctuation, and lists the
// other tokens in slow, returning how many. It is a function of its own so
// that the values computeBits needs after the loop do not take registers
// from it.
func lookupShort(ts []segment.Token, text string, bits []wordBits, slow []int32) int {
	bits, slow = bits[:len(ts)], slow[:len(ts)]
	table := shortWords
	ns := 0
	for i := range ts {
		t := &ts[i]
		start, n := int(t.Start), int(t.End-t.Start)
		b := wordBits(0)
		switch t.Kind {
		case segment.Word:
			// One load of eight bytes masked to the word: the key.
			if uint(n-1) >= uint(fastLen) || start+8 > len(text) {
				slow[ns] = int32(i)
				ns++
				break
			}
			x := le64(text[start:start+8]) & lowBytes[n&15]
			if x&highBits != 0 {
				slow[ns] = int32(i)
				ns++
				break
			}
			a := lowerASCII(x)
			// Both slots, with no branch on which one holds the word: a
			// word is as likely in a list as not, a branch would
			// mispredict.
			e1, e2 := &table[a*shortM1>>shortShift], &table[a*shortM2>>shortShift]
			b = e1.bits
			if e1.key != a { // conditional moves, not branches
				b = 0
			}
			if e2.key == a {
				b = e2.bits
			}
			if t.Flags&segment.AllUpper != 0 {
				b &^= bitPronoun // "US officials", not "us"
			}
		case segment.Punct:
			if n != 1 {
				slow[ns] = int32(i)
				ns++
				break
			}
			b = asciiPunct[text[start]]
		case segment.Mark:
			slow[ns] = int32(i)
			ns++
		}
		bits[i] = b
	}
	return ns
}

// asciiPunct holds the bits of every one-byte punctuation token.
var asciiPunct = func() (t [256]wordBits) {
	for c := range 128 {
		t[c] = wordBits(punctOf(string(rune(c)))) << punctShift
	}
	return t
}()

func (f *finder) has(i int, b wordBits) bool {
	return uint(i) < uint(len(f.bits)) && f.bits[i]&b != 0
}
