package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A two-article gold set: the second has a non-speech attribution.
const evalGold = `{"id": "a", "text": "\"Rates will rise,\" Ana Ruiz said.", "quotes": [{"start": 0, "end": 18, "kind": "direct", "speaker": "Ana Ruiz", "speaker_start": 19, "speaker_end": 27, "cue": "said", "cue_speech": true}]}
{"id": "b", "text": "Analysts believe rates will rise.", "quotes": [{"start": 17, "end": 32, "kind": "indirect", "speaker": "Analysts", "speaker_start": 0, "speaker_end": 8, "cue": "believe", "cue_speech": false}]}
`

// Predictions: a hit with the right speaker for "a", nothing for "b", and a
// line for an article that gold lacks.
const evalPred = `{"id": "a", "quotes": [{"start": 0, "end": 18, "kind": "direct", "cue": {"text": "said"}, "speaker": {"name": "Ana Ruiz", "mention": {"start": 19, "end": 27}}, "method": "cue-after-quote"}]}
{"id": "zz", "quotes": []}
`

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func evalRun(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = runEval(args, &o, &e)
	return code, o.String(), e.String()
}

func TestEvalScoresAPredictionFile(t *testing.T) {
	gold, pred := writeTemp(t, "gold.jsonl", evalGold), writeTemp(t, "pred.jsonl", evalPred)
	cases := []struct {
		name, why string
		args      []string
		stdout    string
		stderrHas []string
	}{
		{"all attributions", "score.py's layout, both thresholds; b's belief is a miss",
			[]string{"-gold", gold, "-pred", pred},
			"@0.3: P 100.0 R 50.0 F1 66.7 | speaker(mention) 100.0 speaker(resolved) 100.0 (n=1) verb 100.0 | tp 1 fp 0 fn 1 | recall by kind direct=100 indirect=0\n" +
				"@0.8: P 100.0 R 50.0 F1 66.7 | speaker(mention) 100.0 speaker(resolved) 100.0 (n=1) verb 100.0 | tp 1 fp 0 fn 1 | recall by kind direct=100 indirect=0\n",
			[]string{"1 lines are for articles not in the gold file"}},
		{"speech only", "the belief leaves recall",
			[]string{"-gold", gold, "-pred", pred, "-speech-only"},
			"@0.3: P 100.0 R 100.0 F1 100.0 | speaker(mention) 100.0 speaker(resolved) 100.0 (n=1) verb 100.0 | tp 1 fp 0 fn 0 | recall by kind direct=100\n" +
				"@0.8: P 100.0 R 100.0 F1 100.0 | speaker(mention) 100.0 speaker(resolved) 100.0 (n=1) verb 100.0 | tp 1 fp 0 fn 0 | recall by kind direct=100\n",
			nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := evalRun(tc.args...)
			require.Equal(t, 0, code, stderr)
			assert.Equal(t, tc.stdout, stdout, tc.why)
			for _, s := range tc.stderrHas {
				assert.Contains(t, stderr, s, tc.why)
			}
		})
	}
}

func TestEvalJSONAndConfusion(t *testing.T) {
	// why: -json gives score.py --json's fields; -confusion adds the rules
	gold, pred := writeTemp(t, "gold.jsonl", evalGold), writeTemp(t, "pred.jsonl", evalPred)
	code, stdout, stderr := evalRun("-gold", gold, "-pred", pred, "-json", "-confusion")
	require.Equal(t, 0, code, stderr)
	var report struct {
		Missing int `json:"missing"`
		Results []struct {
			Threshold float64 `json:"threshold"`
			TP, FP    int
			FN        int `json:"fn"`
		} `json:"results"`
		Confusion struct {
			Methods []struct {
				Method  string `json:"method"`
				Matched int    `json:"matched"`
			} `json:"methods"`
		} `json:"confusion"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &report))
	assert.Equal(t, 1, report.Missing, "b has no prediction line")
	require.Len(t, report.Results, 2)
	assert.Equal(t, []float64{0.3, 0.8}, []float64{report.Results[0].Threshold, report.Results[1].Threshold})
	assert.Equal(t, 1, report.Results[0].FN)
	require.Len(t, report.Confusion.Methods, 1)
	assert.Equal(t, "cue-after-quote", report.Confusion.Methods[0].Method)
}

func TestEvalWritesErrors(t *testing.T) {
	gold, pred := writeTemp(t, "gold.jsonl", evalGold), writeTemp(t, "pred.jsonl", evalPred)
	t.Run("json lines", func(t *testing.T) {
		// why: a .jsonl name gives one JSON object per mistake
		out := filepath.Join(t.TempDir(), "errors.jsonl")
		code, _, stderr := evalRun("-gold", gold, "-pred", pred, "-errors", out)
		require.Equal(t, 0, code, stderr)
		data, err := os.ReadFile(out)
		require.NoError(t, err)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		require.Len(t, lines, 1)
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &m))
		assert.Equal(t, "miss", m["error"])
		assert.Equal(t, "b", m["article"])
	})
	t.Run("text to stdout", func(t *testing.T) {
		// why: "-" prints the readable listing before the figures
		code, stdout, stderr := evalRun("-gold", gold, "-pred", pred, "-errors", "-")
		require.Equal(t, 0, code, stderr)
		assert.True(t, strings.HasPrefix(stdout, "b miss [17,32) indirect\n"), stdout)
	})
}

func TestEvalRunsThePipeline(t *testing.T) {
	// why: without -pred, eval analyses the gold texts; what it writes with
	// -out scores the same when given back with -pred. This holds whatever
	// the pipeline finds.
	gold := writeTemp(t, "gold.jsonl", evalGold)
	out := filepath.Join(t.TempDir(), "pred.jsonl")
	code, direct, stderr := evalRun("-gold", gold, "-out", out)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Len(t, lines, 2, "one line per gold article")
	for i, id := range []string{"a", "b"} {
		var p struct{ ID string }
		require.NoError(t, json.Unmarshal([]byte(lines[i]), &p))
		assert.Equal(t, id, p.ID)
	}
	code, again, stderr := evalRun("-gold", gold, "-pred", out)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, direct, again)
	assert.Len(t, strings.Split(strings.TrimSpace(direct), "\n"), 2)
}

func TestEvalRefusesBadInput(t *testing.T) {
	gold, pred := writeTemp(t, "gold.jsonl", evalGold), writeTemp(t, "pred.jsonl", evalPred)
	bad := writeTemp(t, "bad.jsonl", evalGold+`{"id": "c", "text": "x", "quotes": [{"start": 0}]}`+"\n")
	empty := writeTemp(t, "empty.jsonl", "\n")
	cases := []struct {
		name, why string
		args      []string
		code      int
		stderrHas string
	}{
		{"no gold", "-gold is required", []string{"-pred", pred}, 2, "-gold is required"},
		{"positional file", "files come with flags", []string{"-gold", gold, pred}, 2, "unexpected argument"},
		{"pred and out", "-out is only for predictions eval makes", []string{"-gold", gold, "-pred", pred, "-out", "x"}, 2, "-out"},
		{"unknown flag", "the flag package reports it", []string{"-gold", gold, "-bogus"}, 2, "-bogus"},
		{"bad line", "the file and line are named", []string{"-gold", bad, "-pred", pred}, 1, bad + `:3: article "c": quotes[0]: missing "end"`},
		{"missing file", "the OS error is shown", []string{"-gold", gold + ".nope"}, 1, "no such file"},
		{"empty gold", "nothing to score is an error", []string{"-gold", empty}, 1, "no articles"},
		{"help", "-h prints the usage and succeeds", []string{"-h"}, 0, "usage: quotegraph eval"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := evalRun(tc.args...)
			assert.Equal(t, tc.code, code, tc.why)
			assert.Contains(t, stderr, tc.stderrHas, tc.why)
			assert.Empty(t, stdout, tc.why)
		})
	}
}
