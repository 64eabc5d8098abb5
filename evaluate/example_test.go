package evaluate_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/quotegraph/quotegraph/evaluate"
)

// The article of the examples below, in bytes:
//
//	0         1         2         3
//	0123456789012345678901234567890123456
//	"Prices will fall," the minister said.
const goldLine = `{"id": "a1", "text": "\"Prices will fall,\" the minister said.",
 "quotes": [{"start": 0, "end": 19, "kind": "direct", "speaker": "the minister",
             "speaker_start": 20, "speaker_end": 32, "speaker_ref": "Ana Ruiz",
             "cue": "said", "cue_start": 33, "cue_end": 37}]}`

const predLine = `{"id": "a1", "quotes": [{"start": 1, "end": 19, "kind": "direct",
 "cue": {"start": 33, "end": 37, "text": "said"},
 "speaker": {"name": "Minister Ana Ruiz", "mention": {"start": 24, "end": 32, "text": "minister"}},
 "method": "cue-after-quote", "confidence": 0.9}]}`

func example() ([]evaluate.GoldArticle, []evaluate.Prediction) {
	gold, err := evaluate.ReadGold(strings.NewReader(goldLine), "gold")
	if err != nil {
		panic(err)
	}
	pred, err := evaluate.ReadPredictions(strings.NewReader(predLine), "pred")
	if err != nil {
		panic(err)
	}
	return gold, pred
}

func ExampleScore() {
	gold, pred := example()
	for _, th := range []float64{evaluate.Loose, evaluate.Strict} {
		r := evaluate.Score(gold, pred, th, false)
		fmt.Printf("@%v: tp %d fp %d fn %d, F1 %.2f, speaker %.0f%%, name %.0f%%, verb %.0f%%\n",
			th, r.TP, r.FP, r.FN, r.F1, 100*r.SpeakerMentionAcc, 100*r.SpeakerResolvedAcc, 100*r.VerbAcc)
	}
	// The prediction misses the opening quotation mark: it covers 18 of 19
	// bytes, above both thresholds.

	// Output:
	// @0.3: tp 1 fp 0 fn 0, F1 1.00, speaker 100%, name 100%, verb 100%
	// @0.8: tp 1 fp 0 fn 0, F1 1.00, speaker 100%, name 100%, verb 100%
}

func ExampleResult_String() {
	gold, pred := example()
	fmt.Println(evaluate.Score(gold, pred, evaluate.Loose, true))
	// Output:
	// @0.3: P 100.0 R 100.0 F1 100.0 | speaker(mention) 100.0 speaker(resolved) 100.0 (n=1) verb 100.0 | tp 1 fp 0 fn 0 | recall by kind direct=100
}

func ExampleReadGold() {
	gold, err := evaluate.ReadGold(strings.NewReader(goldLine), "gold.jsonl")
	if err != nil {
		panic(err)
	}
	a := gold[0]
	q := a.Quotes[0]
	fmt.Printf("%s: %s by %q (%s), speech %v\n", a.ID, a.Text[q.Start:q.End], q.Speaker, q.SpeakerRef, q.CueSpeech)

	_, err = evaluate.ReadGold(strings.NewReader(`{"id": "a2", "text": "", "quotes": [{"start": 0}]}`), "bad.jsonl")
	fmt.Println(err)
	// Output:
	// a1: "Prices will fall," by "the minister" (Ana Ruiz), speech true
	// bad.jsonl:1: article "a2": quotes[0]: missing "end"
}

func ExampleLoadGold() {
	gold, err := evaluate.LoadGold("testdata/gold.jsonl")
	if err != nil {
		panic(err)
	}
	for _, a := range gold {
		fmt.Println(a.ID, len(a.Quotes))
	}
	// Output:
	// harbor-bridge 9
	// battery-decade 8
	// bike-lanes 3
}

func ExampleReadPredictions() {
	// score.py reads a cue given as a string, and a mention without an end
	// as no mention.
	in := `{"id": "a1", "quotes": [{"start": 0, "end": 19, "cue": "said", "speaker": {"name": "Ana Ruiz", "mention": {"text": "she"}}}]}`
	pred, err := evaluate.ReadPredictions(strings.NewReader(in), "pred.jsonl")
	if err != nil {
		panic(err)
	}
	q := pred[0].Quotes[0]
	fmt.Println(q.Cue.Text, q.Speaker.Name, q.Speaker.Mention == nil)
	// Output:
	// said Ana Ruiz true
}

func ExampleLoadPredictions() {
	pred, err := evaluate.LoadPredictions("testdata/pred.jsonl")
	if err != nil {
		panic(err)
	}
	gold, err := evaluate.LoadGold("testdata/gold.jsonl")
	if err != nil {
		panic(err)
	}
	fmt.Println(len(pred), "lines;", evaluate.Missing(gold, pred), "gold article without a prediction")
	// Output:
	// 4 lines; 1 gold article without a prediction
}

func ExampleMissing() {
	gold, _ := example()
	fmt.Println(evaluate.Missing(gold, nil))
	// Output:
	// 1
}

func ExampleSamePerson() {
	fmt.Println(evaluate.SamePerson("Ana Ruiz", "Minister Ana Ruiz"))
	fmt.Println(evaluate.SamePerson("Ana Ruiz | the minister", "Minister"))
	fmt.Println(evaluate.SamePerson("Ana Ruiz", "Ana Lopez"))
	// Output:
	// true
	// false
	// false
}

func ExampleDiagnose() {
	gold, pred := example()
	pred[0].Quotes[0].Speaker.Mention.Start = 0 // now inside the quote
	pred[0].Quotes[0].Speaker.Mention.End = 5
	d := evaluate.Diagnose(gold, pred, evaluate.Loose, false)
	for _, m := range d.Mistakes {
		fmt.Println(m.Kind, m.Pred.Method, "wrong mention:", m.WrongMention, "wrong name:", m.WrongName)
	}
	// Output:
	// wrong-speaker cue-after-quote wrong mention: true wrong name: false
}

func ExampleWriteMistakes() {
	gold, pred := example()
	pred[0].Quotes[0].End = 5 // covers 4 of 19 bytes: a miss and a false positive
	d := evaluate.Diagnose(gold, pred, evaluate.Loose, false)
	if err := evaluate.WriteMistakes(os.Stdout, d.Mistakes, evaluate.Text); err != nil {
		panic(err)
	}
	// Output:
	// a1 miss [0,19) direct
	//   gold "\"Prices will fall,\"" speaker "the minister" ref "Ana Ruiz" cue "said"
	//   pred [1,5) method cue-after-quote "Pric" speaker "Minister Ana Ruiz" mention "minister" [24,32) cue "said" (covers 21%)
	// a1 false-positive [1,5) direct method cue-after-quote confidence 0.90
	//   gold "\"Prices will fall,\"" speaker "the minister" ref "Ana Ruiz" cue "said" (covered 21%)
	//   pred "Pric" speaker "Minister Ana Ruiz" mention "minister" [24,32) cue "said"
}

func ExampleWriteConfusion() {
	gold, pred := example()
	pred[0].Quotes = append(pred[0].Quotes, evaluate.PredQuote{Start: 20, End: 37, Method: "reported-speech"})
	d := evaluate.Diagnose(gold, pred, evaluate.Loose, false)
	if err := evaluate.WriteConfusion(os.Stdout, d); err != nil {
		panic(err)
	}
	// Output:
	// errors by rule @0.3 (all attributions)
	// method           predicted  matched  uncounted  false-pos  wrong-speaker  wrong-mention  wrong-name
	// reported-speech          1        0          0          1              0              0           0
	// cue-after-quote          1        1          0          0              0              0           0
	// total                    2        1          0          1              0              0           0
	// misses: 0
}

func ExampleMethodStats_Errors() {
	m := evaluate.MethodStats{Method: "carry-over", Predicted: 10, Matched: 8, FalsePositives: 2, WrongSpeaker: 3}
	fmt.Println(m.Errors())
	// Output:
	// 5
}

func ExampleErrorList_Err() {
	var errs evaluate.ErrorList
	fmt.Println(errs.Err() == nil)
	errs.Add("gold.jsonl", 3, "missing \"id\"")
	errs.Add("gold.jsonl", 9, "missing \"text\"")
	fmt.Println(errs.Err())
	// Output:
	// true
	// gold.jsonl:3: missing "id" (and 1 more errors)
}
