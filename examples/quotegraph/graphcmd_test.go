package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/graph"
)

const seedFile = "../../testdata/g20-antalya.txt"

// graphCLI runs the graph subcommand with args and stdin.
func graphCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errs bytes.Buffer
	code = runGraph(args, strings.NewReader(stdin), &out, &errs)
	return out.String(), errs.String(), code
}

// readGraph reads the JSON the command wrote.
func readGraph(t *testing.T, js string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadJSON(strings.NewReader(js))
	require.NoError(t, err)
	return g
}

func TestGraphSeed(t *testing.T) {
	// Why: the seed article's graph holds its speakers, counterparts and
	// topics, and the JSON reads back into the same graph.
	stdout, stderr, code := graphCLI(t, "", "-format", "json", seedFile)
	require.Equal(t, 0, code, stderr)
	g := readGraph(t, stdout)
	for _, id := range []string{"person:david-cameron", "person:vladimir-putin", "person:barack-obama", "topic:syria", "topic:islamic-state"} {
		_, ok := g.Vertex(id)
		assert.True(t, ok, id)
	}
	ev := g.Evidence("person:david-cameron", "topic:syria", graph.SaidAbout)
	require.NotEmpty(t, ev)
	assert.Equal(t, "g20-antalya", ev[0].Article, "the article ID is the file name")
	var again bytes.Buffer
	require.NoError(t, g.WriteJSON(&again))
	assert.Equal(t, stdout, again.String(), "round trip")
}

func TestGraphFormats(t *testing.T) {
	for _, tc := range []struct {
		why    string
		args   []string
		stdout string
	}{
		{"DOT is the default", nil, "digraph quotegraph {"},
		{"text lists the top speakers", []string{"-format", "text", "-top", "3"}, " 1. David Cameron (person:david-cameron) 5 quotes"},
		{"-no-text leaves the quotes out of the evidence", []string{"-format", "json", "-no-text"}, `"evidence":[{"article":"g20-antalya","start":`},
	} {
		t.Run(tc.why, func(t *testing.T) {
			stdout, stderr, code := graphCLI(t, "", append(tc.args, seedFile)...)
			require.Equal(t, 0, code, stderr)
			assert.Contains(t, stdout, tc.stdout)
			if strings.Contains(tc.why, "no-text") {
				assert.NotContains(t, stdout, `"text":`)
			}
		})
	}
}

func TestGraphAround(t *testing.T) {
	// Why: -around keeps one speaker's neighbourhood, found by label.
	stdout, stderr, code := graphCLI(t, "", "-format", "json", "-around", "vladimir putin", "-hops", "1", seedFile)
	require.Equal(t, 0, code, stderr)
	g := readGraph(t, stdout)
	_, cameron := g.Vertex("person:david-cameron")
	_, merkel := g.Vertex("person:angela-merkel")
	assert.True(t, cameron, "Putin talked with Cameron")
	assert.False(t, merkel, "Merkel is further away")

	_, stderr, code = graphCLI(t, "", "-around", "Nobody Atall", seedFile)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, `no vertex "Nobody Atall"`)
}

func TestGraphJSONL(t *testing.T) {
	// Why: one graph over many articles; a bad line is reported by its
	// number and the others still make the graph.
	in := `{"id": "a", "text": "Senator Marco Rubio said taxes were too high."}
not json
{"id": "b", "text": "Marco Rubio said that immigration had to be fixed."}
`
	stdout, stderr, code := graphCLI(t, in, "-jsonl", "-format", "json")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "stdin:2")
	g := readGraph(t, stdout)
	v, ok := g.Vertex("person:marco-rubio")
	if assert.True(t, ok, "vertices: %v", g.Vertices()) {
		assert.Equal(t, 2, v.Quotes, "one speaker across both articles")
	}
}

func TestGraphProblems(t *testing.T) {
	dir := t.TempDir()
	vocab := filepath.Join(dir, "topics.txt")
	require.NoError(t, os.WriteFile(vocab, []byte("refugee crisis = migration\n"), 0o644))
	for _, tc := range []struct {
		why    string
		args   []string
		code   int
		stderr string
		stdout string
	}{
		{"nothing readable is a failure naming the file", []string{filepath.Join(dir, "missing.txt")}, 1, "missing.txt", ""},
		{"an unknown format is a usage error", []string{"-format", "png", seedFile}, 2, `unknown format "png"`, ""},
		{"negative workers are a usage error", []string{"-workers", "-1", seedFile}, 2, "-workers -1", ""},
		{"a missing vocabulary is a usage error", []string{"-topics", filepath.Join(dir, "nope.txt"), seedFile}, 2, "nope.txt", ""},
		{"a user's vocabulary is used", []string{"-topics", vocab, "-format", "json", seedFile}, 0, "", `"id":"topic:migration"`},
		{"help goes to stderr and succeeds", []string{"-h"}, 0, "usage: quotegraph graph", ""},
	} {
		t.Run(tc.why, func(t *testing.T) {
			stdout, stderr, code := graphCLI(t, "", tc.args...)
			assert.Equal(t, tc.code, code, stderr)
			assert.Contains(t, stderr, tc.stderr)
			assert.Contains(t, stdout, tc.stdout)
		})
	}
}
