package quote

import (
	"github.com/quotegraph/quotegraph/internal/phrasetrie"
	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/lexicon"
)

// phraseList is a built-in list of phrases matched at tokens ("said",
// "according to", "last week"). Every word of the list has an id and
// computeBits puts the ids on the tokens, so a match walks a trie by id;
// the value of a phrase is its cueFlags.
type phraseList struct {
	trie *phrasetrie.Trie
	// table stands in for trie, which is nil, if the lists ever number more
	// words than an id holds.
	table *lexicon.Table
}

// longest returns the length and the flags of the value of the longest
// phrase of l that the n tokens from i start with, as lexicon.Table.Longest
// finds it.
func (f *finder) longest(l *phraseList, i, n int) (int, cueFlags) {
	return f.walk(l, i, n, false)
}

// walk is longest; with unquoted set, the phrase may hold only unquoted
// words, as a cue must. Each word is tested as the walk reaches it: most
// walks stop after a word or two. It is phrasetrie.Trie.Longest written out
// with the word ids and the test of quotedness in line, as the rules call
// it at token after token: through Longest's word function, the whole
// pipeline ran 0.8% more instructions.
func (f *finder) walk(l *phraseList, i, n int, unquoted bool) (int, cueFlags) {
	if l.trie == nil {
		for k := 0; k < n; k++ {
			if unquoted && !f.unquotedWord(i+k) {
				n = k
				break
			}
		}
		length, value := l.table.Longest(n, func(k int) string { return f.word(i + k) })
		return length, cueFlagsOf(value)
	}
	bits := f.bits
	if uint(i) >= uint(len(bits)) || n <= 0 || unquoted && !f.unquotedWord(i) {
		return 0, 0
	}
	n = min(n, len(bits)-i)
	t := l.trie
	node := t.Start(uint32(bits[i].id()))
	best, flags := 0, cueFlags(0)
	for k := 1; node >= 0; k++ {
		nd := &t.Nodes[node]
		if nd.End {
			best, flags = k, cueFlags(nd.Value)
		}
		if k == n || len(nd.Next) == 0 || unquoted && !f.unquotedWord(i+k) {
			break // no more words, or no phrase goes on
		}
		node = t.Next(node, uint32(bits[i+k].id()))
	}
	return best, flags
}

// unquotedWord reports whether token j is a word outside quotation marks.
func (f *finder) unquotedWord(j int) bool {
	return f.kind(j) == segment.Word && f.quoted[j] == 0
}

// cueFlags are the flags of a cue's value (cues.txt), tested as bits: the
// rules ask about them all the time.
type cueFlags uint8

const (
	flagValued    cueFlags = 1 << iota // the value is not empty
	flagAccording                      // "according to"
	flagAddressee                      // its object is who is told
	flagContent                        // takes a noun phrase or a to/for complement
	flagBelief                         // not speech
	flagNoun                           // a weak cue, also a common noun
)

// cueFlagsOf reads the flags of a value.
func cueFlagsOf(value string) cueFlags {
	var fl cueFlags
	if value != "" {
		fl |= flagValued
	}
	for _, x := range []struct {
		name string
		flag cueFlags
	}{{"according", flagAccording}, {"addressee", flagAddressee}, {"content", flagContent}, {"belief", flagBelief}, {"noun", flagNoun}} {
		if lexicon.HasFlag(value, x.name) {
			fl |= x.flag
		}
	}
	return fl
}
