package evaluate

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The two overlap thresholds score.py reports: a loose match, where a
// prediction covers more than 30% of the gold span, and a strict one.
const (
	Loose  = 0.3
	Strict = 0.8
)

// Result is the score of a prediction set at one threshold. Its JSON is that
// of one entry of score.py's --json "results".
type Result struct {
	Threshold float64 `json:"threshold"`
	// TP counts matched gold quotes, FN unmatched ones, FP unmatched
	// predictions. With speechOnly, non-speech gold quotes are in neither TP
	// nor FN, and a prediction they match is not an FP.
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// SpeakerMentionAcc is the share of matched gold quotes with a speaker
	// mention in the text whose predicted mention overlaps it.
	SpeakerMentionAcc float64 `json:"speaker_mention_acc"`
	// VerbAcc is the share of matched gold quotes with a cue whose predicted
	// cue has the same text, case-folded and trimmed.
	VerbAcc float64 `json:"verb_acc"`
	// SpeakerResolvedAcc is the share of the ResolvedN matched gold quotes
	// with a resolved name whose predicted name is the same person (see
	// SamePerson).
	SpeakerResolvedAcc float64 `json:"speaker_resolved_acc"`
	ResolvedN          int     `json:"resolved_n"`
	// RecallByKind is the recall of each gold kind ("direct", "mixed",
	// "indirect"); never nil.
	RecallByKind map[string]float64 `json:"recall_by_kind"`
}

// Score scores predictions against gold annotations at one overlap
// threshold, by the Gender Gap Tracker's method exactly as score.py
// implements it (see the package documentation). Predictions for articles
// not in gold are ignored; a gold article without a prediction has all its
// quotes missed. When an ID occurs more than once, the last one counts.
func Score(gold []GoldArticle, pred []Prediction, threshold float64, speechOnly bool) Result {
	var tp, fp, fn, spk, spkN, vrb, vrbN, resOK, resN int
	byKind := map[string]int{}
	byKindHit := map[string]int{}
	for _, a := range matchArticles(gold, pred, threshold, speechOnly) {
		for i, g := range a.gold {
			if g.counted {
				byKind[g.q.Kind]++
			}
			j := a.match[i]
			if !g.counted {
				continue
			}
			if j < 0 {
				fn++
				continue
			}
			p := a.pred[j]
			tp++
			byKindHit[g.q.Kind]++
			if g.hasSpeaker {
				spkN++
				if g.mentionOK(p) {
					spk++
				}
			}
			if g.cue != "" {
				vrbN++
				if g.cue == p.cue {
					vrb++
				}
			}
			if g.ref != "" {
				resN++
				if SamePerson(g.ref, p.name) {
					resOK++
				}
			}
		}
		fp += a.unused()
	}
	r := Result{
		Threshold: threshold, TP: tp, FP: fp, FN: fn,
		Precision:          ratio(tp, tp+fp),
		Recall:             ratio(tp, tp+fn),
		SpeakerMentionAcc:  ratio(spk, spkN),
		VerbAcc:            ratio(vrb, vrbN),
		SpeakerResolvedAcc: ratio(resOK, resN),
		ResolvedN:          resN,
		RecallByKind:       make(map[string]float64, len(byKind)),
	}
	if r.Precision+r.Recall != 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	for k, n := range byKind {
		r.RecallByKind[k] = ratio(byKindHit[k], n)
	}
	return r
}

// ratio is a/b, and 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// String is the line score.py prints for the result, figures in percent:
//
//	@0.3: P 83.3 R 75.0 F1 78.9 | speaker(mention) 92.9 speaker(resolved) 76.9 (n=13) verb 85.7 | tp 15 fp 3 fn 5 | recall by kind direct=78 indirect=67 mixed=100
func (r Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "@%s: P %.1f R %.1f F1 %.1f", pyFloat(r.Threshold), 100*r.Precision, 100*r.Recall, 100*r.F1)
	fmt.Fprintf(&b, " | speaker(mention) %.1f speaker(resolved) %.1f (n=%d) verb %.1f",
		100*r.SpeakerMentionAcc, 100*r.SpeakerResolvedAcc, r.ResolvedN, 100*r.VerbAcc)
	fmt.Fprintf(&b, " | tp %d fp %d fn %d | recall by kind ", r.TP, r.FP, r.FN)
	kinds := make([]string, 0, len(r.RecallByKind))
	for k := range r.RecallByKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for i, k := range kinds {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%.0f", k, 100*r.RecallByKind[k])
	}
	return b.String()
}

// pyFloat formats f as Python's repr does: the shortest digits that read
// back as f, with ".0" on whole numbers and an exponent outside 1e-4..1e16.
func pyFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if f != 0 && (exp < -4 || exp >= 16) {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// Missing counts the gold articles that have no prediction line.
func Missing(gold []GoldArticle, pred []Prediction) int {
	have := make(map[string]bool, len(pred))
	for _, p := range pred {
		have[p.ID] = true
	}
	seen := make(map[string]bool, len(gold))
	n := 0
	for _, g := range gold {
		if !seen[g.ID] && !have[g.ID] {
			n++
		}
		seen[g.ID] = true
	}
	return n
}

// SamePerson reports whether a predicted speaker name refers to the same
// person as a gold resolved name, as score.py decides it: the name's words
// and those of one of ref's alternatives (separated by "|") are non-empty
// and one set holds the other. Words are the runs of ASCII letters and
// digits of the lower-cased name, without titles and articles ("mr",
// "president", "the", …); so "President Obama" is "Barack Obama", and
// "Tomás" is the two words "tom" and "s".
func SamePerson(ref, name string) bool {
	wb := words(name)
	if len(wb) == 0 {
		return false
	}
	for alt := range strings.SplitSeq(ref, "|") {
		wa := words(alt)
		if len(wa) > 0 && (subset(wa, wb) || subset(wb, wa)) {
			return true
		}
	}
	return false
}

// titles and pronouns are score.py's TITLES and PRONOUNS: part of the
// scoring method, not a lexicon to tune.
var (
	titles = wordSet(`mr mrs ms miss dr prof sir dame lord lady rev president prime minister
chancellor sen senator rep gov governor secretary gen general mayor premier king queen
prince princess chief judge justice the a an of`)
	pronouns = wordSet(`i me my we us our you your he him his she her hers they them their it its
who whom which that this these those one`)
)

func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// words is the set of a name's words: runs of [a-z0-9] in the lower-cased
// name, titles dropped.
func words(name string) map[string]bool {
	name = pyLower(name)
	set := map[string]bool{}
	for i := 0; i < len(name); {
		if !isWordByte(name[i]) {
			i++
			continue
		}
		j := i
		for j < len(name) && isWordByte(name[j]) {
			j++
		}
		if w := name[i:j]; !titles[w] {
			set[w] = true
		}
		i = j
	}
	return set
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// subset reports whether every word of a is in b.
func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// goldItem is a gold quote as score.py's gold_quotes() sees it.
type goldItem struct {
	q          *GoldQuote
	hasSpeaker bool // the speaker is mentioned in the text
	ref        string
	cue        string // lower-cased, trimmed
	counted    bool   // in recall: speech, or any quote without speechOnly
}

// predItem is a predicted quote as score.py's pred_quotes() sees it.
type predItem struct {
	q    *PredQuote
	name string
	cue  string // lower-cased, trimmed
}

func newGoldItem(q *GoldQuote, speechOnly bool) goldItem {
	ref := q.SpeakerRef
	if m := pyLower(q.Speaker); ref == "" && m != "" && !pronouns[m] &&
		!strings.HasPrefix(m, "he ") && !strings.HasPrefix(m, "she ") {
		ref = q.Speaker
	}
	return goldItem{
		q:          q,
		hasSpeaker: q.SpeakerStart != nil,
		ref:        ref,
		cue:        pyStrip(pyLower(q.Cue)),
		counted:    q.CueSpeech || !speechOnly,
	}
}

func newPredItem(q *PredQuote) predItem {
	p := predItem{q: q}
	if q.Speaker != nil {
		p.name = q.Speaker.Name
	}
	if q.Cue != nil {
		p.cue = pyStrip(pyLower(q.Cue.Text))
	}
	return p
}

// mentionOK reports whether p's speaker mention overlaps g's.
func (g goldItem) mentionOK(p predItem) bool {
	if g.q.SpeakerStart == nil || g.q.SpeakerEnd == nil || p.q.Speaker == nil || p.q.Speaker.Mention == nil {
		return false
	}
	m := p.q.Speaker.Mention
	return min(*g.q.SpeakerEnd, m.End) > max(*g.q.SpeakerStart, m.Start)
}

// share is the part of gold span g that p covers; 0 for empty spans.
func share(g *GoldQuote, p *PredQuote) float64 {
	if g.End <= g.Start || p.End <= p.Start {
		return 0
	}
	inter := max(0, min(g.End, p.End)-max(g.Start, p.Start))
	return float64(inter) / float64(g.End-g.Start)
}

// articleMatch is the greedy matching of one gold article.
type articleMatch struct {
	article *GoldArticle
	gold    []goldItem
	pred    []predItem
	match   []int  // per gold quote, the index of its prediction, or -1
	used    []bool // per prediction
}

// unused counts the predictions no gold quote took.
func (a *articleMatch) unused() int {
	n := 0
	for _, u := range a.used {
		if !u {
			n++
		}
	}
	return n
}

// matchArticles matches each gold article (the last of each ID, in order of
// first appearance) with the last prediction line of the same ID: each gold
// quote in turn takes the unused prediction that covers the largest share
// of its span, strictly above threshold, the first one on ties.
func matchArticles(gold []GoldArticle, pred []Prediction, threshold float64, speechOnly bool) []articleMatch {
	preds := make(map[string]*Prediction, len(pred))
	for i := range pred {
		preds[pred[i].ID] = &pred[i]
	}
	var out []articleMatch
	index := map[string]int{}
	for i := range gold {
		g := &gold[i]
		if k, ok := index[g.ID]; ok {
			out[k].article = g
			continue
		}
		index[g.ID] = len(out)
		out = append(out, articleMatch{article: g})
	}
	for k := range out {
		a := &out[k]
		for i := range a.article.Quotes {
			a.gold = append(a.gold, newGoldItem(&a.article.Quotes[i], speechOnly))
		}
		if p := preds[a.article.ID]; p != nil {
			for i := range p.Quotes {
				a.pred = append(a.pred, newPredItem(&p.Quotes[i]))
			}
		}
		a.match = make([]int, len(a.gold))
		a.used = make([]bool, len(a.pred))
		for i, g := range a.gold {
			best, bestShare := -1, threshold
			for j, p := range a.pred {
				if a.used[j] {
					continue
				}
				if s := share(g.q, p.q); s > bestShare {
					best, bestShare = j, s
				}
			}
			a.match[i] = best
			if best >= 0 {
				a.used[best] = true
			}
		}
	}
	return out
}
