package segment

import (
	"strings"

	"github.com/quotegraph/quotegraph/lexicon"
)

// wordTable holds the one-word phrases of some lists, as the sentence rules
// ask for them: one word at a time, without allocating. Phrases of several
// words are left out, as lexicon.Table.Lookup never finds them for one word.
type wordTable struct {
	index  *lexicon.WordIndex
	values []string // by the index's number; values[0] is for no word
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
	return &wordTable{index: lexicon.NewWordIndex(words), values: append([]string{""}, values...)}
}

// has reports whether word is a one-word phrase of the table.
func (t *wordTable) has(word string) bool { return t.index.Find(word) != 0 }

// lookup returns the value of a one-word phrase, as lexicon.Table.Lookup
// does.
func (t *wordTable) lookup(word string) (value string, ok bool) {
	n := t.index.Find(word)
	return t.values[n], n != 0
}
