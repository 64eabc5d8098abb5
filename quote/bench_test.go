package quote_test

import (
	"os"
	"testing"

	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/quote"
)

// BenchmarkFind measures quote finding alone on the seed article and on the
// newswire fixture, handing the working buffers back after each run as the
// pipeline does.
func BenchmarkFind(b *testing.B) {
	for _, in := range []struct{ name, path string }{
		{"seed", "../testdata/g20-antalya.txt"},
		{"newswire", "../testdata/bench/newswire.txt"},
	} {
		b.Run(in.name, func(b *testing.B) {
			data, err := os.ReadFile(in.path)
			if err != nil {
				b.Skipf("%s is not there", in.path)
			}
			text := string(data)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				frame.Release(quote.Find(text))
			}
		})
	}
}
