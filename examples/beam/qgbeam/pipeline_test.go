package qgbeam

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/testdata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Pipelines that the tests do not run on a named runner run on the direct
// runner unless -runner says otherwise (go test ./... -args -runner=prism).
func TestMain(m *testing.M) { ptest.MainWithDefault(m, "direct") }

// bundled returns the project's own articles: the seed article and the
// fixtures, each with its file name, less the extension, as ID.
func bundled(t *testing.T) []quotegraph.Doc {
	t.Helper()
	var docs []quotegraph.Doc
	for _, a := range testdata.Bundled() {
		docs = append(docs, quotegraph.Doc{ID: a.ID, Text: a.Text})
	}
	return docs
}

// expected computes, without Beam, what the pipeline must produce: the quote
// lines (sorted) and the corpus graph the graph package builds.
func expected(t *testing.T, docs []quotegraph.Doc) (quotes []string, graphJSON string) {
	t.Helper()
	var arts []graph.Article
	for _, d := range docs {
		a, err := quotegraph.Analyze(d.Text, quotegraph.WithID(d.ID))
		require.NoError(t, err)
		arts = append(arts, graph.Article{ID: d.ID, Text: d.Text, Attributions: a.Quotes, Entities: a.Speakers})
		for _, q := range a.Quotes {
			b, err := json.Marshal(QuoteLine{Article: d.ID, Attribution: q})
			require.NoError(t, err)
			quotes = append(quotes, string(b))
		}
	}
	g, _ := graph.Build(arts) // its error lists attributions left out; the graph is whole
	require.NotNil(t, g)
	var b strings.Builder
	require.NoError(t, g.WriteJSON(&b))
	slices.Sort(quotes)
	return quotes, b.String()
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) == 1 && lines[0] == "" {
		lines = nil
	}
	slices.Sort(lines)
	return lines
}

func TestPipelineMatchesLibrary(t *testing.T) {
	docs := bundled(t)
	wantQuotes, wantGraph := expected(t, docs)
	require.NotEmpty(t, wantQuotes, "premise: the bundled articles have quotes")

	// The direct runner runs everything in this process and never encodes an
	// element; prism runs the pipeline as a portable runner does, through
	// the coders, so both are run.
	for _, tc := range []struct{ runner, format string }{{"direct", "jsonl"}, {"direct", "text"}, {"prism", "jsonl"}, {"prism", "text"}} {
		runner, format := tc.runner, tc.format
		t.Run(runner+"/"+format, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			require.NoError(t, os.Mkdir(in, 0o755))
			var glob string
			if format == "text" {
				for _, d := range docs {
					require.NoError(t, os.WriteFile(filepath.Join(in, d.ID+".txt"), []byte(d.Text), 0o644))
				}
				glob = filepath.Join(in, "*")
			} else {
				// Two files, a blank line and a foreign field: the glob,
				// the line reader and the decoder all take part.
				for i, d := range docs {
					b, err := json.Marshal(map[string]string{"id": d.ID, "text": d.Text, "source": "test"})
					require.NoError(t, err)
					f := filepath.Join(in, []string{"a.jsonl", "b.jsonl"}[i%2])
					fh, err := os.OpenFile(f, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
					require.NoError(t, err)
					_, err = fh.Write(append(b, "\n\n"...))
					require.NoError(t, err)
					require.NoError(t, fh.Close())
				}
				glob = filepath.Join(in, "*.jsonl")
			}
			cfg := Config{Input: glob, Format: format, Quotes: filepath.Join(dir, "quotes.jsonl"), Graph: filepath.Join(dir, "graph.json")}
			p := beam.NewPipeline()
			Build(p.Root(), cfg)
			_, err := beam.Run(context.Background(), runner, p)
			require.NoError(t, err)

			assert.Equal(t, wantQuotes, readLines(t, cfg.Quotes))
			got, err := os.ReadFile(cfg.Graph)
			require.NoError(t, err)
			assert.Equal(t, wantGraph, string(got), "the pipeline's graph differs from the graph package's")
		})
	}
}

// TestCombineIsOrderFree drives the CombineFn the way a distributed runner
// may: inputs in any order, split over accumulators that are encoded, sent
// and merged in any grouping. The result must always be the same graph.
func TestCombineIsOrderFree(t *testing.T) {
	docs := bundled(t)
	_, want := expected(t, docs)
	var inputs []graphInput
	for _, d := range docs {
		a, err := quotegraph.Analyze(d.Text, quotegraph.WithID(d.ID))
		require.NoError(t, err)
		in := newGraphInput(d, a)
		b, err := encodeGraphInput(in) // from the analysing worker
		require.NoError(t, err)
		in, err = decodeGraphInput(b)
		require.NoError(t, err)
		inputs = append(inputs, in)
	}
	fn := &graphCombineFn{}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 10 {
		order := r.Perm(len(inputs))
		nacc := 1 + r.IntN(len(inputs))
		accs := make([]accum, nacc)
		for i := range accs {
			accs[i] = fn.CreateAccumulator()
		}
		for _, i := range order {
			k := r.IntN(nacc)
			accs[k] = fn.AddInput(accs[k], inputs[i])
		}
		for i := range accs { // across the wire
			b, err := encodeAccum(accs[i])
			require.NoError(t, err)
			accs[i], err = decodeAccum(b)
			require.NoError(t, err)
		}
		for len(accs) > 1 {
			i, j := r.IntN(len(accs)), r.IntN(len(accs))
			if i == j {
				continue
			}
			accs[i] = fn.MergeAccumulators(accs[i], accs[j])
			accs = slices.Delete(accs, j, j+1)
		}
		got, err := fn.ExtractOutput(accs[0])
		require.NoError(t, err)
		require.Equal(t, want, got, "round %d", round)
	}
}

// TestGraphInputCoder: what the graph needs of an article crosses the wire
// whole, the entities' mentions included (their JSON form drops them).
func TestGraphInputCoder(t *testing.T) {
	d := bundled(t)[0]
	a, err := quotegraph.Analyze(d.Text, quotegraph.WithID(d.ID))
	require.NoError(t, err)
	in := newGraphInput(d, a)
	mentions := 0
	for _, e := range in.A.Entities {
		mentions += len(e.Mentions)
	}
	require.NotZero(t, mentions, "premise: the seed article's entities have mentions")
	b, err := encodeGraphInput(in)
	require.NoError(t, err)
	out, err := decodeGraphInput(b)
	require.NoError(t, err)
	assert.Equal(t, in, out)

	// The accumulator, a partial graph, crosses the wire whole too: the
	// graph it ends in is the one it would have been.
	fn := &graphCombineFn{}
	acc := fn.AddInput(fn.CreateAccumulator(), in)
	want, err := fn.ExtractOutput(acc)
	require.NoError(t, err)
	_, wantGraph := expected(t, []quotegraph.Doc{d})
	require.Equal(t, wantGraph, want, "premise: one article's accumulator is its graph")
	got, err := decodeAccum(must(encodeAccum(acc)))
	require.NoError(t, err)
	assert.Equal(t, want, must(fn.ExtractOutput(got)))
	empty, err := decodeAccum(must(encodeAccum(accum{})))
	require.NoError(t, err)
	assert.Zero(t, empty.G.Order(), "no accumulator is the empty graph")
	_, err = decodeAccum([]byte("not a graph"))
	assert.Error(t, err)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestParseLine(t *testing.T) {
	for _, tc := range []struct {
		line, id, text, msg string
		why                 string
	}{
		{`{"id":"a","text":"T"}`, "a", "T", "", "the usual line"},
		{`{"text":"T","source":"x","id":"a"}`, "a", "T", "", "member order and other members do not matter"},
		{`{"id":42,"text":"T"}`, "42", "T", "", "a numeric ID is its literal text, as in the CLI"},
		{`{"id":"a","text":"caf\u00e9 \"q\""}`, "a", `café "q"`, "", "escapes are decoded"},
		{`{"id":"a","id":"b","text":"T"}`, "b", "T", "", "the last of two members wins, as in the CLI"},
		{`{"text":"T"}`, "", "", `no "id"`, "an article needs an ID"},
		{`{"id":null,"text":"T"}`, "", "", `no "id"`, "a null ID is none"},
		{`{"id":true,"text":"T"}`, "", "", `"id" is neither a string nor a number`, "a boolean is no ID"},
		{`{"id":"a"}`, "a", "", `no "text" (id "a")`, "an article needs a text"},
		{`{"id":"a","text":3}`, "a", "", `"text" is not a string (id "a")`, "the text is a string"},
		{`["a","T"]`, "", "", "malformed JSON: ", "a line is an object"},
		{`{"id":"a","text":"T"`, "", "", "malformed JSON: ", "a cut line is malformed"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			d, msg := parseLine(tc.line)
			if strings.HasSuffix(tc.msg, ": ") {
				assert.True(t, strings.HasPrefix(msg, tc.msg), "got %q", msg)
			} else {
				assert.Equal(t, tc.msg, msg)
			}
			if msg == "" {
				assert.Equal(t, quotegraph.Doc{ID: tc.id, Text: tc.text}, d)
			}
		})
	}
	assert.Equal(t, "g20-antalya", fileID("/x/testdata/g20-antalya.txt"))
	assert.Equal(t, ".txt", fileID("gs://b/.txt"), "a name that is all extension stays whole")
}
