package quote

import (
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
}

func init() {
	frame.Of = func(r any) (*segment.Doc, []frame.Info) {
		res, ok := r.(*Result)
		if !ok || res == nil {
			return nil, nil
		}
		return res.doc, res.frames
	}
}

// Option configures Find.
type Option interface{ apply(*options) }

type options struct {
	cues    *lexicon.Table
	beliefs bool
}

type optionFunc func(*options)

func (f optionFunc) apply(o *options) { f(o) }

// WithCues replaces the reporting cues ("said", "according to", …) by the
// given lists, in the format of lexicon.Parse. Pass lexicon.Builtin("cues")
// among them to extend the built-in list rather than replace it.
func WithCues(lists ...[]lexicon.Entry) Option {
	t := lexicon.NewTable(lists...)
	return optionFunc(func(o *options) { o.cues = t })
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
	res := f.run(segment.New(text), &o)
	f.release()
	finders.Put(f)
	return res
}

// finder holds one run's working state; pooled so buffers are reused.
type finder struct {
	doc  *segment.Doc
	opts *options

	stack      []openMark
	chainStart int
	pairs      []pair
	warnings   ErrorList
	dropped    int

	quoted []int32 // per token: index+1 of the outermost pair covering it, 0 if none
	frames []span  // token ranges of quote-aware sentences

	out   []Quote
	infos []frame.Info
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
	f.frames = f.frames[:0]
	f.out, f.infos = nil, nil
}

func (f *finder) run(d *segment.Doc, o *options) *Result {
	f.doc, f.opts = d, o
	f.pairMarks()
	f.markQuoted()
	f.buildFrames()
	pendingLeadIn := frame.Info{Cue: frame.None, Subject: frame.None, Appositive: frame.None, Addressee: frame.None}
	hasLeadIn := false
	for _, fr := range f.frames {
		li, ok := f.analyse(fr, hasLeadIn, pendingLeadIn)
		hasLeadIn, pendingLeadIn = ok, li
	}
	if f.dropped > 0 {
		f.warnings.Add(len(d.Text), "more warnings were dropped")
	}
	f.warnings.Sort()
	sortQuotes(f.out, f.infos)
	return &Result{Text: d.Text, Quotes: f.out, Warnings: f.warnings, doc: d, frames: f.infos}
}

// markQuoted records for every token the outermost quotation covering it.
func (f *finder) markQuoted() {
	n := len(f.doc.Tokens)
	if cap(f.quoted) < n {
		f.quoted = make([]int32, n)
	}
	f.quoted = f.quoted[:n]
	clear(f.quoted)
	for k, p := range f.pairs {
		last := p.close
		if last < 0 {
			last = f.doc.Paras[p.endPara].Last - 1
		}
		for i := p.open; i <= last && i < n; i++ {
			f.quoted[i] = int32(k + 1)
		}
	}
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

func sortQuotes(qs []Quote, infos []frame.Info) {
	// Insertion sort: quotes arrive almost sorted, frame by frame.
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && less(qs[j], qs[j-1]); j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
			infos[j], infos[j-1] = infos[j-1], infos[j]
		}
	}
}

func less(a, b Quote) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End < b.End
}
