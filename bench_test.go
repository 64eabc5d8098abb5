package quotegraph_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/quotegraph/quotegraph"

	"github.com/quotegraph/quotegraph/testdata"
)

// Benchmarks of the whole pipeline. Stage benchmarks are next to their
// stages: BenchmarkFind in quote, BenchmarkAttribute in speaker. All report
// MB/s (b.SetBytes) and allocations; compare them with
//
//	go test -run '^$' -bench . -benchmem ./...

// benchArticles are the articles of the per-article benchmarks: the seed
// and the newswire fixture.
func benchArticles(*testing.B) []struct{ name, text string } {
	return []struct{ name, text string }{{"seed", testdata.Seed}, {"newswire", testdata.Newswire}}
}

func BenchmarkAnalyze(b *testing.B) {
	for _, in := range benchArticles(b) {
		b.Run(in.name, func(b *testing.B) {
			a := quotegraph.New()
			b.SetBytes(int64(len(in.text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := a.Analyze(in.text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnalyzeSize shows that cost grows linearly: ns/byte (the inverse
// of MB/s) must stay within a factor of two from 64 KB to 16 MB, for
// ordinary prose and for each worst input of robust_test.go. An input whose
// ns/byte has already grown fourfold is not run at the next size, where it
// could take hours: the skip message gives the figures.
func BenchmarkAnalyzeSize(b *testing.B) {
	for _, w := range worstInputs {
		var first, last float64 // ns/byte at the smallest size and the last one run
		for _, size := range []int{64 * kb, 1 * mb, 16 * mb} {
			b.Run(fmt.Sprintf("%s/%s", w.name, sizeName(size)), func(b *testing.B) {
				if first > 0 && last > 4*first {
					b.Skipf("not linear: %.0f ns/byte at the last size against %.0f at %s", last, first, sizeName(64*kb))
				}
				text := w.gen(size)
				a := quotegraph.New()
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := a.Analyze(text); err != nil {
						b.Fatal(err)
					}
				}
				last = float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(len(text))
				if size == 64*kb {
					first = last
				}
			})
		}
	}
}

func sizeName(n int) string {
	if n >= mb {
		return fmt.Sprintf("%dMB", n/mb)
	}
	return fmt.Sprintf("%dKB", n/kb)
}

// BenchmarkAnalyzeAll runs the corpus API over copies of the benchmark
// articles with 1, 2 and all workers: MB/s should grow with the workers up
// to the number of cores.
func BenchmarkAnalyzeAll(b *testing.B) {
	var docs []quotegraph.Doc
	size := 0
	for i := range 64 {
		for _, in := range benchArticles(b) {
			docs = append(docs, quotegraph.Doc{ID: fmt.Sprint(in.name, i), Text: in.text})
			size += len(in.text)
		}
	}
	source := func(yield func(quotegraph.Doc, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
	for _, workers := range []int{1, 2, 0} {
		name := fmt.Sprintf("workers=%d", workers)
		if workers == 0 {
			name = "workers=all"
		}
		b.Run(name, func(b *testing.B) {
			a := quotegraph.New(quotegraph.WithWorkers(workers))
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, err := range a.AnalyzeAll(context.Background(), source) {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
