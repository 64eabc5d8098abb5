package qgbeam

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/quotegraph/quotegraph/graph"
)

// accum is the accumulator of the corpus-graph combine: the partial graph
// of the articles it has seen, as the articles made it, before
// graph.(*Graph).Resolve. Accumulators merge with graph.(*Graph).Merge, in
// any order and grouping, and travel between workers in the graph's lossless
// binary form (MarshalBinary), which keeps the counts behind every label and
// the names Resolve would merge. ExtractOutput resolves once, at the end: the
// result is exactly graph.Build over all the articles, as the CLI makes it.
type accum struct {
	G *graph.Graph
}

func init() {
	register.Combiner3[accum, graphInput, string](&graphCombineFn{})
	register.DoFn2x1[context.Context, string, error](&writeFileFn{})
}

// graphCombineFn combines the graph inputs of all articles into the corpus
// graph's JSON.
type graphCombineFn struct {
	Options GraphOptions `json:"options"`
}

func (fn *graphCombineFn) CreateAccumulator() accum {
	return accum{G: graph.New(fn.Options.options()...)}
}

// AddInput reads one article into the accumulator's graph. Its problems
// (attributions whose spans do not fit the text) leave those attributions
// out, as in the CLI.
func (fn *graphCombineFn) AddInput(a accum, in graphInput) accum {
	if a.G == nil {
		a = fn.CreateAccumulator()
	}
	// A decoded accumulator has the default options; the article is read
	// with the pipeline's own in a graph of its own, then merged.
	g := graph.New(fn.Options.options()...)
	_ = g.Add(in.A)
	_ = a.G.Merge(g) // cannot fail: g is not nil
	return a
}

func (fn *graphCombineFn) MergeAccumulators(a, b accum) accum {
	switch {
	case a.G == nil:
		return b
	case b.G != nil:
		_ = a.G.Merge(b.G) // cannot fail: b.G is not nil
	}
	return a
}

func (fn *graphCombineFn) ExtractOutput(a accum) (string, error) {
	g := graph.New(fn.Options.options()...)
	if a.G != nil {
		if err := g.Merge(a.G); err != nil {
			return "", err
		}
	}
	g.Resolve()
	return graphJSON(g)
}

// CorpusGraph combines the graph inputs of Analyze into the corpus graph, a
// PCollection<string> of one element: the graph's JSON, as WriteJSON of the
// graph package (and `quotegraph graph -format json`) writes it.
func CorpusGraph(s beam.Scope, inputs beam.PCollection, o GraphOptions) beam.PCollection {
	s = s.Scope("qgbeam.CorpusGraph")
	return beam.Combine(s, &graphCombineFn{Options: o}, inputs)
}

// WriteFile writes the only element of a PCollection<string> to filename as
// it is (textio.Write would add a newline per element). Any file system Beam
// knows works: local paths, gs://, and so on.
func WriteFile(s beam.Scope, filename string, col beam.PCollection) {
	s = s.Scope("qgbeam.WriteFile")
	filesystem.ValidateScheme(filename)
	beam.ParDo0(s, &writeFileFn{Filename: filename}, col)
}

type writeFileFn struct {
	Filename string `json:"filename"`
}

func (w *writeFileFn) ProcessElement(ctx context.Context, content string) error {
	fs, err := filesystem.New(ctx, w.Filename)
	if err != nil {
		return err
	}
	defer fs.Close()
	f, err := fs.OpenWrite(ctx, w.Filename)
	if err != nil {
		return err
	}
	if _, err := f.Write([]byte(content)); err != nil {
		f.Close()
		return err
	}
	log.Infof(ctx, "Wrote %v", w.Filename)
	return f.Close()
}
