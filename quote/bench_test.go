package quote_test

import (
	"testing"

	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/testdata"
)

// BenchmarkFind measures quote finding alone on the seed article and on the
// newswire fixture, handing the working buffers back after each run as the
// pipeline does.
func BenchmarkFind(b *testing.B) {
	for _, in := range benchTexts {
		b.Run(in.name, func(b *testing.B) {
			text := in.text
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				frame.Release(quote.Find(text))
			}
		})
	}
}

// benchTexts are the seed article and the newswire fixture.
var benchTexts = []struct{ name, text string }{
	{"seed", testdata.Seed},
	{"newswire", testdata.Newswire},
}
