package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/testdata"
)

// runCLI runs the command with args and stdin, as main would.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errs)
	return out.String(), errs.String(), code
}

func TestRunDispatch(t *testing.T) {
	for _, tc := range []struct {
		why      string
		args     []string
		code     int
		stdout   string // a part of the output
		stderr   string // a part of the messages
		noStdout bool
	}{
		{why: "no arguments analyses the bundled seed article", args: nil, stdout: testdata.SeedID + ": "},
		{why: "help is on stdout, for a pager", args: []string{"help"}, stdout: "Commands:"},
		{why: "-h is help too", args: []string{"-h"}, stdout: "extract"},
		{why: "an unknown command is a usage error naming it", args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`, noStdout: true},
		{why: "extract is dispatched with its own flags", args: []string{"extract", "-h"}, stderr: "usage: quotegraph extract", noStdout: true},
	} {
		t.Run(tc.why, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, stdout, tc.stdout)
			assert.Contains(t, stderr, tc.stderr)
			if tc.noStdout {
				assert.Empty(t, stdout)
			}
		})
	}
}

func TestSeedSummary(t *testing.T) {
	// Why: the first thing a newcomer runs must say, for each quote, its
	// kind, speaker, cue, method and confidence, and list the speakers.
	stdout, stderr, code := runCLI(t, "")
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr)
	lines := strings.Split(stdout, "\n")
	require.NotEmpty(t, lines)
	assert.Regexp(t, `^g20-antalya: \d+ quotes, \d+ speakers$`, lines[0])
	n := strings.Count(stdout, "\n    speaker:")
	assert.Equal(t, n, strings.Count(stdout, "\n    method:"), "every quote has its method and confidence")
	if n > 0 {
		assert.Contains(t, stdout, "cue:")
		assert.Regexp(t, `(?m)^ 1\. (direct|mixed|indirect) `, stdout)
		assert.Regexp(t, `confidence [01]\.\d\d`, stdout)
		assert.Contains(t, stdout, "\nSpeakers:\n")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestSeedSummaryWriteError(t *testing.T) {
	// Why: a failed write is an error, not a silent success.
	var errs bytes.Buffer
	assert.Equal(t, 1, run(nil, strings.NewReader(""), failingWriter{}, &errs))
	assert.Contains(t, errs.String(), "disk full")
}

func TestClip(t *testing.T) {
	for _, tc := range []struct{ why, in, want string }{
		{"short text is kept", "a b", "a b"},
		{"runs of space and newlines become one space", "a \n\n  b", "a b"},
		{"long text is cut on a rune, with an ellipsis", "ééééé", "éé…"},
	} {
		t.Run(tc.why, func(t *testing.T) { assert.Equal(t, tc.want, clip(tc.in, 3)) })
	}
}
