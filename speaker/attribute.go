package speaker

import (
	"sort"
	"strings"

	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/quote"
)

// Option configures Attribute.
type Option interface{ apply(*options) }

type options struct {
	carryParagraphs int
}

type optionFunc func(*options)

func (f optionFunc) apply(o *options) { f(o) }

// WithCarryOver sets how many paragraphs a speaker carries over to quotes
// that have no cue of their own (default 1: the next paragraph). 0 turns
// carry-over off.
func WithCarryOver(paragraphs int) Option {
	return optionFunc(func(o *options) { o.carryParagraphs = paragraphs })
}

// Confidence of each rule when the speaker is named where the rule fired;
// a pronoun or a carried-over speaker lowers it.
var ruleConfidence = map[string]float64{
	string(CueAfterQuote):  0.9,
	string(CueBeforeQuote): 0.9,
	string(CueInsideQuote): 0.9,
	string(ReportedSpeech): 0.85,
	string(AccordingTo):    0.85,
	string(Parenthetical):  0.8,
	string(Signature):      0.85,
	string(Introduced):     0.6,
	string(Interview):      0.6,
}

// Attribute says who said each quote of r: the speaker named at the cue, a
// pronoun resolved to the entity it stands for, or the speaker of the
// paragraph before for a quote with no cue of its own. Quotes whose speaker
// cannot be found get speaker kind Unknown and method "none".
//
// r should come from quote.Find, which keeps the frame of each quote; for a
// Result built by hand the text is analysed again.
func Attribute(r *quote.Result, opts ...Option) *Result {
	o := options{carryParagraphs: 1}
	for _, op := range opts {
		op.apply(&o)
	}
	doc, infos := frame.Of(r)
	if doc == nil || len(infos) != len(r.Quotes) {
		doc, infos = reframe(r)
	}
	a := attributor{doc: doc, opts: &o, byKey: map[string]int{}, latest: map[int]int{}}
	return a.run(r, infos)
}

// reframe analyses a hand-made Result's text again and takes the frames of
// the quotes whose spans agree.
func reframe(r *quote.Result) (*segment.Doc, []frame.Info) {
	fresh := quote.Find(r.Text)
	doc, fi := frame.Of(fresh)
	infos := make([]frame.Info, len(r.Quotes))
	for i, q := range r.Quotes {
		infos[i] = frame.Info{Cue: frame.None, Subject: frame.None, Appositive: frame.None, Addressee: frame.None}
		for k, fq := range fresh.Quotes {
			if fq.Span == q.Span {
				infos[i] = fi[k]
				break
			}
		}
	}
	return doc, infos
}

type attributor struct {
	doc   *segment.Doc
	opts  *options
	ents  []Entity
	byKey map[string]int // normalized name or surname -> entity
	// last lists the entities in the order they spoke, for pronouns.
	last []int
	// people are the persons the text names, in order; filled on first need.
	people      []namedAt
	parsedCache map[string]parsed
	latest      map[int]int // entity -> offset of its latest mention
}

func (a *attributor) text(s frame.Span) string { return a.doc.Text[s.Start:s.End] }

func (a *attributor) paraAt(off int) int {
	ps := a.doc.Paras
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End > off })
	return i
}

func (a *attributor) run(r *quote.Result, infos []frame.Info) *Result {
	res := &Result{Attributions: make([]Attribution, len(r.Quotes))}
	lastPara := -10
	lastSpeaker := (*Speaker)(nil)
	for i, q := range r.Quotes {
		in := infos[i]
		at := Attribution{Quote: q, Method: NoSpeaker}
		if in.Cue.Ok() {
			at.Cue = &Mention{Start: in.Cue.Start, End: in.Cue.End, Text: a.text(in.Cue)}
		}
		if in.Addressee.Ok() {
			at.Addressee = &Mention{Start: in.Addressee.Start, End: in.Addressee.End, Text: a.text(in.Addressee)}
		}
		para := a.paraAt(q.Start)
		switch {
		case in.Subject.Ok():
			sp, method := a.resolve(in)
			at.Speaker = sp
			at.Method = Method(in.Rule)
			at.Confidence = ruleConfidence[in.Rule]
			if in.LeadIn {
				at.Confidence -= 0.05
			}
			if method != "" {
				at.Method = Method(in.Rule + "+" + method)
				at.Confidence -= 0.15
			}
			if sp.Kind == Unknown {
				at.Confidence = 0.3
			}
		case in.Rule == string(Interview) && lastSpeaker != nil:
			// The interviewee: the person the article last quoted or named.
			sp := *lastSpeaker
			sp.Mention = nil
			at.Speaker = &sp
			at.Method = Interview
			at.Confidence = 0.5
		case !in.Cued && lastSpeaker != nil && para-lastPara <= a.opts.carryParagraphs && para >= lastPara:
			sp := *lastSpeaker
			sp.Mention = nil
			at.Speaker = &sp
			at.Method = CarryOver
			at.Confidence = 0.6
		}
		if at.Speaker == nil {
			at.Speaker = &Speaker{Name: "", Kind: Unknown, Entity: -1}
			at.Method = NoSpeaker
			at.Confidence = 0
		}
		if at.Speaker.Entity >= 0 {
			a.ents[at.Speaker.Entity].Quotes++
			lastSpeaker = at.Speaker
			lastPara = a.paraOfQuoteEnd(q)
		}
		res.Attributions[i] = at
	}
	a.expandNames()
	res.Entities = a.finish(res.Attributions)
	return res
}

func (a *attributor) paraOfQuoteEnd(q quote.Quote) int {
	if q.End > 0 {
		return a.paraAt(q.End - 1)
	}
	return a.paraAt(q.Start)
}

// resolve turns a frame's subject into a speaker, creating or finding its
// entity. The second result is "pronoun" when a pronoun was resolved.
func (a *attributor) resolve(in frame.Info) (*Speaker, string) {
	text := a.text(in.Subject)
	m := &Mention{Start: in.Subject.Start, End: in.Subject.End, Text: text}
	p := a.parse(text)
	if p.pronoun != "" {
		e := a.antecedent(p)
		if n, ok := a.namedBefore(in.Subject.Start, p); ok && (e < 0 || a.lastMention(e) < n.at) {
			// The article named someone since its last speaker: "Anna Keller
			// has measured glaciers for 25 years. She spoke to Reuters …"
			e = a.entity(n.parsed)
		}
		if e < 0 {
			return &Speaker{Name: text, Kind: Unknown, Mention: m, Entity: -1}, "pronoun"
		}
		a.note(e, in.Subject)
		return a.speakerOf(e, m), "pronoun"
	}
	if in.Appositive.Ok() && p.title == "" && p.kind == Person {
		// "Hugh Hill, a doctor, said": the appositive is the role.
		p.title = stripArticle(a.text(in.Appositive))
	}
	e := a.entity(p)
	if e < 0 {
		return &Speaker{Name: text, Kind: p.kind, Title: p.title, Affiliation: p.affiliation, Mention: m, Entity: -1}, ""
	}
	a.note(e, in.Subject)
	if text != a.ents[e].Name {
		a.alias(e, text)
	}
	return a.speakerOf(e, m), ""
}

func stripArticle(s string) string {
	for _, p := range []string{"a ", "an ", "the "} {
		if strings.HasPrefix(strings.ToLower(s), p) {
			return s[len(p):]
		}
	}
	return s
}

func (a *attributor) speakerOf(e int, m *Mention) *Speaker {
	en := &a.ents[e]
	return &Speaker{Name: en.Name, Kind: en.Kind, Title: en.Title, Affiliation: en.Affiliation, Mention: m, Entity: e}
}

func (a *attributor) note(e int, s frame.Span) {
	a.ents[e].Mentions = append(a.ents[e].Mentions, quote.Span{Start: s.Start, End: s.End})
	a.latest[e] = max(a.latest[e], s.Start)
	a.last = append(a.last, e)
}

func (a *attributor) alias(e int, text string) {
	if text == a.ents[e].Name {
		return
	}
	for _, x := range a.ents[e].Aliases {
		if x == text {
			return
		}
	}
	a.ents[e].Aliases = append(a.ents[e].Aliases, text)
}

// entity finds the entity a parsed mention names, or makes a new one.
// People merge on their surname ("David Cameron" = "Cameron" = "Mr Cameron")
// and on a bare title ("the prime minister"); other sources on their name.
func (a *attributor) entity(p parsed) int {
	if p.kind == Person && p.name == "" {
		// A role alone: the most recent person with that title.
		for k := len(a.last) - 1; k >= 0; k-- {
			e := a.last[k]
			if a.ents[e].Kind == Person && strings.EqualFold(a.ents[e].Title, p.title) {
				return e
			}
		}
		for e := range a.ents {
			if a.ents[e].Kind == Person && strings.EqualFold(a.ents[e].Title, p.title) {
				return e
			}
		}
		p.name = p.title
	}
	if p.name == "" {
		return -1
	}
	key := strings.ToLower(p.name)
	if p.kind == Person && p.surname != "" {
		sk := "surname:" + strings.ToLower(p.surname)
		if e, ok := a.byKey[sk]; ok && a.compatible(e, p) {
			en := &a.ents[e]
			// A fuller name replaces a shorter one: "Cameron" then "David Cameron".
			if len(p.name) > len(en.Name) && strings.HasSuffix(p.name, en.Name) {
				a.alias(e, en.Name)
				en.Name = p.name
			}
			a.fill(e, p)
			a.byKey[key] = e
			return e
		}
		if e, ok := a.byKey[key]; ok {
			a.fill(e, p)
			return e
		}
		e := a.add(p)
		a.byKey[sk] = e
		a.byKey[key] = e
		return e
	}
	if e, ok := a.byKey[key]; ok {
		a.fill(e, p)
		return e
	}
	e := a.add(p)
	a.byKey[key] = e
	return e
}

// compatible: two people with different given names are not one person.
func (a *attributor) compatible(e int, p parsed) bool {
	en := a.ents[e]
	if en.Kind != Person {
		return false
	}
	if p.given != "" {
		ws := strings.Fields(en.Name)
		if len(ws) >= 2 && !strings.EqualFold(ws[0], p.given) {
			return false
		}
	}
	if p.gender != NoGender && en.Gender != NoGender && p.gender != en.Gender {
		return false
	}
	return true
}

func (a *attributor) fill(e int, p parsed) {
	en := &a.ents[e]
	if en.Title == "" {
		en.Title = p.title
	}
	if en.Affiliation == "" {
		en.Affiliation = p.affiliation
	}
	if en.Gender == NoGender {
		en.Gender = p.gender
	}
}

func (a *attributor) add(p parsed) int {
	a.ents = append(a.ents, Entity{Name: p.name, Kind: p.kind, Title: p.title, Affiliation: p.affiliation, Gender: p.gender})
	return len(a.ents) - 1
}

// antecedent resolves a pronoun to the most recent compatible speaker.
func (a *attributor) antecedent(p parsed) int {
	for k := len(a.last) - 1; k >= 0 && k >= len(a.last)-12; k-- {
		e := a.last[k]
		en := a.ents[e]
		switch p.pronoun {
		case "he", "him", "she", "her", "i", "me":
			if en.Kind == Person && (p.gender == NoGender || en.Gender == NoGender || en.Gender == p.gender) {
				if en.Gender == NoGender && p.gender != NoGender {
					a.ents[e].Gender = p.gender
				}
				return e
			}
		case "they", "them", "we", "us":
			if en.Kind == Group || en.Kind == Organization || en.Kind == Anonymous {
				return e
			}
		case "it":
			if en.Kind == Organization || en.Kind == Document {
				return e
			}
		}
	}
	return -1
}

// finish sorts the entities by their first mention and renumbers the
// attributions' entity indexes to match.
func (a *attributor) finish(ats []Attribution) []Entity {
	order := make([]int, len(a.ents))
	for i := range order {
		order[i] = i
	}
	first := func(e int) int {
		if len(a.ents[e].Mentions) == 0 {
			return 1 << 62
		}
		m := a.ents[e].Mentions[0].Start
		for _, s := range a.ents[e].Mentions {
			m = min(m, s.Start)
		}
		return m
	}
	sort.SliceStable(order, func(i, j int) bool { return first(order[i]) < first(order[j]) })
	newIdx := make([]int, len(a.ents))
	out := make([]Entity, len(a.ents))
	for n, e := range order {
		newIdx[e] = n
		out[n] = a.ents[e]
		sort.Strings(out[n].Aliases)
		sort.Slice(out[n].Mentions, func(i, j int) bool { return out[n].Mentions[i].Start < out[n].Mentions[j].Start })
	}
	for i := range ats {
		if sp := ats[i].Speaker; sp != nil && sp.Entity >= 0 {
			sp.Entity = newIdx[sp.Entity]
			// The entity's final name: a fuller name may have come later.
			sp.Name = out[sp.Entity].Name
			if sp.Title == "" {
				sp.Title = out[sp.Entity].Title
			}
			if sp.Affiliation == "" {
				sp.Affiliation = out[sp.Entity].Affiliation
			}
		}
	}
	return out
}

// expandNames gives a person quoted only by surname ("Putin said") the full
// name the article uses elsewhere ("Russian President Vladimir Putin"), with
// its title and affiliation.
func (a *attributor) expandNames() {
	want := map[string]int{}
	for e := range a.ents {
		en := &a.ents[e]
		if en.Kind == Person && en.Name != "" && !strings.Contains(en.Name, " ") {
			want[en.Name] = e
		}
	}
	if len(want) == 0 {
		return
	}
	d := a.doc
	found := map[int]parsed{}
	ambiguous := map[int]bool{}
	for i := 1; i < len(d.Tokens); i++ {
		t := d.Tokens[i]
		if t.Kind != segment.Word || !t.Is(segment.Upper) {
			continue
		}
		e, ok := want[d.Text[t.Start:t.End]]
		if !ok {
			continue
		}
		// The run of capitalized words (and title dots) that ends here.
		j := i
		for j > 0 && i-j < 6 { // a title and a name are a few words at most
			p := d.Tokens[j-1]
			if p.Para != t.Para || !(p.Kind == segment.Word && p.Is(segment.Upper) || p.Kind == segment.Punct && d.Text[p.Start:p.End] == "." && j-2 >= 0 && d.Tokens[j-2].End == p.Start) {
				break
			}
			j--
		}
		if j == i {
			continue
		}
		run := d.Text[d.Tokens[j].Start:t.End]
		p := a.parse(run)
		if p.kind != Person || p.surname != a.ents[e].Name || !a.compatible(e, p) {
			continue
		}
		if prev, seen := found[e]; seen {
			if prev.name != p.name {
				ambiguous[e] = true // Bill Clinton and Hillary Clinton: leave "Clinton" alone
			}
			continue
		}
		found[e] = p
	}
	for e, p := range found {
		if ambiguous[e] {
			continue
		}
		en := &a.ents[e]
		a.alias(e, en.Name)
		en.Name = p.name
		a.fill(e, p)
		a.byKey[strings.ToLower(p.name)] = e
	}
}

// lastMention is the offset of entity e's latest mention.
func (a *attributor) lastMention(e int) int {
	if l, ok := a.latest[e]; ok {
		return l
	}
	return -1
}

type namedAt struct {
	parsed
	at int
}

// namedBefore finds the nearest person the text names before offset off,
// within a few hundred tokens: a run of two or more capitalized words whose
// given name, title or honorific marks a person of the pronoun's gender.
func (a *attributor) namedBefore(off int, pr parsed) (namedAt, bool) {
	if pr.pronoun != "he" && pr.pronoun != "she" && pr.pronoun != "him" && pr.pronoun != "her" {
		return namedAt{}, false
	}
	if a.people == nil {
		a.scanPeople()
	}
	floor := 0
	if k := sort.Search(len(a.doc.Tokens), func(i int) bool { return int(a.doc.Tokens[i].Start) >= off }) - 300; k > 0 {
		floor = int(a.doc.Tokens[k].Start)
	}
	for k := sort.Search(len(a.people), func(i int) bool { return a.people[i].at >= off }) - 1; k >= 0 && a.people[k].at >= floor; k-- {
		if p := a.people[k]; p.gender == pr.gender || p.gender != NoGender && pr.gender == NoGender {
			return p, true
		}
	}
	return namedAt{}, false
}

// personCue is a cheap test before parsing a run of capitalized words
// [i, j]: one of them is a given name, a title or an honorific.
func (a *attributor) personCue(i, j int) bool {
	// A person's name run starts with its title or honorific, or has a given
	// name first or second ("Russian President Vladimir Putin").
	for k := i; k <= j && k <= i+2; k++ {
		w := a.doc.TokenText(k)
		if maleNames.Has(w) || femaleNames.Has(w) || titles.Has(w) || honorifics.Has(w) {
			return true
		}
	}
	return false
}

// parse is parseMention, remembered per article: the same names come back.
func (a *attributor) parse(text string) parsed {
	if p, ok := a.parsedCache[text]; ok {
		return p
	}
	p := parseMention(text)
	if a.parsedCache == nil {
		a.parsedCache = map[string]parsed{}
	}
	a.parsedCache[text] = p
	return p
}

// scanPeople finds, once per article, every run of two or more capitalized
// words that names a person by given name, title or honorific.
func (a *attributor) scanPeople() {
	a.people = []namedAt{}
	d := a.doc
	for i := 0; i < len(d.Tokens); i++ {
		t := d.Tokens[i]
		if t.Kind != segment.Word || !t.Is(segment.Upper) {
			continue
		}
		j := i
		for j+1 < len(d.Tokens) && d.Tokens[j+1].Kind == segment.Word && d.Tokens[j+1].Is(segment.Upper) && d.Tokens[j+1].Para == t.Para {
			j++
		}
		if j > i && a.personCue(i, j) {
			p := a.parse(d.Text[t.Start:d.Tokens[j].End])
			if p.kind == Person && p.name != "" && p.given != "" {
				a.people = append(a.people, namedAt{parsed: p, at: int(t.Start)})
			}
		}
		i = j
	}
}
