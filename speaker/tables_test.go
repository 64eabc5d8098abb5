package speaker

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/internal/wordindex"
	"github.com/quotegraph/quotegraph/lexicon"
)

var update = flag.Bool("update", false, "rewrite tables.go from the word lists")

// TestTables checks that tables.go holds the tables the word lists give;
// with -update, it writes them there.
func TestTables(t *testing.T) {
	got := newTableBuilder().render()
	if *update {
		require.NoError(t, os.WriteFile("tables.go", got, 0o644))
		return
	}
	want, err := os.ReadFile("tables.go")
	require.NoError(t, err)
	if !bytes.Equal(got, want) {
		t.Fatal("tables.go is not what the word lists give: run go generate ./speaker")
	}
}

// TestPhraseSets checks that a phraseSet finds what a lexicon.Table of the
// same list finds, for every phrase of the list and for runs of words
// around them: longer, cut short, in capitals, with a curly apostrophe.
func TestPhraseSets(t *testing.T) {
	for name, set := range map[string]*phraseSet{"titles": titlePhrases, "org_heads": orgHeadPhrases, "places": placePhrases} {
		entries := lexicon.Builtin(name)
		table := lexicon.NewTable(entries)
		for _, e := range entries {
			ws := strings.Fields(e.Phrase)
			for _, words := range [][]string{ws, append(slices.Clone(ws), "of", "state"), ws[:len(ws)-1], {"the", ws[0]},
				strings.Fields(strings.ToUpper(e.Phrase)), strings.Fields(strings.ReplaceAll(e.Phrase, "'", "’")),
				append(slices.Clone(ws), ""), append([]string{""}, ws...)} {
				for n := 0; n <= len(words); n++ {
					word := func(k int) string { return words[k] }
					wantN, value := table.Longest(n, word)
					gotN, gotGender := set.longest(n, word)
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
	sets             map[list]*phraseSet
}

// newTableBuilder learns every list, numbering the words in the order it
// meets them.
func newTableBuilder() *tableBuilder {
	b := &tableBuilder{number: map[string]uint32{}, facts: []wordFacts{{}}, sets: map[list]*phraseSet{}}
	b.sets[titleList] = newPhraseSet(b.learn(titleList, "titles"))
	b.sets[orgHeadList] = newPhraseSet(b.learn(orgHeadList, "org_heads"))
	b.sets[placeList] = newPhraseSet(b.learn(placeList, "places"))
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
	n, ok := b.number[key]
	if !ok {
		n = uint32(len(b.facts))
		b.number[key] = n
		b.words = append(b.words, key)
		b.facts = append(b.facts, wordFacts{})
	}
	f := &b.facts[n]
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

// newPhraseSet folds the phrases of entries as lexicon.Table.Add folds
// them and sorts them, keeping the last entry of a phrase given twice.
func newPhraseSet(entries []lexicon.Entry) *phraseSet {
	s := &phraseSet{}
	for _, e := range entries {
		ws := strings.Fields(strings.ToLower(e.Phrase))
		if len(ws) == 0 {
			continue
		}
		s.maxWords = max(s.maxWords, len(ws))
		p := strings.ReplaceAll(strings.Join(ws, " "), "’", "'")
		s.phrases = append(s.phrases, setPhrase{p, codeOf(genderOf(e.Value))})
	}
	slices.SortStableFunc(s.phrases, func(a, b setPhrase) int { return strings.Compare(a.phrase, b.phrase) })
	out := s.phrases[:0]
	for _, p := range s.phrases {
		if n := len(out); n > 0 && out[n-1].phrase == p.phrase {
			out[n-1] = p
		} else {
			out = append(out, p)
		}
	}
	s.phrases = out
	return s
}

// render writes the tables as Go.
func (b *tableBuilder) render() []byte {
	var out []byte
	out = append(out, "// Code generated by go test -run TestTables -update; DO NOT EDIT.\n\n"...)
	out = append(out, "package speaker\n\nimport \"github.com/quotegraph/quotegraph/internal/wordindex\"\n\nvar factIndex = "...)
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
		set := b.sets[s.l]
		out = fmt.Appendf(out, "\nvar %s = &phraseSet{maxWords: %d, phrases: []setPhrase{\n", s.name, set.maxWords)
		for _, p := range set.phrases {
			out = fmt.Appendf(out, "{%q, %d},\n", p.phrase, p.gender)
		}
		out = append(out, "}}\n"...)
	}
	src, err := format.Source(out)
	if err != nil {
		panic(err)
	}
	return src
}
