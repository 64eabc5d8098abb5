package graph_test

import (
	"fmt"
	"testing"

	"github.com/quotegraph/quotegraph/graph"
)

// BenchmarkAdd reads the seed article, with the pipeline's attributions,
// into a fresh graph.
func BenchmarkAdd(b *testing.B) {
	art := pipelineSeed(b)
	b.SetBytes(int64(len(art.Text)))
	b.ReportAllocs()
	for b.Loop() {
		g := graph.New()
		_ = g.Add(art)
	}
}

// BenchmarkBuild builds a corpus graph of 200 copies of the seed article,
// which merge into the same vertices and edges.
func BenchmarkBuild(b *testing.B) {
	seed := pipelineSeed(b)
	arts := make([]graph.Article, 200)
	size := 0
	for i := range arts {
		arts[i] = seed
		arts[i].ID = fmt.Sprintf("seed-%03d", i)
		size += len(seed.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = graph.Build(arts)
	}
}
