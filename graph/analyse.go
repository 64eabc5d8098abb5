package graph

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/speaker"
)

// batch is what one article adds to a graph: its vertices and edges, ready
// to be merged in sorted order.
type batch struct {
	article string
	nodes   map[string]*node
	edges   map[edgeKey]*relEdge
	errs    ErrorList
}

type edgeKey struct {
	source, target string
	rel            Relation
}

// ref is an entity of the article: a speaker, a person the narration names,
// an addressee.
type ref struct {
	id, label, title, affil string
	kind                    speaker.Kind
	bare                    bool // a person known by one name only
}

// mention is a stretch of tokens [first, last) that names a ref.
type mention struct {
	first, last int
	ref         int
	pronoun     bool
}

// art is the working state of one article's analysis.
type art struct {
	id, text string
	doc      *segment.Doc
	l        *lists
	o        *options

	inQuote []bool          // per token
	initial []bool          // per token: first word of a sentence, or after a mark or colon
	boiler  []bool          // per sentence
	midCaps map[string]bool // words with a capital that is no sentence's first

	refs     []ref
	refOf    map[string]int    // ref index by ID
	entRef   []int             // ref of each speaker.Entity; -1 for none
	names    phrases           // the names of the refs
	mentions []mention         // sorted by first token
	acr      phrases           // acronyms defined in the article -> topic label
	words    tokenWords        // every token's word, folded and looked up once
	topicIDs map[string]string // TopicID by label, made once per article
	seen     map[string]bool   // the topics of one quote
	people   peopleScratch

	b *batch
}

// analyse reads one article into a batch. It never fails: attributions with
// spans outside the text are left out and reported.
func analyse(in Article, o *options) *batch {
	a, atts := newArt(in, o)
	for _, at := range atts {
		a.attribution(at)
	}
	a.narration()
	b := a.b
	a.release()
	return b
}

// arts keeps the working state of finished analyses, so that the next
// article reuses its buffers and maps.
var arts = sync.Pool{New: func() any {
	return &art{doc: &segment.Doc{}, refOf: map[string]int{}, midCaps: map[string]bool{}, topicIDs: map[string]string{}, seen: map[string]bool{}}
}}

// release empties a and puts it back into the pool. Nothing of the article
// stays reachable from it.
func (a *art) release() {
	a.id, a.text, a.l, a.o, a.b = "", "", nil, nil, nil
	a.doc.Reset("")
	clear(a.refOf)
	clear(a.midCaps)
	clear(a.topicIDs)
	clear(a.seen)
	clear(a.refs)
	a.refs = a.refs[:0]
	a.mentions = a.mentions[:0]
	a.names.reset()
	a.acr.reset()
	a.people.reset()
	arts.Put(a)
}

// newArt segments an article and finds its quotes, acronyms and entities.
func newArt(in Article, o *options) (*art, []*speaker.Attribution) {
	a := arts.Get().(*art)
	a.id, a.text, a.l, a.o = in.ID, in.Text, o.lists, o
	a.b = &batch{article: in.ID, nodes: map[string]*node{}, edges: map[edgeKey]*relEdge{}}
	a.doc.Reset(in.Text)
	a.people.reset()
	a.foldTokens()
	atts := a.validAttributions(in.Attributions)
	a.markQuotes(atts)
	a.markInitials()
	a.markBoilerplate()
	a.findAcronyms()
	a.findEntities(in.Entities)
	return a, atts
}

// validAttributions drops attributions whose spans do not fit the text.
func (a *art) validAttributions(atts []speaker.Attribution) []*speaker.Attribution {
	out := make([]*speaker.Attribution, 0, len(atts))
	for i := range atts {
		at := &atts[i]
		if at.Start < 0 || at.End > len(a.text) || at.Start > at.End {
			a.b.errs.Add(a.id+": attribution "+strconv.Itoa(i), "span [%d,%d) outside the text of %d bytes", at.Start, at.End, len(a.text))
			continue
		}
		if at.Confidence < a.o.minConfidence {
			continue
		}
		out = append(out, at)
	}
	return out
}

// tokens returns the tokens [lo, hi) that lie inside the byte range [s, e).
func (a *art) tokens(s, e int) (lo, hi int) {
	ts := a.doc.Tokens
	lo, hi = a.doc.TokenFrom(s), a.doc.TokenFrom(e)
	for hi > lo && int(ts[hi-1].End) > e {
		hi--
	}
	return lo, hi
}

func (a *art) markQuotes(atts []*speaker.Attribution) {
	a.inQuote = resize(a.inQuote, len(a.doc.Tokens))
	for _, at := range atts {
		lo, hi := a.tokens(at.Start, at.End)
		for i := lo; i < hi; i++ {
			a.inQuote[i] = true
		}
	}
}

// word returns the text of token i without a possessive ending.
func (a *art) word(i int) string {
	return stripPossessive(a.doc.TokenText(i))
}

func (a *art) isWord(i int) bool { return a.doc.Tokens[i].Kind == segment.Word }

func (a *art) isPunct(i int, p string) bool {
	return a.doc.Tokens[i].Kind == segment.Punct && a.doc.TokenText(i) == p
}

// markInitials finds the words whose capital says nothing: the first word
// of a sentence, and a word after a quotation mark, a colon or a dash. It
// also notes the words written with a capital elsewhere.
func (a *art) markInitials() {
	ts := a.doc.Tokens
	a.initial = resize(a.initial, len(ts))
	for _, s := range a.doc.Sents {
		first := true
		for i := s.First; i < s.Last; i++ {
			t := ts[i]
			if t.Kind != segment.Word {
				if t.Kind == segment.Mark || strings.ContainsAny(a.doc.TokenText(i), ":;(—–-") {
					first = true
				}
				continue
			}
			a.initial[i] = first
			if !first && t.Is(segment.Upper) {
				a.midCaps[a.word(i)] = true
			}
			first = false
		}
	}
}

// markBoilerplate flags the sentences that are page furniture.
func (a *art) markBoilerplate() {
	a.boiler = resize(a.boiler, len(a.doc.Sents))
	for si, s := range a.doc.Sents {
		for i := s.First; i < s.Last; i++ {
			if a.words.rawInfo[i].starts&inBoiler == 0 {
				continue
			}
			if n, _ := a.l.boiler.Longest(s.Last-i, func(k int) string { return a.doc.TokenText(i + k) }); n > 0 {
				a.boiler[si] = true
				break
			}
		}
	}
}

func (a *art) boilerAt(i int) bool { return a.boiler[a.doc.SentOf[i]] }

// nameWord reports whether token i can be part of a name, and which bytes of
// it are: all of "Cameron", "al-Assad" and "G-20"; "UN" of "UN-brokered";
// "Paris" of "post-Paris". cut says the name cannot go on past this token.
// The rules ask it again and again of a token: foldTokens works it out once.
func (a *art) nameWord(i int) (s, e int, cut, ok bool) {
	nw := a.words.name[i]
	return int(nw.start), int(nw.end), nw.cut, nw.ok
}

// readNameWord is nameWord, worked out.
func (a *art) readNameWord(i int) (s, e int, cut, ok bool) {
	t := a.doc.Tokens[i]
	if t.Kind != segment.Word {
		return 0, 0, false, false
	}
	w := a.doc.TokenText(i)
	s, e = int(t.Start), int(t.End)
	upper := t.Is(segment.Upper)
	if contraction(w) {
		return 0, 0, false, false // I'm, We've, Don't
	}
	if strings.IndexByte(w, '-') < 0 {
		return s, e, false, upper
	}
	if !upper {
		p, rest, _ := strings.Cut(w, "-")
		switch {
		case a.l.particles.Has(p) && isUpper(rest):
			// al-Assad: the whole word.
		default:
			k := upperPart(w)
			if k < 0 {
				return 0, 0, false, false
			}
			s += k
			w = w[k:]
		}
	}
	// Cut before a lower-case part: UN-brokered.
	for k := 0; k < len(w); k++ {
		if w[k] == '-' && k+1 < len(w) && !isUpper(w[k+1:]) && !isDigit(w[k+1]) {
			return s, s + k, true, true
		}
	}
	return s, e, false, true
}

// contraction reports whether w has an apostrophe followed by lower-case
// letters other than a possessive s: "I'm", "we've", "don't", but not
// "O'Brien" or "Russia's".
func contraction(w string) bool {
	// The first apostrophe, straight or curly, decides.
	k, n := strings.IndexByte(w, '\''), 1
	if c := strings.Index(w, "’"); c >= 0 && (k < 0 || c < k) {
		k, n = c, len("’")
	}
	if k < 0 {
		return false
	}
	rest := w[k+n:]
	return !(rest == "" || rest == "s" || rest == "S" || isUpper(rest))
}

// upperPart returns the offset of the first hyphen-separated part of w that
// starts with a capital, or -1.
func upperPart(w string) int {
	for k := 0; k < len(w); k++ {
		if w[k] == '-' && k+1 < len(w) && isUpper(w[k+1:]) {
			return k + 1
		}
	}
	return -1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// run finds the name that starts at token i and ends before token hi: words
// with capitals, joined by "of", "of the" and name particles ("Group of 20",
// "Bank of England", "Bashar al-Assad"), with a title's dot ("Mr. Trump").
// It returns the token after the name and the name's bytes; end == i when no
// name starts at i.
func (a *art) run(i, hi int) (end, s, e int) {
	s0, e0, cut, ok := a.nameWord(i)
	if !ok {
		return i, 0, 0
	}
	s, e, end = s0, e0, i+1
	if cut {
		return end, s, e
	}
	ts := a.doc.Tokens
	sent := a.doc.SentOf[i]
	for j := i + 1; j < hi && a.doc.SentOf[j] == sent; {
		// A headline's capitals: "Sanders And Clinton Are Fighting".
		if cls, _ := a.wordStop(j); ts[j].Is(segment.Upper) && (cls == "function" || cls == "pronoun" || cls == "adverb") {
			break
		}
		if ns, ne, c, ok := a.nameWord(j); ok && ns == int(ts[j].Start) {
			e, end = ne, j+1
			if c {
				break
			}
			j++
			continue
		}
		// Mr. Trump, Donald J. Trump
		if a.isPunct(j, ".") && j+1 < hi && a.isName(j+1) &&
			(a.has(inTitles, j-1) || letters(a.doc.TokenText(j-1)) == 1) {
			j++
			continue
		}
		w := a.doc.TokenText(j)
		if ts[j].Kind == segment.Word && (w == "of" || a.has(inParticles, j)) {
			k := j + 1
			if w == "of" && k < hi && a.doc.TokenText(k) == "the" {
				k++
			}
			if k < hi && a.doc.SentOf[k] == sent {
				if w == "of" && ts[k].Kind == segment.Number {
					e, end = int(ts[k].End), k+1
					break
				}
				if a.isName(k) {
					j = k
					continue
				}
			}
		}
		break
	}
	return end, s, e
}

func (a *art) isName(i int) bool {
	s, _, _, ok := a.nameWord(i)
	return ok && s == int(a.doc.Tokens[i].Start)
}

// stopWord reports whether the word is never a topic, with its class.
func (a *art) stopWord(w string) (string, bool) { return a.l.stop.Lookup(w) }

// addRef adds an entity, or merges what is new about it into the one with
// the same ID, and returns its index.
func (a *art) addRef(r ref) int {
	if i, ok := a.refOf[r.id]; ok {
		old := &a.refs[i]
		if old.title == "" {
			old.title = r.title
		}
		if old.affil == "" {
			old.affil = r.affil
		}
		if len(r.label) > len(old.label) {
			old.label = r.label
		}
		old.bare = old.bare && r.bare
		return i
	}
	a.refs = append(a.refs, r)
	a.refOf[r.id] = len(a.refs) - 1
	return len(a.refs) - 1
}

// person is a person the text names with a title or a given name.
type person struct{ name, title, affil string }

// personCand is a name findPeople may take for a person's.
type personCand struct {
	p      person
	titled bool
}

// peopleScratch is findPeople's working state, kept with the art for the
// next article.
type peopleScratch struct {
	cands  []personCand
	titled map[string]person // one-word names with a title, by slug
	lone   map[string]bool   // words that stand alone as a name
	known  map[string]bool   // the names of the candidates
}

func (p *peopleScratch) reset() {
	if p.titled == nil {
		p.titled, p.lone, p.known = map[string]person{}, map[string]bool{}, map[string]bool{}
	}
	clear(p.cands)
	p.cands = p.cands[:0]
	clear(p.titled)
	clear(p.lone)
	clear(p.known)
}

// findPeople reads the names of the article that are plainly people: with a
// title ("US President Barack Obama", "presidential candidate Donald
// Trump"), with a given name the lexicon knows ("Angela Merkel"), or whose
// surname the article also uses alone ("Hillary Clinton" where "Clinton"
// stands alone elsewhere, or is a speaker). One-word names with a title
// ("President Obama") come back in titled, keyed by their slug.
func (a *art) findPeople(bare map[string]bool) (full []person, titled map[string]person) {
	sc := &a.people
	titled, lone, known := sc.titled, sc.lone, sc.known
	cands := sc.cands[:0]
	defer func() { sc.cands = cands }() // its memory, for the next article
	for _, s := range a.doc.Sents {
		for i := s.First; i < s.Last; {
			end, _, _ := a.run(i, s.Last)
			if end == i {
				i++
				continue
			}
			if end == i+1 && !a.initial[i] {
				lone[a.word(i)] = true
			}
			if p, t, ok := a.personIn(i, end); ok {
				cands = append(cands, personCand{p, t})
			}
			i = end
		}
	}
	// "Crooked Hillary Clinton" is Hillary Clinton when the article also
	// names her so.
	for _, c := range cands {
		known[c.p.name] = true
	}
	for i, c := range cands {
		for _, suffix := range nameSuffixes(c.p.name) {
			if known[suffix] {
				cands[i].p.name = suffix
				break
			}
		}
	}
	for _, c := range cands {
		first, _, many := strings.Cut(c.p.name, " ")
		last := surname(c.p.name)
		switch {
		case !many:
			if _, dup := titled[Slug(c.p.name)]; c.titled && !dup {
				titled[Slug(c.p.name)] = c.p
			}
		case c.titled || a.l.given.Has(first) || lone[last] || bare[Slug(last)]:
			full = append(full, c.p)
		}
	}
	return full, titled
}

// personIn reads tokens [i, end), a run of capitalized words, as a person's
// name, with the title and affiliation in front: "FBI Director James Comey"
// is James Comey, Director, FBI; "Bernie Sanders of Vermont" is Bernie
// Sanders. titled says whether there was a title.
func (a *art) personIn(i, end int) (p person, titled, ok bool) {
	ts := a.doc.Tokens
	// A lower-case title just before the name: "candidate Donald Trump".
	for back := 2; back >= 1; back-- {
		if i-back < 0 || a.doc.SentOf[i-back] != a.doc.SentOf[i] || ts[i-back].Is(segment.Upper) {
			continue
		}
		if n, _ := a.longest(a.l.titles, inTitles, i-back, back); n == back {
			titled = true
			p.title = a.l.cleanTitle(a.text[ts[i-back].Start:ts[i-1].End])
			break
		}
	}
	// The last title inside the run, and the affiliation before it.
	k := i
	for j := i; j < end; j++ {
		n, _ := a.longest(a.l.titles, inTitles, j, end-j)
		if n == 0 || j+n >= end {
			continue
		}
		titled = true
		p.title = a.l.cleanTitle(a.text[ts[j].Start:ts[j+n-1].End])
		p.affil = ""
		for x := k; x < j; x++ {
			// Affiliations: "US", "Republican", "House"; not a word that
			// only has its capital from the start of the sentence.
			w := a.doc.TokenText(x)
			cls, stop := a.stopAt(x)
			if a.has(inDemonyms, x) || cls == "adjective" || !stop && ts[x].Kind == segment.Word && !a.initial[x] {
				p.affil = strings.TrimSpace(p.affil + " " + stripPossessive(w))
			}
		}
		k = j + n
		if k < end && a.isPunct(k, ".") {
			k++
		}
		j = k - 1
	}
	// Demonyms and stop words in front.
	for k < end {
		w := a.doc.TokenText(k)
		if a.has(inDemonyms, k) {
			p.affil = cmpOr(p.affil, w)
		} else if _, stop := a.stopAt(k); !stop {
			break
		}
		k++
	}
	// The name: capitalized words, initials and particles, up to "of".
	// A possessive ends it: "Clinton's Iowa" names Clinton.
	last, words := k, 0
name:
	for last < end {
		w := a.doc.TokenText(last)
		_, stop := a.stopAt(last)
		switch {
		case a.isName(last) && !stop && !(ts[last].Is(segment.AllUpper) && letters(w) > 1):
			words++
			if stripPossessive(w) != w {
				last++
				break name
			}
		case a.isPunct(last, ".") && last > k && letters(a.doc.TokenText(last-1)) == 1:
		case ts[last].Kind == segment.Word && a.has(inParticles, last) && last+1 < end:
		default:
			break name
		}
		last++
	}
	if last == k || !a.isName(k) || words > 4 {
		return p, false, false
	}
	if last < end && a.doc.TokenText(last) != "of" && stripPossessive(a.doc.TokenText(last-1)) == a.doc.TokenText(last-1) {
		return p, false, false // "Trump Tower Jr" and the like: not a plain name
	}
	if a.wordHas(inOrgs, last-1) {
		return p, false, false // the Clinton Foundation
	}
	p.name = stripPossessive(a.text[ts[k].Start:ts[last-1].End])
	if _, ok := a.vocabTokens(k, last); ok || a.place(k, last) {
		return p, false, false
	}
	return p, titled, true
}

// findEntities gathers the entities of the article, builds the table of the
// names they go by, and finds where the text names them.
func (a *art) findEntities(ents []speaker.Entity) {
	bare := map[string]bool{}
	for _, e := range ents {
		if e.Kind == speaker.Person {
			if n, _, _, desc := a.l.personName(e.Name); !desc && n != "" && !strings.Contains(n, " ") {
				bare[Slug(n)] = true
			}
		}
	}
	full, titled := a.findPeople(bare)
	for _, p := range full {
		a.addRef(ref{id: ID(speaker.Person, p.name, a.id), label: p.name, title: p.title, affil: p.affil, kind: speaker.Person})
	}
	// Speaker entities, with the names the pipeline knows them by.
	a.entRef = resize(a.entRef, len(ents))
	for i, e := range ents {
		a.entRef[i] = a.entityRef(e.Name, e.Kind, e.Title, e.Affiliation, e.Aliases)
	}
	// Surnames and given names that name exactly one person of the article.
	sur, given := map[string][]int{}, map[string][]int{}
	for i, r := range a.refs {
		if r.kind == speaker.Person && !r.bare {
			addUnique(sur, Slug(surname(r.label)), i)
			addUnique(given, Slug(givenName(r.label)), i)
		}
	}
	// One-word speakers ("Putin") become the one full name they can be.
	for i := range a.refs {
		r := &a.refs[i]
		if !r.bare {
			continue
		}
		if full := sur[Slug(r.label)]; len(full) == 1 {
			a.redirect(i, full[0])
		} else if p, ok := titled[Slug(r.label)]; ok {
			r.title = cmpOr(r.title, p.title)
			r.affil = cmpOr(r.affil, p.affil)
		}
	}
	for i, r := range a.refs {
		if r.id == "" {
			continue
		}
		a.names.add(r.label, i, "")
		if r.kind != speaker.Person || r.bare {
			continue
		}
		if full := sur[Slug(surname(r.label))]; len(full) == 1 {
			a.names.add(surname(r.label), i, "")
		}
		// "Hillary" for Hillary Clinton, when no one else is Hillary and
		// the word is no topic.
		g := givenName(r.label)
		if _, stop := a.stopWord(g); len(given[Slug(g)]) == 1 && !stop && !a.l.places.Has(g) && !a.l.vocab.Has(g) {
			a.names.add(g, i, "")
		}
	}
	for i, e := range ents {
		r := a.entRef[i]
		if r < 0 {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, stop := a.stopWord(n); !stop && n != "" {
				a.names.add(n, r, "")
			}
		}
	}
	a.findMentions(ents)
}

func addUnique(m map[string][]int, k string, i int) {
	if k != "" && !slices.Contains(m[k], i) {
		m[k] = append(m[k], i)
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// redirect makes ref i an alias of ref j: every entity that pointed at i
// points at j.
func (a *art) redirect(i, j int) {
	from, to := &a.refs[i], &a.refs[j]
	to.title = cmpOr(to.title, from.title)
	to.affil = cmpOr(to.affil, from.affil)
	for k, r := range a.entRef {
		if r == i {
			a.entRef[k] = j
		}
	}
	a.refOf[from.id] = j
	from.id = "" // unused from now on
}

// entityRef returns the ref of a speaker as the pipeline names it, or -1 for
// an unknown speaker.
func (a *art) entityRef(name string, kind speaker.Kind, title, affil string, aliases []string) int {
	switch kind {
	case speaker.Person:
		best, btitle, baffil := "", "", ""
		_, _, _, described := a.l.personName(name)
		for _, n := range append([]string{name}, aliases...) {
			c, t, f, desc := a.l.personName(n)
			if !described && !desc && c != "" && (best == "" || strings.Count(c, " ") > strings.Count(best, " ")) {
				best, btitle, baffil = c, t, f
			}
		}
		if best != "" && a.l.orgs.Has(surname(best)) {
			return a.entityRef(name, speaker.Organization, "", affil, nil) // the Trump campaign
		}
		if described {
			// "a Trump adviser": someone the phrase describes, in this
			// article only; "Trump supporters": a group.
			k := speaker.Anonymous
			if w := surname(name); a.l.groups.Has(w) || strings.HasSuffix(w, "s") {
				k = speaker.Group
			}
			return a.entityRef(name, k, title, affil, nil)
		}
		if best == "" {
			return -1
		}
		if id, ok := a.refOf[ID(kind, best, a.id)]; ok && a.refs[id].id != "" {
			r := &a.refs[id]
			r.title, r.affil = cmpOr(r.title, cmpOr(a.l.cleanTitle(title), btitle)), cmpOr(r.affil, cmpOr(affil, baffil))
			return id
		}
		title = a.l.cleanTitle(title)
		return a.addRef(ref{
			id: ID(kind, best, a.id), label: best, kind: kind,
			title: cmpOr(title, btitle), affil: cmpOr(affil, baffil),
			bare: strings.IndexByte(best, ' ') < 0,
		})
	case speaker.Organization, speaker.Group, speaker.Document, speaker.Anonymous:
		label := trimArticle(name)
		if Slug(label) == "" {
			return -1
		}
		return a.addRef(ref{id: ID(kind, label, a.id), label: label, kind: kind, title: a.l.cleanTitle(title), affil: affil})
	}
	return -1
}

// findMentions finds where the text names the article's entities: by the
// table of names, by "French authorities" (a demonym and a group word), and
// where the pipeline saw them.
func (a *art) findMentions(ents []speaker.Entity) {
	ts := a.doc.Tokens
	for _, s := range a.doc.Sents {
		for i := s.First; i < s.Last; i++ {
			if ts[i].Kind != segment.Word {
				continue
			}
			n, name := a.longestPhrase(&a.names, i, s.Last-i)
			if n > 0 {
				r := name.ref
				if a.refs[r].kind != speaker.Person || ts[i].Is(segment.Upper) {
					a.mentions = append(a.mentions, mention{first: i, last: i + n, ref: r})
					i += n - 1
					continue
				}
			}
			if i+1 < s.Last && ts[i].Is(segment.Upper) && a.has(inDemonyms, i) &&
				!ts[i+1].Is(segment.Upper) && a.has(inGroups, i+1) {
				label := a.text[ts[i].Start:ts[i+1].End]
				r := a.addRef(ref{id: ID(speaker.Group, label, a.id), label: label, kind: speaker.Group})
				a.mentions = append(a.mentions, mention{first: i, last: i + 2, ref: r})
				i++
			}
		}
	}
	for e, ent := range ents {
		r := a.entRef[e]
		if r < 0 {
			continue
		}
		for _, sp := range ent.Mentions {
			if sp.Start < 0 || sp.End > len(a.text) || sp.Start >= sp.End {
				continue
			}
			lo, hi := a.tokens(sp.Start, sp.End)
			if lo >= hi || a.mentionOver(lo, hi) >= 0 {
				continue
			}
			cls, _ := a.stopWord(a.text[sp.Start:sp.End])
			a.mentions = append(a.mentions, mention{first: lo, last: hi, ref: r, pronoun: cls == "pronoun"})
		}
	}
	slices.SortFunc(a.mentions, func(x, y mention) int { return x.first - y.first })
}

// word2 returns a word getter for lexicon.Table.Longest from token i on.
func (a *art) word2(i int) func(int) string {
	return func(k int) string { return a.word(i + k) }
}

// mentionOver returns the index of the first mention that overlaps tokens
// [lo, hi), or -1.
func (a *art) mentionOver(lo, hi int) int {
	k := sort.Search(len(a.mentions), func(j int) bool { return a.mentions[j].last > lo })
	if k < len(a.mentions) && a.mentions[k].first < hi {
		return k
	}
	return -1
}

// findAcronyms reads "the Islamic State in Iraq and Syria (ISIS)": the
// acronym and the long form both stand for one topic in this article.
func (a *art) findAcronyms() {
	ts := a.doc.Tokens
	for i := 1; i+2 < len(ts); i++ {
		if !a.isPunct(i, "(") || !a.isPunct(i+2, ")") || !ts[i+1].Is(segment.AllUpper) {
			continue
		}
		letters := make([]byte, 0, 8)
		for _, c := range []byte(a.doc.TokenText(i + 1)) {
			if c >= 'A' && c <= 'Z' {
				letters = append(letters, c)
			}
		}
		if len(letters) < 2 {
			continue
		}
		k, li := i-1, len(letters)-1
	walk:
		for k >= 0 && li >= 0 && a.doc.SentOf[k] == a.doc.SentOf[i] {
			w := a.doc.TokenText(k)
			switch {
			case ts[k].Kind != segment.Word:
				break walk
			case !ts[k].Is(segment.Upper) && acronymGlue(w):
			case ts[k].Is(segment.Upper):
				// Every capitalized part counts: Trans-Pacific is T and P.
				parts := strings.Split(w, "-")
				for p := len(parts) - 1; p >= 0; p-- {
					if !isUpper(parts[p]) {
						continue
					}
					if li < 0 || upperASCII(parts[p][0]) != letters[li] {
						break walk
					}
					li--
				}
			default:
				break walk
			}
			k--
		}
		if li >= 0 {
			continue
		}
		long := trimArticle(a.text[ts[k+1].Start:ts[i-1].End])
		label := long
		if v, ok := a.vocabExact(long); ok {
			label = v
		}
		a.acr.add(a.doc.TokenText(i+1), 0, label)
		a.acr.add(long, 0, label)
	}
}

func acronymGlue(w string) bool {
	switch w {
	case "of", "and", "in", "the", "for", "on", "de", "du", "la", "al", "&":
		return true
	}
	return false
}

func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// vocabTokens looks tokens [i, j) up in the topic vocabulary, as a whole.
func (a *art) vocabTokens(i, j int) (string, bool) {
	n, v := a.longest(a.l.vocab, inVocab, i, j-i)
	if n != j-i || n == 0 {
		return "", false
	}
	return v, true
}

// vocabExact looks a whole phrase up in the topic vocabulary.
func (a *art) vocabExact(phrase string) (string, bool) {
	ws := strings.Fields(phrase)
	n, v := a.l.vocab.Longest(len(ws), func(k int) string { return ws[k] })
	if n != len(ws) || n == 0 {
		return "", false
	}
	if v == "" {
		v = strings.Join(ws, " ")
	}
	return v, true
}

// node returns the batch's node for a ref, creating it.
func (a *art) node(r ref) *node {
	n := a.b.nodes[r.id]
	if n == nil {
		n = &node{id: r.id, bare: r.bare}
		count(&n.labels, r.label)
		count(&n.titles, r.title)
		count(&n.affils, cleanAffil(r.affil))
		a.b.nodes[r.id] = n
	}
	return n
}

// topicID is TopicID, remembered for the article: a topic comes up in
// quote after quote.
func (a *art) topicID(label string) string {
	id, ok := a.topicIDs[label]
	if !ok {
		id = TopicID(label)
		a.topicIDs[label] = id
	}
	return id
}

func (a *art) topicNode(label string) *node {
	id := a.topicID(label)
	n := a.b.nodes[id]
	if n == nil {
		n = &node{id: id, topic: true}
		a.b.nodes[id] = n
	}
	if n.labels[label] == 0 {
		count(&n.labels, label)
	}
	return n
}

// edge adds evidence for a relation. Self-loops are dropped, and relations
// without direction run from the smaller ID to the larger.
func (a *art) edge(src, dst string, rel Relation, ev Evidence) {
	if src == dst || src == "" || dst == "" {
		return
	}
	if a.l.mutual[rel] && dst < src {
		src, dst = dst, src
	}
	k := edgeKey{src, dst, rel}
	r := a.b.edges[k]
	if r == nil {
		r = &relEdge{rel: rel}
		a.b.edges[k] = r
	}
	r.add(ev)
}

func (a *art) evidence(s, e int) Evidence {
	ev := Evidence{Article: validUTF8(a.id), Start: s, End: e}
	if !a.o.noText {
		ev.Text = validUTF8(a.text[s:e])
	}
	return ev
}

// attribution adds one attributed quote: the speaker's quote count, the
// topics it is about, the entities it names and whom it was said to.
func (a *art) attribution(at *speaker.Attribution) {
	sp := at.Speaker
	if sp == nil || sp.Kind == speaker.Unknown || sp.Kind == "" {
		return
	}
	r := -1
	if sp.Entity >= 0 && sp.Entity < len(a.entRef) {
		r = a.entRef[sp.Entity]
	}
	if r < 0 {
		r = a.entityRef(sp.Name, sp.Kind, sp.Title, sp.Affiliation, nil)
	}
	if r < 0 || a.refs[r].id == "" {
		return
	}
	who := a.refs[r]
	n := a.node(who)
	if t := a.l.cleanTitle(sp.Title); t != "" && n.titles[t] == 0 && who.title == "" {
		count(&n.titles, t)
	}
	n.quotes++
	ev := a.evidence(at.Start, at.End)
	lo, hi := a.tokens(at.Start, at.End)
	seen := a.seen
	clear(seen)
	a.topics(lo, hi, func(label string) {
		if seen[label] {
			return
		}
		seen[label] = true
		a.topicNode(label)
		a.edge(who.id, a.topicID(label), SaidAbout, ev)
	})
	for k := a.mentionOver(lo, hi); k >= 0 && k < len(a.mentions) && a.mentions[k].first < hi; k++ {
		m := a.mentions[k]
		if m.pronoun || m.first < lo || m.last > hi {
			continue
		}
		other := a.refs[m.ref]
		if other.id == who.id || other.id == "" {
			continue
		}
		a.node(other)
		a.edge(who.id, other.id, Mentioned, ev)
	}
	if ad := at.Addressee; ad != nil {
		if to := a.addressee(ad); to >= 0 && a.refs[to].id != who.id {
			a.node(a.refs[to])
			a.edge(who.id, a.refs[to].id, Addressed, ev)
		}
	}
}

// addressee returns the ref of whom a quote was said to: an entity of the
// article, a named outlet or body ("BBC radio", "CNN"), or a group
// ("reporters"); -1 for anything vaguer.
func (a *art) addressee(m *speaker.Mention) int {
	if m.Start >= 0 && m.End <= len(a.text) && m.Start < m.End {
		lo, hi := a.tokens(m.Start, m.End)
		if k := a.mentionOver(lo, hi); k >= 0 && !a.mentions[k].pronoun {
			return a.mentions[k].ref
		}
	}
	label := trimArticle(strings.TrimSpace(m.Text))
	// "ABC's This Week", "NBC's Meet the Press": the outlet.
	if ws := strings.Fields(label); len(ws) > 1 {
		for i, w := range ws[:len(ws)-1] {
			if p := stripPossessive(w); p != w {
				label = strings.Join(append(ws[:i:i], p), " ")
				break
			}
		}
	}
	label = stripPossessive(label)
	ws := strings.Fields(label)
	if len(ws) == 0 {
		return -1
	}
	if _, stop := a.stopWord(label); stop {
		return -1
	}
	if isUpper(ws[0]) {
		return a.addRef(ref{id: ID(speaker.Organization, label, a.id), label: label, kind: speaker.Organization})
	}
	last := ws[len(ws)-1]
	if a.l.groups.Has(last) || strings.HasSuffix(last, "s") {
		return a.addRef(ref{id: ID(speaker.Group, label, a.id), label: label, kind: speaker.Group})
	}
	return -1
}
