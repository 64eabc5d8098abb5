package graph_test

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/speaker"
)

// said builds an article in which the person named by who says the quote in
// [brackets]; the speaker entity carries the name as the pipeline would.
func said(t testing.TB, id, who string, kind speaker.Kind, text string) graph.Article {
	t.Helper()
	a := quoted(t, id, text)
	a.Entities = []speaker.Entity{{Name: who, Kind: kind, Quotes: 1}}
	a.Attributions[0].Speaker = &speaker.Speaker{Name: who, Kind: kind, Entity: 0}
	return a
}

func jsonOf(t testing.TB, g *graph.Graph) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, g.WriteJSON(&b))
	return b.String()
}

func TestCorpusMerge(t *testing.T) {
	cases := []struct {
		why  string
		arts func(t testing.TB) []graph.Article
		// want maps vertex IDs to their quote counts; absent says which
		// IDs must not be there.
		want   map[string]int
		absent []string
	}{
		{"the same full name in two articles is one vertex, and quotes add up",
			func(t testing.TB) []graph.Article {
				return []graph.Article{
					said(t, "a", "David Cameron", speaker.Person, "[Syria matters.]"),
					said(t, "b", "David Cameron", speaker.Person, "[Syria still matters.]"),
				}
			},
			map[string]int{"person:david-cameron": 2}, nil},
		{"Mr Cameron with the full name nearby is the same person",
			func(t testing.TB) []graph.Article {
				return []graph.Article{
					said(t, "a", "David Cameron", speaker.Person, "[Syria matters.]"),
					said(t, "b", "Cameron", speaker.Person, "Prime Minister David Cameron arrived. [Syria matters,] Mr Cameron said."),
				}
			},
			map[string]int{"person:david-cameron": 2}, []string{"person:cameron"}},
		{"a bare surname that only one person of the corpus has is that person",
			func(t testing.TB) []graph.Article {
				return []graph.Article{
					said(t, "a", "Vladimir Putin", speaker.Person, "[Terrorism is evil.]"),
					said(t, "b", "Putin", speaker.Person, "[Terrorism is still evil.]"),
				}
			},
			map[string]int{"person:vladimir-putin": 2}, []string{"person:putin"}},
		{"a bare surname that could be two people is not merged",
			func(t testing.TB) []graph.Article {
				return []graph.Article{
					said(t, "a", "Hillary Clinton", speaker.Person, "[Trade matters.]"),
					said(t, "b", "Bill Clinton", speaker.Person, "[Trade matters.]"),
					said(t, "c", "Clinton", speaker.Person, "[Trade matters.]"),
				}
			},
			map[string]int{"person:hillary-clinton": 1, "person:bill-clinton": 1, "person:clinton": 1}, nil},
		{"anonymous sources and documents belong to their article",
			func(t testing.TB) []graph.Article {
				return []graph.Article{
					said(t, "a", "a senior official", speaker.Anonymous, "[Trade matters.]"),
					said(t, "b", "a senior official", speaker.Anonymous, "[Trade matters.]"),
					said(t, "b", "the communique", speaker.Document, "[Trade matters.]"),
				}
			},
			map[string]int{"anon:a/senior-official": 1, "anon:b/senior-official": 1, "doc:b/communique": 1}, nil},
		{"a topic that is a person of the graph becomes that person",
			func(t testing.TB) []graph.Article {
				return []graph.Article{
					said(t, "a", "Marco Rubio", speaker.Person, "[Trump is a con artist.]"),
					said(t, "b", "Trump", speaker.Person, "[I will win.]"),
				}
			},
			map[string]int{"person:marco-rubio": 1, "person:trump": 1}, []string{"topic:trump"}},
		{"a person described by a role is not that person",
			func(t testing.TB) []graph.Article {
				return []graph.Article{
					said(t, "a", "Donald Trump", speaker.Person, "[I will win.]"),
					said(t, "b", "a Donald Trump adviser", speaker.Person, "[He will win.]"),
				}
			},
			map[string]int{"person:donald-trump": 1, "anon:b/donald-trump-adviser": 1}, nil},
	}
	for _, c := range cases {
		t.Run(c.why, func(t *testing.T) {
			g := build(t, c.arts(t)...)
			for id, n := range c.want {
				v, ok := g.Vertex(id)
				if assert.True(t, ok, "vertex %s in %v", id, ids(g)) {
					assert.Equal(t, n, v.Quotes, id)
				}
			}
			for _, id := range c.absent {
				_, ok := g.Vertex(id)
				assert.False(t, ok, "vertex %s", id)
			}
		})
	}
}

func ids(g *graph.Graph) []string {
	var out []string
	for _, v := range g.Vertices() {
		out = append(out, v.ID)
	}
	return out
}

func TestCorpusWeightsAdd(t *testing.T) {
	g := build(t,
		said(t, "a", "David Cameron", speaker.Person, "[Syria and terrorism.]"),
		said(t, "b", "David Cameron", speaker.Person, "[Syria again.]"),
	)
	ev := g.Evidence("person:david-cameron", "topic:syria", graph.SaidAbout)
	require.Len(t, ev, 2)
	assert.Equal(t, []string{"a", "b"}, []string{ev[0].Article, ev[1].Article})
	assert.Equal(t, "Syria and terrorism.", ev[0].Text)
	assert.Len(t, g.Evidence("person:david-cameron", "topic:terrorism", graph.SaidAbout), 1)
}

// corpus is a few articles that touch the same vertices in different ways.
func corpus(t testing.TB) []graph.Article {
	arts := []graph.Article{handmadeSeed(t), pipelineSeed(t)}
	arts[1].ID = "g20-antalya-pipeline"
	arts = append(arts,
		said(t, "c1", "David Cameron", speaker.Person, "[Syria and the refugee crisis.]"),
		said(t, "c2", "Cameron", speaker.Person, "[Syria matters.]"),
		said(t, "c3", "Putin", speaker.Person, "US President Barack Obama met Putin. [Terrorism is evil.]"),
		said(t, "c4", "Vladimir Putin", speaker.Person, "[The Islamic State in Iraq and Syria (ISIS) must go.]"),
	)
	return arts
}

// TestOrderDoesNotMatter: the graph of a corpus is the same whatever order
// the articles come in, and however they are added.
func TestOrderDoesNotMatter(t *testing.T) {
	arts := corpus(t)
	want := jsonOf(t, build(t, arts...))
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := slices.Clone(arts)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		assert.Equal(t, want, jsonOf(t, build(t, shuffled...)), "Build")
		g := graph.New()
		for _, a := range shuffled {
			require.NoError(t, g.Add(a))
		}
		g.Resolve()
		assert.Equal(t, want, jsonOf(t, g), "Add and Resolve")
	}
}

// TestConcurrentAdd adds articles from many goroutines at once; run with
// -race. The result is the graph Build makes.
func TestConcurrentAdd(t *testing.T) {
	arts := corpus(t)
	g := graph.New()
	var wg sync.WaitGroup
	for _, a := range arts {
		wg.Go(func() {
			assert.NoError(t, g.Add(a))
			_ = g.Vertices() // readers run alongside writers
			_ = g.TopSpeakers(3)
		})
	}
	wg.Wait()
	g.Resolve()
	assert.Equal(t, jsonOf(t, build(t, arts...)), jsonOf(t, g))
}

func TestCorpusTopicsAgree(t *testing.T) {
	g := build(t, corpus(t)...)
	var speakers []string
	for _, e := range g.Speakers("topic:islamic-state") {
		speakers = append(speakers, e.Source)
	}
	assert.Contains(t, speakers, "person:vladimir-putin", "ISIS defined in c4 is Islamic State")
	assert.Contains(t, speakers, "person:david-cameron")
	for _, v := range g.Vertices() {
		assert.False(t, strings.HasPrefix(v.ID, "topic:isis"), v.ID)
	}
}
