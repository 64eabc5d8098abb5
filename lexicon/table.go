package lexicon

import (
	"strings"

	"github.com/quotegraph/quotegraph/internal/wordindex"
)

// Table looks up phrases of one or more words, ignoring case. Build it once
// with NewTable; lookups never allocate for ASCII words and are safe for
// concurrent use.
type Table struct {
	root node
	size int
	// spare holds nodes allocated in a batch, for Add to take one at a time.
	spare []node
}

type node struct {
	next  map[string]*node
	value string
	end   bool
}

// NewTable builds a table from lists of entries. A later entry with the same
// phrase replaces the value of an earlier one, so a user's list can override
// a built-in one.
func NewTable(lists ...[]Entry) *Table {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	t := &Table{spare: make([]node, n)}
	t.root.next = make(map[string]*node, n)
	for _, l := range lists {
		for _, e := range l {
			t.Add(e.Phrase, e.Value)
		}
	}
	return t
}

// Add puts a phrase into the table. It is not safe to call while others read.
func (t *Table) Add(phrase, value string) {
	n := &t.root
	if !folded(phrase) {
		phrase = strings.ReplaceAll(strings.Join(strings.Fields(strings.ToLower(phrase)), " "), "’", "'")
	}
	for phrase != "" {
		var w string
		w, phrase, _ = strings.Cut(phrase, " ")
		if n.next == nil {
			n.next = make(map[string]*node)
		}
		c := n.next[w]
		if c == nil {
			c = t.newNode()
			n.next[w] = c
		}
		n = c
	}
	if n == &t.root {
		return
	}
	if !n.end {
		t.size++
	}
	n.end, n.value = true, value
}

// newNode takes a node from the spare ones, allocating the next batch when
// they run out: a table of thousands of phrases costs a few allocations.
func (t *Table) newNode() *node {
	if len(t.spare) == 0 {
		t.spare = make([]node, 64)
	}
	c := &t.spare[0]
	t.spare = t.spare[1:]
	return c
}

// Len is the number of phrases in the table.
func (t *Table) Len() int { return t.size }

// Has reports whether word is a one-word phrase of the table.
func (t *Table) Has(word string) bool {
	_, ok := t.Lookup(word)
	return ok
}

// Lookup returns the value of a one-word phrase.
func (t *Table) Lookup(word string) (value string, ok bool) {
	c := t.root.child(word)
	if c == nil || !c.end {
		return "", false
	}
	return c.value, true
}

// Longest finds the longest phrase that starts at the first of n words, where
// word(i) returns the i-th word. It returns the phrase's length in words (0
// when none matches) and its value.
func (t *Table) Longest(n int, word func(i int) string) (length int, value string) {
	cur := &t.root
	for i := 0; i < n; i++ {
		cur = cur.child(word(i))
		if cur == nil {
			break
		}
		if cur.end {
			length, value = i+1, cur.value
		}
	}
	return length, value
}

// child finds the edge for word, folded as AppendKey folds it; words of up
// to 64 bytes are folded on the stack.
func (n *node) child(word string) *node {
	if n.next == nil || word == "" {
		return nil
	}
	var buf [64]byte
	return n.next[string(AppendKey(buf[:0], word))]
}

// AppendKey appends word to dst as a Table compares it: in lower case (as
// strings.ToLower lowers it), with curly apostrophes made straight. It lets a
// caller keep its own map keyed by a list's words and probe it with
// m[string(AppendKey(buf[:0], w))], which does not allocate.
func AppendKey(dst []byte, word string) []byte { return wordindex.AppendKey(dst, word) }

// HasFlag reports whether a space-separated value holds flag.
func HasFlag(value, flag string) bool {
	for value != "" {
		var f string
		f, value, _ = strings.Cut(value, " ")
		if f == flag {
			return true
		}
	}
	return false
}
