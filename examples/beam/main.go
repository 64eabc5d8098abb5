// Command beam runs the quotegraph pipeline on Apache Beam: it reads
// articles, finds their quotes and speakers in parallel, and writes the quotes
// as JSON Lines and the corpus graph as the JSON of `quotegraph graph -format
// json`.
//
// The runner is chosen by flags only (see README.md):
//
//	go run . -input='../../testdata/*.txt' -format=text -quotes=/tmp/quotes.jsonl -graph=/tmp/graph.json
//	go run . -runner=direct ...   # or prism (the default), flink, spark, dataflow, universal
package main

import (
	"context"
	"flag"
	"log"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/quotegraph/quotegraph/examples/beam/qgbeam"
)

var (
	input         = flag.String("input", "", "articles: a file or glob of JSON Lines ({\"id\",\"text\"} per line), or of text files with -format=text (required)")
	format        = flag.String("format", "jsonl", "input format: jsonl, or text for one article per file (its name without extension is the ID)")
	quotes        = flag.String("quotes", "", "output file for the quotes, as JSON Lines")
	graphOut      = flag.String("graph", "", "output file for the corpus graph, as JSON")
	minConfidence = flag.Float64("min-confidence", 0, "leave attributions below this confidence out of the graph")
	withoutText   = flag.Bool("no-text", false, "keep only article and span in the graph's evidence, not the text")
)

func main() {
	flag.Parse()
	beam.Init() // on a worker, this runs the worker and never returns
	if *input == "" || *quotes == "" && *graphOut == "" {
		log.Fatal("usage: beam -input=GLOB [-format=jsonl|text] -quotes=FILE -graph=FILE [runner flags]")
	}
	if *format != "jsonl" && *format != "text" {
		log.Fatalf("-format=%s: want jsonl or text", *format)
	}
	p := beam.NewPipeline()
	qgbeam.Build(p.Root(), qgbeam.Config{
		Input: *input, Format: *format, Quotes: *quotes, Graph: *graphOut,
		GraphOptions: qgbeam.GraphOptions{MinConfidence: *minConfidence, WithoutText: *withoutText},
	})
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("pipeline failed: %v", err)
	}
}
