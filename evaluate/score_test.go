package evaluate

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The figures below were printed by the reference scorer on the fixtures of
// testdata/ (python3 score.py [--speech-only] [--json] GOLD PRED) and are
// pinned here so that go test needs neither Python nor the scorer. The
// floats are the exact values of --json: the Go port does the same
// arithmetic in the same order, so they must be equal, not just close.
//
// The fixtures are three invented articles (testdata/gold.jsonl; the second
// also alone as one pretty-printed object in gold-one.json) and predictions
// made to hit every branch of the method (testdata/pred.jsonl): exact hits,
// a prediction longer than its gold quote, one spanning two gold quotes,
// partial overlaps above 0.3 and below 0.8 or below 0.3, an empty span,
// identical predictions (ties), pronoun mentions with and without a
// resolved name, a mention-derived name ("the company"), a name with an
// accent, wrong speakers, wrong and case-folded cues, a cue given as a
// string, a speaker not named in the text, non-speech gold quotes matched
// and unmatched, cue_speech absent (speech) and null (not speech), an
// article without a prediction line, a duplicate prediction line (the last
// wins) and a prediction for an article not in gold (ignored).
// testdata/pred-quirks.jsonl exercises score.py's reading of odd
// predictions: float offsets, null and empty speakers, mentions and cues,
// mentions without an end, "quotes": null, CRLF line ends.
func TestScoreEqualsScorePy(t *testing.T) {
	cases := []struct {
		name       string
		why        string
		gold, pred string
		speechOnly bool
		missing    int
		want       [2]Result
		lines      [2]string
	}{
		{
			name: "all attributions",
			why:  "the main fixture, every attribution counted",
			gold: "testdata/gold.jsonl", pred: "testdata/pred.jsonl",
			missing: 1,
			want: [2]Result{
				{Threshold: 0.3, TP: 14, FP: 4, FN: 6, Precision: 0.7777777777777778, Recall: 0.7, F1: 0.7368421052631577, SpeakerMentionAcc: 0.9230769230769231, VerbAcc: 0.8461538461538461, SpeakerResolvedAcc: 0.75, ResolvedN: 12, RecallByKind: map[string]float64{"direct": 0.7777777777777778, "indirect": 0.5555555555555556, "mixed": 1.0}},
				{Threshold: 0.8, TP: 13, FP: 5, FN: 7, Precision: 0.7222222222222222, Recall: 0.65, F1: 0.6842105263157895, SpeakerMentionAcc: 0.9166666666666666, VerbAcc: 0.8333333333333334, SpeakerResolvedAcc: 0.7272727272727273, ResolvedN: 11, RecallByKind: map[string]float64{"direct": 0.7777777777777778, "indirect": 0.4444444444444444, "mixed": 1.0}},
			},
			lines: [2]string{
				"@0.3: P 77.8 R 70.0 F1 73.7 | speaker(mention) 92.3 speaker(resolved) 75.0 (n=12) verb 84.6 | tp 14 fp 4 fn 6 | recall by kind direct=78 indirect=56 mixed=100",
				"@0.8: P 72.2 R 65.0 F1 68.4 | speaker(mention) 91.7 speaker(resolved) 72.7 (n=11) verb 83.3 | tp 13 fp 5 fn 7 | recall by kind direct=78 indirect=44 mixed=100",
			},
		},
		{
			name: "speech only",
			why:  "non-speech gold quotes leave recall, and the prediction matching one is no false positive",
			gold: "testdata/gold.jsonl", pred: "testdata/pred.jsonl", speechOnly: true,
			missing: 1,
			want: [2]Result{
				{Threshold: 0.3, TP: 13, FP: 4, FN: 4, Precision: 0.7647058823529411, Recall: 0.7647058823529411, F1: 0.7647058823529412, SpeakerMentionAcc: 0.9166666666666666, VerbAcc: 0.8333333333333334, SpeakerResolvedAcc: 0.7272727272727273, ResolvedN: 11, RecallByKind: map[string]float64{"direct": 0.7777777777777778, "indirect": 0.6666666666666666, "mixed": 1.0}},
				{Threshold: 0.8, TP: 12, FP: 5, FN: 5, Precision: 0.7058823529411765, Recall: 0.7058823529411765, F1: 0.7058823529411765, SpeakerMentionAcc: 0.9090909090909091, VerbAcc: 0.8181818181818182, SpeakerResolvedAcc: 0.7, ResolvedN: 10, RecallByKind: map[string]float64{"direct": 0.7777777777777778, "indirect": 0.5, "mixed": 1.0}},
			},
			lines: [2]string{
				"@0.3: P 76.5 R 76.5 F1 76.5 | speaker(mention) 91.7 speaker(resolved) 72.7 (n=11) verb 83.3 | tp 13 fp 4 fn 4 | recall by kind direct=78 indirect=67 mixed=100",
				"@0.8: P 70.6 R 70.6 F1 70.6 | speaker(mention) 90.9 speaker(resolved) 70.0 (n=10) verb 81.8 | tp 12 fp 5 fn 5 | recall by kind direct=78 indirect=50 mixed=100",
			},
		},
		{
			name: "one pretty-printed gold object",
			why:  "a gold file that is one JSON object over many lines is read whole; predictions for other articles are ignored",
			gold: "testdata/gold-one.json", pred: "testdata/pred.jsonl",
			want: [2]Result{
				{Threshold: 0.3, TP: 7, FP: 3, FN: 1, Precision: 0.7, Recall: 0.875, F1: 0.7777777777777777, SpeakerMentionAcc: 0.8333333333333334, VerbAcc: 0.8333333333333334, SpeakerResolvedAcc: 0.7142857142857143, ResolvedN: 7, RecallByKind: map[string]float64{"direct": 1.0, "indirect": 0.6666666666666666}},
				{Threshold: 0.8, TP: 7, FP: 3, FN: 1, Precision: 0.7, Recall: 0.875, F1: 0.7777777777777777, SpeakerMentionAcc: 0.8333333333333334, VerbAcc: 0.8333333333333334, SpeakerResolvedAcc: 0.7142857142857143, ResolvedN: 7, RecallByKind: map[string]float64{"direct": 1.0, "indirect": 0.6666666666666666}},
			},
			lines: [2]string{
				"@0.3: P 70.0 R 87.5 F1 77.8 | speaker(mention) 83.3 speaker(resolved) 71.4 (n=7) verb 83.3 | tp 7 fp 3 fn 1 | recall by kind direct=100 indirect=67",
				"@0.8: P 70.0 R 87.5 F1 77.8 | speaker(mention) 83.3 speaker(resolved) 71.4 (n=7) verb 83.3 | tp 7 fp 3 fn 1 | recall by kind direct=100 indirect=67",
			},
		},
		{
			name: "odd predictions",
			why:  "null, empty and malformed-but-accepted fields must be read as score.py reads them",
			gold: "testdata/gold.jsonl", pred: "testdata/pred-quirks.jsonl",
			want: [2]Result{
				{Threshold: 0.3, TP: 8, FP: 1, FN: 12, Precision: 0.8888888888888888, Recall: 0.4, F1: 0.5517241379310346, SpeakerMentionAcc: 0.25, VerbAcc: 0.25, SpeakerResolvedAcc: 0.5, ResolvedN: 6, RecallByKind: map[string]float64{"direct": 0.3333333333333333, "indirect": 0.3333333333333333, "mixed": 1.0}},
				{Threshold: 0.8, TP: 7, FP: 2, FN: 13, Precision: 0.7777777777777778, Recall: 0.35, F1: 0.48275862068965514, SpeakerMentionAcc: 0.14285714285714285, VerbAcc: 0.2857142857142857, SpeakerResolvedAcc: 0.4, ResolvedN: 5, RecallByKind: map[string]float64{"direct": 0.3333333333333333, "indirect": 0.2222222222222222, "mixed": 1.0}},
			},
			lines: [2]string{
				"@0.3: P 88.9 R 40.0 F1 55.2 | speaker(mention) 25.0 speaker(resolved) 50.0 (n=6) verb 25.0 | tp 8 fp 1 fn 12 | recall by kind direct=33 indirect=33 mixed=100",
				"@0.8: P 77.8 R 35.0 F1 48.3 | speaker(mention) 14.3 speaker(resolved) 40.0 (n=5) verb 28.6 | tp 7 fp 2 fn 13 | recall by kind direct=33 indirect=22 mixed=100",
			},
		},
		{
			name: "odd predictions, speech only",
			why:  "a non-speech gold quote takes its prediction before a later speech quote can",
			gold: "testdata/gold.jsonl", pred: "testdata/pred-quirks.jsonl", speechOnly: true,
			want: [2]Result{
				{Threshold: 0.3, TP: 7, FP: 1, FN: 10, Precision: 0.875, Recall: 0.4117647058823529, F1: 0.56, SpeakerMentionAcc: 0.14285714285714285, VerbAcc: 0.2857142857142857, SpeakerResolvedAcc: 0.4, ResolvedN: 5, RecallByKind: map[string]float64{"direct": 0.3333333333333333, "indirect": 0.3333333333333333, "mixed": 1.0}},
				{Threshold: 0.8, TP: 7, FP: 2, FN: 10, Precision: 0.7777777777777778, Recall: 0.4117647058823529, F1: 0.5384615384615384, SpeakerMentionAcc: 0.14285714285714285, VerbAcc: 0.2857142857142857, SpeakerResolvedAcc: 0.4, ResolvedN: 5, RecallByKind: map[string]float64{"direct": 0.3333333333333333, "indirect": 0.3333333333333333, "mixed": 1.0}},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gold, err := LoadGold(tc.gold)
			require.NoError(t, err)
			pred, err := LoadPredictions(tc.pred)
			require.NoError(t, err)
			assert.Equal(t, tc.missing, Missing(gold, pred), tc.why)
			for i, th := range []float64{Loose, Strict} {
				got := Score(gold, pred, th, tc.speechOnly)
				assert.Equal(t, tc.want[i], got, tc.why)
				if tc.lines[i] != "" {
					assert.Equal(t, tc.lines[i], got.String(), tc.why)
				}
			}
		})
	}
}

// The odd-predictions case above pins the totals; the first case's quotes
// below pin what each quirk reads as, so a failure says which one broke.
func TestPredQuoteReadsLikeScorePy(t *testing.T) {
	cases := []struct {
		name, why, line string
		want            PredQuote
	}{
		{"float offsets", "int() truncates toward zero",
			`{"start": 35.9, "end": 96.2}`, PredQuote{Start: 35, End: 96}},
		{"null speaker", "`q.get('speaker') or {}`",
			`{"start": 1, "end": 2, "speaker": null}`, PredQuote{Start: 1, End: 2}},
		{"empty speaker", "{} is false in Python, like null",
			`{"start": 1, "end": 2, "speaker": {}}`, PredQuote{Start: 1, End: 2}},
		{"zero speaker", "0 is false in Python, like null",
			`{"start": 1, "end": 2, "speaker": 0}`, PredQuote{Start: 1, End: 2}},
		{"mention without end", "a mention is only scored when it has an end",
			`{"start": 1, "end": 2, "speaker": {"name": "X", "mention": {"start": 4, "end": null, "text": "X"}}}`,
			PredQuote{Start: 1, End: 2, Speaker: &PredSpeaker{Name: "X"}}},
		{"mention float start", "mention offsets go through int() too",
			`{"start": 1, "end": 2, "speaker": {"name": null, "mention": {"start": 4.5, "end": 6}}}`,
			PredQuote{Start: 1, End: 2, Speaker: &PredSpeaker{Mention: &Mention{Start: 4, End: 6}}}},
		{"string cue", "str(cue) when the cue is not an object",
			`{"start": 1, "end": 2, "cue": "said"}`, PredQuote{Start: 1, End: 2, Cue: &Mention{Text: "said"}}},
		{"false cue", "false is no cue",
			`{"start": 1, "end": 2, "cue": false}`, PredQuote{Start: 1, End: 2}},
		{"cue with null text", "`cue.get('text') or ''`",
			`{"start": 1, "end": 2, "cue": {"text": null, "start": 3, "end": 7}}`,
			PredQuote{Start: 1, End: 2, Cue: &Mention{Start: 3, End: 7}}},
		{"unread fields of the wrong type", "score.py never reads kind, method or confidence",
			`{"start": 1, "end": 2, "kind": null, "method": 7, "confidence": "high"}`, PredQuote{Start: 1, End: 2}},
		{"keys are case-sensitive", `Python's dict has no "Speaker" for "speaker"`,
			`{"start": 1, "end": 2, "Speaker": {"name": "X"}}`, PredQuote{Start: 1, End: 2}},
		{"the CLI's own format", "what the quotegraph command prints reads back whole",
			`{"start":5,"end":9,"text":"\"Hi\"","kind":"direct","inner":{"start":6,"end":8},"cue":{"start":10,"end":14,"text":"said"},"speaker":{"name":"Jo Lee","kind":"person","mention":{"start":15,"end":17,"text":"Jo"},"entity":0},"method":"cue-after-quote","confidence":0.9}`,
			PredQuote{Start: 5, End: 9, Text: `"Hi"`, Kind: "direct", Cue: &Mention{Start: 10, End: 14, Text: "said"},
				Speaker: &PredSpeaker{Name: "Jo Lee", Kind: "person", Mention: &Mention{Start: 15, End: 17, Text: "Jo"}},
				Method:  "cue-after-quote", Confidence: 0.9}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got PredQuote
			require.NoError(t, json.Unmarshal([]byte(tc.line), &got), tc.why)
			assert.Equal(t, tc.want, got, tc.why)
		})
	}
}

func TestGoldQuoteReadsLikeScorePy(t *testing.T) {
	one, two := 1, 2
	cases := []struct {
		name, why, line string
		want            GoldQuote
	}{
		{"cue_speech absent", "q.get('cue_speech', True)",
			`{"start": 0, "end": 3}`, GoldQuote{End: 3, CueSpeech: true}},
		{"cue_speech null", "bool(None) is False",
			`{"start": 0, "end": 3, "cue_speech": null}`, GoldQuote{End: 3}},
		{"cue_speech zero", "bool(0) is False",
			`{"start": 0, "end": 3, "cue_speech": 0}`, GoldQuote{End: 3}},
		{"cue_speech string", `bool("no") is True`,
			`{"start": 0, "end": 3, "cue_speech": "no"}`, GoldQuote{End: 3, CueSpeech: true}},
		{"whole float offsets", "3.0 is the integer 3",
			`{"start": 0.0, "end": 3e0}`, GoldQuote{End: 3, CueSpeech: true}},
		{"null fields", "null speaker, ref and cue read as empty",
			`{"start": 0, "end": 3, "speaker": null, "speaker_ref": null, "cue": null, "speaker_start": null}`,
			GoldQuote{End: 3, CueSpeech: true}},
		{"speaker span", "speaker_start and speaker_end are kept",
			`{"start": 0, "end": 3, "speaker": "X", "speaker_start": 1, "speaker_end": 2}`,
			GoldQuote{End: 3, Speaker: "X", SpeakerStart: &one, SpeakerEnd: &two, CueSpeech: true}},
		{"speaker span without end", "a null end is kept as nil and never overlaps",
			`{"start": 0, "end": 3, "speaker": "X", "speaker_start": 1, "speaker_end": null}`,
			GoldQuote{End: 3, Speaker: "X", SpeakerStart: &one, CueSpeech: true}},
		{"unused fields of the wrong type", "score.py never reads text, cue offsets or segments",
			`{"start": 0, "end": 3, "text": 5, "cue_start": "x", "segments": "x"}`, GoldQuote{End: 3, CueSpeech: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got GoldQuote
			require.NoError(t, json.Unmarshal([]byte(tc.line), &got), tc.why)
			assert.Equal(t, tc.want, got, tc.why)
		})
	}
}

// article builds a one-article gold set and prediction for the matching
// cases below: gold spans g, predicted spans p.
func article(g, p [][2]int) ([]GoldArticle, []Prediction) {
	a := GoldArticle{ID: "a", Text: string(make([]byte, 200))}
	for _, s := range g {
		a.Quotes = append(a.Quotes, GoldQuote{Start: s[0], End: s[1], Kind: "direct", CueSpeech: true})
	}
	pr := Prediction{ID: "a"}
	for _, s := range p {
		pr.Quotes = append(pr.Quotes, PredQuote{Start: s[0], End: s[1]})
	}
	return []GoldArticle{a}, []Prediction{pr}
}

func TestMatching(t *testing.T) {
	cases := []struct {
		name, why  string
		gold, pred [][2]int
		threshold  float64
		tp, fp, fn int
	}{
		{"share exactly at the threshold", "the share must be strictly above the threshold",
			[][2]int{{0, 10}}, [][2]int{{0, 3}}, 0.3, 0, 1, 1},
		{"share just above", "31% is above 30%",
			[][2]int{{0, 100}}, [][2]int{{0, 31}}, 0.3, 1, 0, 0},
		{"greedy, gold order", "the first gold quote takes the prediction the second needed more",
			[][2]int{{0, 10}, {5, 10}}, [][2]int{{5, 10}, {0, 4}}, 0.3, 1, 1, 1},
		{"each prediction once", "two gold quotes cannot share one prediction",
			[][2]int{{0, 10}, {0, 10}}, [][2]int{{0, 10}}, 0.3, 1, 0, 1},
		{"largest share wins", "not the first prediction above the threshold",
			[][2]int{{0, 10}}, [][2]int{{0, 4}, {0, 9}}, 0.3, 1, 1, 0},
		{"empty gold span", "a gold span with end <= start is never matched",
			[][2]int{{5, 5}}, [][2]int{{0, 10}}, 0.3, 0, 1, 1},
		{"reversed prediction", "a predicted span with end <= start covers nothing",
			[][2]int{{0, 10}}, [][2]int{{10, 0}}, 0.3, 0, 1, 1},
		{"negative threshold", "a share of 0 is above -1: anything matches, as in score.py",
			[][2]int{{0, 10}}, [][2]int{{50, 60}}, -1, 1, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gold, pred := article(tc.gold, tc.pred)
			r := Score(gold, pred, tc.threshold, false)
			assert.Equal(t, [3]int{tc.tp, tc.fp, tc.fn}, [3]int{r.TP, r.FP, r.FN}, tc.why)
		})
	}
}

func TestScoreDuplicateIDs(t *testing.T) {
	gold, pred := article([][2]int{{0, 10}}, [][2]int{{0, 10}})
	t.Run("last gold article wins", func(t *testing.T) {
		// why: score.py keys articles by ID in a dict
		later := gold[0]
		later.Quotes = append(later.Quotes, GoldQuote{Start: 20, End: 30, CueSpeech: true})
		r := Score([]GoldArticle{gold[0], later}, pred, Loose, false)
		assert.Equal(t, [3]int{1, 0, 1}, [3]int{r.TP, r.FP, r.FN})
	})
	t.Run("last prediction wins", func(t *testing.T) {
		// why: the same, for prediction lines
		r := Score(gold, []Prediction{pred[0], {ID: "a"}}, Loose, false)
		assert.Equal(t, [3]int{0, 0, 1}, [3]int{r.TP, r.FP, r.FN})
		assert.Equal(t, 0, Missing(gold, []Prediction{pred[0], {ID: "a"}}))
	})
	t.Run("no articles", func(t *testing.T) {
		// why: empty sets score zero everywhere, with a non-nil recall map
		r := Score(nil, nil, Loose, true)
		assert.Equal(t, Result{Threshold: Loose, RecallByKind: map[string]float64{}}, r)
		assert.Equal(t, "@0.3: P 0.0 R 0.0 F1 0.0 | speaker(mention) 0.0 speaker(resolved) 0.0 (n=0) verb 0.0 | tp 0 fp 0 fn 0 | recall by kind ", r.String())
	})
}

func TestSamePerson(t *testing.T) {
	cases := []struct {
		why, ref, name string
		want           bool
	}{
		{"one name's words are all in the other's", "Barack Obama", "Obama", true},
		{"the other way round", "Obama", "Barack Obama", true},
		{"titles are dropped", "President Obama", "Mr. Obama", true},
		{"any alternative will do", "Owen Baptiste | Dr. Owen Baptiste", "Dr Owen Baptiste", true},
		{"different people", "Priya Nair", "Owen Baptiste", false},
		{"overlap is not enough", "Priya Nair", "Priya Patel", false},
		{"only titles left is no name", "the President", "President Obama", false},
		{"empty name", "Obama", "", false},
		{"case-folded", "OBAMA", "obama", true},
		{"accents split words: tomás is tom + s", "Tomás Reyes", "Tomas Reyes", false},
		{"dotted capital I lowers to i and a combining dot", "İlhan Omar", "Ilhan Omar", false},
		{"digits are word characters", "Agent 47", "47", true},
	}
	for _, tc := range cases {
		t.Run(tc.why, func(t *testing.T) {
			assert.Equal(t, tc.want, SamePerson(tc.ref, tc.name))
		})
	}
}

func TestResolvedName(t *testing.T) {
	cases := []struct {
		why, speaker, ref, want string
	}{
		{"speaker_ref wins", "he", "Owen Baptiste", "Owen Baptiste"},
		{"a pronoun has no resolved name", "He", "", ""},
		{"a phrase starting with he has none either", "He and his wife", "", ""},
		{"nor one starting with she", "she herself", "", ""},
		{"other mentions are their own name", "the company", "", "the company"},
		{"his is not caught: only whole pronouns and he/she prefixes are", "His wife", "", "His wife"},
		{"no speaker, no name", "", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.why, func(t *testing.T) {
			g := newGoldItem(&GoldQuote{Speaker: tc.speaker, SpeakerRef: tc.ref}, false)
			assert.Equal(t, tc.want, g.ref)
		})
	}
}

func TestPyFloat(t *testing.T) {
	cases := []struct {
		why  string
		f    float64
		want string
	}{
		{"the thresholds", 0.3, "0.3"},
		{"whole numbers keep .0", 1, "1.0"},
		{"large numbers switch to an exponent at 1e16", 1e16, "1e+16"},
		{"small ones below 1e-4", 0.00001, "1e-05"},
		{"up to there, plain", 0.0001, "0.0001"},
	}
	for _, tc := range cases {
		t.Run(tc.why, func(t *testing.T) {
			assert.Equal(t, tc.want, pyFloat(tc.f))
		})
	}
}
