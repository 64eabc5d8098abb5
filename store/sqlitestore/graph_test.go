package sqlitestore

import (
	"cmp"
	"slices"
	"testing"

	"github.com/dominikbraun/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gstep is one call through the public graph.Graph API.
type gstep struct {
	name string
	run  func(g graph.Graph[string, city]) (any, error)
	want error
}

func gAddV(name string, weight int, want error) gstep {
	return gstep{"AddVertex " + name, func(g graph.Graph[string, city]) (any, error) {
		return nil, g.AddVertex(city{Name: name, Population: weight * 10}, graph.VertexWeight(weight),
			graph.VertexAttribute("label", "L-"+name))
	}, want}
}

func gAddE(src, tgt string, weight int, want error) gstep {
	return gstep{"AddEdge " + src + "-" + tgt, func(g graph.Graph[string, city]) (any, error) {
		return nil, g.AddEdge(src, tgt, graph.EdgeWeight(weight), graph.EdgeAttribute("relation", "met"), graph.EdgeData("evidence"))
	}, want}
}

func gUpdE(src, tgt string, weight int, want error) gstep {
	return gstep{"UpdateEdge " + src + "-" + tgt, func(g graph.Graph[string, city]) (any, error) {
		return nil, g.UpdateEdge(src, tgt, graph.EdgeWeight(weight), graph.EdgeAttribute("updated", "yes"))
	}, want}
}

func gRmE(src, tgt string, want error) gstep {
	return gstep{"RemoveEdge " + src + "-" + tgt, func(g graph.Graph[string, city]) (any, error) {
		return nil, g.RemoveEdge(src, tgt)
	}, want}
}

func gRmV(name string, want error) gstep {
	return gstep{"RemoveVertex " + name, func(g graph.Graph[string, city]) (any, error) {
		return nil, g.RemoveVertex(name)
	}, want}
}

func gEdge(src, tgt string, want error) gstep {
	return gstep{"Edge " + src + "-" + tgt, func(g graph.Graph[string, city]) (any, error) {
		return g.Edge(src, tgt)
	}, want}
}

func gVertex(name string, want error) gstep {
	return gstep{"VertexWithProperties " + name, func(g graph.Graph[string, city]) (any, error) {
		v, p, err := g.VertexWithProperties(name)
		return vertexResult{v, p}, err
	}, want}
}

// gState is everything a user can read of a graph, in a comparable form.
func gState() gstep {
	return gstep{"state", func(g graph.Graph[string, city]) (any, error) {
		order, err := g.Order()
		if err != nil {
			return nil, err
		}
		size, err := g.Size()
		if err != nil {
			return nil, err
		}
		edges, err := g.Edges()
		if err != nil {
			return nil, err
		}
		if !g.Traits().IsDirected {
			// Which of (a,b) and (b,a) an undirected graph reports depends
			// on map order in memory; normalize.
			for i, e := range edges {
				if e.Source > e.Target {
					e.Source, e.Target = e.Target, e.Source
					edges[i] = e
				}
			}
		}
		slices.SortFunc(edges, func(a, b graph.Edge[string]) int {
			return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
		})
		adj, err := g.AdjacencyMap()
		if err != nil {
			return nil, err
		}
		pred, err := g.PredecessorMap()
		if err != nil {
			return nil, err
		}
		clone, err := g.Clone()
		if err != nil {
			return nil, err
		}
		cloneAdj, err := clone.AdjacencyMap()
		if err != nil {
			return nil, err
		}
		return []any{order, size, edges, adj, pred, cloneAdj}, nil
	}, nil}
}

func gTopo() gstep {
	return gstep{"StableTopologicalSort", func(g graph.Graph[string, city]) (any, error) {
		return graph.StableTopologicalSort(g, func(a, b string) bool { return a < b })
	}, nil}
}

func gPath(src, tgt string, want error) gstep {
	return gstep{"ShortestPath " + src + "-" + tgt, func(g graph.Graph[string, city]) (any, error) {
		p, err := graph.ShortestPath(g, src, tgt)
		if err != nil {
			return nil, err
		}
		w := 0 // paths of equal weight may differ; compare their weight
		for i := 1; i < len(p); i++ {
			e, err := g.Edge(p[i-1], p[i])
			if err != nil {
				return nil, err
			}
			w += e.Properties.Weight
		}
		return w, nil
	}, want}
}

var directed = []func(*graph.Traits){graph.Directed(), graph.Weighted()}
var undirected = []func(*graph.Traits){graph.Weighted()}
var dag = []func(*graph.Traits){graph.Directed(), graph.Acyclic(), graph.PreventCycles(), graph.Weighted()}

// graphCases run through graph.New (the in-memory store) and through
// graph.NewWithStore with a SQLite store; everything observable must agree.
var graphCases = []struct {
	name   string
	why    string
	traits []func(*graph.Traits)
	steps  []gstep
}{
	{"directed basics", "vertex options, edge options, Edge, state", directed, []gstep{
		gAddV("a", 1, nil), gAddV("b", 2, nil), gAddV("c", 3, nil), gAddV("a", 9, graph.ErrVertexAlreadyExists),
		gAddE("a", "b", 4, nil), gAddE("b", "c", 5, nil), gAddE("a", "c", 20, nil),
		gVertex("a", nil), gVertex("zz", graph.ErrVertexNotFound), gEdge("a", "b", nil), gEdge("b", "a", graph.ErrEdgeNotFound),
		gPath("a", "c", nil), gState(),
	}},
	{"directed errors", "the graph's own checks reach the store through the same calls", directed, []gstep{
		gAddV("a", 1, nil), gAddV("b", 1, nil),
		gAddE("a", "zz", 1, graph.ErrVertexNotFound), gAddE("zz", "a", 1, graph.ErrVertexNotFound),
		gAddE("a", "b", 1, nil), gAddE("a", "b", 2, graph.ErrEdgeAlreadyExists), gEdge("a", "b", nil),
		gUpdE("b", "a", 1, graph.ErrEdgeNotFound), gRmE("b", "a", graph.ErrEdgeNotFound),
		gRmV("a", graph.ErrVertexHasEdges), gRmV("b", graph.ErrVertexHasEdges), gRmV("zz", graph.ErrVertexNotFound), gState(),
	}},
	{"directed update and remove", "UpdateEdge keeps old attributes and adds new ones; removals shrink the graph", directed, []gstep{
		gAddV("a", 1, nil), gAddV("b", 1, nil), gAddV("c", 1, nil),
		gAddE("a", "b", 1, nil), gAddE("c", "a", 1, nil), gUpdE("a", "b", 7, nil), gEdge("a", "b", nil),
		gRmE("a", "b", nil), gRmV("b", nil), gState(), gRmE("c", "a", nil), gRmV("a", nil), gState(),
	}},
	{"undirected", "each edge is stored both ways; either direction finds it and removes it", undirected, []gstep{
		gAddV("a", 1, nil), gAddV("b", 1, nil), gAddV("c", 1, nil),
		gAddE("a", "b", 3, nil), gAddE("b", "a", 3, graph.ErrEdgeAlreadyExists), gAddE("c", "b", 4, nil),
		gEdge("b", "a", nil), gUpdE("b", "c", 8, nil), gEdge("c", "b", nil), gPath("a", "c", nil), gState(),
		gRmE("b", "a", nil), gEdge("a", "b", graph.ErrEdgeNotFound), gRmV("a", nil), gState(),
	}},
	{"undirected self-loop", "an undirected self-loop stores the same edge twice: the store must accept the second write", undirected, []gstep{
		gAddV("a", 1, nil), gAddE("a", "a", 2, nil), gEdge("a", "a", nil), gAddE("a", "a", 2, graph.ErrEdgeAlreadyExists),
		gState(), gRmV("a", graph.ErrVertexHasEdges), gRmE("a", "a", nil), gRmV("a", nil), gState(),
	}},
	{"prevent cycles", "the cycle check (the store's fast path) refuses closing edges only", dag, []gstep{
		gAddV("a", 1, nil), gAddV("b", 1, nil), gAddV("c", 1, nil), gAddV("d", 1, nil),
		gAddE("a", "b", 1, nil), gAddE("b", "c", 1, nil), gAddE("c", "a", 1, graph.ErrEdgeCreatesCycle),
		gAddE("a", "a", 1, graph.ErrEdgeCreatesCycle), gAddE("a", "c", 1, nil), gAddE("d", "a", 1, nil),
		gAddE("c", "d", 1, graph.ErrEdgeCreatesCycle), gTopo(), gState(),
	}},
}

func TestGraphBehaviour(t *testing.T) {
	for _, tc := range graphCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Log(tc.why)
			s := openTemp[string, city](t)
			graphs := map[string]graph.Graph[string, city]{
				"memory": graph.New(cityHash, tc.traits...),
				"sqlite": graph.NewWithStore(cityHash, graph.Store[string, city](s), tc.traits...),
			}
			traces := map[string][]any{}
			for _, name := range []string{"memory", "sqlite"} {
				for i, st := range tc.steps {
					got, err := st.run(graphs[name])
					assert.Equal(t, st.want, sentinel(err), "%s: step %d %s: error %v", name, i, st.name, err)
					traces[name] = append(traces[name], got)
				}
			}
			for i, st := range tc.steps {
				assert.Equal(t, traces["memory"][i], traces["sqlite"][i], "step %d %s: the graphs disagree", i, st.name)
			}
		})
	}
}

// TestGraphSurvivesReopen: the point of the store. A graph built in one
// process is all there in the next.
func TestGraphSurvivesReopen(t *testing.T) {
	path := t.TempDir() + "/g.db"
	s, err := Open[string, city](path)
	require.NoError(t, err)
	g := graph.NewWithStore(cityHash, graph.Store[string, city](s), directed...)
	require.NoError(t, g.AddVertex(city{Name: "a", Tags: []string{"x"}}, graph.VertexAttribute("kind", "speaker")))
	require.NoError(t, g.AddVertex(city{Name: "b"}))
	require.NoError(t, g.AddEdge("a", "b", graph.EdgeWeight(3), graph.EdgeAttribute("relation", "met")))
	require.NoError(t, s.Close())

	s, err = Open[string, city](path)
	require.NoError(t, err)
	defer s.Close()
	g = graph.NewWithStore(cityHash, graph.Store[string, city](s), directed...)
	v, p, err := g.VertexWithProperties("a")
	require.NoError(t, err)
	assert.Equal(t, city{Name: "a", Tags: []string{"x"}}, v)
	assert.Equal(t, map[string]string{"kind": "speaker"}, p.Attributes)
	e, err := g.Edge("a", "b")
	require.NoError(t, err)
	assert.Equal(t, 3, e.Properties.Weight)
	assert.Equal(t, "met", e.Properties.Attributes["relation"])
	n, err := g.Size()
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}
