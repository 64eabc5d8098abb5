package evaluate

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// FuzzRead feeds any bytes to both readers, then scores and diagnoses what
// they accept against itself and the fixtures: nothing may panic.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"gold.jsonl", "gold-one.json", "pred.jsonl", "pred-quirks.jsonl"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id": "a", "text": "x", "quotes": [{"start": 1, "end": 0, "speaker_start": 0, "speaker_end": null}]}`))
	fixGold, err := LoadGold("testdata/gold.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	fixPred, err := LoadPredictions("testdata/pred.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		gold, gerr := ReadGold(bytes.NewReader(data), "gold")
		pred, perr := ReadPredictions(bytes.NewReader(data), "pred")
		if gerr == nil {
			pred := append(pred, fixPred...)
			for _, speechOnly := range []bool{false, true} {
				Score(gold, pred, Loose, speechOnly)
				d := Diagnose(gold, pred, Strict, speechOnly)
				_ = WriteMistakes(io.Discard, d.Mistakes, Text)
				_ = WriteMistakes(io.Discard, d.Mistakes, JSONLines)
				_ = WriteConfusion(io.Discard, d)
			}
		}
		if perr == nil {
			Score(fixGold, pred, Loose, true)
			_ = WriteMistakes(io.Discard, Diagnose(fixGold, pred, Loose, false).Mistakes, Text)
		}
	})
}

func BenchmarkScore(b *testing.B) {
	gold, err := LoadGold("testdata/gold.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	pred, err := LoadPredictions("testdata/pred.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, a := range gold {
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		Score(gold, pred, Loose, true)
	}
}

func BenchmarkReadGold(b *testing.B) {
	data, err := os.ReadFile("testdata/gold.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadGold(bytes.NewReader(data), "gold"); err != nil {
			b.Fatal(err)
		}
	}
}
