package graph

import (
	"strings"

	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/speaker"
)

// window is how many words may stand between a relation's phrase and its
// partner: "met Russian President Vladimir Putin".
const window = 5

// narration reads the relations between entities that the article tells
// outside quotes, from the phrases of data/relations.txt:
//
//	After talks with Cameron, Putin said ...        talked-with(Cameron, Putin)
//	Obama held discussions yet with Putin           talked-with(Obama, Putin)
//	a meeting between Obama and Putin               met(Obama, Putin)
//	Trump criticised Clinton / was criticised by    criticised(Trump, Clinton)
//
// Each relation's evidence is the sentence that tells it.
func (a *art) narration() {
	ts := a.doc.Tokens
	for si, s := range a.doc.Sents {
		if a.boiler[si] {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			// A capital makes a name of the phrase: NBC's "Meet the Press".
			if ts[i].Kind != segment.Word || a.inQuote[i] || ts[i].Is(segment.Upper) && !a.initial[i] {
				continue
			}
			if a.words.rawInfo[i].starts&inRelations == 0 {
				continue
			}
			n, v := a.l.relations.Longest(s.Last-i, func(k int) string {
				if a.inQuote[i+k] {
					return ""
				}
				return a.doc.TokenText(i + k)
			})
			if n == 0 {
				continue
			}
			a.relation(si, i, i+n, v)
			i += n - 1
		}
	}
}

// relation reads the partners of the phrase at tokens [i, j) in sentence si.
func (a *art) relation(si, i, j int, value string) {
	s := a.doc.Sents[si]
	rel := Relation(firstField(value))
	mutual := lexicon.HasFlag(value, "mutual")
	ev := a.evidence(s.Start, s.End)
	link := func(from, to mention) {
		x, y := a.refs[from.ref], a.refs[to.ref]
		if x.id == "" || y.id == "" || x.id == y.id {
			return
		}
		a.node(x)
		a.node(y)
		a.edge(x.id, y.id, rel, ev)
	}
	// a meeting between X and Y
	if lexicon.HasFlag(value, "between") && j < s.Last && a.doc.TokenText(j) == "between" {
		if x, ok := a.partner(j+1, s.Last, mutual); ok && x.last < s.Last && a.doc.TokenText(x.last) == "and" {
			if y, ok := a.partner(x.last+1, s.Last, mutual); ok {
				link(x, y)
			}
		}
		return
	}
	at := j
	if lexicon.HasFlag(value, "with") {
		at = -1
		for k := j; k < s.Last && k < j+4; k++ {
			if a.doc.TokenText(k) == "with" {
				at = k + 1
				break
			}
			if a.doc.Tokens[k].Kind != segment.Word || a.inQuote[k] {
				break
			}
		}
		if at < 0 {
			return
		}
	}
	// X was criticised by Y
	if !mutual && i > s.First && isBe(a.doc.TokenText(i-1)) {
		for k := j; k < s.Last && k < j+3; k++ {
			if a.doc.TokenText(k) == "by" {
				if agent, ok := a.partner(k+1, s.Last, false); ok {
					if patient, ok := a.subject(s.First, i); ok {
						link(agent, patient)
					}
				}
				return
			}
		}
		return
	}
	obj, ok := a.partner(at, s.Last, mutual)
	if !ok {
		return
	}
	if sub, ok := a.subject(s.First, i); ok {
		link(sub, obj)
		return
	}
	// After talks with Cameron, Putin said ...
	for k := obj.last; k < s.Last; k++ {
		if a.inQuote[k] {
			return
		}
		if a.isPunct(k, ",") {
			if m := a.mentionOver(k+1, s.Last); m >= 0 && !a.inQuote[a.mentions[m].first] {
				link(a.mentions[m], obj)
			}
			return
		}
	}
}

func isBe(w string) bool {
	switch strings.ToLower(w) {
	case "is", "are", "was", "were", "be", "been", "being", "got", "get", "gets":
		return true
	}
	return false
}

// subject returns the first entity the sentence names outside quotes
// before token i.
func (a *art) subject(first, i int) (mention, bool) {
	for k := a.mentionOver(first, i); k >= 0 && k < len(a.mentions) && a.mentions[k].first < i; k++ {
		if m := a.mentions[k]; m.first >= first && m.last <= i && !a.inQuote[m.first] {
			return m, true
		}
	}
	return mention{}, false
}

// partner returns the entity named within a few words from token j on, with
// only determiners, titles and other capitalized words in between. When
// adhoc is set, a name that is no entity of the article yet becomes one
// ("talks with Moscow").
func (a *art) partner(j, end int, adhoc bool) (mention, bool) {
	ts := a.doc.Tokens
	for k := j; k < end && k < j+window; k++ {
		if a.inQuote[k] {
			break
		}
		if m := a.mentionOver(k, k+1); m >= 0 && a.mentions[m].first == k {
			return a.mentions[m], true
		}
		if ts[k].Kind != segment.Word {
			break
		}
		w := a.doc.TokenText(k)
		cls, _ := a.stopAt(k)
		if ts[k].Is(segment.Upper) || w == "the" || w == "a" || w == "an" || cls == "title" || cls == "adjective" ||
			w == "his" || w == "her" || w == "their" || w == "former" || w == "fellow" {
			continue
		}
		break
	}
	if !adhoc {
		return mention{}, false
	}
	k := j
	for k < end && (a.doc.TokenText(k) == "the") {
		k++
	}
	if k >= end || a.inQuote[k] {
		return mention{}, false
	}
	stop, s, e := a.run(k, end)
	if stop == k {
		return mention{}, false
	}
	label := stripPossessive(a.text[s:e])
	if _, sw := a.stopWord(label); sw || !a.topicOK(label) {
		return mention{}, false
	}
	kind := speaker.Organization
	if stop-k >= 2 && a.has(inGiven, k) {
		kind = speaker.Person
	}
	r := a.addRef(ref{id: ID(kind, label, a.id), label: label, kind: kind})
	return mention{first: k, last: stop, ref: r}, true
}
