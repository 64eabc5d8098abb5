package graph_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/speaker"
)

func others(es []graph.Edge, self string) []string {
	out := []string{}
	for _, e := range es {
		if e.Source == self {
			out = append(out, e.Target)
		} else {
			out = append(out, e.Source)
		}
	}
	return out
}

func TestQueries(t *testing.T) {
	g := build(t, handmadeSeed(t))

	top := g.TopSpeakers(3)
	require.Len(t, top, 3)
	assert.Equal(t, "person:david-cameron", top[0].ID, "Cameron has the most quotes")
	assert.Equal(t, 5, top[0].Quotes)
	assert.GreaterOrEqual(t, top[1].Quotes, top[2].Quotes, "most first")
	assert.Len(t, g.TopSpeakers(0), 11, "n <= 0 gives every speaker")

	topics := g.Topics("person:david-cameron")
	require.NotEmpty(t, topics)
	assert.Equal(t, 2, topics[0].Weight, "heaviest first")
	assert.Contains(t, others(topics, "person:david-cameron"), "topic:syria")
	for _, e := range topics {
		assert.Equal(t, graph.SaidAbout, e.Relation)
	}

	on := g.Speakers("topic:terrorism")
	assert.Contains(t, others(on, "topic:terrorism"), "person:vladimir-putin")
	for _, e := range on {
		if e.Source == "person:vladimir-putin" {
			require.Len(t, e.Evidence, 1)
			assert.Contains(t, e.Evidence[0].Text, "this terrorism", "who said what: the quote comes along")
		}
	}

	cps := g.Counterparts("person:vladimir-putin")
	assert.Subset(t, others(cps, "person:vladimir-putin"), []string{"person:david-cameron", "person:barack-obama", "group:western-leaders"})
	for _, e := range cps {
		assert.NotEqual(t, graph.SaidAbout, e.Relation)
	}

	ev := g.Evidence("person:vladimir-putin", "person:david-cameron", graph.TalkedWith)
	assert.Equal(t, ev, g.Evidence("person:david-cameron", "person:vladimir-putin", graph.TalkedWith), "either order")
	require.Len(t, ev, 2)
	assert.Contains(t, ev[1].Text, "After talks with Cameron, Putin said")
	assert.Nil(t, g.Evidence("person:david-cameron", "person:vladimir-putin", graph.Met), "no such relation")
	assert.Nil(t, g.Evidence("person:nobody", "topic:syria", graph.SaidAbout), "no such edge")

	sub := g.Subgraph("person:vladimir-putin", 1)
	assert.ElementsMatch(t, []string{
		"person:vladimir-putin", "person:david-cameron", "person:barack-obama", "group:western-leaders", "topic:terrorism",
	}, ids(sub))
	for _, e := range sub.Edges() {
		_, ok1 := sub.Vertex(e.Source)
		_, ok2 := sub.Vertex(e.Target)
		assert.True(t, ok1 && ok2, "edges stay inside the subgraph")
	}
	assert.Contains(t, ids(g.Subgraph("person:vladimir-putin", 2)), "topic:syria", "two hops: Putin - Cameron - Syria")
	assert.Equal(t, []string{"person:vladimir-putin"}, ids(g.Subgraph("person:vladimir-putin", 0)))
	assert.Zero(t, g.Subgraph("person:nobody", 3).Order())

	found := g.Lookup("david CAMERON")
	require.Len(t, found, 1)
	assert.Equal(t, "person:david-cameron", found[0].ID)
	assert.Len(t, g.Lookup("topic:syria"), 1, "an ID works too")
	assert.Empty(t, g.Lookup("nobody"))
}

func TestIDs(t *testing.T) {
	cases := []struct {
		why        string
		kind       speaker.Kind
		name, want string
	}{
		{"a person's name, lower case with hyphens", speaker.Person, "David Cameron", "person:david-cameron"},
		{"accents fold, so spellings agree", speaker.Person, "Recep Tayyip Erdoğan", "person:recep-tayyip-erdogan"},
		{"apostrophes and dots vanish", speaker.Person, "Beto O'Rourke Jr.", "person:beto-orourke-jr"},
		{"an organisation loses its article", speaker.Organization, "The Kremlin", "org:kremlin"},
		{"initialisms keep their letters", speaker.Group, "U.S. officials", "group:us-officials"},
		{"a document belongs to its article", speaker.Document, "the communique", "doc:g20-antalya/communique"},
		{"so does an anonymous source", speaker.Anonymous, "a source close to the talks", "anon:g20-antalya/source-close-to-the-talks"},
		{"an unknown speaker has no ID", speaker.Unknown, "someone", ""},
	}
	for _, c := range cases {
		t.Run(c.why, func(t *testing.T) {
			assert.Equal(t, c.want, graph.ID(c.kind, c.name, "g20-antalya"))
		})
	}
	assert.Equal(t, "topic:islamic-state", graph.TopicID("Islamic State"))
	assert.Equal(t, "", graph.Slug(" -- "), "nothing to keep")
	assert.Equal(t, "a-b", graph.Slug("  A -- B  "), "no hyphens at the ends, one between")
}

func TestNamespace(t *testing.T) {
	assert.Equal(t, "person", graph.Vertex{ID: "person:david-cameron"}.Namespace())
	assert.Equal(t, "doc", graph.Vertex{ID: "doc:a/b"}.Namespace())
}
