package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/lexicon"
)

// wordTable holds the one-word phrases of some lists, as the sentence rules
// ask for them: one word at a time, without allocating. Phrases of several
// words are left out, as lexicon.Table.Lookup never finds them for one word.
type wordTable struct {
	index  *lexicon.WordIndex
	values []string // by the index's number; values[0] is for no word
	// longest is the length of the longest word as the index folds it. An
	// ASCII word folds to a key of its own length, so one longer than that
	// is in no list: most words before a full stop are, and need no
	// look-up.
	longest int
}

func newWordTable(lists ...[]lexicon.Entry) *wordTable {
	var words, values []string
	for _, list := range lists {
		for _, e := range list {
			if w := strings.Fields(e.Phrase); len(w) == 1 {
				words = append(words, w[0])
				values = append(values, e.Value)
			}
		}
	}
	// A word given twice keeps its last number, and so its last value, as a
	// later entry wins in a lexicon.Table.
	longest := 0
	var key []byte
	for _, w := range words {
		if !isASCII(w) { // an ASCII word folds to its own length
			key = lexicon.AppendKey(key[:0], w)
			longest = max(longest, len(key))
		}
		longest = max(longest, len(w))
	}
	return &wordTable{index: lexicon.NewWordIndex(words), values: append([]string{""}, values...), longest: longest}
}

// find returns the index's number for word, 0 for none.
func (t *wordTable) find(word string) uint32 {
	if len(word) > t.longest && isASCII(word) {
		return 0
	}
	return t.index.Find(word)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// has reports whether word is a one-word phrase of the table.
func (t *wordTable) has(word string) bool { return t.find(word) != 0 }

// lookup returns the value of a one-word phrase, as lexicon.Table.Lookup
// does.
func (t *wordTable) lookup(word string) (value string, ok bool) {
	n := t.find(word)
	return t.values[n], n != 0
}
