package segment

import "github.com/quotegraph/quotegraph/internal/wordindex"

//go:generate go test -run TestTables -update

// The word tables are kept in tables.go, which TestTables writes from the
// lists (lexicon/data) with -update and checks against them on every test
// run, so that loading the package builds nothing:
//
//   - abbreviations are the abbreviations.txt list;
//   - sentenceStarters are capitalized words that, after an initialism
//     such as U.S., show that a new sentence has begun: the function words,
//     pronouns and non-names.

// wordTable holds the one-word phrases of some lists, as the sentence rules
// ask for them: one word at a time, without allocating. Phrases of several
// words are left out, as lexicon.Table.Lookup never finds them for one word.
type wordTable struct {
	index  *wordindex.Index
	values []string // by the index's number; values[0] is for no word
}

// has reports whether word is a one-word phrase of the table.
func (t *wordTable) has(word string) bool { return t.index.Find(word) != 0 }

// lookup returns the value of a one-word phrase, as lexicon.Table.Lookup
// does.
func (t *wordTable) lookup(word string) (value string, ok bool) {
	n := t.index.Find(word)
	return t.values[n], n != 0
}
