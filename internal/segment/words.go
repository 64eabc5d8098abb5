package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/lexicon"
)

// wordTable is a lexicon table asked for one word at a time, as the
// sentence rules ask it: with a quick no for most words, and without the
// allocation that the table's folding of a word outside ASCII costs.
type wordTable struct {
	table *lexicon.Table
	// hashes has the bit wordHash(w) of every word w of every phrase,
	// folded as the table folds it; an ASCII word whose bit is clear is not
	// in the table.
	hashes [1024 / 64]uint64
}

func newWordTable(lists ...[]lexicon.Entry) *wordTable {
	t := &wordTable{table: lexicon.NewTable(lists...)}
	for _, list := range lists {
		for _, e := range list {
			for _, w := range strings.Fields(strings.ToLower(e.Phrase)) {
				h, _ := wordHash(strings.ReplaceAll(w, "’", "'"))
				t.hashes[h/64] |= 1 << (h % 64)
			}
		}
	}
	return t
}

// wordHash hashes the ASCII lower-case form of word (FNV-1a) to one of 1024
// bits. ascii tells whether the word is all ASCII.
func wordHash(word string) (h uint32, ascii bool) {
	h = 2166136261
	ascii = true
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		ascii = ascii && c < utf8.RuneSelf
		h = (h ^ uint32(c)) * 16777619
	}
	return h >> 22, ascii
}

// has reports whether word is a one-word phrase of the table.
func (t *wordTable) has(word string) bool {
	_, ok := t.lookup(word)
	return ok
}

// lookup returns the value of a one-word phrase, as t.table.Lookup does.
// A word outside ASCII is folded the table's way (each rune to lower case,
// an invalid byte to utf8.RuneError, ’ to ') into a buffer on the stack,
// and the folded form, which the table folds to itself, is looked up. Words
// that fold to something longer than the buffer, or to something that would
// fold again, go to the table as they are.
func (t *wordTable) lookup(word string) (value string, ok bool) {
	h, ascii := wordHash(word)
	if ascii {
		if t.hashes[h/64]&(1<<(h%64)) == 0 {
			return "", false
		}
		return t.table.Lookup(word)
	}
	var buf [32]byte
	folded := buf[:0]
	for _, r := range word {
		r = unicode.ToLower(r)
		if r == '’' {
			r = '\''
		}
		if len(folded)+utf8.RuneLen(r) > len(buf) {
			return t.table.Lookup(word)
		}
		folded = utf8.AppendRune(folded, r)
	}
	for _, r := range string(folded) {
		if unicode.ToLower(r) != r || r == '’' {
			return t.table.Lookup(word)
		}
	}
	return t.table.Lookup(string(folded))
}
