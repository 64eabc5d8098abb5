package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/testdata"
)

// outLine is one line of extract's output, as a consumer reads it.
type outLine struct {
	ID     string `json:"id"`
	Quotes []struct {
		Start   int     `json:"start"`
		End     int     `json:"end"`
		Text    string  `json:"text"`
		Kind    string  `json:"kind"`
		Method  string  `json:"method"`
		Conf    float64 `json:"confidence"`
		Cue     *span   `json:"cue"`
		Speaker *struct {
			Name    string `json:"name"`
			Kind    string `json:"kind"`
			Mention *span  `json:"mention"`
		} `json:"speaker"`
		Addressee *span `json:"addressee"`
	} `json:"quotes"`
	Speakers []struct {
		Name   string `json:"name"`
		Kind   string `json:"kind"`
		Quotes int    `json:"quotes"`
	} `json:"speakers"`
}

type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// extractLines runs extract and decodes its output, one article a line.
func extractLines(t *testing.T, stdin string, args ...string) (lines []outLine, stderr string, code int) {
	t.Helper()
	stdout, stderr, code := runCLI(t, stdin, append([]string{"extract"}, args...)...)
	for i, l := range strings.SplitAfter(stdout, "\n") {
		if l == "" {
			continue
		}
		require.True(t, strings.HasSuffix(l, "\n"), "line %d ends with a newline", i+1)
		require.Equal(t, 1, strings.Count(l, "\n"), "one object a line")
		var raw map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(l), &raw), "line %d is JSON", i+1)
		for _, k := range []string{"id", "quotes", "speakers"} {
			require.Contains(t, raw, k, "line %d", i+1)
		}
		assert.NotEqual(t, "null", string(raw["quotes"]), "quotes is a list, even when empty")
		assert.NotEqual(t, "null", string(raw["speakers"]), "speakers is a list, even when empty")
		var o outLine
		require.NoError(t, json.Unmarshal([]byte(l), &o))
		lines = append(lines, o)
	}
	return lines, stderr, code
}

func idsOf(lines []outLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.ID
	}
	return out
}

// writeFiles creates files under a new temporary folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

// checkOffsets checks that every span of an output line indexes text.
func checkOffsets(t *testing.T, text string, o outLine) {
	t.Helper()
	in := func(what string, s *span) {
		if s == nil {
			return
		}
		require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(text), "%s %d:%d inside the text", what, s.Start, s.End)
		if utf8.ValidString(text) {
			assert.Equal(t, text[s.Start:s.End], s.Text, "%s text is the text at its offsets", what)
		}
	}
	for _, q := range o.Quotes {
		in("quote", &span{q.Start, q.End, q.Text})
		assert.Contains(t, []string{"direct", "mixed", "indirect"}, q.Kind)
		assert.NotEmpty(t, q.Method)
		assert.True(t, q.Conf >= 0 && q.Conf <= 1, "confidence %v in [0,1]", q.Conf)
		in("cue", q.Cue)
		in("addressee", q.Addressee)
		if q.Speaker != nil {
			in("mention", q.Speaker.Mention)
		}
	}
}

func TestExtractSeedContract(t *testing.T) {
	// Why: the seed article through a file checks every field other
	// programs rely on: the ID from the file name, offsets into the text.
	dir := writeFiles(t, map[string]string{"news/g20-antalya.txt": testdata.Seed})
	lines, stderr, code := extractLines(t, "", filepath.Join(dir, "news", "g20-antalya.txt"))
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr, "nothing on stderr when all is well and stderr is no terminal")
	require.Len(t, lines, 1)
	assert.Equal(t, testdata.SeedID, lines[0].ID)
	checkOffsets(t, testdata.Seed, lines[0])
	total := 0
	for _, s := range lines[0].Speakers {
		total += s.Quotes
		assert.NotEmpty(t, s.Name)
	}
	assert.LessOrEqual(t, total, len(lines[0].Quotes), "speakers count only quotes of the article")
}

func TestExtractPlainText(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":             `"Yes," Smith said.`,
		"a.story.txt":       `Officials said talks would resume.`,
		"noext":             `"No," Jones said.`,
		"tree/z.txt":        "z",
		"tree/sub/y.txt":    "y",
		"tree/a.md":         "a",
		"tree/.hidden.txt":  "hidden",
		"tree/.git/obj.txt": "hidden too",
		"empty.txt":         "",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, tc := range []struct {
		why    string
		stdin  string
		args   []string
		want   []string // the IDs, in order
		stderr string   // a part of the messages, or "" for none
	}{
		{why: "files are read in the order given, IDs without folder and extension",
			args: []string{p("b.txt"), p("a.story.txt"), p("noext")}, want: []string{"b", "a.story", "noext"}},
		{why: "a folder is read recursively in lexical order, hidden names skipped",
			args: []string{p("tree")}, want: []string{"a", "y", "z"}},
		{why: "stdin is read when there is no argument",
			stdin: `"Fine," he said.`, want: []string{"stdin"}},
		{why: "- reads stdin among files, in its place",
			stdin: `"Fine," he said.`, args: []string{p("b.txt"), "-", p("noext")}, want: []string{"b", "stdin", "noext"}},
		{why: "an empty file is an article with no quotes",
			args: []string{p("empty.txt")}, want: []string{"empty"}},
		{why: "a missing file is named on stderr and the others go on",
			args: []string{p("b.txt"), p("missing.txt"), p("noext")}, want: []string{"b", "noext"},
			stderr: "missing.txt: no such file or directory"},
		{why: "a hidden file named on the command line is read",
			args: []string{p("tree/.hidden.txt")}, want: []string{".hidden"}},
	} {
		t.Run(tc.why, func(t *testing.T) {
			lines, stderr, code := extractLines(t, tc.stdin, tc.args...)
			assert.Equal(t, 0, code, stderr)
			assert.Equal(t, tc.want, idsOf(lines))
			if tc.stderr == "" {
				assert.Empty(t, stderr)
			} else {
				assert.Contains(t, stderr, tc.stderr)
				assert.Equal(t, 1, strings.Count(stderr, "\n"), "one message: %s", stderr)
			}
		})
	}
}

func TestExtractJSONL(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"one.jsonl":      `{"id": "f1", "text": "\"Yes,\" Smith said."}` + "\n",
		"dir/two.jsonl":  `{"id": "f2", "text": "x"}` + "\n" + `{"id": "f3", "text": "y"}`,
		"dir/three.json": `{"id": "f4", "text": "z"}`,
	})
	for _, tc := range []struct {
		why    string
		stdin  string
		args   []string
		want   []string // the IDs, in order
		stderr []string // parts of the messages, in order
		code   int
	}{
		{why: "one article a line; other fields are ignored",
			stdin: `{"id": "a", "source": "x", "quotes": [{"start": 1}], "text": "\"Yes,\" Smith said."}` + "\n" +
				`{"text": "Officials said talks would resume.", "id": "b"}` + "\n",
			want: []string{"a", "b"}},
		{why: "a number is an ID too, as written",
			stdin: `{"id": 17, "text": "x"}` + "\n" + `{"id": -2.5e3, "text": "y"}`, want: []string{"17", "-2.5e3"}},
		{why: "blank lines, CRLF endings, a byte-order mark and no final newline are all fine",
			stdin: "\uFEFF" + `{"id": "a", "text": "x"}` + "\r\n\r\n  \n" + `{"id": "b", "text": "y"}`, want: []string{"a", "b"}},
		{why: "a malformed line is named by its number and the others go on",
			stdin:  `{"id": "a", "text": "x"}` + "\n" + `{"id": "b", "text": "y"` + "\n" + `{"id": "c", "text": "z"}`,
			want:   []string{"a", "c"},
			stderr: []string{"stdin:2: malformed JSON: unexpected end of line"}},
		{why: "a line with no text, no ID, a bad ID, or no object is an error of its own",
			stdin: strings.Join([]string{
				`{"id": "a"}`, `{"text": "x"}`, `{"id": true, "text": "x"}`, `["id", "text"]`, `{"id": "ok", "text": "x"}`, `{"id": "b", "text": 3}`,
			}, "\n"),
			want: []string{"ok"},
			stderr: []string{`stdin:1: no "text" (id "a")`, `stdin:2: no "id"`, `stdin:3: "id" is neither a string nor a number`,
				"stdin:4: malformed JSON: not a JSON object", `stdin:6: "text" is not a string (id "b")`}},
		{why: "files and folders of JSON Lines, named in messages",
			args: []string{filepath.Join(dir, "one.jsonl"), filepath.Join(dir, "dir"), filepath.Join(dir, "nope.jsonl")},
			want: []string{"f1", "f4", "f2", "f3"}, stderr: []string{"nope.jsonl: no such file or directory"}},
		{why: "when nothing can be read the exit status says so",
			stdin: "{\n[\n", stderr: []string{"stdin:1: malformed JSON", "stdin:2: malformed JSON"}, code: 1},
		{why: "an empty input is no error: there was nothing to read",
			stdin: "\n"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			lines, stderr, code := extractLines(t, tc.stdin, append([]string{"-jsonl"}, tc.args...)...)
			assert.Equal(t, tc.code, code, stderr)
			if tc.want == nil {
				assert.Empty(t, lines)
			} else {
				assert.Equal(t, tc.want, idsOf(lines))
			}
			msgs := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if tc.stderr == nil {
				assert.Empty(t, stderr)
				return
			}
			require.Len(t, msgs, len(tc.stderr), stderr)
			for i, want := range tc.stderr {
				assert.Contains(t, msgs[i], want)
				assert.True(t, strings.HasPrefix(msgs[i], "quotegraph extract: "), "messages say who speaks")
			}
		})
	}
}

func TestExtractInvalidUTF8(t *testing.T) {
	// Why: invalid UTF-8 is analysed, not rejected, and offsets index the
	// original bytes; a message says so, naming the file or line.
	text := "\xff\xfe Officials said talks would resume. \"We will win,\" Smith said.\n\nEnd \xc3("
	dir := writeFiles(t, map[string]string{"bad.txt": text})
	t.Run("a plain-text file", func(t *testing.T) {
		lines, stderr, code := extractLines(t, "", filepath.Join(dir, "bad.txt"))
		require.Equal(t, 0, code)
		require.Len(t, lines, 1)
		assert.Contains(t, stderr, "bad.txt: invalid UTF-8 at byte 0")
		checkOffsets(t, text, lines[0])
		for _, q := range lines[0].Quotes {
			if utf8.ValidString(text[q.Start:q.End]) {
				assert.Equal(t, text[q.Start:q.End], q.Text, "a quote of valid bytes is the original text")
			}
		}
	})
	t.Run("a JSON line", func(t *testing.T) {
		line := `{"id": "x", "text": "` + strings.ReplaceAll(strings.ReplaceAll(text, "\"", `\"`), "\n", `\n`) + `"}`
		lines, stderr, code := extractLines(t, line+"\n"+`{"id": "y", "text": "ok"}`, "-jsonl")
		require.Equal(t, 0, code)
		assert.Equal(t, []string{"x", "y"}, idsOf(lines))
		assert.Contains(t, stderr, "stdin:1: invalid UTF-8")
		assert.Equal(t, 1, strings.Count(stderr, "\n"))
	})
}

func TestExtractOrderAndWorkers(t *testing.T) {
	// Why: output comes in input order and is the same whatever the number
	// of workers, with articles of very different sizes finishing out of
	// order.
	var in strings.Builder
	for i := range 40 {
		text := strings.Repeat(fmt.Sprintf(`"Point %d," Minister Jane Smith told reporters. Officials said talks would resume.\n\n`, i), 1+(i*37)%29)
		fmt.Fprintf(&in, `{"id": "doc-%02d", "text": "%s"}`+"\n", i, strings.ReplaceAll(text, `"`, `\"`))
	}
	var outs []string
	for _, w := range []string{"1", "2", "5"} {
		stdout, stderr, code := runCLI(t, in.String(), "extract", "-jsonl", "-workers", w)
		require.Equal(t, 0, code, stderr)
		outs = append(outs, stdout)
	}
	assert.Equal(t, outs[0], outs[1])
	assert.Equal(t, outs[0], outs[2])
	lines, _, _ := extractLines(t, in.String(), "-jsonl")
	require.Len(t, lines, 40)
	for i, l := range lines {
		assert.Equal(t, fmt.Sprintf("doc-%02d", i), l.ID)
	}
}

func TestExtractUsage(t *testing.T) {
	for _, tc := range []struct {
		why  string
		args []string
		want string
	}{
		{"a negative worker count is refused", []string{"-workers", "-1"}, "-workers -1"},
		{"an unknown flag is a usage error", []string{"-xml"}, "flag provided but not defined"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", append([]string{"extract"}, tc.args...)...)
			assert.Equal(t, 2, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tc.want)
		})
	}
}

func TestExtractLongLine(t *testing.T) {
	// Why: a line longer than any read buffer is one article, not several.
	text := strings.Repeat("The weather in Antalya was fine.\n\n", 40000) // 1.4 MB
	line := `{"id": "long", "text": "` + strings.ReplaceAll(text, "\n", `\n`) + `"}`
	lines, stderr, code := extractLines(t, line, "-jsonl")
	require.Equal(t, 0, code, stderr)
	require.Len(t, lines, 1)
	assert.Equal(t, "long", lines[0].ID)
	checkOffsets(t, text, lines[0])
}

func TestExtractWriteError(t *testing.T) {
	// Why: when the output cannot be written, the exit status says so.
	var errs strings.Builder
	code := run([]string{"extract", "-jsonl"}, strings.NewReader(`{"id": "a", "text": "x"}`), failingWriter{}, &errs)
	assert.Equal(t, 1, code)
	assert.Equal(t, "quotegraph extract: disk full\n", errs.String(), "said once")
}

func TestFileID(t *testing.T) {
	for _, tc := range []struct{ why, path, want string }{
		{"folder and extension go", "a/b/story.txt", "story"},
		{"only the last extension goes", "wire.2015-11-16.txt", "wire.2015-11-16"},
		{"no extension: the name", "a/story", "story"},
		{"a name that is all extension stays whole", "a/.profile", ".profile"},
	} {
		t.Run(tc.why, func(t *testing.T) { assert.Equal(t, tc.want, fileID(filepath.FromSlash(tc.path))) })
	}
}
