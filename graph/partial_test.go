package graph_test

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/speaker"
	"github.com/quotegraph/quotegraph/testdata"
)

// fixtures is the project's bundled articles, the seed and every fixture,
// analysed by the whole pipeline as the CLI does.
func fixtures(t testing.TB) []graph.Article {
	t.Helper()
	var arts []graph.Article
	for _, d := range testdata.Bundled() {
		a, err := quotegraph.Analyze(d.Text, quotegraph.WithID(d.ID))
		require.NoError(t, err)
		arts = append(arts, graph.Article{ID: d.ID, Text: d.Text, Attributions: a.Quotes, Entities: a.Speakers})
	}
	require.Greater(t, len(arts), 1, "premise: the fixtures are there")
	return arts
}

// buildJSON is the JSON of Build over arts; Build's error (attributions left
// out) is part of what the merged graph must match.
func buildJSON(t testing.TB, arts []graph.Article) (string, bool) {
	g, err := graph.Build(arts)
	require.NotNil(t, g)
	return jsonOf(t, g), err != nil
}

// TestBuildWorkers: the number of workers Build reads with changes nothing
// in the graph, since batches are merged in the order of their articles.
func TestBuildWorkers(t *testing.T) {
	arts := fixtures(t)
	want, _ := buildJSON(t, arts)
	for _, n := range []int{1, 3, len(arts) + 5} {
		g, _ := graph.Build(arts, graph.WithWorkers(n))
		assert.Equal(t, want, jsonOf(t, g), "%d workers", n)
	}
}

// part is how one part of a corpus is made into a graph before the merge.
type part int

const (
	built    part = iota // graph.Build: resolved
	added                // New and Add: unresolved
	wire                 // New and Add, then MarshalBinary and UnmarshalBinary
	wireDone             // Build, then MarshalBinary and UnmarshalBinary: resolved
	parts
)

func makePart(t *testing.T, how part, arts []graph.Article) (g *graph.Graph, failed bool) {
	t.Helper()
	switch how {
	case built, wireDone:
		var err error
		g, err = graph.Build(arts)
		failed = err != nil
	default:
		g = graph.New()
		for _, a := range arts {
			failed = g.Add(a) != nil || failed
		}
	}
	if how == wire || how == wireDone {
		b, err := g.MarshalBinary()
		require.NoError(t, err)
		var h graph.Graph // the zero Graph decodes too
		require.NoError(t, h.UnmarshalBinary(b))
		g = &h
	}
	return g, failed
}

// TestMergeEqualsBuild: a corpus split at random, its parts made into graphs
// in every way (Build, Add, through the binary form), merged in a random
// order and a random grouping, and resolved once, is exactly Build over the
// corpus.
func TestMergeEqualsBuild(t *testing.T) {
	for _, c := range []struct {
		name   string
		arts   func(t testing.TB) []graph.Article
		splits int  // random splits to try
		merges bool // whether Resolve merges names over the whole corpus
		why    string
	}{
		{"handmade", corpus, 12, true, "names that only the whole corpus resolves: Putin and Cameron alone, ISIS defined elsewhere"},
		{"surnames", func(t testing.TB) []graph.Article {
			return []graph.Article{
				said(t, "a", "Hillary Clinton", speaker.Person, "[Trade matters.]"),
				said(t, "b", "Bill Clinton", speaker.Person, "[Trade matters.]"),
				said(t, "c", "Clinton", speaker.Person, "[Trade matters.]"),
				said(t, "d", "Putin", speaker.Person, "[Syria matters.]"),
				said(t, "e", "Vladimir Putin", speaker.Person, "[Syria matters.]"),
			}
		}, 12, true, "a surname some parts resolve and the whole does not"},
		{"fixtures", fixtures, 6, false, "every bundled article as the pipeline reads it"},
		{"both", func(t testing.TB) []graph.Article { return append(fixtures(t), corpus(t)...) }, 6, true,
			"the fixtures with names to resolve; the seed article twice, under one ID"},
	} {
		t.Run(c.name, func(t *testing.T) {
			arts := c.arts(t)
			want, wantFailed := buildJSON(t, arts)
			g := graph.New()
			for _, a := range arts {
				_ = g.Add(a)
			}
			require.Equal(t, c.merges, g.Resolve() > 0, "premise: whether Resolve merges names in this corpus (then merging resolved parts naively would differ)")
			rng := rand.New(rand.NewPCG(6, uint64(len(arts))))
			for round := range c.splits {
				nparts := 1 + rng.IntN(len(arts))
				if round == 0 {
					nparts = len(arts) // one article per part
				}
				split := make([][]graph.Article, nparts)
				for _, i := range rng.Perm(len(arts)) {
					k := rng.IntN(nparts)
					split[k] = append(split[k], arts[i])
				}
				var gs []*graph.Graph
				failed := false
				hows := map[part]int{}
				for _, p := range split {
					how := part(rng.IntN(int(parts)))
					if round%3 == 1 {
						how = added // all unresolved: the combine of a distributed engine
					}
					hows[how]++
					g, f := makePart(t, how, p)
					gs, failed = append(gs, g), failed || f
				}
				// Merge two graphs at random until one is left.
				for len(gs) > 1 {
					i, j := rng.IntN(len(gs)), rng.IntN(len(gs))
					if i == j {
						continue
					}
					require.NoError(t, gs[i].Merge(gs[j]))
					gs = slices.Delete(gs, j, j+1)
				}
				gs[0].Resolve()
				assert.Equal(t, want, jsonOf(t, gs[0]), "round %d: %d parts made %v", round, nparts, hows)
				assert.Equal(t, wantFailed, failed, "round %d: the parts report what Build reports", round)
			}
		})
	}
}

// TestMergeKeepsResolvedState checks the cases that make a resolved graph
// mergeable: its unresolved state survives Resolve, Add and Merge.
func TestMergeKeepsResolvedState(t *testing.T) {
	arts := corpus(t)
	want, _ := buildJSON(t, arts)
	half := len(arts) / 2

	t.Run("Resolve twice is Resolve once", func(t *testing.T) {
		g := build(t, arts...)
		g.Resolve()
		assert.Equal(t, want, jsonOf(t, g))
	})
	t.Run("Add after Resolve, then Resolve", func(t *testing.T) {
		g := build(t, arts[:half]...)
		for _, a := range arts[half:] {
			_ = g.Add(a)
		}
		g.Resolve()
		assert.Equal(t, want, jsonOf(t, g))
	})
	t.Run("a resolved graph merged into an empty one is resolved", func(t *testing.T) {
		g := graph.New()
		require.NoError(t, g.Merge(build(t, arts...)))
		assert.Equal(t, want, jsonOf(t, g), "no Resolve needed")
	})
	t.Run("the merged graph is left as it was", func(t *testing.T) {
		a, b := build(t, arts[:half]...), build(t, arts[half:]...)
		before := jsonOf(t, b)
		require.NoError(t, a.Merge(b))
		assert.Equal(t, want, jsonOf(t, a))
		assert.Equal(t, before, jsonOf(t, b))
	})
	t.Run("merging into itself counts the quotes twice", func(t *testing.T) {
		g := build(t, arts...)
		v, ok := g.Vertex("person:david-cameron")
		require.True(t, ok)
		require.NoError(t, g.Merge(g))
		w, _ := g.Vertex("person:david-cameron")
		assert.Equal(t, 2*v.Quotes, w.Quotes)
		assert.Equal(t, build(t, arts...).Size(), g.Size(), "evidence is a set: no new edges")
	})
	t.Run("a name one part resolves, the whole may not", func(t *testing.T) {
		a := build(t,
			said(t, "a", "Hillary Clinton", speaker.Person, "[Trade matters.]"),
			said(t, "c", "Clinton", speaker.Person, "[Trade matters.]"))
		_, ok := a.Vertex("person:clinton")
		require.False(t, ok, "premise: alone, the part merges Clinton into Hillary Clinton")
		b := build(t, said(t, "b", "Bill Clinton", speaker.Person, "[Trade matters.]"))
		require.NoError(t, b.Merge(a))
		v, ok := b.Vertex("person:clinton")
		if assert.True(t, ok, "with Bill Clinton, Clinton could be two people") {
			assert.Equal(t, 1, v.Quotes)
		}
		h, _ := b.Vertex("person:hillary-clinton")
		assert.Equal(t, 1, h.Quotes, "and Hillary Clinton gives the quote back")
	})
	t.Run("nil", func(t *testing.T) {
		assert.Error(t, graph.New().Merge(nil))
	})
}

// TestMergeConcurrent merges two graphs into each other at once, with
// readers alongside; run with -race. Neither waits for the other forever.
func TestMergeConcurrent(t *testing.T) {
	arts := corpus(t)
	a, b := build(t, arts[:3]...), build(t, arts[3:]...)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { assert.NoError(t, a.Merge(b)) })
		wg.Go(func() { assert.NoError(t, b.Merge(a)) })
		wg.Go(func() { _ = a.TopSpeakers(3) })
	}
	wg.Wait()
	assert.NotZero(t, a.Order())
}

func TestBinaryRoundTrip(t *testing.T) {
	arts := corpus(t)
	for _, c := range []struct {
		name string
		make func() *graph.Graph
		why  string
	}{
		{"empty", func() *graph.Graph { return graph.New() }, "no vertex is a graph too"},
		{"unresolved", func() *graph.Graph {
			g := graph.New()
			for _, a := range arts {
				_ = g.Add(a)
			}
			return g
		}, "a combine's accumulator"},
		{"resolved", func() *graph.Graph { return build(t, arts...) }, "a finished graph stays finished and mergeable"},
		{"without text", func() *graph.Graph { g, _ := graph.Build(arts, graph.WithoutText()); return g }, "evidence without text"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := c.make()
			b, err := g.MarshalBinary()
			require.NoError(t, err)
			var h graph.Graph
			require.NoError(t, h.UnmarshalBinary(b))
			assert.Equal(t, jsonOf(t, g), jsonOf(t, &h))
			b2, err := h.MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, b, b2, "the same graph encodes to the same bytes")
			b3, err := c.make().MarshalBinary()
			require.NoError(t, err)
			assert.Equal(t, b, b3, "map order does not reach the bytes")
		})
	}
}

func TestUnmarshalBinaryRejects(t *testing.T) {
	good, err := build(t, corpus(t)...).MarshalBinary()
	require.NoError(t, err)
	for _, c := range []struct {
		data []byte
		why  string
	}{
		{nil, "nothing"},
		{[]byte(`{"nodes": [], "edges": []}`), "the JSON form is not the binary form"},
		{good[:len(good)/2], "cut in the middle"},
		{append(slices.Clone(good[:40]), 0xff, 0xfe), "garbage after the header"},
	} {
		t.Run(c.why, func(t *testing.T) {
			g := build(t, said(t, "x", "David Cameron", speaker.Person, "[Syria.]"))
			before := jsonOf(t, g)
			assert.Error(t, g.UnmarshalBinary(c.data))
			assert.Equal(t, before, jsonOf(t, g), "a failed decode leaves the graph as it was")
		})
	}
}
