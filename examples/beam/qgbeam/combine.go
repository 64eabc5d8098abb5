package qgbeam

import (
	"context"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/quotegraph/quotegraph/graph"
)

// accum is the accumulator of the corpus-graph combine.
//
// The graph package exports no merge of two graphs and no lossless encoding
// of one (its JSON keeps the winning label of a vertex, not the counts that
// pick it), so the accumulator holds the analysed articles and the graph is
// built once, in ExtractOutput, by graph.Build itself: the result is exactly
// the CLI's. The quotegraph analysis, the expensive part, has already run in
// parallel in Analyze. See README.md for what would make this a true tree
// combine.
type accum struct {
	Arts []graph.Article
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

func (*graphCombineFn) CreateAccumulator() accum { return accum{} }

func (*graphCombineFn) AddInput(a accum, in graphInput) accum {
	a.Arts = append(a.Arts, in.A)
	return a
}

func (*graphCombineFn) MergeAccumulators(a, b accum) accum {
	a.Arts = append(a.Arts, b.Arts...)
	return a
}

func (fn *graphCombineFn) ExtractOutput(a accum) (string, error) {
	// graph.Build does not depend on the order of its input; sorting makes
	// the accumulator itself deterministic too.
	slices.SortStableFunc(a.Arts, func(x, y graph.Article) int { return strings.Compare(x.ID, y.ID) })
	return buildGraph(a.Arts, fn.Options)
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
