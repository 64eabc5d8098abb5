package phrasetrie

import (
	"go/parser"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// longest is Longest over a slice of word numbers.
func longest(t *Trie, words []uint32) (int, uint8) {
	return t.Longest(len(words), func(k int) uint32 { return words[k] })
}

func TestTrie(t *testing.T) {
	// Words: 1 according, 2 to, 3 said, 4 prime, 5 minister, 6 of, 7 state.
	var tr Trie
	tr.Add([]uint32{1, 2}, 10)
	tr.Add([]uint32{3}, 20)
	tr.Add([]uint32{4, 5}, 30)
	tr.Add([]uint32{4, 5, 6, 7}, 40)
	tr.Add([]uint32{3}, 21)
	tr.Add([]uint32{5, 0}, 50)
	tr.Add(nil, 60)
	for _, tc := range []struct {
		why       string
		words     []uint32
		length    int
		wantValue uint8
	}{
		{"a phrase of two words", []uint32{1, 2, 3}, 2, 10},
		{"its first word alone is no phrase", []uint32{1, 3}, 0, 0},
		{"a later entry of a phrase wins", []uint32{3}, 1, 21},
		{"the longest phrase wins", []uint32{4, 5, 6, 7, 3}, 4, 40},
		{"a shorter phrase when the longer breaks off", []uint32{4, 5, 6, 3}, 2, 30},
		{"a phrase with the word 0 is left out", []uint32{5}, 0, 0},
		{"a word beyond every first word", []uint32{99, 2}, 0, 0},
		{"no words", nil, 0, 0},
		{"the word 0 starts nothing", []uint32{0, 1}, 0, 0},
	} {
		t.Run(tc.why, func(t *testing.T) {
			n, v := longest(&tr, tc.words)
			assert.Equal(t, tc.length, n)
			assert.Equal(t, tc.wantValue, v)
		})
	}
	for _, n := range tr.Nodes {
		for i := 1; i < len(n.Next); i++ {
			assert.Less(t, n.Next[i-1].Word, n.Next[i].Word, "edges sorted by word")
		}
	}
}

// TestAppendGo checks that AppendGo writes a Go expression holding every
// node and every first word; the stages' generated tries are tested by
// their lookups.
func TestAppendGo(t *testing.T) {
	var tr Trie
	tr.Add([]uint32{1, 2}, 10)
	tr.Add([]uint32{4, 5}, 3)
	tr.Add([]uint32{4}, 7)
	src := string(tr.AppendGo(nil))
	_, err := parser.ParseExpr(src)
	require.NoError(t, err, src)
	assert.Equal(t, len(tr.Nodes), strings.Count(src, "\t\t{"), "a line for each node")
	assert.Contains(t, src, "1: 1,")
	assert.Contains(t, src, "4: 3,")
	assert.Contains(t, src, "{Next: []phrasetrie.Edge{{Word: 5, Node: 3}}, End: true, Value: 7}")
}
