package evaluate

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/internal/golden"
)

func loadFixture(t *testing.T, pred string) ([]GoldArticle, []Prediction) {
	t.Helper()
	gold, err := LoadGold("testdata/gold.jsonl")
	require.NoError(t, err)
	preds, err := LoadPredictions(pred)
	require.NoError(t, err)
	return gold, preds
}

func TestDiagnoseAgreesWithScore(t *testing.T) {
	// why: the error analysis must explain exactly the errors Score counts.
	for _, pred := range []string{"testdata/pred.jsonl", "testdata/pred-quirks.jsonl"} {
		gold, preds := loadFixture(t, pred)
		for _, speechOnly := range []bool{false, true} {
			for _, th := range []float64{Loose, Strict} {
				r := Score(gold, preds, th, speechOnly)
				d := Diagnose(gold, preds, th, speechOnly)
				count := map[MistakeKind]int{}
				for _, m := range d.Mistakes {
					count[m.Kind]++
				}
				var matched, fps, wrong int
				for _, m := range d.Methods {
					matched += m.Matched
					fps += m.FalsePositives
					wrong += m.WrongSpeaker
					assert.Equal(t, m.Predicted, m.Matched+m.Uncounted+m.FalsePositives, "%s: every prediction is matched or not", m.Method)
				}
				what := []any{"%s speechOnly=%v @%v", pred, speechOnly, th}
				assert.Equal(t, r.FN, count[Miss], what...)
				assert.Equal(t, r.FP, count[FalsePositive], what...)
				assert.Equal(t, r.FP, fps, what...)
				assert.Equal(t, r.TP, matched, what...)
				assert.Equal(t, count[WrongSpeaker], wrong, what...)
			}
		}
	}
}

func TestDiagnoseMistakes(t *testing.T) {
	gold, preds := loadFixture(t, "testdata/pred.jsonl")
	d := Diagnose(gold, preds, Loose, true)
	type brief struct {
		Article string
		Kind    MistakeKind
		Start   int
		Taken   bool
		Wrong   [2]bool
	}
	var got []brief
	for _, m := range d.Mistakes {
		b := brief{Article: m.Article, Kind: m.Kind, Taken: m.Taken, Wrong: [2]bool{m.WrongMention, m.WrongName}}
		b.Start = m.start()
		got = append(got, b)
	}
	// Each line says why the fixture has that mistake.
	want := []brief{
		// "“The steel…”": the prediction that covered it went to "“We have no choice,”".
		{"harbor-bridge", Miss, 182, true, [2]bool{}},
		// a belief that gold does not annotate
		{"harbor-bridge", FalsePositive, 328, false, [2]bool{}},
		// "Tomas" is not "Tomás" to score.py's words()
		{"harbor-bridge", WrongSpeaker, 362, false, [2]bool{false, true}},
		// the empty span predicted at offset 10 covers nothing
		{"battery-decade", FalsePositive, 10, false, [2]bool{}},
		// the speaker of the quote before, carried over wrongly
		{"battery-decade", WrongSpeaker, 357, false, [2]bool{true, true}},
		// the second of two identical predictions
		{"battery-decade", FalsePositive, 415, false, [2]bool{}},
		// a prediction covering under 30% of the gold quote: a miss ...
		{"battery-decade", Miss, 450, false, [2]bool{}},
		// ... and a false positive
		{"battery-decade", FalsePositive, 479, false, [2]bool{}},
		// the resolved name scored is the mention "the company", not VoltaCore
		{"battery-decade", WrongSpeaker, 509, false, [2]bool{false, true}},
		// the article without a prediction line: its two speech quotes
		{"bike-lanes", Miss, 34, false, [2]bool{}},
		{"bike-lanes", Miss, 107, false, [2]bool{}},
	}
	assert.Equal(t, want, got)
}

func TestWriteMistakes(t *testing.T) {
	gold, preds := loadFixture(t, "testdata/pred.jsonl")
	d := Diagnose(gold, preds, Loose, true)
	t.Run("text", func(t *testing.T) {
		// why: the readable listing is reviewed by eye; pin its layout
		var b bytes.Buffer
		require.NoError(t, WriteMistakes(&b, d.Mistakes, Text))
		golden.Check(t, filepath.Join("testdata", "mistakes.txt.golden"), b.Bytes(), "go test ./evaluate -update")
	})
	t.Run("json lines", func(t *testing.T) {
		// why: the JSON Lines listing is for tools; pin it and check it reads back
		var b bytes.Buffer
		require.NoError(t, WriteMistakes(&b, d.Mistakes, JSONLines))
		golden.Check(t, filepath.Join("testdata", "mistakes.jsonl.golden"), b.Bytes(), "go test ./evaluate -update")
		var back []Mistake
		dec := json.NewDecoder(&b)
		for dec.More() {
			var m Mistake
			require.NoError(t, dec.Decode(&m))
			back = append(back, m)
		}
		assert.Equal(t, d.Mistakes, back)
	})
	t.Run("text filled in", func(t *testing.T) {
		// why: a prediction without text shows the article's words at its span
		var p *PredQuote
		for _, m := range d.Mistakes {
			if m.Kind == FalsePositive && m.Pred.Start == 479 {
				p = m.Pred
			}
		}
		require.NotNil(t, p)
		assert.Equal(t, "its data", p.Text)
		assert.Empty(t, findPred(preds, "battery-decade", 479).Text, "the input is left alone")
	})
}

// findPred returns the last prediction line's quote of article id at start.
func findPred(preds []Prediction, id string, start int) *PredQuote {
	var out *PredQuote
	for i := range preds {
		for j := range preds[i].Quotes {
			if preds[i].ID == id && preds[i].Quotes[j].Start == start {
				out = &preds[i].Quotes[j]
			}
		}
	}
	return out
}

func TestWriteConfusion(t *testing.T) {
	cases := []struct {
		name, why, pred, golden string
		speechOnly              bool
	}{
		{"speech only", "rules with the most errors first, uncounted matches shown",
			"testdata/pred.jsonl", "confusion-speech.golden", true},
		{"quirks", "predictions without a method are grouped under -",
			"testdata/pred-quirks.jsonl", "confusion-quirks.golden", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gold, preds := loadFixture(t, tc.pred)
			var b bytes.Buffer
			require.NoError(t, WriteConfusion(&b, Diagnose(gold, preds, Loose, tc.speechOnly)))
			golden.Check(t, filepath.Join("testdata", tc.golden), b.Bytes(), "go test ./evaluate -update")
		})
	}
	t.Run("nothing", func(t *testing.T) {
		// why: no articles still gives a table with a zero total
		var b bytes.Buffer
		require.NoError(t, WriteConfusion(&b, Diagnose(nil, nil, Strict, false)))
		assert.Contains(t, b.String(), "errors by rule @0.8 (all attributions)\n")
		assert.Contains(t, b.String(), "\nmisses: 0\n")
	})
}
