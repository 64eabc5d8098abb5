package qgbeam

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
)

// Config names the inputs and outputs of the pipeline.
type Config struct {
	Input  string // a file name or glob
	Format string // "jsonl" (the default) or "text"
	Quotes string // where to write the quotes (JSON Lines); empty for none
	Graph  string // where to write the corpus graph (JSON); empty for none

	GraphOptions GraphOptions
}

// Build adds the whole pipeline to s.
func Build(s beam.Scope, cfg Config) {
	var docs beam.PCollection
	if cfg.Format == "text" {
		docs = ReadText(s, cfg.Input)
	} else {
		docs = ReadJSONL(s, cfg.Input)
	}
	quotes, graphs := Analyze(s, docs)
	if cfg.Quotes != "" {
		textio.Write(s, cfg.Quotes, quotes)
	}
	if cfg.Graph != "" {
		WriteFile(s, cfg.Graph, CorpusGraph(s, graphs, cfg.GraphOptions))
	}
}
