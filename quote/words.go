package quote

import (
	"github.com/quotegraph/quotegraph/internal/fold"
	"github.com/quotegraph/quotegraph/internal/segment"
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

	bitPronoun wordBits = 1 << (4 + iota) // whatever the case: isPronoun asks it
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

// tokenBits looks up the word text[start:end]: lower-cased, curly
// apostrophes made straight, as the word lists spell them. computeBits
// looks up most words itself, faster.
func tokenBits(text string, start, end int) wordBits {
	return bitsOfNumber[wordNumbers.Find(text[start:end])]
}

const (
	shortBits  = 12 // 4096 slots; the lists hold some 1200 short words
	shortSize  = 1 << shortBits
	shortShift = 64 - shortBits // leaves the top shortBits bits: a slot
	// The odd multipliers of the two hash functions.
	shortM1 = 0x9e3779b97f4a7c15
	shortM2 = 0xc2b2ae3d27d4eb4f
)

// shortTable holds by slot the key of a word (shortKey; 0: empty) and its
// bits, each in an array: a slot number indexes both with no
// multiplication.
type shortTable struct {
	keys [shortSize]uint64
	bits [shortSize]wordBits
}

const (
	longBits  = 11 // 2048 slots; the lists hold some 520 such words
	longSize  = 1 << longBits
	longShift = 64 - longBits
)

type longTable [longSize]longEntry

// longEntry is a slot of longWords: the word's first eight bytes and the
// rest (lo 0: empty), and its bits.
type longEntry struct {
	lo, hi uint64
	bits   wordBits
}

// longSlots are the two slots of a key: one product of both halves, read
// for two numbers.
func longSlots(lo, hi uint64) (uint64, uint64) {
	h := (lo ^ hi*shortM2) * shortM1
	return h >> longShift, h >> (longShift - longBits) & (longSize - 1)
}

// find returns the bits of the lower-case key lo, hi, 0 if no list has it.
func (t *longTable) find(lo, hi uint64) wordBits {
	a, b := longSlots(lo, hi)
	if e := &t[a]; e.lo == lo && e.hi == hi {
		return e.bits
	}
	if e := &t[b]; e.lo == lo && e.hi == hi {
		return e.bits
	}
	return 0
}

// lowBytes[n] keeps the low n bytes of a machine word.
var lowBytes = [16]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, ^uint64(0)}

// wordMasks[n] keeps the low n bytes of a machine word, and has the bit
// 0x20 in each of them.
var wordMasks = func() (m [16]struct{ keep, lower uint64 }) {
	for n := range m {
		m[n].keep = lowBytes[n]
		m[n].lower = lowBytes[n] & (0x20 * 0x0101010101010101)
	}
	return m
}()

// computeBits fills f.bits for every token of the document. As it is the
// one pass over every token, it also lists the quotation marks in f.marks,
// so that pairMarks looks at them alone.
//
// The loop over every token, lookupShort, makes no call, so the compiler
// keeps its state in registers: it looks up the ASCII words of up to eight
// bytes and the one-byte punctuation itself, and lists the other tokens
// (longer or non-ASCII words, marks, other punctuation: a tenth) for a
// second loop, which looks up the ASCII words of up to sixteen bytes in
// longWords and calls the general lookups for the rest.
func (f *finder) computeBits() {
	ts := f.doc.Tokens
	if cap(f.bits) < len(ts) {
		f.bits = make([]wordBits, len(ts))
	}
	if cap(f.slow) < len(ts) {
		f.slow = make([]int32, len(ts))
	}
	bits, slow, text := f.bits[:len(ts)], f.slow[:len(ts)], f.doc.Text
	ns := lookupShort(ts, text, bits, slow, &shortWords)
	marks := f.marks[:0]
	for _, i := range slow[:ns] {
		t := &ts[i]
		switch t.Kind {
		case segment.Word:
			var b wordBits
			if start, n := int(t.Start), int(t.End-t.Start); longOK && n > 8 && n <= 16 && start+16 <= len(text) {
				m := &wordMasks[(n-8)&15]
				lo, hi := fold.Load64(text[start:start+8]), fold.Load64(text[start+8:start+16])&m.keep
				if (lo|hi)&fold.HighBits == 0 {
					b = longWords.find(lo|wordMasks[8].lower, hi|m.lower) // lowered as in lookupShort
				} else {
					b = tokenBits(text, start, int(t.End))
				}
			} else {
				b = tokenBits(text, start, int(t.End))
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
// words of up to eight bytes and the one-byte punctuation from table
// (shortWords), and lists the other tokens in slow, returning how many. It
// is a function of its own so that the values computeBits needs after the
// loop do not take registers from it. Given as a pointer, the table stays
// in one register for both its arrays.
func lookupShort(ts []segment.Token, text string, bits []wordBits, slow []int32, table *shortTable) int {
	bits, slow = bits[:len(ts)], slow[:len(ts)]
	_ = table.keys[0] // one nil check here, none in the loop
	ns := 0
	for i := range ts {
		t := &ts[i]
		// Offsets are never negative: read unsigned, they need no sign
		// extension.
		start := uint(uint32(t.Start))
		n := uint(uint32(t.End)) - start
		b := wordBits(0)
		switch t.Kind {
		case segment.Word:
			// One load of eight bytes, shifted to keep the word: the key.
			if n-1 >= fastLen || start+8 > uint(len(text)) {
				slow[ns] = int32(i)
				ns++
				break
			}
			// An ASCII word holds letters, digits and the joiners ' - . &
			// (package segment): all but its capitals have the bit 0x20
			// that lower-cases a capital, so setting it in every byte
			// lowers the word (TestWordBytes). The shift drops the bytes
			// past the word, and leaves zeros below it: shortKey.
			a := (fold.Load64(text[start:start+8]) | lowerAll) << (-(8 * n) & 63)
			if a&fold.HighBits != 0 {
				slow[ns] = int32(i)
				ns++
				break
			}
			// Both slots, with no branch on which one holds the word: a
			// word is as likely in a list as not, a branch would
			// mispredict.
			s1, s2 := a*shortM1>>shortShift, a*shortM2>>shortShift
			b = table.bits[s1]
			b2 := table.bits[s2]
			if table.keys[s1] != a { // conditional moves, not branches
				b = 0
			}
			if table.keys[s2] == a {
				b = b2
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

// lowerAll has the bit 0x20 in every byte.
const lowerAll = 0x20 * 0x0101010101010101

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
