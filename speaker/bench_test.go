package speaker_test

import (
	"testing"

	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
	"github.com/quotegraph/quotegraph/testdata"
)

// BenchmarkAttribute measures attribution alone: the quotes are found once,
// outside the loop, on the seed article and on the newswire fixture.
func BenchmarkAttribute(b *testing.B) {
	for _, in := range []struct{ name, text string }{
		{"seed", testdata.Seed},
		{"newswire", testdata.Newswire},
	} {
		b.Run(in.name, func(b *testing.B) {
			r := quote.Find(in.text)
			b.SetBytes(int64(len(in.text)))
			b.ReportAllocs()
			for b.Loop() {
				speaker.Attribute(r)
			}
		})
	}
}
