package lexicon

import "github.com/quotegraph/quotegraph/internal/wordindex"

// WordIndex numbers a set of single words and finds the number of a word
// folded as AppendKey folds it, never allocating for a word of up to 64
// bytes. Build it once with NewWordIndex; lookups are safe for concurrent
// use.
//
// An ASCII word of up to 23 bytes, which most words of the lists and of
// texts are, is packed into three machine words, lower-cased eight bytes at
// once and looked up in a cuckoo table: two slots to read, keys compared as
// integers, no hashing of strings. Other words are folded on the stack and
// searched in a sorted list.
type WordIndex struct{ index *wordindex.Index }

// NewWordIndex numbers words: words[i], folded as AppendKey folds it, gets
// number i+1. A word given twice keeps its last number.
func NewWordIndex(words []string) *WordIndex {
	return &WordIndex{wordindex.New(words)}
}

// Find returns the number of word, folded as AppendKey folds it, or 0 when
// the index does not hold it.
func (x *WordIndex) Find(word string) uint32 { return x.index.Find(word) }
