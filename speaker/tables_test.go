package speaker

import (
	"fmt"
	"go/format"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/internal/golden"
	"github.com/quotegraph/quotegraph/internal/phrasetrie"
	"github.com/quotegraph/quotegraph/internal/wordindex"
	"github.com/quotegraph/quotegraph/lexicon"
)

// TestTables checks that tables.go holds the tables the word lists give;
// with -update, it writes them there.
func TestTables(t *testing.T) {
	got := newTableBuilder().render()
	golden.Check(t, "tables.go", got, "go generate ./speaker")
}

// TestPhraseTries checks that longestPhrase finds, in a trie, what a lexicon.Table of
// the same list finds, for every phrase of the list and for runs of words
// around them: longer, cut short, in capitals, with a curly apostrophe.
func TestPhraseTries(t *testing.T) {
	for name, trie := range map[string]*phrasetrie.Trie{"titles": titlePhrases, "org_heads": orgHeadPhrases, "places": placePhrases} {
		entries := lexicon.Builtin(name)
		table := lexicon.NewTable(entries)
		for _, e := range entries {
			ws := strings.Fields(e.Phrase)
			for _, words := range [][]string{ws, append(slices.Clone(ws), "of", "state"), ws[:len(ws)-1], {"the", ws[0]},
				strings.Fields(strings.ToUpper(e.Phrase)), strings.Fields(strings.ReplaceAll(e.Phrase, "'", "’")),
				append(slices.Clone(ws), ""), append([]string{""}, ws...)} {
				mws := make([]mentionWord, len(words))
				for k, w := range words {
					mws[k] = mentionWord{text: w, bareLen: len(w), num: factIndex.Find(w)}
				}
				for n := 0; n <= len(words); n++ {
					wantN, value := table.Longest(n, func(k int) string { return words[k] })
					gotN, gotGender := longestPhrase(trie, mws[:n])
					require.Equal(t, wantN, gotN, "%s: %q, %d words", name, words, n)
					if name == "titles" && wantN > 0 {
						assert.Equal(t, codeOf(genderOf(value)), gotGender, "%s: %q", name, words)
					}
				}
			}
		}
	}
}

// tableBuilder builds the tables of tables.go from the word lists.
type tableBuilder struct {
	number           map[string]uint32 // a word's number in facts
	words            []string          // by number-1
	facts            []wordFacts       // by number; facts[0] is for no word
	pronouns         []string
	particlePrefixes []string
	tries            map[list]*phrasetrie.Trie
}

// newTableBuilder learns every list, numbering the words in the order it
// meets them.
func newTableBuilder() *tableBuilder {
	b := &tableBuilder{number: map[string]uint32{}, facts: []wordFacts{{}}, tries: map[list]*phrasetrie.Trie{}}
	b.tries[titleList] = b.newPhraseTrie(b.learn(titleList, "titles"))
	b.tries[orgHeadList] = b.newPhraseTrie(b.learn(orgHeadList, "org_heads"))
	b.tries[placeList] = b.newPhraseTrie(b.learn(placeList, "places"))
	b.learn(honorificList, "honorifics")
	b.learn(pronounList, "pronouns")
	b.learn(demonymList, "demonyms")
	b.learn(maleNameList, "names_male")
	b.learn(femaleNameList, "names_female")
	b.learn(groupHeadList, "group_heads")
	b.learn(anonHeadList, "anonymous_heads")
	b.learn(documentHeadList, "document_heads")
	b.learn(postmodifierList, "mention_postmodifiers")
	for _, e := range lexicon.Builtin("mention_determiners") {
		for _, flag := range []struct {
			name string
			l    list
		}{{"article", articleList}, {"lead", leadList}, {"vague", vagueList}} {
			if lexicon.HasFlag(e.Value, flag.name) {
				b.learnWord(flag.l, e)
			}
		}
	}
	for _, e := range b.learn(particleList, "name_particles") {
		if strings.HasSuffix(e.Phrase, "-") {
			b.particlePrefixes = append(b.particlePrefixes, e.Phrase)
		}
	}
	return b
}

// learn records in facts what the built-in list name says of each word,
// folding phrases as lexicon.Table.Add does (a later entry's value wins, as
// in a Table), and returns the list's entries.
func (b *tableBuilder) learn(l list, name string) []lexicon.Entry {
	entries := lexicon.Builtin(name)
	for _, e := range entries {
		b.learnWord(l, e)
	}
	return entries
}

// learnWord records in facts what entry e of list l says of its first
// word. Built-in phrases come folded to lower case and single spaces.
func (b *tableBuilder) learnWord(l list, e lexicon.Entry) {
	first, _, several := strings.Cut(e.Phrase, " ")
	if first == "" {
		return
	}
	key := strings.ReplaceAll(first, "’", "'")
	f := &b.facts[b.numberOf(key)]
	if several {
		f.starts |= l
		return
	}
	f.is |= l
	switch l {
	case titleList:
		f.titleGender = codeOf(genderOf(e.Value))
	case honorificList:
		f.honorificGender = codeOf(genderOf(e.Value))
	case pronounList:
		if f.pronoun == 0 {
			b.pronouns = append(b.pronouns, key)
			f.pronoun = uint16(len(b.pronouns))
		}
		f.pronounGender = codeOf(genderOf(e.Value))
	}
}

// numberOf is the number of word, folded, numbering it if need be.
func (b *tableBuilder) numberOf(word string) uint32 {
	n, ok := b.number[word]
	if !ok {
		n = uint32(len(b.facts))
		b.number[word] = n
		b.words = append(b.words, word)
		b.facts = append(b.facts, wordFacts{})
	}
	return n
}

// newPhraseTrie puts the phrases of entries, folded as lexicon.Table.Add
// folds them, into a trie by the numbers of their words, numbering the
// words no list has; a later entry of the same phrase wins, as in a Table.
func (b *tableBuilder) newPhraseTrie(entries []lexicon.Entry) *phrasetrie.Trie {
	t := &phrasetrie.Trie{}
	for _, e := range entries {
		var phrase []uint32
		for _, w := range strings.Fields(strings.ToLower(e.Phrase)) {
			phrase = append(phrase, b.numberOf(strings.ReplaceAll(w, "’", "'")))
		}
		t.Add(phrase, uint8(codeOf(genderOf(e.Value))))
	}
	return t
}

// render writes the tables as Go.
func (b *tableBuilder) render() []byte {
	var out []byte
	out = append(out, "// Code generated by go test -run TestTables -update; DO NOT EDIT.\n\n"...)
	out = append(out, "package speaker\n\nimport (\n\"github.com/quotegraph/quotegraph/internal/phrasetrie\"\n\"github.com/quotegraph/quotegraph/internal/wordindex\"\n)\n\nvar factIndex = "...)
	out = wordindex.New(b.words).AppendGo(out)
	out = append(out, "\n\nvar factTable = []wordFacts{\n{}, // no word\n"...)
	for i, f := range b.facts[1:] {
		out = fmt.Appendf(out, "{%#x, %#x, %d, %d, %d, %d}, // %q\n",
			f.is, f.starts, f.titleGender, f.honorificGender, f.pronounGender, f.pronoun, b.words[i])
	}
	out = fmt.Appendf(out, "}\n\nvar pronouns = %#v\n\nvar particlePrefixes = %#v\n", b.pronouns, b.particlePrefixes)
	for _, s := range []struct {
		name string
		l    list
	}{{"titlePhrases", titleList}, {"orgHeadPhrases", orgHeadList}, {"placePhrases", placeList}} {
		out = fmt.Appendf(out, "\nvar %s = ", s.name)
		out = append(b.tries[s.l].AppendGo(out), '\n')
	}
	src, err := format.Source(out)
	if err != nil {
		panic(err)
	}
	return src
}
