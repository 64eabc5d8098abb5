// Package wordindex numbers a set of single words and finds the number of
// a word folded as AppendKey folds it, never allocating for a word of up to
// 64 bytes. It is lexicon.WordIndex, and what every stage looks its words up
// in. Its fields are exported so that a stage can keep an index built from
// the built-in lists as a Go literal (Index.AppendGo), which costs nothing to
// load: building one at start-up took longer than most articles.
package wordindex

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/fold"
)

// Index is a set of numbered words. Build it with New, or keep one New
// built as a literal; lookups are safe for concurrent use.
//
// An ASCII word of up to 23 bytes, which most words of the lists and of
// texts are, is packed into three machine words, lower-cased eight bytes at
// once and looked up in a cuckoo table: two slots to read, keys compared as
// integers, no hashing of strings. Other words are folded on the stack and
// searched in a sorted list.
type Index struct {
	Slots  []Slot // an empty slot holds the zero key and number 0
	M1, M2 uint64 // odd multipliers of the two hash functions
	Shift  uint
	Other  []Word // the words that do not pack, non-ASCII or long, by key
	// Longest is the length of the longest folded word. Folding shrinks a
	// word to no less than a third (the Kelvin sign, 3 bytes, folds to k),
	// so a word more than three times longer is none of the index's.
	Longest int
}

// Key is an ASCII word of up to maxPacked bytes packed little-endian into
// machine words, zero-padded, with its length in the last byte, so that a
// word ending in NUL bytes is not taken for a shorter one.
type Key struct{ A, B, C uint64 }

const maxPacked = 23

// Slot is a slot of the cuckoo table: a packed word and its number.
type Slot struct {
	Key Key
	N   uint32
}

// Word is a word that does not pack, folded, and its number.
type Word struct {
	Key string
	N   uint32
}

// New numbers words: words[i], folded as AppendKey folds it, gets number
// i+1. A word given twice keeps its last number.
func New(words []string) *Index {
	x := &Index{}
	packed := make([]Slot, 0, len(words))
	for i, w := range words {
		key := w
		if !fold.IsASCII(w) || fold.ChangesWhenLowered(w) {
			key = string(AppendKey(nil, w))
		}
		x.Longest = max(x.Longest, len(key))
		if k, ok := pack(key); ok {
			packed = append(packed, Slot{k, uint32(i + 1)})
		} else {
			x.Other = append(x.Other, Word{key, uint32(i + 1)})
		}
	}
	// Sorted by key, and of a key given twice the last: a stable sort keeps
	// the words of a key in order, and the loop keeps the last of each run.
	slices.SortStableFunc(x.Other, func(a, b Word) int { return strings.Compare(a.Key, b.Key) })
	other := x.Other[:0]
	for _, w := range x.Other {
		if n := len(other); n > 0 && other[n-1].Key == w.Key {
			other[n-1].N = w.N
		} else {
			other = append(other, w)
		}
	}
	x.Other = slices.Clip(other)
	size := 2 // with one slot, the shift of 64 would be masked to 0, and slots overrun
	for size < 2*len(packed) {
		size <<= 1
	}
	for seed := uint64(1); !x.build(packed, size, seed); seed++ {
		if seed%64 == 0 {
			size <<= 1 // unlucky again and again: more room
		}
	}
	return x
}

// build places every entry in one of its two slots, or fails on a cycle.
func (x *Index) build(entries []Slot, size int, seed uint64) bool {
	if len(x.Slots) == size { // a retry with another seed
		clear(x.Slots)
	} else {
		x.Slots = make([]Slot, size)
	}
	x.Shift = uint(64 - bits.TrailingZeros(uint(size)))
	x.M1, x.M2 = splitmix(seed)|1, splitmix(seed+1<<32)|1
	for _, e := range entries {
		if !x.insert(e) {
			return false
		}
	}
	return true
}

// insert puts e in its first slot, moving the entry there to its other
// slot, and so on. A key given again replaces its number.
func (x *Index) insert(e Slot) bool {
	for _, i := range [2]uint64{x.slot1(e.Key), x.slot2(e.Key)} {
		if x.Slots[i].Key == e.Key {
			x.Slots[i].N = e.N
			return true
		}
	}
	i := x.slot1(e.Key)
	for range len(x.Slots) {
		x.Slots[i], e = e, x.Slots[i]
		if e.Key == (Key{}) {
			return true
		}
		if j := x.slot1(e.Key); j != i {
			i = j
		} else {
			i = x.slot2(e.Key)
		}
	}
	return false
}

func (k Key) mix() uint64 { return k.A ^ k.B*0xc2b2ae3d27d4eb4f ^ k.C*0x165667b19e3779f9 }

// The shifts are masked so that the compiler knows them to be below 64.
func (x *Index) slot1(k Key) uint64 { return k.mix() * x.M1 >> (x.Shift & 63) }
func (x *Index) slot2(k Key) uint64 { return k.mix() * x.M2 >> (x.Shift & 63) }

func splitmix(v uint64) uint64 {
	v += 0x9e3779b97f4a7c15
	v = (v ^ v>>30) * 0xbf58476d1ce4e5b9
	v = (v ^ v>>27) * 0x94d049bb133111eb
	return v ^ v>>31
}

// Find returns the number of word, folded as AppendKey folds it, or 0 when
// the index does not hold it.
func (x *Index) Find(word string) uint32 {
	// Most words of a text are ASCII and of up to eight bytes: one load,
	// one lowering, no packing of the other key words.
	// Written out here, with no call: the lookups of the stages come here
	// for nearly every word.
	if n := len(word); uint(n-1) < 8 {
		var a uint64
		if n >= 4 {
			a = fold.Load32(word) | fold.Load32(word[n-4:])<<(8*(n-4)&63)
		} else { // the first, middle and last bytes cover all three
			a = uint64(word[0]) | uint64(word[n/2])<<(8*(n/2)) | uint64(word[n-1])<<(8*(n-1)&63)
		}
		if a&fold.HighBits == 0 {
			k := Key{A: fold.LowerASCII8(a), C: uint64(n) << 56}
			h, shift := k.mix(), x.Shift&63
			if n, ok := x.probe(h*x.M1>>shift, k); ok {
				return n
			}
			n, _ := x.probe(h*x.M2>>shift, k)
			return n
		}
	}
	if k, ok := pack(word); ok {
		return x.findPacked(k.lower())
	}
	if len(word) > 3*x.Longest {
		return 0
	}
	var buf [128]byte
	folded := AppendKey(buf[:0], word)
	if k, ok := pack(string(folded)); ok {
		return x.findPacked(k) // "Señor" is not ASCII, but the Kelvin sign folds to k
	}
	return x.findOther(folded)
}

// findPacked finds the packed key k in its two slots; the key is mixed once
// for both. Find's path for short words does the same without the call.
func (x *Index) findPacked(k Key) uint32 {
	h, shift := k.mix(), x.Shift&63
	if n, ok := x.probe(h*x.M1>>shift, k); ok {
		return n
	}
	n, _ := x.probe(h*x.M2>>shift, k)
	return n
}

// probe looks for k in slot i; the bounds test answers for an empty index
// too.
func (x *Index) probe(i uint64, k Key) (uint32, bool) {
	if i < uint64(len(x.Slots)) && x.Slots[i].Key == k {
		return x.Slots[i].N, true
	}
	return 0, false
}

// pack packs an ASCII word of up to maxPacked bytes, as it is; ok is false
// for a longer word, an empty one, or one with a byte outside ASCII.
func pack(w string) (k Key, ok bool) {
	n := len(w)
	if n == 0 || n > maxPacked {
		return k, false
	}
	k.A = chunk(w, 0, min(n, 8))
	if n > 8 {
		k.B = chunk(w, 8, min(n-8, 8))
		if n > 16 {
			k.C = chunk(w, 16, n-16)
		}
	}
	ok = (k.A|k.B|k.C)&fold.HighBits == 0
	k.C |= uint64(n) << 56 // below 'A', so lowering leaves it
	return k, ok
}

// chunk packs the n <= 8 bytes of w at i with at most two loads: a
// shorter run is read as two overlapping halves, which agree on the bytes
// they share, so or-ing them is right.
func chunk(w string, i, n int) uint64 {
	s := w[i : i+n]
	switch {
	case n == 8:
		return fold.Load64(s)
	case n >= 4:
		return fold.Load32(s) | fold.Load32(s[n-4:])<<(8*(n-4))
	case n >= 2:
		return load16(s) | load16(s[n-2:])<<(8*(n-2))
	case n == 1:
		return uint64(s[0])
	}
	return 0
}

func load16(s string) uint64 {
	s = s[:2]
	return uint64(s[0]) | uint64(s[1])<<8
}

func (k Key) lower() Key {
	return Key{fold.LowerASCII8(k.A), fold.LowerASCII8(k.B), fold.LowerASCII8(k.C)}
}

// findOther finds the folded word w among the words that do not pack.
func (x *Index) findOther(w []byte) uint32 {
	lo, hi := 0, len(x.Other)
	for lo < hi { // by hand: a comparison of string(w) does not copy w
		m := int(uint(lo+hi) >> 1)
		if x.Other[m].Key < string(w) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(x.Other) && x.Other[lo].Key == string(w) {
		return x.Other[lo].N
	}
	return 0
}

// AppendKey appends word to dst as an Index compares it: in lower case (as
// strings.ToLower lowers it), with curly apostrophes made straight.
func AppendKey(dst []byte, word string) []byte {
	n := len(dst)
	dst = slices.Grow(dst, len(word))[:n+len(word)]
	out := dst[n : n+len(word)]
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return appendKeyRunes(dst[:n+i], word[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return dst
}

// appendKeyRunes is AppendKey past the first non-ASCII byte. Like
// strings.ToLower, it writes an invalid byte as U+FFFD.
func appendKeyRunes(dst []byte, s string) []byte {
	for _, r := range s {
		if r == '’' {
			r = '\''
		} else {
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// AppendGo appends x to dst as a Go expression of type *wordindex.Index, to
// be kept in a generated file: only the slots that hold a word are written.
func (x *Index) AppendGo(dst []byte) []byte {
	dst = append(dst, "&wordindex.Index{\n\tSlots: []wordindex.Slot{\n"...)
	for i, s := range x.Slots {
		if s.Key != (Key{}) || i == len(x.Slots)-1 {
			dst = fmt.Appendf(dst, "\t\t%d: {Key: wordindex.Key{A: %#x", i, s.Key.A)
			if s.Key.B != 0 {
				dst = fmt.Appendf(dst, ", B: %#x", s.Key.B)
			}
			dst = fmt.Appendf(dst, ", C: %#x}, N: %d},\n", s.Key.C, s.N)
		}
	}
	dst = append(dst, "\t},\n\tOther: []wordindex.Word{\n"...)
	for _, w := range x.Other {
		dst = fmt.Appendf(dst, "\t\t{Key: %q, N: %d},\n", w.Key, w.N)
	}
	return fmt.Appendf(dst, "\t},\n\tM1: %#x, M2: %#x, Shift: %d, Longest: %d,\n}", x.M1, x.M2, x.Shift, x.Longest)
}
