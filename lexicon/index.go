package lexicon

import (
	"math/bits"

	"github.com/quotegraph/quotegraph/internal/fold"
)

// WordIndex numbers a set of single words and finds the number of a word
// folded as AppendKey folds it, never allocating for a word of up to 64
// bytes. Build it once with NewWordIndex; lookups are safe for concurrent
// use.
//
// An ASCII word of up to 23 bytes, which most words of the lists and of
// texts are, is packed into three machine words, lower-cased eight bytes at
// once and looked up in a cuckoo table: two slots to read, keys compared as
// integers, no hashing of strings. Other words are folded on the stack and
// looked up in a map.
type WordIndex struct {
	slots  []indexSlot // an empty slot holds the zero key and number 0
	m1, m2 uint64      // odd multipliers of the two hash functions
	shift  uint
	other  map[string]uint32 // the words that do not pack: non-ASCII or long
	// longest is the length of the longest folded word. Folding shrinks a
	// word to no less than a third (the Kelvin sign, 3 bytes, folds to k),
	// so a word more than three times longer is none of the index's.
	longest int
}

// packedKey is an ASCII word of up to maxPacked bytes packed little-endian
// into machine words, zero-padded, with its length in the last byte, so
// that a word ending in NUL bytes is not taken for a shorter one.
type packedKey struct{ a, b, c uint64 }

const maxPacked = 23

type indexSlot struct {
	key packedKey
	n   uint32
}

// NewWordIndex numbers words: words[i], folded as AppendKey folds it, gets
// number i+1. A word given twice keeps its last number.
func NewWordIndex(words []string) *WordIndex {
	x := &WordIndex{other: map[string]uint32{}}
	packed := make([]indexSlot, 0, len(words))
	for i, w := range words {
		key := w
		if !folded(w) {
			key = string(AppendKey(nil, w))
		}
		x.longest = max(x.longest, len(key))
		if k, ok := pack(key); ok {
			packed = append(packed, indexSlot{k, uint32(i + 1)})
		} else {
			x.other[key] = uint32(i + 1)
		}
	}
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
func (x *WordIndex) build(entries []indexSlot, size int, seed uint64) bool {
	if len(x.slots) == size { // a retry with another seed
		clear(x.slots)
	} else {
		x.slots = make([]indexSlot, size)
	}
	x.shift = uint(64 - bits.TrailingZeros(uint(size)))
	x.m1, x.m2 = splitmix(seed)|1, splitmix(seed+1<<32)|1
	for _, e := range entries {
		if !x.insert(e) {
			return false
		}
	}
	return true
}

// insert puts e in its first slot, moving the entry there to its other
// slot, and so on. A key given again replaces its number.
func (x *WordIndex) insert(e indexSlot) bool {
	for _, i := range [2]uint64{x.slot1(e.key), x.slot2(e.key)} {
		if x.slots[i].key == e.key {
			x.slots[i].n = e.n
			return true
		}
	}
	i := x.slot1(e.key)
	for range len(x.slots) {
		x.slots[i], e = e, x.slots[i]
		if e.key == (packedKey{}) {
			return true
		}
		if j := x.slot1(e.key); j != i {
			i = j
		} else {
			i = x.slot2(e.key)
		}
	}
	return false
}

func (k packedKey) mix() uint64 { return k.a ^ k.b*0xc2b2ae3d27d4eb4f ^ k.c*0x165667b19e3779f9 }

// The shifts are masked so that the compiler knows them to be below 64.
func (x *WordIndex) slot1(k packedKey) uint64 { return k.mix() * x.m1 >> (x.shift & 63) }
func (x *WordIndex) slot2(k packedKey) uint64 { return k.mix() * x.m2 >> (x.shift & 63) }

func splitmix(v uint64) uint64 {
	v += 0x9e3779b97f4a7c15
	v = (v ^ v>>30) * 0xbf58476d1ce4e5b9
	v = (v ^ v>>27) * 0x94d049bb133111eb
	return v ^ v>>31
}

// Find returns the number of word, folded as AppendKey folds it, or 0 when
// the index does not hold it.
func (x *WordIndex) Find(word string) uint32 {
	// Most words of a text are ASCII and of up to eight bytes: one load,
	// one lowering, no packing of the other key words.
	if n := len(word); uint(n-1) < 8 {
		if a := chunk(word, 0, n); a&fold.HighBits == 0 {
			return x.findPacked(packedKey{a: fold.LowerASCII8(a), c: uint64(n) << 56})
		}
	}
	if k, ok := pack(word); ok {
		return x.findPacked(k.lower())
	}
	if len(word) > 3*x.longest {
		return 0
	}
	var buf [128]byte
	folded := AppendKey(buf[:0], word)
	if k, ok := pack(string(folded)); ok {
		return x.findPacked(k) // "Señor" is not ASCII, but the Kelvin sign folds to k
	}
	return x.other[string(folded)]
}

func (x *WordIndex) findPacked(k packedKey) uint32 {
	if len(x.slots) == 0 {
		return 0
	}
	if s := &x.slots[x.slot1(k)]; s.key == k {
		return s.n
	}
	if s := &x.slots[x.slot2(k)]; s.key == k {
		return s.n
	}
	return 0
}

// pack packs an ASCII word of up to maxPacked bytes, as it is; ok is false
// for a longer word, an empty one, or one with a byte outside ASCII.
func pack(w string) (k packedKey, ok bool) {
	n := len(w)
	if n == 0 || n > maxPacked {
		return k, false
	}
	k.a = chunk(w, 0, min(n, 8))
	if n > 8 {
		k.b = chunk(w, 8, min(n-8, 8))
		if n > 16 {
			k.c = chunk(w, 16, n-16)
		}
	}
	ok = (k.a|k.b|k.c)&fold.HighBits == 0
	k.c |= uint64(n) << 56 // below 'A', so lowering leaves it
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

func (k packedKey) lower() packedKey {
	return packedKey{fold.LowerASCII8(k.a), fold.LowerASCII8(k.b), fold.LowerASCII8(k.c)}
}
