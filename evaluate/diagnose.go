package evaluate

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// MistakeKind says what went wrong with a quote.
type MistakeKind string

const (
	// Miss is a gold quote that no prediction matched.
	Miss MistakeKind = "miss"
	// FalsePositive is a prediction that matched no gold quote.
	FalsePositive MistakeKind = "false-positive"
	// WrongSpeaker is a match whose speaker mention does not overlap the
	// gold one, or whose speaker name is not the gold resolved name.
	WrongSpeaker MistakeKind = "wrong-speaker"
)

// Mistake is one error of a prediction set, for error analysis: a miss, a
// false positive, or a match with the wrong speaker. Only what Score counts
// is a mistake: with speechOnly, non-speech gold quotes are never missed.
type Mistake struct {
	Article string      `json:"article"`
	Kind    MistakeKind `json:"error"`
	// Gold is the missed or matched gold quote; for a false positive, the
	// gold quote it covers the largest share of, if any. Its Text is filled
	// in from the article when the gold file has none.
	Gold *GoldQuote `json:"gold,omitempty"`
	// Pred is the false positive or the matched prediction; for a miss, the
	// prediction that covers the largest share of the gold span, if any. Its
	// Text is filled in from the article when the prediction has none.
	Pred *PredQuote `json:"pred,omitempty"`
	// Overlap is the share of Gold's span that Pred covers.
	Overlap float64 `json:"overlap"`
	// Taken marks a miss whose Pred covers more than the threshold but was
	// matched first by an earlier gold quote.
	Taken bool `json:"taken,omitempty"`
	// Ref is Gold's resolved name as Score sees it: speaker_ref, or the
	// mention when it is not a pronoun; empty when there is none.
	Ref string `json:"ref,omitempty"`
	// WrongMention and WrongName say which speaker check a WrongSpeaker
	// failed.
	WrongMention bool `json:"wrong_mention,omitempty"`
	WrongName    bool `json:"wrong_name,omitempty"`
}

// MethodStats counts what became of the predictions of one rule (the
// prediction's Method), in the articles of the gold set.
type MethodStats struct {
	Method    string `json:"method"`
	Predicted int    `json:"predicted"`
	// Matched counts predictions matched to a counted gold quote, Uncounted
	// those matched to a non-speech gold quote under speechOnly.
	Matched        int `json:"matched"`
	Uncounted      int `json:"uncounted"`
	FalsePositives int `json:"false_positives"`
	// WrongSpeaker counts matches with a wrong speaker; WrongMention and
	// WrongName count the checks that failed (a match may fail both).
	WrongSpeaker int `json:"wrong_speaker"`
	WrongMention int `json:"wrong_mention"`
	WrongName    int `json:"wrong_name"`
}

// Errors is the number of the rule's false positives and wrong speakers.
func (m MethodStats) Errors() int { return m.FalsePositives + m.WrongSpeaker }

// Diagnosis is the error analysis of a prediction set at one threshold.
type Diagnosis struct {
	Threshold  float64 `json:"threshold"`
	SpeechOnly bool    `json:"speech_only"`
	// Mistakes are in gold article order, then by offset.
	Mistakes []Mistake `json:"mistakes"`
	// Methods are sorted by Errors, most first, then by name.
	Methods []MethodStats `json:"methods"`
}

// Diagnose matches predictions to gold annotations exactly as Score does,
// and lists the mistakes with the rules that made them.
func Diagnose(gold []GoldArticle, pred []Prediction, threshold float64, speechOnly bool) Diagnosis {
	d := Diagnosis{Threshold: threshold, SpeechOnly: speechOnly, Mistakes: []Mistake{}}
	stats := map[string]*MethodStats{}
	stat := func(p predItem) *MethodStats {
		m := stats[p.q.Method]
		if m == nil {
			m = &MethodStats{Method: p.q.Method}
			stats[p.q.Method] = m
		}
		return m
	}
	for _, a := range matchArticles(gold, pred, threshold, speechOnly) {
		var ms []Mistake
		for _, p := range a.pred {
			stat(p).Predicted++
		}
		for i, g := range a.gold {
			j := a.match[i]
			switch {
			case j >= 0 && !g.counted:
				stat(a.pred[j]).Uncounted++
			case j >= 0:
				p := a.pred[j]
				st := stat(p)
				st.Matched++
				m := Mistake{Kind: WrongSpeaker, Ref: g.ref, Overlap: share(g.q, p.q)}
				m.WrongMention = g.hasSpeaker && !g.mentionOK(p)
				m.WrongName = g.ref != "" && !SamePerson(g.ref, p.name)
				if m.WrongMention || m.WrongName {
					st.WrongSpeaker++
					st.WrongMention += btoi(m.WrongMention)
					st.WrongName += btoi(m.WrongName)
					m.Gold, m.Pred = g.q, p.q
					ms = append(ms, m)
				}
			case g.counted:
				m := Mistake{Kind: Miss, Gold: g.q, Ref: g.ref}
				best := -1
				for k, p := range a.pred {
					if s := share(g.q, p.q); s > m.Overlap {
						best, m.Overlap = k, s
					}
				}
				if best >= 0 {
					m.Pred = a.pred[best].q
					m.Taken = a.used[best] && m.Overlap > threshold
				}
				ms = append(ms, m)
			}
		}
		for j, p := range a.pred {
			if a.used[j] {
				continue
			}
			stat(p).FalsePositives++
			m := Mistake{Kind: FalsePositive, Pred: p.q}
			for _, g := range a.gold {
				if s := share(g.q, p.q); s > m.Overlap {
					m.Gold, m.Overlap, m.Ref = g.q, s, g.ref
				}
			}
			ms = append(ms, m)
		}
		slices.SortStableFunc(ms, func(x, y Mistake) int {
			return cmp.Compare(x.start(), y.start())
		})
		for i := range ms {
			ms[i].Article = a.article.ID
			ms[i].Gold = copyGold(ms[i].Gold, a.article.Text)
			ms[i].Pred = copyPred(ms[i].Pred, a.article.Text)
		}
		d.Mistakes = append(d.Mistakes, ms...)
	}
	d.Methods = make([]MethodStats, 0, len(stats))
	for _, m := range stats {
		d.Methods = append(d.Methods, *m)
	}
	slices.SortFunc(d.Methods, func(x, y MethodStats) int {
		return cmp.Or(cmp.Compare(y.Errors(), x.Errors()), strings.Compare(x.Method, y.Method))
	})
	return d
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// start is where the quote a mistake is about begins.
func (m *Mistake) start() int {
	if m.Kind == FalsePositive {
		return m.Pred.Start
	}
	return m.Gold.Start
}

// copyGold copies a gold quote, so that a Diagnosis shares no memory with
// the gold set, its text filled in from the article.
func copyGold(q *GoldQuote, text string) *GoldQuote {
	if q == nil {
		return nil
	}
	c := *q
	c.Text = cmp.Or(c.Text, excerpt(text, c.Start, c.End))
	return &c
}

// copyPred copies a prediction, its text filled in from the article.
func copyPred(q *PredQuote, text string) *PredQuote {
	if q == nil {
		return nil
	}
	c := *q
	c.Text = cmp.Or(c.Text, excerpt(text, c.Start, c.End))
	return &c
}

// excerpt is text[start:end], or "" when that is out of range.
func excerpt(text string, start, end int) string {
	if 0 <= start && start < end && end <= len(text) {
		return text[start:end]
	}
	return ""
}

// Format selects how WriteMistakes writes.
type Format int

const (
	// JSONLines writes one JSON object per mistake.
	JSONLines Format = iota
	// Text writes a few readable lines per mistake.
	Text
)

// WriteMistakes writes mistakes for error analysis: as JSON Lines, one
// Mistake per line, or as readable text, a header line per mistake then the
// gold and the predicted quote with their text, speaker and cue.
func WriteMistakes(w io.Writer, mistakes []Mistake, f Format) error {
	if f == JSONLines {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i := range mistakes {
			if err := enc.Encode(&mistakes[i]); err != nil {
				return err
			}
		}
		return nil
	}
	var b strings.Builder
	for _, m := range mistakes {
		b.Reset()
		fmt.Fprintf(&b, "%s %s", m.Article, m.Kind)
		switch {
		case m.Gold != nil && m.Kind != FalsePositive:
			fmt.Fprintf(&b, " [%d,%d) %s", m.Gold.Start, m.Gold.End, m.Gold.Kind)
		case m.Pred != nil:
			fmt.Fprintf(&b, " [%d,%d) %s", m.Pred.Start, m.Pred.End, m.Pred.Kind)
		}
		if m.Kind != Miss && m.Pred != nil {
			fmt.Fprintf(&b, " method %s confidence %.2f", orDash(m.Pred.Method), m.Pred.Confidence)
		}
		if m.WrongMention {
			b.WriteString(" wrong-mention")
		}
		if m.WrongName {
			b.WriteString(" wrong-name")
		}
		b.WriteByte('\n')
		if m.Gold != nil {
			b.WriteString("  gold ")
			writeGold(&b, m.Gold, m.Ref)
			if m.Kind == FalsePositive {
				fmt.Fprintf(&b, " (covered %.0f%%)", 100*m.Overlap)
			}
			b.WriteByte('\n')
		}
		if m.Pred != nil {
			b.WriteString("  pred ")
			if m.Kind == Miss {
				fmt.Fprintf(&b, "[%d,%d) method %s ", m.Pred.Start, m.Pred.End, orDash(m.Pred.Method))
			}
			writePred(&b, m.Pred)
			if m.Kind == Miss {
				fmt.Fprintf(&b, " (covers %.0f%%", 100*m.Overlap)
				if m.Taken {
					b.WriteString(", taken by an earlier gold quote")
				}
				b.WriteByte(')')
			}
			b.WriteByte('\n')
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

func writeGold(b *strings.Builder, q *GoldQuote, ref string) {
	fmt.Fprintf(b, "%q speaker %q", q.Text, q.Speaker)
	if q.SpeakerStart == nil {
		b.WriteString(" (not in the text)")
	}
	if ref != "" && ref != q.Speaker {
		fmt.Fprintf(b, " ref %q", ref)
	}
	fmt.Fprintf(b, " cue %q", q.Cue)
	if !q.CueSpeech {
		b.WriteString(" (not speech)")
	}
}

func writePred(b *strings.Builder, q *PredQuote) {
	fmt.Fprintf(b, "%q", q.Text)
	switch {
	case q.Speaker == nil:
		b.WriteString(" no speaker")
	case q.Speaker.Mention == nil:
		fmt.Fprintf(b, " speaker %q", q.Speaker.Name)
	default:
		m := q.Speaker.Mention
		fmt.Fprintf(b, " speaker %q mention %q [%d,%d)", q.Speaker.Name, m.Text, m.Start, m.End)
	}
	if q.Cue != nil {
		fmt.Fprintf(b, " cue %q", q.Cue.Text)
	} else {
		b.WriteString(" no cue")
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// WriteConfusion writes the confusion summary of a diagnosis: a table of
// what became of each rule's predictions, rules with the most errors first,
// a total, and the misses by gold kind.
func WriteConfusion(w io.Writer, d Diagnosis) error {
	scope := "all attributions"
	if d.SpeechOnly {
		scope = "speech only"
	}
	if _, err := fmt.Fprintf(w, "errors by rule @%s (%s)\n", pyFloat(d.Threshold), scope); err != nil {
		return err
	}
	var total MethodStats
	rows := [][]any{{"method", "predicted", "matched", "uncounted", "false-pos", "wrong-speaker", "wrong-mention", "wrong-name"}}
	row := func(name string, m MethodStats) {
		rows = append(rows, []any{name, m.Predicted, m.Matched, m.Uncounted,
			m.FalsePositives, m.WrongSpeaker, m.WrongMention, m.WrongName})
	}
	for _, m := range d.Methods {
		row(orDash(m.Method), m)
		total.Predicted += m.Predicted
		total.Matched += m.Matched
		total.Uncounted += m.Uncounted
		total.FalsePositives += m.FalsePositives
		total.WrongSpeaker += m.WrongSpeaker
		total.WrongMention += m.WrongMention
		total.WrongName += m.WrongName
	}
	row("total", total)
	// The method column is left-aligned, the counts right-aligned under
	// their headers.
	width := 0
	for _, r := range rows {
		width = max(width, len(r[0].(string)))
	}
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s", width, r[0])
		for i, v := range r[1:] {
			fmt.Fprintf(&b, "  %*v", len(rows[0][i+1].(string)), v)
		}
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	misses := map[string]int{}
	n := 0
	for _, m := range d.Mistakes {
		if m.Kind == Miss {
			misses[m.Gold.Kind]++
			n++
		}
	}
	parts := make([]string, 0, len(misses))
	for _, k := range slices.Sorted(maps.Keys(misses)) {
		parts = append(parts, fmt.Sprintf("%s %d", orDash(k), misses[k]))
	}
	if n == 0 {
		_, err := fmt.Fprintln(w, "misses: 0")
		return err
	}
	_, err := fmt.Fprintf(w, "misses: %d (%s)\n", n, strings.Join(parts, ", "))
	return err
}
