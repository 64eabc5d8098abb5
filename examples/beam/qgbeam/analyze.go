package qgbeam

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/speaker"
)

func init() {
	register.DoFn4x1[context.Context, quotegraph.Doc, func(string), func(graphInput), error](&analyzeFn{})
	register.Emitter1[string]()
	register.Emitter1[graphInput]()
}

// QuoteLine is one line of the quotes output: a quote, who said it, and the
// article it comes from.
type QuoteLine struct {
	Article string `json:"article"`
	speaker.Attribution
}

// analyzeFn analyses one article. Each worker builds its analyser once, in
// Setup, and reuses it for every article of every bundle.
type analyzeFn struct {
	analyzer *quotegraph.Analyzer // unexported: built on the worker, never serialized
}

func (fn *analyzeFn) Setup() {
	fn.analyzer = quotegraph.New()
}

var (
	articlesDone   = beam.NewCounter("qgbeam", "articles")
	articlesFailed = beam.NewCounter("qgbeam", "articles-failed")
	quotesFound    = beam.NewCounter("qgbeam", "quotes")
	bytesRead      = beam.NewCounter("qgbeam", "bytes")
)

// analyze is the library call, with a panic turned into an error as
// quotegraph.AnalyzeAll does.
func (fn *analyzeFn) analyze(d quotegraph.Doc) (a *quotegraph.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("quotegraph panicked: %v\n%s", r, debug.Stack())
		}
	}()
	a, err = fn.analyzer.Analyze(d.Text)
	if err == nil && a == nil {
		err = fmt.Errorf("the analysis returned no article")
	}
	return a, err
}

// ProcessElement emits the article's quotes as JSON lines, and what the
// corpus graph needs of it. An article whose analysis fails is counted
// (articles-failed), logged and left out; the others go on.
func (fn *analyzeFn) ProcessElement(ctx context.Context, d quotegraph.Doc, emitQuote func(string), emitGraph func(graphInput)) error {
	a, err := fn.analyze(d)
	if err != nil {
		articlesFailed.Inc(ctx, 1)
		log.Errorf(ctx, "qgbeam: article %q left out: %v", d.ID, err)
		return nil
	}
	a.ID = d.ID // the analyser is shared, so the ID is set per article, as AnalyzeAll does
	articlesDone.Inc(ctx, 1)
	bytesRead.Inc(ctx, int64(len(d.Text)))
	quotesFound.Inc(ctx, int64(len(a.Quotes)))
	for _, q := range a.Quotes {
		b, err := json.Marshal(QuoteLine{Article: d.ID, Attribution: q})
		if err != nil {
			return fmt.Errorf("article %q: %w", d.ID, err)
		}
		emitQuote(string(b))
	}
	emitGraph(newGraphInput(d, a))
	return nil
}

// Analyze analyses a PCollection<quotegraph.Doc>. It returns the quotes as
// JSON lines (PCollection<string>) and, for CorpusGraph, each article's text
// and attributions.
func Analyze(s beam.Scope, docs beam.PCollection) (quotes, graphInputs beam.PCollection) {
	s = s.Scope("qgbeam.Analyze")
	return beam.ParDo2(s, &analyzeFn{}, docs)
}
