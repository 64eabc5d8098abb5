package graph

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/lexicon"
)

// Bits of wordInfo, one per list of lists.
const (
	inVocab uint16 = 1 << iota
	inStop
	inPlaces
	inEvents
	inParticles
	inRelations
	inBoiler
	inTitles
	inGiven
	inDemonyms
	inGroups
	inOrgs
)

// wordInfo is what the lists say about one word, folded as lexicon.Table
// folds it: which lists have a phrase that starts with it, which have it as a
// phrase of its own, and its class in the stop list. An article looks each
// of its words up once, here, instead of once per rule and list: most words
// start no phrase of any list, and their lookups end at the bits.
type wordInfo struct {
	starts uint16
	has    uint16
	stop   uint32 // the class in the stop list, as an index into wordIndex.classes
}

// wordIndex tells what the lists say about a word: a lexicon.WordIndex
// numbers the words, and info holds what the lists say by number. Its values
// hold no pointers, so that an article's copies of them cost the garbage
// collector nothing.
type wordIndex struct {
	index   *lexicon.WordIndex
	info    []wordInfo // by the index's number; info[0], for no word, is empty
	classes []string   // the classes of the stop list; 0 is ""
	// learnt gathers the info while lists are added; finish numbers it.
	learnt map[string]wordInfo
}

func newWordIndex() *wordIndex {
	return &wordIndex{learnt: map[string]wordInfo{}, classes: []string{""}}
}

// clone returns a copy of x that add can change, before x is finished.
func (x *wordIndex) clone() *wordIndex {
	return &wordIndex{learnt: maps.Clone(x.learnt), classes: slices.Clone(x.classes)}
}

// add notes the entries of a list, in the order lexicon.NewTable reads
// them, so that a later stop-list entry wins as it does in the table. Call
// finish when done.
func (x *wordIndex) add(bit uint16, lists ...[]lexicon.Entry) {
	for _, l := range lists {
		for _, e := range l {
			ws := strings.Fields(e.Phrase)
			if len(ws) == 0 {
				continue
			}
			k := string(lexicon.AppendKey(nil, ws[0]))
			wi := x.learnt[k]
			wi.starts |= bit
			if len(ws) == 1 {
				wi.has |= bit
				if bit == inStop {
					wi.stop = x.class(e.Value)
				}
			}
			x.learnt[k] = wi
		}
	}
}

// class returns the index of a stop-list class, adding it if new.
func (x *wordIndex) class(c string) uint32 {
	if i := slices.Index(x.classes, c); i >= 0 {
		return uint32(i)
	}
	x.classes = append(x.classes, c)
	return uint32(len(x.classes) - 1)
}

// finish numbers the words learnt, for lookup.
func (x *wordIndex) finish() {
	words := slices.Sorted(maps.Keys(x.learnt))
	x.index = lexicon.NewWordIndex(words)
	x.info = make([]wordInfo, len(words)+1)
	for i, w := range words {
		x.info[i+1] = x.learnt[w]
	}
	x.learnt = nil
}

// lookup returns what the lists say about a word, folded as lexicon.Table
// folds it.
func (x *wordIndex) lookup(word string) wordInfo { return x.info[x.index.Find(word)] }

// tokenWords holds, for every token of an article, the folded forms of its
// text and of its word without a possessive ending ("russia" for
// "Russia's"), and what the lists say about each.
type tokenWords struct {
	keys     []byte  // the folded words, one after the other
	wordAt   []int32 // per token: where its folded word starts in keys; it ends where the next starts
	rawInfo  []wordInfo
	name     []nameWord // per token: what nameWord says of it
	wordInfo []wordInfo
}

// foldTokens folds and looks up every token of the article.
func (a *art) foldTokens() {
	tw := &a.words
	n := len(a.doc.Tokens)
	tw.keys = tw.keys[:0]
	tw.wordAt = resize(tw.wordAt, n+1)
	tw.rawInfo = resize(tw.rawInfo, n)
	tw.wordInfo = resize(tw.wordInfo, n)
	tw.name = resize(tw.name, n)
	for i := range n {
		raw := a.doc.TokenText(i)
		w := stripPossessive(raw)
		tw.wordAt[i] = int32(len(tw.keys))
		tw.keys = lexicon.AppendKey(tw.keys, w)
		tw.wordInfo[i] = a.l.index.lookup(w)
		if len(w) == len(raw) {
			tw.rawInfo[i] = tw.wordInfo[i]
		} else {
			tw.rawInfo[i] = a.l.index.lookup(raw)
		}
		s, e, cut, ok := a.readNameWord(i)
		tw.name[i] = nameWord{start: int32(s), end: int32(e), cut: cut, ok: ok}
	}
	tw.wordAt[n] = int32(len(tw.keys))
}

// nameWord is what art.nameWord says of a token.
type nameWord struct {
	start, end int32
	cut, ok    bool
}

// resize returns s with length n and zero elements, reusing its memory.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// wordKey returns the folded word of token i, without a possessive ending,
// as bytes of the article's key buffer.
func (a *art) wordKey(i int) []byte {
	return a.words.keys[a.words.wordAt[i]:a.words.wordAt[i+1]]
}

// has reports whether the text of token i is a one-word phrase of the list.
func (a *art) has(bit uint16, i int) bool { return a.words.rawInfo[i].has&bit != 0 }

// wordHas reports whether the word of token i, without a possessive ending,
// is a one-word phrase of the list.
func (a *art) wordHas(bit uint16, i int) bool { return a.words.wordInfo[i].has&bit != 0 }

// stopAt is stopWord of the text of token i.
func (a *art) stopAt(i int) (string, bool) {
	wi := &a.words.rawInfo[i]
	return a.l.index.classes[wi.stop], wi.has&inStop != 0
}

// wordStop is stopWord of the word of token i.
func (a *art) wordStop(i int) (string, bool) {
	wi := &a.words.wordInfo[i]
	return a.l.index.classes[wi.stop], wi.has&inStop != 0
}

// longest is t.Longest over the words of tokens [i, i+n), without their
// possessive endings; t is the list of the bit.
func (a *art) longest(t *lexicon.Table, bit uint16, i, n int) (int, string) {
	if n <= 0 || a.words.wordInfo[i].starts&bit == 0 {
		return 0, ""
	}
	return t.Longest(n, a.word2(i))
}

// phrases is a small table of the article's own phrases (the names of its
// entities, the acronyms it defines), matched against the folded words of
// its tokens as lexicon.Table would match them. Phrases are chained by their
// first word, so a lookup costs one map probe.
type phrases struct {
	first map[string]int32 // first word -> index of the last phrase added with it
	items []phrase
	// heads has the bit of headBit for every first word: most words of
	// an article start no phrase, and are turned away without hashing.
	heads uint64
}

// headBit is a word's bit in phrases.heads, from its length and first byte.
func headBit[S string | []byte](w S) uint64 {
	if len(w) == 0 {
		return 0
	}
	return 1 << ((uint(len(w))*31 + uint(w[0])) & 63)
}

type phrase struct {
	words string // folded, words joined by single spaces
	len   int    // in words
	next  int32  // the phrase added before with the same first word, or -1
	ref   int
	label string
}

// reset empties the table, keeping its memory.
func (p *phrases) reset() {
	clear(p.first)
	clear(p.items)
	p.items = p.items[:0]
	p.heads = 0
}

// add puts a phrase into the table; a phrase already there takes the new
// values, as lexicon.Table.Add does.
func (p *phrases) add(s string, ref int, label string) {
	s = foldPhrase(s)
	if s == "" {
		return
	}
	head, _, _ := strings.Cut(s, " ")
	if p.first == nil {
		p.first = map[string]int32{}
	}
	at, ok := p.first[head]
	if !ok {
		at = -1
	}
	for k := at; k >= 0; k = p.items[k].next {
		if p.items[k].words == s {
			p.items[k].ref, p.items[k].label = ref, label
			return
		}
	}
	p.items = append(p.items, phrase{words: s, len: strings.Count(s, " ") + 1, next: at, ref: ref, label: label})
	p.first[head] = int32(len(p.items) - 1)
	p.heads |= headBit(head)
}

// foldPhrase folds a phrase as lexicon.Table.Add does: lower case, curly
// apostrophes straight, words split at white space; it joins the words with
// single spaces.
func foldPhrase(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "’", "'")
	if !singleSpaced(s) {
		return strings.Join(strings.Fields(s), " ") // rare: odd spaces, or a rune that could be one
	}
	return s
}

// singleSpaced reports whether s is its words as strings.Fields cuts them,
// joined by single spaces. It may say no to some that are, with runes
// beyond ASCII.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c <= ' ' && (c != ' ' || i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// longest returns the longest phrase that the words of tokens [i, i+n)
// start with, without their possessive endings, and its length in words.
func (a *art) longestPhrase(p *phrases, i, n int) (int, *phrase) {
	if n <= 0 || len(p.items) == 0 {
		return 0, nil
	}
	key := a.wordKey(i)
	if p.heads&headBit(key) == 0 {
		return 0, nil
	}
	at, ok := p.first[string(key)]
	if !ok {
		return 0, nil
	}
	var best *phrase
	for k := at; k >= 0; k = p.items[k].next {
		it := &p.items[k]
		if it.len > n || best != nil && it.len <= best.len || !a.matches(it.words, i) {
			continue
		}
		best = it
	}
	if best == nil {
		return 0, nil
	}
	return best.len, best
}

// matches reports whether the words of the tokens from i on are the words
// of a folded phrase.
func (a *art) matches(words string, i int) bool {
	for ; words != ""; i++ {
		w, rest, _ := strings.Cut(words, " ")
		if i >= len(a.doc.Tokens) || string(a.wordKey(i)) != w {
			return false
		}
		words = rest
	}
	return true
}
