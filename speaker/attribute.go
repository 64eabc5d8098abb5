package speaker

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/quotegraph/quotegraph/internal/fold"
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

// ruleOf is what the rule a frame names gives: the confidence of it when
// the speaker is named where it fired (a pronoun or a carried-over speaker
// lowers it), and its method when the speaker was a pronoun. A rule not
// named here has confidence 0. A switch, which tells strings apart by their
// lengths first, finds the rule in a few comparisons.
func ruleOf(rule string) (confidence float64, viaPronoun Method) {
	switch Method(rule) {
	case CueAfterQuote:
		return 0.9, CueAfterQuote + "+pronoun"
	case CueBeforeQuote:
		return 0.9, CueBeforeQuote + "+pronoun"
	case CueInsideQuote:
		return 0.9, CueInsideQuote + "+pronoun"
	case ReportedSpeech:
		return 0.85, ReportedSpeech + "+pronoun"
	case AccordingTo:
		return 0.85, AccordingTo + "+pronoun"
	case Parenthetical:
		return 0.8, Parenthetical + "+pronoun"
	case Signature:
		return 0.85, Signature + "+pronoun"
	case Introduced:
		return 0.6, Introduced + "+pronoun"
	case Interview:
		return 0.6, Interview + "+pronoun"
	}
	return 0, Method(rule + "+pronoun")
}

// Attribute says who said each quote of r: the speaker named at the cue, a
// pronoun resolved to the entity it stands for, or the speaker of the
// paragraph before for a quote with no cue of its own. Quotes whose speaker
// cannot be found get speaker kind Unknown and method "none".
//
// r should come from quote.Find, which keeps the frame of each quote; for a
// Result built by hand the text is analysed again.
func Attribute(r *quote.Result, opts ...Option) *Result {
	doc, infos := frame.Of(r)
	if doc == nil || len(infos) != len(r.Quotes) {
		doc, infos = reframe(r)
	}
	a := attributors.Get().(*attributor)
	a.doc, a.opts = doc, options{carryParagraphs: 1}
	for _, op := range opts {
		op.apply(&a.opts)
	}
	res := a.run(r, infos)
	a.release()
	attributors.Put(a)
	return res
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

// attributors keeps attributors between runs, so that their maps and
// buffers are reused.
var attributors = sync.Pool{New: func() any {
	seed := rand.Uint64()
	return &attributor{byKey: newTextIndex(true, seed), parsedCache: newTextIndex(false, seed), want: newTextIndex(false, seed)}
}}

type attributor struct {
	doc  *segment.Doc
	opts options
	// ents are the entities met so far; their Mentions and Aliases stay in
	// notes until finish copies them out.
	ents  []Entity
	notes []entityNotes
	byKey textIndex // name or surname, in any case -> entity: see keyOf
	// keys holds the byKey keys that are not pieces of the text, so that
	// they are allocated together; keyBuf is where keyOf lowers one.
	keys       strings.Builder
	keysWanted int // the room keys is first given
	keyBuf     []byte
	// last lists the entities in the order they spoke, for pronouns.
	last []int
	// people are the persons the text names, in order; filled on first need.
	people        []namedAt
	peopleScanned bool
	walked        int // tokens namedBefore walked back over
	// parsedCache indexes parsed by the mentions' texts.
	parsedCache textIndex
	lastPara    int // the paragraph paraAt found last
	parsed      []parsed
	mentions    mentionParser
	// want, wanted and found serve expandNames; order and newIdx serve
	// finish.
	want   textIndex
	wanted []int
	found  []fullName
	order  []ranked
	newIdx []int
}

// entityNotes is what a run notes of one entity beside its Entity.
type entityNotes struct {
	mentions []quote.Span // where the entity is named, in the order noted
	aliases  []string
	latest   int // the offset of its latest mention, -1 before the first
	first    int // the offset of its first mention, 1<<62 before it
}

// release empties the attributor for the next run, keeping its buffers but
// no reference into this run's text.
func (a *attributor) release() {
	a.doc, a.lastPara = nil, 0
	clear(a.ents)
	a.ents = a.ents[:0]
	for i := range a.notes {
		clear(a.notes[i].aliases)
	}
	a.notes = a.notes[:0]
	a.byKey.reset()
	a.keys.Reset()
	a.last = a.last[:0]
	clear(a.people)
	a.people, a.peopleScanned, a.walked = a.people[:0], false, 0
	a.mentions.text = ""
	a.parsedCache.reset()
	clear(a.parsed)
	a.parsed = a.parsed[:0]
	clear(a.mentions.words[:a.mentions.mostWords])
	a.mentions.mostWords = 0
	a.want.reset()
	clear(a.found)
	a.found = a.found[:0]
}

func (a *attributor) text(s frame.Span) string { return a.doc.Text[s.Start:s.End] }

// paraAt is the index of the paragraph at offset off: the first that ends
// after it. Quotes come in order, so the answer is mostly the last one or
// one a few paragraphs on, which a step at a time finds; only a paragraph
// further on or before it is searched for.
func (a *attributor) paraAt(off int) int {
	ps := a.doc.Paras
	i := a.lastPara
	if i > len(ps) || i > 0 && ps[i-1].End > off {
		i = 0 // before the last one: search them all
	}
	// Paragraph i is the one when it ends after off; the one before it
	// does not.
	for steps := 0; i < len(ps) && ps[i].End <= off; i++ {
		if steps++; steps == 8 {
			i += sort.Search(len(ps)-i, func(k int) bool { return ps[i+k].End > off })
			break
		}
	}
	a.lastPara = i
	return i
}

func (a *attributor) run(r *quote.Result, infos []frame.Info) *Result {
	res := &Result{Attributions: make([]Attribution, len(r.Quotes))}
	// Every attribution has one speaker; the mentions are counted so that
	// one allocation holds them all and pointers into it stay valid.
	speakers := make([]Speaker, len(r.Quotes))
	n := 0
	a.keysWanted = 0
	for i := range infos {
		in := &infos[i]
		if in.Cue.Ok() {
			n++
		}
		if in.Addressee.Ok() {
			n++
		}
		if in.Subject.Ok() {
			n++
			// Room for the name and surname keys a subject may add: only
			// names outside ASCII are lowered there, and seldom both.
			a.keysWanted += in.Subject.End - in.Subject.Start
		}
	}
	mentions := make([]Mention, 0, n)
	mention := func(s frame.Span) *Mention {
		mentions = append(mentions, Mention{Start: s.Start, End: s.End, Text: a.text(s)})
		return &mentions[len(mentions)-1]
	}
	lastPara := -10
	lastSpeaker := (*Speaker)(nil)
	for i := range r.Quotes {
		q, in := &r.Quotes[i], &infos[i]
		at := &res.Attributions[i]
		at.Quote, at.Method = *q, NoSpeaker
		if in.Cue.Ok() {
			at.Cue = mention(in.Cue)
		}
		if in.Addressee.Ok() {
			at.Addressee = mention(in.Addressee)
		}
		sp := &speakers[i]
		para := a.paraAt(q.Start)
		switch {
		case in.Subject.Ok():
			pronoun := a.resolve(in, mention(in.Subject), sp)
			at.Speaker = sp
			confidence, viaPronoun := ruleOf(in.Rule)
			at.Method = Method(in.Rule)
			at.Confidence = confidence
			if in.LeadIn {
				at.Confidence -= 0.05
			}
			if pronoun {
				at.Method = viaPronoun
				at.Confidence -= 0.15
			}
			if sp.Kind == Unknown {
				at.Confidence = 0.3
			}
		case in.Rule == string(Interview) && lastSpeaker != nil:
			// The interviewee: the person the article last quoted or named.
			*sp = *lastSpeaker
			sp.Mention = nil
			at.Speaker = sp
			at.Method = Interview
			at.Confidence = 0.5
		case !in.Cued && lastSpeaker != nil && para-lastPara <= a.opts.carryParagraphs && para >= lastPara:
			*sp = *lastSpeaker
			sp.Mention = nil
			at.Speaker = sp
			at.Method = CarryOver
			at.Confidence = 0.6
		}
		if at.Speaker == nil {
			*sp = Speaker{Name: "", Kind: Unknown, Entity: -1}
			at.Speaker = sp
			at.Method = NoSpeaker
			at.Confidence = 0
		}
		if at.Speaker.Entity >= 0 {
			a.ents[at.Speaker.Entity].Quotes++
			lastSpeaker = at.Speaker
			if ps := a.doc.Paras; para < len(ps) && q.End <= ps[para].End {
				lastPara = para // the quote ends in the paragraph it starts in
			} else {
				lastPara = a.paraOfQuoteEnd(q)
			}
		}
	}
	a.expandNames()
	res.Entities = a.finish(res.Attributions)
	return res
}

func (a *attributor) paraOfQuoteEnd(q *quote.Quote) int {
	if q.End > 0 {
		return a.paraAt(q.End - 1)
	}
	return a.paraAt(q.Start)
}

// resolve turns a frame's subject, named by m, into speaker sp, creating
// or finding its entity. pronoun is set when a pronoun was resolved.
func (a *attributor) resolve(in *frame.Info, m *Mention, sp *Speaker) (pronoun bool) {
	text := m.Text
	p := a.parse(text)
	if p.pronounCode != 0 {
		e := a.antecedent(p)
		after := -1 // a person named since e was last mentioned is the one
		if e >= 0 {
			after = a.lastMention(e)
		}
		if n, ok := a.namedBefore(in.Subject.Start, after, p); ok {
			// The article named someone since its last speaker: "Anna Keller
			// has measured glaciers for 25 years. She spoke to Reuters …"
			e = a.entity(&n.parsed)
		}
		if e < 0 {
			*sp = Speaker{Name: text, Kind: Unknown, Mention: m, Entity: -1}
			return true
		}
		a.note(e, in.Subject)
		a.speakerOf(e, m, sp)
		return true
	}
	if in.Appositive.Ok() && p.title == "" && p.kindCode == personKind {
		// "Hugh Hill, a doctor, said": the appositive is the role; p, the
		// parse of the mention, is shared, and so copied.
		withRole := *p
		withRole.title = stripArticle(a.text(in.Appositive))
		p = &withRole
	}
	e := a.entity(p)
	if e < 0 {
		*sp = Speaker{Name: text, Kind: p.kind(), Title: p.title, Affiliation: p.affiliation, Mention: m, Entity: -1}
		return false
	}
	a.note(e, in.Subject)
	if text != a.ents[e].Name {
		a.alias(e, text)
	}
	a.speakerOf(e, m, sp)
	return false
}

func stripArticle(s string) string {
	for _, p := range []string{"a ", "an ", "the "} {
		if fold.HasLowerPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}

// speakerOf makes sp entity e, named by m.
func (a *attributor) speakerOf(e int, m *Mention, sp *Speaker) {
	// Field by field: a whole struct is copied with a bulk write barrier
	// while the collector runs, which costs more than one for each field.
	en := &a.ents[e]
	sp.Name, sp.Kind, sp.Title, sp.Affiliation = en.Name, en.Kind, en.Title, en.Affiliation
	sp.Mention, sp.Entity = m, e
}

func (a *attributor) note(e int, s frame.Span) {
	n := &a.notes[e]
	n.mentions = append(n.mentions, quote.Span{Start: s.Start, End: s.End})
	n.latest, n.first = max(n.latest, s.Start), min(n.first, s.Start)
	a.last = append(a.last, e)
}

func (a *attributor) alias(e int, text string) {
	if text == a.ents[e].Name {
		return
	}
	n := &a.notes[e]
	for _, x := range n.aliases {
		if x == text {
			return
		}
	}
	n.aliases = append(n.aliases, text)
}

// nameKey is a byKey key: a name, or a surname; and its hash, as a name's
// keys are looked up and filed several times.
type nameKey struct {
	tag  uint8 // 1 for a surname
	text string
	hash uint64
}

// keyOf is the byKey key of a name (a surname when surname is set), which
// is known to be ASCII when ascii is set, and whose byKey hash is hashed,
// when known (else 0). People
// and bodies are filed under their names lowered, surnames apart from
// names: "surname:" and the surname lowered. byKey folds the case of ASCII
// letters itself, so the key of an ASCII name is the name, a piece of the
// text; only a name with other runes is lowered, in keys, where all the
// run's lowered keys are allocated together. A name that, lowered, starts
// with "surname:" is the surname after it, as it always was.
func (a *attributor) keyOf(name string, surname, ascii bool, hashed uint64) nameKey {
	k := nameKey{text: name}
	if surname {
		k.tag = 1
	}
	if !ascii && !fold.IsASCII(name) {
		a.keyBuf = fold.AppendLower(a.keyBuf[:0], name)
		if string(a.keyBuf) != name {
			if a.keys.Cap() == 0 {
				a.keys.Grow(a.keysWanted)
			}
			from := a.keys.Len()
			a.keys.Write(a.keyBuf)
			k.text = a.keys.String()[from:]
			hashed = 0
		}
	}
	const prefix = "surname:"
	if !surname && len(k.text) >= len(prefix) && k.text[len(prefix)-1] == ':' && equalFold(k.text[:len(prefix)], prefix) {
		k.tag, k.text, hashed = 1, k.text[len(prefix):], 0
	}
	if hashed == 0 {
		hashed = a.byKey.hash(k.text)
	}
	k.hash = tagHash(hashed, k.tag)
	return k
}

// keySlot is the byKey slot of key k.
func (a *attributor) keySlot(k *nameKey) *textSlot { return a.byKey.taggedSlot(k.hash, k.tag, k.text) }

// keyed is the entity key k names, if any.
func (a *attributor) keyed(k *nameKey) (int, bool) {
	s := a.keySlot(k)
	return int(s.val), s.full
}

// setKey makes key k name entity e.
func (a *attributor) setKey(k *nameKey, e int) { a.byKey.put(a.keySlot(k), k.text, e) }

// entity finds the entity a parsed mention names, or makes a new one.
// People merge on their surname ("David Cameron" = "Cameron" = "Mr Cameron")
// and on a bare title ("the prime minister"); other sources on their name.
// p is passed by pointer, as are the parsed mentions below: they are large
// enough that copying them cost more than the rest of the call.
func (a *attributor) entity(p *parsed) int {
	if p.kindCode == personKind && p.name == "" {
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
		named := *p
		named.name, named.ascii, named.nameHash = p.title, false, 0 // an appositive may have given the title
		p = &named
	}
	if p.name == "" {
		return -1
	}
	nameKey := a.keyOf(p.name, false, p.ascii, p.nameHash)
	if p.kindCode == personKind && p.surname != "" {
		surnameKey := a.keyOf(p.surname, true, p.ascii, 0)
		// The slots of both keys are found once, for the look-up and for
		// filing a new person under them: room is made first, so that
		// neither moves.
		a.byKey.reserve(2)
		bySurname := a.keySlot(&surnameKey)
		if e := int(bySurname.val); bySurname.full && a.compatible(e, p) {
			en := &a.ents[e]
			// A fuller name replaces a shorter one: "Cameron" then "David Cameron".
			if len(p.name) > len(en.Name) && strings.HasSuffix(p.name, en.Name) {
				a.alias(e, en.Name)
				en.Name = p.name
			}
			a.fill(e, p)
			if old, ok := a.keyed(&nameKey); !ok || old != e {
				a.setKey(&nameKey, e)
			}
			return e
		}
		byName := a.keySlot(&nameKey)
		if e := int(byName.val); byName.full {
			a.fill(e, p)
			return e
		}
		e := a.add(p)
		a.byKey.put(byName, nameKey.text, e)
		if bySurname == byName {
			// Both keys were missing and probed to one empty slot, which
			// now holds the name: the surname goes on to the next.
			bySurname = a.keySlot(&surnameKey)
		}
		a.byKey.put(bySurname, surnameKey.text, e)
		return e
	}
	byName := a.keySlot(&nameKey)
	if byName.full {
		e := int(byName.val)
		a.fill(e, p)
		return e
	}
	e := a.add(p)
	a.byKey.put(byName, nameKey.text, e) // the slot found is still the key's: no key came in since
	return e
}

// compatible: two people with different given names are not one person.
func (a *attributor) compatible(e int, p *parsed) bool {
	en := &a.ents[e]
	if en.Kind != Person {
		return false
	}
	if p.given != "" {
		if first, more := firstOfFields(en.Name); more && !strings.EqualFold(first, p.given) {
			return false
		}
	}
	if g := p.gender(); g != NoGender && en.Gender != NoGender && g != en.Gender {
		return false
	}
	return true
}

// firstOfFields is strings.Fields(s)[0], and whether a second field follows.
func firstOfFields(s string) (first string, more bool) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		return s, false
	}
	return s[:end], strings.TrimLeftFunc(s[end:], unicode.IsSpace) != ""
}

func (a *attributor) fill(e int, p *parsed) {
	en := &a.ents[e]
	if en.Title == "" {
		en.Title = p.title
	}
	if en.Affiliation == "" {
		en.Affiliation = p.affiliation
	}
	if en.Gender == NoGender {
		en.Gender = p.gender()
	}
}

func (a *attributor) add(p *parsed) int {
	a.ents = append(a.ents, Entity{Name: p.name, Kind: p.kind(), Title: p.title, Affiliation: p.affiliation, Gender: p.gender()})
	if len(a.notes) < cap(a.notes) {
		a.notes = a.notes[:len(a.notes)+1]
	} else {
		a.notes = append(a.notes, entityNotes{})
	}
	n := &a.notes[len(a.notes)-1]
	n.mentions, n.aliases, n.latest, n.first = n.mentions[:0], n.aliases[:0], -1, 1<<62
	return len(a.ents) - 1
}

// antecedent resolves a pronoun to the most recent compatible speaker.
func (a *attributor) antecedent(p *parsed) int {
	pronoun, gender := p.pronoun(), p.gender()
	for k := len(a.last) - 1; k >= 0 && k >= len(a.last)-12; k-- {
		e := a.last[k]
		en := &a.ents[e]
		switch pronoun {
		case "he", "him", "she", "her", "i", "me":
			if en.Kind == Person && (gender == NoGender || en.Gender == NoGender || en.Gender == gender) {
				if en.Gender == NoGender && gender != NoGender {
					en.Gender = gender
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
// attributions' entity indexes to match. Each entity's mentions and aliases
// are cut from one allocation for all.
func (a *attributor) finish(ats []Attribution) []Entity {
	order := slices.Grow(a.order[:0], len(a.ents))[:len(a.ents)]
	a.order = order
	nMentions, nAliases := 0, 0
	for e := range order {
		n := &a.notes[e]
		order[e] = ranked{e, n.first}
		nMentions += len(n.mentions)
		nAliases += len(n.aliases)
	}
	// Entities are mostly made at their first mention, so in order already.
	byFirst := func(x, y ranked) int { return cmp.Compare(x.first, y.first) }
	if !slices.IsSortedFunc(order, byFirst) {
		slices.SortStableFunc(order, byFirst)
	}
	spans := make([]quote.Span, 0, nMentions)
	aliases := make([]string, 0, nAliases)
	newIdx := slices.Grow(a.newIdx[:0], len(a.ents))[:len(a.ents)]
	a.newIdx = newIdx
	out := make([]Entity, len(a.ents))
	for n, r := range order {
		newIdx[r.e] = n
		out[n] = a.ents[r.e]
		notes := &a.notes[r.e]
		if len(notes.aliases) > 0 {
			aliases, out[n].Aliases = appendPiece(aliases, notes.aliases, slices.Sort[[]string])
		}
		if len(notes.mentions) > 0 {
			spans, out[n].Mentions = appendPiece(spans, notes.mentions, sortByStart)
		}
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

// appendPiece appends xs, which are some, to all, and returns all and the
// piece of it that holds xs, sorted by sort. Most entities have one mention
// and no alias or one: one is appended without a call to copy or sort it.
func appendPiece[T any](all, xs []T, sort func([]T)) (_, piece []T) {
	if len(xs) == 1 {
		all = append(all, xs[0])
		return all, all[len(all)-1 : len(all) : len(all)]
	}
	all = append(all, xs...)
	piece = all[len(all)-len(xs) : len(all) : len(all)]
	sort(piece)
	return all, piece
}

// ranked is an entity and the offset of its first mention.
type ranked struct{ e, first int }

// sortByStart sorts spans by their start. Spans mostly come in order, and
// then are left as they are; otherwise they are sorted as they always were,
// since an unstable sort may order two spans with one start either way.
func sortByStart(spans []quote.Span) {
	for i := 1; i < len(spans); i++ {
		if p, s := spans[i-1], spans[i]; p.Start > s.Start || p.Start == s.Start && p != s {
			sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
			return
		}
	}
}

// fullName is what expandNames found for one entity.
type fullName struct {
	parsed
	found, ambiguous bool
}

// nameSieve passes over most words that are none of a few names without a
// lookup: a bit for the length and the first and last bytes of each name
// (a one-hash Bloom filter).
type nameSieve [16]uint64

// sieveBit is the bit of the word text[start:end], which is not empty.
func sieveBit(text string, start, end int) uint {
	return (uint(end-start)*257 + uint(text[start])*31 + uint(text[end-1])) % 1024
}

func (s *nameSieve) add(w string) { b := sieveBit(w, 0, len(w)); s[b/64] |= 1 << (b % 64) }

// mayHold reports whether the word text[start:end] may be one of the names;
// it takes the word's bounds, not the word, as the scan of every
// capitalized word costs less so.
func (s *nameSieve) mayHold(text string, start, end int) bool {
	b := sieveBit(text, start, end)
	return s[b/64]&(1<<(b%64)) != 0
}

// expandNames gives a person quoted only by surname ("Putin said") the full
// name the article uses elsewhere ("Russian President Vladimir Putin"), with
// its title and affiliation.
func (a *attributor) expandNames() {
	// want numbers the names it holds in the order of wanted, the
	// entities they name, and found is by that number.
	want := &a.want
	wanted := a.wanted[:0]
	var sieve nameSieve
	for e := range a.ents {
		en := &a.ents[e]
		if en.Kind == Person && en.Name != "" && !strings.Contains(en.Name, " ") {
			want.put(want.slot(en.Name), en.Name, len(wanted))
			wanted = append(wanted, e)
			sieve.add(en.Name)
		}
	}
	a.wanted = wanted
	if want.used == 0 {
		return
	}
	found := append(a.found[:0], make([]fullName, len(wanted))...)
	a.found = found
	d := a.doc
	toks := d.Tokens
	before := int32(-1) // the capitalized word before ui
	for _, ui := range a.upperWords() {
		i := int(ui)
		afterUpper := before == ui-1
		before = ui
		// Only a word after a capitalized word or a dot may end a run of
		// two or more (below); the list of capitalized words says whether
		// the word before is one.
		if i <= 0 || i >= len(toks) || !afterUpper && toks[i-1].Kind != segment.Punct ||
			!sieve.mayHold(d.Text, int(toks[i].Start), int(toks[i].End)) {
			continue
		}
		t := toks[i]
		w, ok := want.get(d.Text[t.Start:t.End])
		if !ok {
			continue
		}
		e := wanted[w]
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
		if p.kindCode != personKind || p.surname != a.ents[e].Name || !a.compatible(e, p) {
			continue
		}
		if f := &found[w]; f.found {
			if f.name != p.name {
				f.ambiguous = true // Bill Clinton and Hillary Clinton: leave "Clinton" alone
			}
			continue
		}
		found[w] = fullName{parsed: *p, found: true}
	}
	for w, e := range wanted {
		f := &found[w]
		if !f.found || f.ambiguous {
			continue
		}
		en := &a.ents[e]
		a.alias(e, en.Name)
		en.Name = f.name
		a.fill(e, &f.parsed)
		k := a.keyOf(f.name, false, f.ascii, f.nameHash)
		a.setKey(&k, e)
	}
}

// lastMention is the offset of entity e's latest mention, -1 if none.
func (a *attributor) lastMention(e int) int { return a.notes[e].latest }

type namedAt struct {
	parsed
	at int
}

// namedBefore finds the nearest person the text names before offset off,
// within a few hundred tokens: a run of two or more capitalized words whose
// given name, title or honorific marks a person of the pronoun's gender.
// Only a run that starts after offset after counts (-1: any): a person
// named before the last mention of the pronoun's antecedent is not asked
// for, and is not looked for.
//
// It walks back from off, run by run, and usually meets the person within a
// few dozen tokens. Once such walks add up to the length of the text (many
// pronouns, few names), it lists the people of the whole text once instead
// and searches the list.
func (a *attributor) namedBefore(off, after int, pr *parsed) (namedAt, bool) {
	if w := pr.pronoun(); w != "he" && w != "she" && w != "him" && w != "her" {
		return namedAt{}, false
	}
	toks := a.doc.Tokens
	k := a.doc.TokenFrom(off)
	// The runs that count start at token lowest or later, before token k.
	lowest := max(k-300, 0)
	if after >= 0 {
		// Only runs that start after offset after: the walk stops there.
		if lowest = max(lowest, a.doc.TokenFrom(after+1)); lowest >= k {
			return namedAt{}, false
		}
	}
	if !a.peopleScanned && a.walked < len(toks) {
		return a.walkBack(k, lowest, pr.gender())
	}
	if !a.peopleScanned {
		a.scanPeople()
	}
	floor := 0
	if lowest > 0 {
		floor = int(toks[lowest].Start)
	}
	for k := sort.Search(len(a.people), func(i int) bool { return a.people[i].at >= off }) - 1; k >= 0 && a.people[k].at >= floor; k-- {
		if p := &a.people[k]; fits(&p.parsed, pr.gender()) {
			return *p, true
		}
	}
	return namedAt{}, false
}

// fits reports whether a pronoun of gender g may stand for person p.
func fits(p *parsed, g Gender) bool {
	return p.gender() == g || p.genderCode != 0 && g == NoGender
}

// walkBack looks at the runs of capitalized words that start at tokens
// [lowest, k), the last first, for a person that fits a pronoun of gender g.
func (a *attributor) walkBack(k, lowest int, g Gender) (namedAt, bool) {
	toks := a.doc.Tokens
	upper := a.upperWords()
	// upper[u] is the last capitalized word before token k.
	u, _ := slices.BinarySearch(upper, int32(k))
	u--
	reached := k
	for u >= 0 && int(upper[u]) >= lowest {
		// upper[u] is in a run: find its first and last words.
		first, last := u, u
		for first > 0 && upper[first-1] == upper[first]-1 && toks[upper[first-1]].Para == toks[upper[u]].Para {
			first--
		}
		for last+1 < len(upper) && upper[last+1] == upper[last]+1 && toks[upper[last+1]].Para == toks[upper[u]].Para {
			last++
		}
		reached = int(upper[first])
		if reached < lowest {
			break // this run and all before it start too early
		}
		// A run of one word names nobody by given name and title: most are
		// passed over without a call (that returns an empty person).
		if last > first {
			if p, ok := a.personAt(reached, int(upper[last])); ok && fits(&p.parsed, g) {
				a.walked += k - reached
				return p, true
			}
		}
		u = first - 1
	}
	a.walked += k - lowest
	return namedAt{}, false
}

// personAt parses the run of capitalized words [i, j] when it may name a
// person, and returns the person when it is one named with a given name.
func (a *attributor) personAt(i, j int) (namedAt, bool) {
	if j > i && a.personCue(i, j) {
		d := a.doc
		p := a.parse(d.Text[d.Tokens[i].Start:d.Tokens[j].End])
		if p.kindCode == personKind && p.name != "" && p.given != "" {
			return namedAt{parsed: *p, at: int(d.Tokens[i].Start)}, true
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
		if factsOf(a.doc.TokenText(k)).is&(maleNameList|femaleNameList|titleList|honorificList) != 0 {
			return true
		}
	}
	return false
}

// parse is parseMention, remembered per article: the same names come back.
// (Parsing afresh each time is some 7% faster on newswire, where a quarter
// come back, as copying the parsed mentions in and clearing them out costs
// write barriers; but it is a third slower on texts that repeat themselves.)
// The parse is shared, not copied: the caller must not change it. It stays
// as it is until release, even when a later parse moves a.parsed.
func (a *attributor) parse(text string) *parsed {
	h := a.parsedCache.hash(text)
	s := a.parsedCache.taggedSlot(h, 0, text)
	if s.full {
		return &a.parsed[s.val]
	}
	a.parsedCache.put(s, text, len(a.parsed))
	a.parsed = append(a.parsed, parsed{})
	p := &a.parsed[len(a.parsed)-1]
	a.mentions.parse(text, p)
	p.ascii = a.mentions.ascii
	if p.name == text {
		p.nameHash = h
	}
	return p
}

// scanPeople finds, once per article, every run of two or more capitalized
// words that names a person by given name, title or honorific.
func (a *attributor) scanPeople() {
	a.peopleScanned = true
	d := a.doc
	upper := a.upperWords()
	for n := 0; n < len(upper); n++ {
		i := int(upper[n])
		t := d.Tokens[i]
		// The run goes on while the next token is a capitalized word of the
		// same paragraph.
		m := n
		for m+1 < len(upper) && upper[m+1] == upper[m]+1 && d.Tokens[upper[m+1]].Para == t.Para {
			m++
		}
		if p, ok := a.personAt(i, int(upper[m])); ok {
			a.people = append(a.people, p)
		}
		n = m
	}
}

// upperWords indexes the tokens that are capitalized words, in order, as
// the segmenter noted them; the scans for names look at no others.
func (a *attributor) upperWords() []int32 { return a.doc.Uppers }
