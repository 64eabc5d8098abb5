package speaker

import "github.com/quotegraph/quotegraph/internal/fold"

// textIndex maps texts to numbers, as a map[string]int would, for the few
// hundred keys of one run: a short key is hashed in a few multiplications,
// a lookup and the insert after it share the hash, probing is linear in a
// power-of-two table, and emptying it is one clear. A run asks it for every
// mention it parses and every name it files, and a Go map spent more than
// a tenth of the stage on them. The hash is seeded afresh for every
// attributor, so no text can be written to make the probes long.
//
// A folding index takes two keys that differ only in the case of ASCII
// letters for one, so that names need not be lowered to be filed; each of
// its keys also has a tag, and keys with different tags differ. Every
// index hashes as a folding one does, and an attributor's indexes share
// their seed: a mention hashed to look up its parse needs no hashing again
// to look up the entity it names.
type textIndex struct {
	seed    uint64
	slots   []textSlot // a power of two long, at most half full
	used    int
	folding bool
}

type textSlot struct {
	key  string
	hash uint64
	full bool
	tag  uint8
	val  int32
}

func newTextIndex(folding bool, seed uint64) textIndex {
	return textIndex{seed: seed, folding: folding}
}

// hash hashes key eight bytes at a time; the last one to eight bytes are
// read at once, overlapping the ones before when there are some.
func (x *textIndex) hash(key string) uint64 {
	n := len(key)
	h := x.seed ^ uint64(n)*0x9e3779b97f4a7c15
	rest := key
	for ; len(rest) > 8; rest = rest[8:] {
		h = mixIn(h, foldASCII(fold.Load64(rest)))
	}
	var last uint64
	switch k := len(rest); {
	case n >= 8:
		last = fold.Load64(key[n-8:])
	case k >= 4:
		last = fold.Load32(rest) | fold.Load32(rest[k-4:])<<32
	case k > 0:
		last = uint64(rest[0]) | uint64(rest[k/2])<<8 | uint64(rest[k-1])<<16
	}
	h = mixIn(h, foldASCII(last))
	return h ^ h>>29
}

// foldASCII lowers the ASCII letters among the eight bytes of v, leaving the
// bytes of other runes as they are. It has no branch for eight ASCII bytes,
// which would leave it too large to inline.
func foldASCII(v uint64) uint64 {
	low7 := v &^ fold.HighBits
	upper := fold.LowerASCII8(low7) ^ low7 // 0x20 in each byte that holds A-Z, once its top bit is off
	return v | upper&^(v&fold.HighBits>>2)
}

// equalFold reports whether a and b differ at most in the case of ASCII
// letters.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for ; len(a) >= 8; a, b = a[8:], b[8:] {
		if foldASCII(fold.Load64(a)) != foldASCII(fold.Load64(b)) {
			return false
		}
	}
	for i := range len(a) {
		if foldASCII(uint64(a[i])) != foldASCII(uint64(b[i])) {
			return false
		}
	}
	return true
}

// mixIn mixes eight bytes of a key into hash h.
func mixIn(h, v uint64) uint64 {
	h = (h ^ v) * 0xbf58476d1ce4e5b9
	return h ^ h>>31
}

// slot finds the slot that holds key, or the empty slot that would; the
// caller fills an empty one with put before it next asks.
func (x *textIndex) slot(key string) *textSlot { return x.taggedSlot(x.hash(key), 0, key) }

// tagHash is the hash of the key of tag tag whose text hashes to h.
func tagHash(h uint64, tag uint8) uint64 { return h ^ uint64(tag)*0x9e3779b97f4a7c15 }

// taggedSlot is slot for the key of tag tag, hashed h by tagHash.
func (x *textIndex) taggedSlot(h uint64, tag uint8, key string) *textSlot {
	if 2*(x.used+1) > len(x.slots) {
		x.grow()
	}
	mask := len(x.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if !s.full {
			s.hash, s.tag = h, tag
			return s
		}
		if s.hash == h && s.tag == tag && (s.key == key || x.folding && equalFold(s.key, key)) {
			return s
		}
	}
}

// reserve makes room for n more keys, so that the slots found for them
// before they are put stay where they are.
func (x *textIndex) reserve(n int) {
	for 2*(x.used+n) > len(x.slots) {
		x.grow()
	}
}

// put fills slot s, found by slot, with key and val; key must stay as it is
// for the rest of the run.
func (x *textIndex) put(s *textSlot, key string, val int) {
	if !s.full {
		s.full, s.key = true, key
		x.used++
	}
	s.val = int32(val)
}

// get is the number of key, if the index has it.
func (x *textIndex) get(key string) (int, bool) {
	s := x.slot(key)
	return int(s.val), s.full
}

// grow doubles the table (makes its first one), placing every key anew.
func (x *textIndex) grow() {
	old := x.slots
	x.slots = make([]textSlot, max(64, 2*len(old)))
	mask := len(x.slots) - 1
	for _, s := range old {
		if s.full {
			i := int(s.hash) & mask
			for x.slots[i].full {
				i = (i + 1) & mask
			}
			x.slots[i] = s
		}
	}
}

// reset empties the index, keeping its table unless a long text made it far
// larger than this run needed: a pooled index would clear all of it for
// every short text after.
func (x *textIndex) reset() {
	switch {
	case len(x.slots) > 1<<14 && x.used < len(x.slots)/8:
		x.slots = nil
	case x.used > 0:
		clear(x.slots)
	}
	x.used = 0
}
