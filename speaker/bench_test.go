package speaker_test

import (
	"os"
	"testing"

	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// BenchmarkAttribute measures attribution alone: the quotes are found once,
// outside the loop, on the seed article and on the newswire fixture.
func BenchmarkAttribute(b *testing.B) {
	for _, in := range []struct{ name, path string }{
		{"seed", "../testdata/g20-antalya.txt"},
		{"newswire", "../testdata/bench/newswire.txt"},
	} {
		b.Run(in.name, func(b *testing.B) {
			data, err := os.ReadFile(in.path)
			if err != nil {
				b.Skipf("%s is not there", in.path)
			}
			r := quote.Find(string(data))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				speaker.Attribute(r)
			}
		})
	}
}
