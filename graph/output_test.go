package graph_test

import (
	"bytes"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/speaker"
)

// TestJSONRoundTrip: what WriteJSON writes, ReadJSON reads back into an
// identical graph, for one article and for a corpus.
func TestJSONRoundTrip(t *testing.T) {
	for _, c := range []struct {
		why string
		g   *graph.Graph
	}{
		{"one article", build(t, handmadeSeed(t))},
		{"a corpus with merged names", build(t, corpus(t)...)},
		{"no text in the evidence", func() *graph.Graph {
			g, err := graph.Build([]graph.Article{handmadeSeed(t)}, graph.WithoutText())
			require.NoError(t, err)
			return g
		}()},
		{"an empty graph", graph.New()},
	} {
		t.Run(c.why, func(t *testing.T) {
			first := jsonOf(t, c.g)
			back, err := graph.ReadJSON(strings.NewReader(first))
			require.NoError(t, err)
			assert.Equal(t, c.g.Vertices(), back.Vertices())
			assert.Equal(t, c.g.Edges(), back.Edges())
			assert.Equal(t, first, jsonOf(t, back))
		})
	}
}

func TestReadJSONErrors(t *testing.T) {
	const nodes = `{"id":"person:a-b","kind":"speaker","label":"A B","quotes":1},
		{"id":"topic:syria","kind":"topic","label":"Syria","quotes":0}`
	ev := `[{"article":"x","start":0,"end":5}]`
	cases := []struct {
		why  string
		doc  string
		want string // in the error; "" for none
		// edges and vertices that must still be read
		order, size int
	}{
		{"a good graph", `{"nodes":[` + nodes + `],"edges":[{"source":"person:a-b","target":"topic:syria","relation":"said-about","weight":1,"evidence":` + ev + `}]}`,
			"", 2, 1},
		{"an edge to a missing vertex is left out", `{"nodes":[` + nodes + `],"edges":[{"source":"person:a-b","target":"topic:iraq","relation":"said-about","weight":1,"evidence":` + ev + `}]}`,
			`edge 0: no vertex "topic:iraq"`, 2, 0},
		{"a weight must count the evidence", `{"nodes":[` + nodes + `],"edges":[{"source":"person:a-b","target":"topic:syria","relation":"said-about","weight":3,"evidence":` + ev + `}]}`,
			"edge 0: weight 3 but 1 pieces of evidence", 2, 0},
		{"evidence must be sorted", `{"nodes":[` + nodes + `],"edges":[{"source":"person:a-b","target":"topic:syria","relation":"said-about","weight":2,"evidence":[{"article":"x","start":9,"end":12},{"article":"x","start":0,"end":5}]}]}`,
			"evidence 1: not sorted or repeated", 2, 0},
		{"a relation without direction runs from the smaller ID",
			`{"nodes":[` + nodes + `],"edges":[{"source":"topic:syria","target":"person:a-b","relation":"met","weight":1,"evidence":` + ev + `}]}`,
			"met has no direction", 2, 0},
		{"a kind must fit the ID", `{"nodes":[{"id":"topic:syria","kind":"speaker","label":"Syria","quotes":1}],"edges":[]}`,
			`topic:syria: kind "speaker" does not fit the ID`, 0, 0},
		{"a speaker has quotes", `{"nodes":[{"id":"person:a","kind":"speaker","label":"A","quotes":0}],"edges":[]}`,
			"a speaker with 0 quotes", 0, 0},
		{"IDs are unique", `{"nodes":[` + nodes + `,{"id":"topic:syria","kind":"topic","label":"Syria","quotes":0}],"edges":[]}`,
			`node 2: duplicate ID "topic:syria"`, 2, 0},
		{"IDs have a known namespace", `{"nodes":[{"id":"planet:mars","kind":"topic","label":"Mars","quotes":0}],"edges":[]}`,
			`unknown namespace "planet"`, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.why, func(t *testing.T) {
			g, err := graph.ReadJSON(strings.NewReader(c.doc))
			if c.want == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, c.want)
			}
			require.NotNil(t, g)
			assert.Equal(t, c.order, g.Order())
			assert.Equal(t, c.size, g.Size())
		})
	}
	for _, doc := range []string{`not json`, `{"nodes": 3}`, `{"vertices": []}`} {
		g, err := graph.ReadJSON(strings.NewReader(doc))
		assert.Error(t, err, doc)
		assert.Nil(t, g, doc)
	}
}

// awkward is a graph whose labels hold everything DOT must escape.
func awkward(t testing.TB) *graph.Graph {
	text := `The "Peace" Institute spoke. [The "peace plan" for Syria.]`
	return build(t, said(t, "awk\"ward", `The "Peace" Institute \ C:\path`, speaker.Organization, text))
}

func TestDOT(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, awkward(t).WriteDOT(&b))
	dot := b.String()
	assert.True(t, strings.HasPrefix(dot, "digraph quotegraph {\n"))
	assert.True(t, strings.HasSuffix(dot, "}\n"))
	assert.Contains(t, dot, `label="\"Peace\" Institute \\ C:\\path\n1 quote"`, "quotes and backslashes escaped")
	// Every quoted string is closed: strip escapes, then the quotes pair up.
	for _, line := range strings.Split(strings.TrimSpace(dot), "\n") {
		unescaped := regexp.MustCompile(`\\.`).ReplaceAllString(line, "")
		assert.Zero(t, strings.Count(unescaped, `"`)%2, "unbalanced quotes in %q", line)
	}
	b.Reset()
	require.NoError(t, build(t, handmadeSeed(t)).WriteDOT(&b))
	seed := b.String()
	assert.Contains(t, seed, `"person:david-cameron" [label="David Cameron\nBritish Prime Minister\n5 quotes", shape=box, fillcolor="#9ecae1", peripheries=2];`,
		"a speaker others deal with: blue box with a double border")
	assert.Contains(t, seed, `"person:barack-obama" [label="Barack Obama\nUS President", shape=box, fillcolor="#fdd0a2"];`, "a counterpart is orange")
	assert.Contains(t, seed, `"topic:syria" [label="Syria", shape=ellipse, fillcolor="#fff7bc"];`, "a topic is a yellow ellipse")
	assert.Contains(t, seed, `"person:david-cameron" -> "person:vladimir-putin" [label="talked-with", weight=2, penwidth=2.0, color="#08519c", fontcolor="#08519c", dir=none];`,
		"pen width by weight, no arrow without direction")
}

// TestDOTRenders runs Graphviz when it is installed.
func TestDOTRenders(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not installed")
	}
	for _, g := range []*graph.Graph{awkward(t), build(t, corpus(t)...)} {
		var in, out, stderr bytes.Buffer
		require.NoError(t, g.WriteDOT(&in))
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = &in, &out, &stderr
		require.NoError(t, cmd.Run(), stderr.String())
		assert.Empty(t, stderr.String())
		assert.Contains(t, out.String(), "<svg")
	}
}
