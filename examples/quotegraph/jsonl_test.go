package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		why      string
		line     string
		id, text string
		msg      string // a part of the message, "" for a good line
	}{
		{why: "the plain case", line: `{"id":"a","text":"b"}`, id: "a", text: "b"},
		{why: "escapes are decoded", line: `{"id":"a\"\\\/","text":"\n\t\r\b\f\u00e9\ud83d\ude00"}`, id: `a"\/`, text: "\n\t\r\b\fé😀"},
		{why: "a lone surrogate is U+FFFD, as encoding/json reads it", line: `{"id":"a","text":"\ud83dx\udc00"}`, id: "a", text: "\uFFFDx\uFFFD"},
		{why: "a bad byte is U+FFFD, as encoding/json reads it", line: "{\"id\":\"a\",\"text\":\"x\xffy\"}", id: "a", text: "x\uFFFDy"},
		{why: "other members of any shape are skipped", line: `{"quotes":[{"a":[1,2.5e-3,true,false,null,{}]}],"id":"a","x":{"y":"}"},"text":"b"}`, id: "a", text: "b"},
		{why: "the last of repeated members counts, as in encoding/json", line: `{"id":"a","id":"b","text":"c"}`, id: "b", text: "c"},
		{why: "an escaped member name is still the name", line: `{"\u0069d":"a","text":"b"}`, id: "a", text: "b"},
		{why: "names match exactly", line: `{"ID":"a","text":"b"}`, msg: `no "id"`},
		{why: "space is allowed around everything", line: " \t{ \"id\" : 1 , \"text\" : \"b\" } \r", id: "1", text: "b"},
		{why: "a null ID is no ID", line: `{"id":null,"text":"b"}`, msg: `no "id"`},
		{why: "a null text is no text", line: `{"id":"a","text":null}`, msg: `no "text" (id "a")`},
		{why: "a trailing comma is malformed", line: `{"id":"a","text":"b",}`, msg: "malformed JSON: invalid character '}'"},
		{why: "a bad escape is malformed", line: `{"id":"a","text":"\x"}`, msg: "in string escape code"},
		{why: "a raw control character is malformed", line: "{\"id\":\"a\",\"text\":\"a\tb\"}", msg: "in string literal"},
		{why: "a leading zero is malformed", line: `{"id":01,"text":"b"}`, msg: "malformed JSON"},
		{why: "a second value on the line is malformed", line: `{"id":"a","text":"b"} {}`, msg: "want the end of the line"},
		{why: "an empty line is malformed (extract skips blank lines before)", line: ``, msg: "unexpected end of line"},
		{why: "a cut line says so", line: `{"id":"a","text":"b`, msg: "unexpected end of line"},
		{why: "not an object", line: `"id"`, msg: "not a JSON object"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			d, msg := parseLine([]byte(tc.line))
			if tc.msg != "" {
				assert.Contains(t, msg, tc.msg)
				return
			}
			require.Empty(t, msg)
			assert.Equal(t, tc.id, d.ID)
			assert.Equal(t, tc.text, d.Text)
		})
	}
}

func TestParseLineDepth(t *testing.T) {
	// Why: nesting is limited where encoding/json limits it, no deeper and
	// no sooner, and deep nesting does not overflow the stack.
	for _, depth := range []int{maxDepth - 1, maxDepth, maxDepth + 1, 1_000_000} {
		line := `{"id":"a","text":"b","x":` + strings.Repeat("[", depth-1) + strings.Repeat("]", depth-1) + `}`
		_, msg := parseLine([]byte(line))
		assert.Equal(t, json.Valid([]byte(line)), msg == "", "depth %d: %s", depth, msg)
	}
}

// FuzzParseLine checks parseLine against encoding/json: the same lines are
// malformed, and the ID and text are the same.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"b"}`, `{"id":1.5e3,"text":"\u00e9\ud83d\ude00"}`, `{"id":"a","text":"b",}`,
		`{"\u0069d":"a","text":"x\\"}`, `[{"id":"a"}]`, `null`, "{\"id\":\"a\xff\",\"text\":\"\xed\xa0\x80\"}",
		`{"id":"a","text":"\ud800\u0041","q":[[{"a":-0.0e+1}],true,false,null]}`, ` {"id" : "a" , "text" : "" } `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		d, msg := parseLine(line)
		if !json.Valid(line) {
			require.True(t, strings.HasPrefix(msg, "malformed JSON: "), "encoding/json rejects the line; parseLine says %q", msg)
			return
		}
		if trimmed := bytes.TrimLeft(line, " \t\r\n"); trimmed[0] != '{' {
			require.Equal(t, "malformed JSON: not a JSON object at byte 1", msg)
			return
		}
		var m map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(line, &m))
		want := func(raw json.RawMessage) (s string, kind byte) {
			switch {
			case raw == nil || string(raw) == "null":
				return "", 0
			case raw[0] == '"':
				require.NoError(t, json.Unmarshal(raw, &s))
				return s, '"'
			case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
				return string(raw), '0'
			}
			return "", 'x'
		}
		id, idKind := want(m["id"])
		text, textKind := want(m["text"])
		switch {
		case idKind == 0:
			require.Equal(t, `no "id"`, msg)
		case idKind == 'x':
			require.Equal(t, `"id" is neither a string nor a number`, msg)
		case textKind == 0:
			require.Contains(t, msg, `no "text"`)
		case textKind != '"':
			require.Contains(t, msg, `"text" is not a string`)
		default:
			require.Empty(t, msg)
			require.Equal(t, id, d.ID)
			require.Equal(t, text, d.Text)
		}
	})
}

// BenchmarkParseLine compares parseLine with encoding/json on an annotated
// record: a text, and annotations twice its size that extract skips.
func BenchmarkParseLine(b *testing.B) {
	type rec struct {
		ID     string           `json:"id"`
		Text   string           `json:"text"`
		Quotes []map[string]any `json:"quotes"`
	}
	r := rec{ID: "wire-1", Text: strings.Repeat("\"We will win,\" the minister told reporters on Monday.\n\n", 300)}
	for i := range 300 {
		r.Quotes = append(r.Quotes, map[string]any{"start": i * 60, "end": i*60 + 14, "text": "We will win,", "speaker": "the minister", "cue_speech": true, "segments": [][]int{{i, i + 14}}})
	}
	line, err := json.Marshal(r)
	require.NoError(b, err)
	b.Run("parseLine", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			if _, msg := parseLine(line); msg != "" {
				b.Fatal(msg)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		b.ReportAllocs()
		for b.Loop() {
			var d struct{ ID, Text string }
			if err := json.Unmarshal(line, &d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestPlainRun(t *testing.T) {
	// Why: plainRun reads 8 bytes at a time; a special byte must stop it
	// wherever it falls in a word, and bytes that look special to a careless
	// word test (DEL, 0x80 and above, ' ' itself, '!' and '#' next to '"',
	// '[' and ']' next to '\\') must not.
	for _, special := range []byte{'"', '\\', 0x00, 0x1f, '\n'} {
		for at := range 20 {
			b := bytes.Repeat([]byte("a ![]#\x7f\xff\x80é"), 3)[:24]
			b[at] = special
			assert.Equal(t, at, plainRun(b), "byte %q at %d", special, at)
		}
	}
	assert.Equal(t, 24, plainRun(bytes.Repeat([]byte("a ![]#\x7f\xff\x80é"), 3)[:24]), "no special byte")
	assert.Equal(t, 0, plainRun(nil))
}
