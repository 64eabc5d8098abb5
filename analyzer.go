package quotegraph

import (
	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// Analyzer runs the whole pipeline. It is safe for concurrent use by many goroutines.
type Analyzer struct {
	opts options
}

// New returns an Analyzer with the given options.
func New(opts ...Option) *Analyzer {
	a := &Analyzer{}
	for _, o := range opts {
		o.apply(&a.opts)
	}
	return a
}

// Analyze finds the quotes of text and who said them.
func (a *Analyzer) Analyze(text string) (*Article, error) {
	qr := quote.Find(text, a.opts.quote...)
	sr := speaker.Attribute(qr, a.opts.speaker...)
	frame.Release(qr)
	return &Article{ID: a.opts.id, Quotes: sr.Attributions, Speakers: sr.Entities, Warnings: qr.Warnings}, nil
}
