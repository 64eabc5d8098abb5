package evaluate

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadGoldErrors(t *testing.T) {
	const ok = `{"id": "a", "text": "xyz", "quotes": []}`
	cases := []struct {
		name, why, input string
		want             []string // the messages, in order
	}{
		{"invalid JSON on a line", "the line is named, not the whole file",
			ok + "\n" + ok + "\n{\"id\": \n",
			[]string{`gold.jsonl:3: invalid JSON: unexpected end of JSON input`}},
		{"every bad line", "all problems are reported at once",
			`{"text": "", "quotes": []}` + "\n\n" + `{"id": 7, "text": "", "quotes": []}` + "\n",
			[]string{`gold.jsonl:1: missing "id"`, `gold.jsonl:3: id: want a string, got 7`}},
		{"fractional offset", "score.py would compute with 3.5; we refuse it",
			`{"id": "a", "text": "", "quotes": [{"start": 0, "end": 3.5}]}`,
			[]string{`gold.jsonl:1: article "a": quotes[0].end: want an integer, got 3.5`}},
		{"missing end", "score.py fails on q['end']",
			`{"id": "a", "text": "", "quotes": [{"start": 0}]}`,
			[]string{`gold.jsonl:1: article "a": quotes[0]: missing "end"`}},
		{"speaker_start without speaker_end", "score.py fails on q['speaker_end']",
			`{"id": "a", "text": "", "quotes": [{"start": 0, "end": 2, "speaker_start": 0}]}`,
			[]string{`gold.jsonl:1: article "a": quotes[0]: missing "speaker_end"`}},
		{"missing quotes", "score.py fails on g['quotes']",
			`{"id": "a", "text": ""}`,
			[]string{`gold.jsonl:1: article "a": missing "quotes"`}},
		{"quotes not a list", "a list is iterated; anything else is an error",
			`{"id": "a", "text": "", "quotes": {"start": 0}}`,
			[]string{`gold.jsonl:1: article "a": quotes: want a list, got {"start": 0}`}},
		{"speaker not a string", "score.py lower-cases it",
			`{"id": "a", "text": "", "quotes": [{"start": 0, "end": 2, "speaker": ["x"]}]}`,
			[]string{`gold.jsonl:1: article "a": quotes[0].speaker: want a string, got ["x"]`}},
		{"not an object", "each line is an article",
			`[1, 2]`,
			[]string{`gold.jsonl:1: want an object, got [1, 2]`}},
		{"broken pretty-printed object", "the error is placed where the whole file goes wrong",
			"{\n  \"id\": \"a\",\n  \"text\": \"\",\n  \"quotes\": [,]\n}\n",
			[]string{`gold.jsonl:4: invalid JSON: invalid character ',' looking for beginning of value`}},
		{"not UTF-8", "score.py cannot decode the file",
			ok + "\n" + "{\"id\": \"\xff\"}\n",
			[]string{`gold.jsonl:2: not valid UTF-8`}},
		{"long values are cut", "messages stay short",
			`{"id": "a", "text": "", "quotes": [{"start": "` + strings.Repeat("x", 100) + `", "end": 1}]}`,
			[]string{`gold.jsonl:1: article "a": quotes[0].start: want an integer, got "` + strings.Repeat("x", 39) + `…`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadGold(strings.NewReader(tc.input), "gold.jsonl")
			require.Error(t, err, tc.why)
			assert.Nil(t, got)
			var list ErrorList
			require.True(t, errors.As(err, &list), tc.why)
			var msgs []string
			for _, e := range list {
				msgs = append(msgs, e.Error())
			}
			assert.Equal(t, tc.want, msgs, tc.why)
		})
	}
}

func TestReadPredictionErrors(t *testing.T) {
	cases := []struct {
		name, why, input, want string
	}{
		{"speaker is a string", "score.py calls .get on it",
			`{"id": "a", "quotes": [{"start": 0, "end": 2, "speaker": "Obama"}]}`,
			`pred.jsonl:1: article "a": quotes[0].speaker: want an object, got "Obama"`},
		{"cue is a number", "a cue is an object, a string or nothing",
			`{"id": "a", "quotes": [{"start": 0, "end": 2, "cue": 5}]}`,
			`pred.jsonl:1: article "a": quotes[0].cue: want an object, a string or null, got 5`},
		{"mention end without start", "score.py fails on m['start']",
			`{"id": "a", "quotes": [{"start": 0, "end": 2, "speaker": {"mention": {"end": 4}}}]}`,
			`pred.jsonl:1: article "a": quotes[0].speaker.mention: missing "start"`},
		{"null start", "int(None) fails",
			`{"id": "a", "quotes": [{"start": null, "end": 2}]}`,
			`pred.jsonl:1: article "a": quotes[0].start: want an integer, got null`},
		{"string offsets", "we accept numbers only",
			`{"id": "a", "quotes": [{"start": "0", "end": 2}]}`,
			`pred.jsonl:1: article "a": quotes[0].start: want an integer, got "0"`},
		{"quotes is an object", "a true non-list is an error",
			`{"id": "a", "quotes": {"x": 1}}`,
			`pred.jsonl:1: article "a": quotes: want a list, got {"x": 1}`},
		{"several bad lines", "the first is shown with the count of the others",
			"{}\n{}\n{}\n",
			`pred.jsonl:1: missing "id" (and 2 more errors)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadPredictions(strings.NewReader(tc.input), "pred.jsonl")
			require.Error(t, err, tc.why)
			assert.Nil(t, got)
			assert.Equal(t, tc.want, err.Error(), tc.why)
		})
	}
}

func TestReadAcceptsWhatScorePyAccepts(t *testing.T) {
	cases := []struct {
		name, why, input string
		ids              []string
	}{
		{"blank lines", "lines that strip to nothing are skipped",
			"\n" + `{"id": "a"}` + "\n  \t\n" + `{"id": "b"}`, []string{"a", "b"}},
		{"CRLF", "splitlines() ends lines at \\r\\n",
			`{"id": "a"}` + "\r\n" + `{"id": "b"}` + "\r\n", []string{"a", "b"}},
		{"other line ends", "splitlines() also ends lines at \\f and U+2028",
			`{"id": "a"}` + "\f" + `{"id": "b"}` + "\u2028" + `{"id": "c"}`, []string{"a", "b", "c"}},
		{"one object over many lines", "the whole file is tried first",
			"{\n  \"id\": \"a\",\n  \"quotes\": []\n}\n", []string{"a"}},
		{"duplicates kept", "reading keeps every line; scoring keeps the last",
			`{"id": "a"}` + "\n" + `{"id": "a", "quotes": null}`, []string{"a", "a"}},
		{"empty input", "no articles is not an error",
			"", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadPredictions(strings.NewReader(tc.input), "pred.jsonl")
			require.NoError(t, err, tc.why)
			var ids []string
			for _, p := range got {
				ids = append(ids, p.ID)
			}
			assert.Equal(t, tc.ids, ids, tc.why)
		})
	}
}

func TestGoldFixtureIsConsistent(t *testing.T) {
	// why: the fixture's offsets are the test's ground truth; a quote whose
	// text is not text[start:end] would pin figures for the wrong spans.
	gold, err := LoadGold("testdata/gold.jsonl")
	require.NoError(t, err)
	require.Len(t, gold, 3)
	for _, a := range gold {
		for i, q := range a.Quotes {
			assert.Equal(t, q.Text, a.Text[q.Start:q.End], "%s quote %d", a.ID, i)
			if q.SpeakerStart != nil {
				assert.Equal(t, q.Speaker, a.Text[*q.SpeakerStart:*q.SpeakerEnd], "%s quote %d speaker", a.ID, i)
			}
			if q.CueStart != nil {
				assert.Equal(t, q.Cue, a.Text[*q.CueStart:*q.CueEnd], "%s quote %d cue", a.ID, i)
			}
		}
	}
	one, err := LoadGold("testdata/gold-one.json")
	require.NoError(t, err)
	assert.Equal(t, gold[1:2], one, "gold-one.json is the second article of gold.jsonl")
}

func TestTruthy(t *testing.T) {
	cases := []struct {
		raw  string
		want bool
	}{
		{"", false}, {"null", false}, {"false", false}, {"true", true},
		{"0", false}, {"-0", false}, {"0.0", false}, {"0e5", false}, {"1", true}, {"-0.5", true}, {"1e999", true},
		{`""`, false}, {`" "`, true}, {`"0"`, true},
		{"[]", false}, {"[ ]", false}, {"[0]", true}, {"{}", false}, {"{ }", false}, {`{"a":1}`, true},
	}
	for _, tc := range cases {
		t.Run(tc.raw, func(t *testing.T) {
			assert.Equal(t, tc.want, truthy([]byte(tc.raw)), "Python's bool() of the decoded value")
		})
	}
}
