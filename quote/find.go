package quote

import (
	"slices"
	"sort"
	"sync"

	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/lexicon"
)

// Result is what Find returns: the quotes of one text, sorted by Start, and
// the problems met on the way.
type Result struct {
	Text     string
	Quotes   []Quote
	Warnings ErrorList

	doc    *segment.Doc
	frames []frame.Info
	buf    *runBuffers // what frame.Release hands back
}

// runBuffers are the buffers a Result holds until frame.Release hands them
// back for the next run: the segmented text and the frames of its quotes.
type runBuffers struct {
	doc    segment.Doc
	frames []frame.Info
}

var buffers = sync.Pool{New: func() any { return new(runBuffers) }}

func init() {
	frame.Of = func(r any) (*segment.Doc, []frame.Info) {
		res, ok := r.(*Result)
		if !ok || res == nil {
			return nil, nil
		}
		return res.doc, res.frames
	}
	frame.Release = func(r any) {
		if res, ok := r.(*Result); ok && res != nil && res.buf != nil {
			res.buf.doc.Text = ""
			res.buf.frames = res.buf.frames[:0]
			buffers.Put(res.buf)
			res.doc, res.frames, res.buf = nil, nil, nil
		}
	}
}

// Option configures Find.
type Option interface{ apply(*options) }

type options struct {
	cues *lexicon.Table
	// cueFlags holds the flags of every value of the cues that WithCues
	// gives, read once.
	cueFlags map[string]cueFlags
	beliefs  bool
}

// flagsOf returns the flags of a value of the cues WithCues gave.
func (o *options) flagsOf(value string) cueFlags {
	if fl, ok := o.cueFlags[value]; ok {
		return fl
	}
	return cueFlagsOf(value)
}

type optionFunc func(*options)

func (f optionFunc) apply(o *options) { f(o) }

// WithCues replaces the reporting cues ("said", "according to", …) by the
// given lists, in the format of lexicon.Parse. Pass lexicon.Builtin("cues")
// among them to extend the built-in list rather than replace it.
func WithCues(lists ...[]lexicon.Entry) Option {
	t := lexicon.NewTable(lists...)
	flags := map[string]cueFlags{}
	for _, l := range lists {
		for _, e := range l {
			flags[e.Value] = cueFlagsOf(e.Value)
		}
	}
	return optionFunc(func(o *options) { o.cues, o.cueFlags = t, flags })
}

// WithBeliefs also reports attributions of belief and knowledge ("officials
// believe that …", "the report found that …"), which are not speech.
func WithBeliefs(on bool) Option { return optionFunc(func(o *options) { o.beliefs = on }) }

var finders = sync.Pool{New: func() any { return &finder{} }}

// Find returns every quotation in text: direct quotes in any mark style, mixed
// quotes (reported speech with a quoted fragment) and indirect speech. It never
// fails: problems such as a quotation mark that never closes are reported in
// Result.Warnings, and the quotes are the best reading of the text.
func Find(text string, opts ...Option) *Result {
	o := options{cues: defaultCues}
	for _, op := range opts {
		op.apply(&o)
	}
	f := finders.Get().(*finder)
	b := buffers.Get().(*runBuffers)
	b.doc.Reset(text)
	f.infos = b.frames[:0]
	res := f.run(&b.doc, &o)
	b.frames, res.buf = f.infos, b
	f.release()
	finders.Put(f)
	return res
}

// finder holds one run's working state; pooled so buffers are reused.
type finder struct {
	doc  *segment.Doc
	opts *options

	stack      []openMark
	chain      pair // the quote pairMarks follows over paragraphs
	chainStart int
	pairs      []pair
	warnings   ErrorList
	dropped    int

	bits   []wordBits // per token: what the word lists say of it
	slow   []int32    // computeBits' list of the tokens its fast loop leaves
	marks  []int32    // the quotation mark tokens, in order
	quoted []int32    // per token: index+1 of the outermost pair covering it, 0 if none
	// opens lists the pairs whose opening token quoted gives to them, in
	// token order: analyse looks at these for quotes the cues left.
	opens      []int32
	openTok    []int32 // per entry of opens, its opening token
	openCursor int     // where firstOpen last stopped in opens
	paraLast   int     // the paragraph paraAt found last
	frames     []span  // token ranges of quote-aware sentences

	// out and infos are the quotes and their frames as found; spans holds
	// their Inner and Pieces. out and spans are pooled, and results copies
	// them out; infos come with the Result's buffers, and stay with it.
	out   []Quote
	infos []frame.Info
	spans []Span
	// frameOf is the frame index of each emitted quote, and cur the frame
	// being analysed.
	frameOf []int
	cur     int

	// intro is the subject of the last sentence that opened with a name or
	// pronoun, for quotes with no cue of their own.
	intro                 frame.Span
	introFrame, introPara int
	introPending          []introCandidate // sentences resolveIntro has yet to look at

	skipPara    int // the paragraph skipParaYes speaks of
	skipParaYes bool
	// photo is the offset of a "PHOTO" or "Photo" that photoWithin found,
	// searching the text up to photoFrom for a paragraph at photoAsked.
	photo, photoFrom, photoAsked int
}

// span is a token range [first, last).
type span struct{ first, last int }

func (f *finder) release() {
	f.doc, f.opts = nil, nil
	f.stack = f.stack[:0]
	f.pairs = f.pairs[:0]
	f.warnings = nil
	f.dropped = 0
	f.quoted = f.quoted[:0]
	f.opens, f.openTok, f.openCursor = f.opens[:0], f.openTok[:0], 0
	f.paraLast = 0
	f.frames = f.frames[:0]
	// The pool must not keep texts alive. A run only appends to out, and
	// each clears what it wrote, so the rest of its capacity holds none: a
	// large text's capacity must not cost every later small one a clear.
	clear(f.out)
	f.out, f.infos, f.spans = f.out[:0], nil, f.spans[:0]
	f.frameOf = f.frameOf[:0]
	f.intro = frame.None
	f.introPending = f.introPending[:0]
}

func (f *finder) run(d *segment.Doc, o *options) *Result {
	f.doc, f.opts = d, o
	f.intro, f.introFrame = frame.None, -2
	f.skipPara = -1
	f.photo, f.photoFrom, f.photoAsked = -1, 0, 0
	f.computeBits()
	f.pairMarks()
	f.markQuoted()
	f.buildFrames()
	// A "X said:" that ends a frame leads in the quote that starts the next.
	var leadIn frame.Info
	hasLeadIn := false
	answerPara := -1
	for k, fr := range f.frames {
		f.cur = k
		p := int(d.Tokens[fr.first].Para)
		if p == answerPara {
			continue
		}
		// An answer starts "A:": most paragraphs have no colon second.
		if d.Paras[p].First == fr.first && f.isPunct(fr.first+1, pColon) && f.interviewAnswer(p) {
			answerPara = p
			hasLeadIn = false
			continue
		}
		hasLeadIn = f.analyse(fr, hasLeadIn, &leadIn)
	}
	if f.dropped > 0 {
		f.warnings.Add(len(d.Text), "more warnings were dropped")
	}
	f.warnings.Sort()
	if by := (byStart{f.out, f.infos, f.frameOf}); !by.sorted() {
		sort.Stable(by)
	}
	f.mergeContinuations()
	quotes, infos := f.results()
	return &Result{Text: d.Text, Quotes: quotes, Warnings: f.warnings, doc: d, frames: infos}
}

// results copies the quotes out of the pooled buffers, with one array for
// all the spans they hold, and returns them with their frames. No quotes
// give nil slices.
func (f *finder) results() ([]Quote, []frame.Info) {
	if len(f.out) == 0 {
		return nil, nil
	}
	n, live := 0, 0
	for i := range f.out {
		if q := &f.out[i]; q.Kind != merged {
			live++
			n += len(q.Pieces)
			if q.Inner != nil {
				n++
			}
		}
	}
	spans := make([]Span, 0, n)
	quotes := make([]Quote, live)
	infos := f.infos[:live] // the frames of merged quotes are dropped in place
	k := 0
	for i := range f.out {
		if f.out[i].Kind == merged {
			continue
		}
		q := &quotes[k]
		*q = f.out[i]
		if q.Inner != nil {
			spans = append(spans, *q.Inner)
			q.Inner = &spans[len(spans)-1]
		}
		if q.Pieces != nil {
			s := len(spans)
			spans = append(spans, q.Pieces...)
			q.Pieces = spans[s:len(spans):len(spans)]
		}
		if k != i {
			infos[k] = f.infos[i]
		}
		k++
	}
	return quotes, infos
}

// merged is the Kind of a quote that mergeContinuations joined to the one
// before it: results leaves it out.
const merged Kind = ""

// interviewAnswer emits the answer of a Q&A interview, a paragraph that
// starts "A:", as one quote of the interviewee; questions ("Q:") are the
// interviewer's and are skipped with it.
func (f *finder) interviewAnswer(p int) bool {
	para := f.doc.Paras[p]
	if para.Last-para.First < 4 || !f.isPunct(para.First+1, pColon) {
		return false
	}
	switch f.word(para.First) {
	case "Q":
		return true
	case "A":
	default:
		return false
	}
	start := int(f.doc.Tokens[para.First+2].Start)
	q := Quote{Span: Span{start, para.End}, Text: f.doc.Text[start:para.End], Kind: Direct}
	// The interviewee is the person the article introduced last.
	f.resolveIntro()
	f.emit(q, frame.Info{Cue: frame.None, Subject: f.intro, Appositive: frame.None, Addressee: frame.None, Rule: ruleInterview, Cued: f.intro.Ok()})
	return true
}

// markQuoted records for every token the outermost quotation covering it.
func (f *finder) markQuoted() {
	n := len(f.doc.Tokens)
	if cap(f.quoted) < n {
		f.quoted = make([]int32, n)
	}
	f.quoted = f.quoted[:n]
	clear(f.quoted)
	for k := range f.pairs {
		p := &f.pairs[k]
		last := p.close
		if last < 0 {
			last = f.doc.Paras[p.endPara].Last - 1
		}
		if hi := min(last+1, n); p.open < hi {
			covered := f.quoted[p.open:hi] // a slice: the loop has no bounds checks
			for i := range covered {
				covered[i] = int32(k + 1)
			}
		}
	}
	sorted := true
	for k := range f.pairs {
		p := &f.pairs[k]
		if uint(p.open) < uint(n) && f.quoted[p.open] == int32(k+1) {
			if m := len(f.opens); m > 0 && f.pairs[f.opens[m-1]].open > p.open {
				sorted = false
			}
			f.opens = append(f.opens, int32(k))
		}
	}
	if !sorted {
		slices.SortFunc(f.opens, func(a, b int32) int { return f.pairs[a].open - f.pairs[b].open })
	}
	for _, k := range f.opens {
		f.openTok = append(f.openTok, int32(f.pairs[k].open))
	}
}

// firstOpen returns the index in f.opens of the first pair that opens at
// token i or after it. The frames ask in order, so the search goes on from
// where the last one stopped.
func (f *finder) firstOpen(i int) int {
	c := f.openCursor
	for c > 0 && int(f.openTok[c-1]) >= i {
		c--
	}
	for c < len(f.openTok) && int(f.openTok[c]) < i {
		c++
	}
	f.openCursor = c
	return c
}

// pairEnd is the last token of pair k.
func (f *finder) pairEnd(k int) int {
	p := f.pairs[k]
	if p.close >= 0 {
		return p.close
	}
	return f.doc.Paras[p.endPara].Last - 1
}

// buildFrames joins sentences that a quotation spans, so a frame holds a
// quote whole with its attribution.
func (f *finder) buildFrames() {
	d := f.doc
	for si := 0; si < len(d.Sents); si++ {
		s := d.Sents[si]
		fr := span{s.First, s.Last}
		for fr.last < len(d.Tokens) && f.quoted[fr.last-1] != 0 && f.pairEnd(int(f.quoted[fr.last-1]-1)) >= fr.last {
			// The quote goes on past this sentence: take the next one too.
			si++
			if si >= len(d.Sents) {
				break
			}
			fr.last = d.Sents[si].Last
		}
		f.frames = append(f.frames, fr)
	}
}

// byStart sorts quotes and their frames together.
type byStart struct {
	qs     []Quote
	infos  []frame.Info
	frames []int
}

func (b byStart) Len() int { return len(b.qs) }

// sorted reports whether the quotes are in order already, as the frames
// mostly emit them: then sort.Stable would change nothing, and is skipped.
func (b byStart) sorted() bool {
	for i := 1; i < len(b.qs); i++ {
		if b.Less(i, i-1) {
			return false
		}
	}
	return true
}
func (b byStart) Less(i, j int) bool {
	if b.qs[i].Start != b.qs[j].Start {
		return b.qs[i].Start < b.qs[j].Start
	}
	return b.qs[i].End < b.qs[j].End
}
func (b byStart) Swap(i, j int) {
	b.qs[i], b.qs[j] = b.qs[j], b.qs[i]
	b.infos[i], b.infos[j] = b.infos[j], b.infos[i]
	b.frames[i], b.frames[j] = b.frames[j], b.frames[i]
}

// mergeContinuations joins direct quotes of one paragraph that one cue
// serves: "The plan," she said, "is dead." and "It is over," he said. "We
// lost." are one quote each, in pieces. The quote joined to the one before
// it is marked merged, not removed: results copies the quotes anyway.
func (f *finder) mergeContinuations() {
	if len(f.out) < 2 {
		return
	}
	d := f.doc
	w := 0
	for r := 1; r < len(f.out); r++ {
		a, b := &f.out[w], &f.out[r] // w < r: a and b never alias
		ai, bi := &f.infos[w], &f.infos[r]
		// The searches for the paragraphs come last: they cost the most.
		if a.Kind == Direct && b.Kind == Direct && a.End <= b.Start &&
			(ai.Cued != bi.Cued) && !ai.LeadIn && !bi.LeadIn && f.adjacent(w, r, b.Start) &&
			f.paraAt(a.Start) == f.paraAt(b.Start) {
			start := len(f.spans)
			if a.Pieces != nil {
				f.spans = append(f.spans, a.Pieces...)
			} else {
				f.spans = append(f.spans, a.Span)
			}
			if b.Pieces != nil {
				f.spans = append(f.spans, b.Pieces...)
			} else {
				f.spans = append(f.spans, b.Span)
			}
			pieces := f.spans[start:len(f.spans):len(f.spans)]
			inner := Span{Start: a.Start + 1, End: b.End - 1}
			if a.Inner != nil && b.Inner != nil {
				inner = Span{Start: a.Inner.Start, End: b.Inner.End}
			}
			*a = Quote{Span: Span{a.Start, b.End}, Text: d.Text[a.Start:b.End], Kind: Direct, Inner: f.keepSpan(inner), Pieces: pieces}
			if !ai.Cued {
				*ai = *bi
			}
			if ai.Rule == ruleCueAfter || ai.Rule == ruleCueBefore {
				ai.Rule = ruleCueInside
			}
			b.Kind = merged
			continue
		}
		w = r
	}
}

// paraAt finds the paragraph of the token that starts at byte offset off,
// as a quote does: the last one that starts at off or before it. There are
// fewer paragraphs than tokens to search.
func (f *finder) paraAt(off int) int {
	ps := f.doc.Paras
	// The quotes ask mostly in order: the paragraph found last, or the one
	// after it.
	for c := f.paraLast; c < len(ps) && c <= f.paraLast+1 && ps[c].Start <= off; c++ {
		if c+1 == len(ps) || off < ps[c+1].Start {
			f.paraLast = c
			return c
		}
	}
	// sort.Search written out: the first paragraph that starts after off.
	lo, hi := 0, len(ps)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ps[m].Start > off {
			hi = m
		} else {
			lo = m + 1
		}
	}
	f.paraLast = max(lo-1, 0)
	return f.paraLast
}

// adjacent reports whether quote b follows quote a with nothing between them
// but a's attribution: b is in a's frame, or opens the frame after it.
func (f *finder) adjacent(a, b int, bStart int) bool {
	fa, fb := f.frameOf[a], f.frameOf[b]
	if fa == fb {
		return true
	}
	return fb == fa+1 && int(f.doc.Tokens[f.frames[fb].first].Start) == bStart
}
