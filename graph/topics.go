package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/segment"
)

// maxTopicWords bounds a topic's length: a longer run of capitals is a
// headline or a title of a work, not a topic.
const maxTopicWords = 6

// topics calls emit with the label of every topic of tokens [lo, hi): the
// phrases of the topic vocabulary and the acronyms the article defines, and
// the names written with capitals that are not people or speakers of the
// article ("Syria", "Group of 20", "the Paris attacks"). Stop words,
// pronouns, numbers and boilerplate never come out.
func (a *art) topics(lo, hi int, emit func(label string)) {
	ts := a.doc.Tokens
	for i := lo; i < hi; {
		if ts[i].Kind != segment.Word || a.boilerAt(i) {
			i++
			continue
		}
		lv, label := a.vocabAt(i, hi)
		end, s, e := a.run(i, hi)
		lr := end - i
		switch {
		case lv > 0 && lv >= lr:
			if (a.mentionOver(i, i+lv) < 0 || a.place(i, i+lv)) && !a.stopPhrase(i, i+lv) && a.topicOK(label) {
				emit(label)
			}
			i += lv
		case lr > 0:
			if label, ok := a.nameTopic(i, end, s, e, lo, hi); ok {
				emit(label)
			}
			i = end
		default:
			i++
		}
	}
}

// vocabAt returns the length in tokens and the label of the longest topic
// phrase at token i, from the article's acronyms or the vocabulary.
func (a *art) vocabAt(i, hi int) (int, string) {
	n := min(hi, a.doc.Sents[a.doc.SentOf[i]].Last) - i
	la, acr := a.longestPhrase(&a.acr, i, n)
	lv, vv := a.longest(a.l.vocab, inVocab, i, n)
	if la >= lv && la > 0 {
		lv, vv = la, acr.label
	}
	if lv == 0 {
		return 0, ""
	}
	if vv == "" {
		vv = strings.ToLower(a.text[a.doc.Tokens[i].Start:a.doc.Tokens[i+lv-1].End])
	}
	// A name needs its capital, and a short one all of them: "US" is the
	// United States, "us" is not.
	if isUpper(vv) {
		t := a.doc.Tokens[i]
		if !t.Is(segment.Upper) {
			return 0, ""
		}
		if letters(a.doc.TokenText(i)) <= 3 && !t.Is(segment.AllUpper) && !strings.Contains(a.doc.TokenText(i), ".") {
			return 0, ""
		}
	}
	return lv, vv
}

func letters(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// stopPhrase reports whether tokens [i, j) are a phrase of the stop list;
// an acronym is none ("US" is not "us").
func (a *art) stopPhrase(i, j int) bool {
	if j == i+1 && a.doc.Tokens[i].Is(segment.AllUpper) {
		return false
	}
	n, _ := a.longest(a.l.stop, inStop, i, j-i)
	return n == j-i
}

// place reports whether tokens [i, j) name a place, which is a topic even
// when a speaker of the article has the same name ("Turkey").
func (a *art) place(i, j int) bool {
	n, _ := a.longest(a.l.places, inPlaces, i, j-i)
	return n == j-i
}

// nameTopic reads the name in tokens [i, end) (bytes [s, e)) of a quote
// spanning tokens [lo, hi) as a topic, and says whether it is one.
func (a *art) nameTopic(i, end, s, e, lo, hi int) (string, bool) {
	ts := a.doc.Tokens
	// Trim words whose capital says nothing: "Only Syria", "Leaders of the
	// Group of 20", "The Kremlin".
	first := i
	for first < end {
		w := a.word(first)
		cls, stop := a.wordStop(first)
		stop = stop && cls != "ordinal" // the Second Amendment
		vague := (a.initial[first] || first == lo) && !a.midCaps[w] && !a.place(first, first+1)
		_, _, _, name := a.nameWord(first) // "post-Paris" is a name where it starts
		if !stop && !vague && (name && first == i || a.isName(first)) {
			break
		}
		first++
	}
	if first >= end {
		return "", false
	}
	if first > i {
		s = int(ts[first].Start)
	}
	last := end
	for last > first+1 {
		if _, stop := a.wordStop(last - 1); !stop {
			break
		}
		last--
		e = int(ts[last-1].End)
	}
	if a.mentionOver(first, last) >= 0 && !a.place(first, last) {
		return "", false // a person or a speaker: a mention, not a topic
	}
	// A title before a name we could not resolve is still a person.
	if n, _ := a.longest(a.l.titles, inTitles, first, last-first); n > 0 {
		return "", false
	}
	if last-first >= 2 && a.has(inGiven, first) {
		return "", false
	}
	label := stripPossessive(a.text[s:e])
	// An event: "the Paris attacks", "the Vienna talks".
	if last == end && end < hi && first > lo && a.doc.TokenText(first-1) == "the" &&
		!ts[end].Is(segment.Upper) && a.has(inEvents, end) && a.doc.SentOf[end] == a.doc.SentOf[first] {
		label = a.text[s:ts[end].End]
		last = end + 1
	}
	if s == int(ts[first].Start) && len(label) == int(ts[last-1].End)-s {
		if v, ok := a.vocabTokens(first, last); ok && isUpper(v) {
			label = v
		} else if n, acr := a.longestPhrase(&a.acr, first, last-first); n == last-first {
			label = acr.label
		}
	} else if v, ok := a.vocabExact(label); ok && isUpper(v) {
		label = v // part of a word: the UN of UN-brokered
	}
	return label, a.topicOK(label)
}

// topicOK is the last filter: no stop words, no pronouns, nothing without
// letters, no single letters, no shouted words, nothing too long.
func (a *art) topicOK(label string) bool {
	words := countFields(label, maxTopicWords+1)
	n := letters(label)
	if words == 0 || words > maxTopicWords || n == 0 || utf8.RuneCountInString(label) < 2 ||
		n == 1 && !strings.ContainsAny(label, "0123456789") {
		return false
	}
	if words == 1 && n > 5 && strings.ToUpper(label) == label {
		return false // SHOUTING, not an acronym
	}
	for w, rest := nextField(label); w != ""; w, rest = nextField(rest) {
		if _, stop := a.stopWord(stripPossessive(w)); !stop {
			return true
		}
	}
	return false
}
