package quote

import (
	"testing"

	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/testdata"
)

// BenchmarkStage measures the quote stage without the segmentation Find
// calls first: the text is segmented once, outside the loop.
func BenchmarkStage(b *testing.B) {
	for _, in := range []struct{ name, text string }{{"seed", testdata.Seed}, {"newswire", testdata.Newswire}} {
		b.Run(in.name, func(b *testing.B) {
			d := segment.New(in.text)
			o := options{cues: defaultCues}
			var frames []frame.Info // handed back by frame.Release in the pipeline
			b.SetBytes(int64(len(in.text)))
			b.ReportAllocs()
			for b.Loop() {
				f := finders.Get().(*finder)
				f.infos = frames[:0]
				f.run(d, &o)
				frames = f.infos
				f.release()
				finders.Put(f)
			}
		})
	}
}

// BenchmarkComputeBits measures the word-list lookup of every token.
func BenchmarkComputeBits(b *testing.B) {
	d := segment.New(testdata.Newswire)
	f := &finder{doc: d}
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		f.computeBits()
	}
}
