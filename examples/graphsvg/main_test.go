package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDraw: the seed article's graph comes out as DOT, with its speakers,
// counterparts and topics.
func TestDraw(t *testing.T) {
	dot, err := draw("g20-antalya", readSeed(t))
	require.NoError(t, err)
	s := string(dot)
	assert.True(t, strings.HasPrefix(s, "digraph quotegraph {"))
	for _, want := range []string{`"person:david-cameron"`, `"person:barack-obama"`, `"topic:syria"`, `label="talked-with"`} {
		assert.Contains(t, s, want)
	}
}

func readSeed(t *testing.T) string {
	b, err := os.ReadFile("../../testdata/g20-antalya.txt")
	require.NoError(t, err)
	return string(b)
}

// TestWithoutGraphviz: with no dot on the PATH, the DOT file is written and
// the user told how to render it.
func TestWithoutGraphviz(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"-o", filepath.Join(dir, "seed.svg")}, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "Graphviz is not installed")
	b, err := os.ReadFile(filepath.Join(dir, "seed.dot"))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"person:david-cameron"`)
}

// TestWithGraphviz draws the picture when Graphviz is installed.
func TestWithGraphviz(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("Graphviz dot is not installed")
	}
	out := filepath.Join(t.TempDir(), "seed.svg")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-o", out}, &stdout, &stderr), stderr.String())
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), "<svg")
	assert.Contains(t, string(b), "David Cameron")
}

func TestBadInput(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"-in", filepath.Join(t.TempDir(), "missing.txt")}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "missing.txt")
	assert.Equal(t, 2, run([]string{"-nope"}, &stdout, &stderr))
}
