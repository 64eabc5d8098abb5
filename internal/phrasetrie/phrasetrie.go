// Package phrasetrie holds a list of phrases as a trie walked by word
// number. A stage numbers the words of its lists, looks each word of a text
// up once, and then matches phrases ("according to", "prime minister") by
// comparing small integers, where a lexicon.Table hashes every word again
// at every look. A trie is plain data: one built from the built-in lists is
// kept as a Go literal (AppendGo), which costs nothing to load.
package phrasetrie

import (
	"fmt"
	"slices"
)

// Trie is a set of phrases, each a run of word numbers (0 is no word), with
// a small value each that its stage gives a meaning. Its methods never
// change it, so it is safe for concurrent use once built.
type Trie struct {
	// First holds, by the number of a phrase's first word, the node after
	// that word, plus one (0: no phrase starts with the word).
	First []int32
	Nodes []Node
}

// Node is the state after some words: the phrases that go on from them, by
// the number of the next word, and whether they are a phrase themselves,
// with its value.
type Node struct {
	Next  []Edge // sorted by Word
	End   bool
	Value uint8
}

// Edge leads from a node to the node after one more word.
type Edge struct {
	Word uint32
	Node int32
}

// Start returns the node after the first word w of a phrase, or -1 when no
// phrase starts with it.
func (t *Trie) Start(w uint32) int {
	if uint(w) >= uint(len(t.First)) {
		return -1
	}
	return int(t.First[w]) - 1
}

// Next returns the node after node for the word w, or -1 when no phrase
// goes on with it.
func (t *Trie) Next(node int, w uint32) int {
	next := t.Nodes[node].Next
	lo, hi := 0, len(next)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if next[m].Word < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(next) && next[lo].Word == w {
		return int(next[lo].Node)
	}
	return -1
}

// Longest finds the longest phrase of t that starts at the first of n
// words, where word(k) returns the number of the k-th word (0: a word that
// no phrase has, which ends the walk). It returns the phrase's length in
// words (0 when none matches) and its value. Each word is asked for as the
// walk reaches it: most walks stop after a word or two.
func (t *Trie) Longest(n int, word func(k int) uint32) (length int, value uint8) {
	if n <= 0 {
		return 0, 0
	}
	node := t.Start(word(0))
	for k := 1; node >= 0; k++ {
		nd := &t.Nodes[node]
		if nd.End {
			length, value = k, nd.Value
		}
		if k == n || len(nd.Next) == 0 {
			break // no more words, or no phrase goes on
		}
		node = t.Next(node, word(k))
	}
	return length, value
}

// Add puts phrase into t with its value; a phrase given again takes the
// later value, as in a lexicon.Table. An empty phrase, or one with the word
// 0, is left out.
func (t *Trie) Add(phrase []uint32, value uint8) {
	if len(phrase) == 0 || slices.Contains(phrase, 0) {
		return
	}
	if w := int(phrase[0]); w >= len(t.First) {
		t.First = append(t.First, make([]int32, w+1-len(t.First))...)
	}
	node := t.Start(phrase[0])
	if node < 0 {
		node = t.newNode()
		t.First[phrase[0]] = int32(node) + 1
	}
	for _, w := range phrase[1:] {
		next := t.Next(node, w)
		if next < 0 {
			next = t.newNode()
			edges := t.Nodes[node].Next
			k, _ := slices.BinarySearchFunc(edges, w, func(e Edge, w uint32) int { return int(int64(e.Word) - int64(w)) })
			t.Nodes[node].Next = slices.Insert(edges, k, Edge{w, int32(next)})
		}
		node = next
	}
	t.Nodes[node].End, t.Nodes[node].Value = true, value
}

func (t *Trie) newNode() int {
	t.Nodes = append(t.Nodes, Node{})
	return len(t.Nodes) - 1
}

// AppendGo appends t to dst as a Go expression of type *phrasetrie.Trie,
// to be kept in a generated file.
func (t *Trie) AppendGo(dst []byte) []byte {
	dst = append(dst, "&phrasetrie.Trie{\n\tFirst: []int32{\n"...)
	for w, n := range t.First {
		if n != 0 || w == len(t.First)-1 {
			dst = fmt.Appendf(dst, "\t\t%d: %d,\n", w, n)
		}
	}
	dst = append(dst, "\t},\n\tNodes: []phrasetrie.Node{\n"...)
	for _, n := range t.Nodes {
		dst = append(dst, "\t\t{"...)
		sep := ""
		if len(n.Next) > 0 {
			dst = append(dst, "Next: []phrasetrie.Edge{"...)
			for i, e := range n.Next {
				if i > 0 {
					dst = append(dst, ", "...)
				}
				dst = fmt.Appendf(dst, "{Word: %d, Node: %d}", e.Word, e.Node)
			}
			dst, sep = append(dst, '}'), ", "
		}
		if n.End {
			dst = fmt.Appendf(dst, "%sEnd: true, Value: %d", sep, n.Value)
		}
		dst = append(dst, "},\n"...)
	}
	return append(dst, "\t},\n}"...)
}
