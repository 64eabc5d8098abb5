package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/lexicon"
)

// phraseList is a built-in list of phrases matched at tokens ("said",
// "according to", "last week"). lexiconBits gives every word of the list an
// id and computeBits puts the ids on the tokens, so a match compares small
// integers where lexicon.Table hashes every word again at every look.
type phraseList struct {
	table   *lexicon.Table
	byFirst [][]phrase // by the id of the first word; nil: match through table
}

type phrase struct {
	ids   []wordBits // the id of each word
	value string
}

// phraseLists names the lists matched by id; lexiconBits gives their words ids.
var phraseLists = []string{"cues", "time_words", "source_postmodifiers", "claim_objects"}

// phraseWords splits a phrase into words as lexicon.Table does.
func phraseWords(phrase string) []string {
	ws := strings.Fields(strings.ToLower(phrase))
	for i, w := range ws {
		ws[i] = strings.ReplaceAll(w, "’", "'")
	}
	return ws
}

func newPhraseList(name string) *phraseList {
	entries := lexicon.Builtin(name)
	l := &phraseList{table: lexicon.NewTable(entries)}
	byFirst := make([][]phrase, idCount+1)
	seen := map[string][2]int{} // where each phrase is in byFirst
	for _, e := range entries {
		ws := phraseWords(e.Phrase)
		if len(ws) == 0 {
			continue
		}
		key := strings.Join(ws, " ")
		if at, ok := seen[key]; ok {
			byFirst[at[0]][at[1]].value = e.Value // a later entry overrides, as in lexicon.Table
			continue
		}
		p := phrase{value: e.Value}
		for _, w := range ws {
			// Only a word token can then match the word: a token of another
			// kind starts with no letter.
			r, _ := utf8.DecodeRuneInString(w)
			id := lexiconBits[w].id()
			if id == 0 || !unicode.IsLetter(r) {
				return l
			}
			p.ids = append(p.ids, id)
		}
		first := p.ids[0]
		seen[key] = [2]int{int(first), len(byFirst[first])}
		byFirst[first] = append(byFirst[first], p)
	}
	l.byFirst = byFirst
	return l
}

// longest returns the length and value of the longest phrase of l that the
// n tokens from i start with, as lexicon.Table.Longest does.
func (f *finder) longest(l *phraseList, i, n int) (int, string) {
	if l.byFirst == nil {
		return l.table.Longest(n, func(k int) string { return f.word(i + k) })
	}
	if i < 0 || n <= 0 || i >= len(f.bits) {
		return 0, ""
	}
	toks := f.bits[i:min(i+n, len(f.bits))]
	best, value := 0, ""
	for _, p := range l.byFirst[toks[0].id()] {
		if len(p.ids) <= best || len(p.ids) > len(toks) {
			continue
		}
		match := true
		for k := 1; k < len(p.ids); k++ {
			if toks[k].id() != p.ids[k] {
				match = false
				break
			}
		}
		if match {
			best, value = len(p.ids), p.value
		}
	}
	return best, value
}
