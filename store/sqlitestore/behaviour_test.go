package sqlitestore

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/dominikbraun/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// city is the vertex value of the behaviour tests: a struct, so that values
// really go through JSON.
type city struct {
	Name       string
	Population int
	Tags       []string
}

func cityHash(c city) string { return c.Name }

// memoryStore returns the in-memory store of dominikbraun/graph v0.23.0
// itself. The library does not export it, so it is taken out of the graph that
// graph.New builds around it (field "store" of the unexported graph type). The
// test of this adapter below fails loudly if a new version of the library
// changes that layout.
func memoryStore[K comparable, T any](hash graph.Hash[K, T]) graph.Store[K, T] {
	g := graph.New(hash)
	f := reflect.ValueOf(g).Elem().FieldByName("store")
	if !f.IsValid() {
		panic("dominikbraun/graph: graph type has no store field")
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(graph.Store[K, T])
}

func TestMemoryStoreAdapter(t *testing.T) {
	s := memoryStore(cityHash)
	assert.Equal(t, "*graph.memoryStore[string,github.com/quotegraph/quotegraph/store/sqlitestore.city]",
		reflect.TypeOf(s).String(), "the adapter must hand out the library's own store, not a look-alike")
}

func openTemp[K comparable, T any](t testing.TB, opts ...Option) *Store[K, T] {
	t.Helper()
	s, err := Open[K, T](filepath.Join(t.TempDir(), "graph.db"), opts...)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// step is one call on a store. run performs it and returns what an observer
// sees: the error (as the sentinel it wraps) and the results.
type step struct {
	name string
	run  func(s graph.Store[string, city]) (any, error)
	// want is the sentinel error the call must return (nil for success);
	// both stores are held to it, not only to agreeing with each other.
	want error
}

var sentinels = []error{
	graph.ErrVertexAlreadyExists, graph.ErrVertexNotFound, graph.ErrEdgeAlreadyExists,
	graph.ErrEdgeNotFound, graph.ErrVertexHasEdges, graph.ErrEdgeCreatesCycle,
}

// sentinel reduces err to the library error it wraps, so that the two stores
// may word their messages differently.
func sentinel(err error) error {
	if err == nil {
		return nil
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return s
		}
	}
	return fmt.Errorf("unexpected error: %w", err)
}

func props(weight int, attrs map[string]string) graph.VertexProperties {
	return graph.VertexProperties{Weight: weight, Attributes: attrs}
}

func edge(src, tgt string, weight int, attrs map[string]string, data any) graph.Edge[string] {
	return graph.Edge[string]{Source: src, Target: tgt, Properties: graph.EdgeProperties{Weight: weight, Attributes: attrs, Data: data}}
}

type vertexResult struct {
	Value city
	Props graph.VertexProperties
}

func addV(name string, pop int, p graph.VertexProperties, want error) step {
	return step{"AddVertex " + name, func(s graph.Store[string, city]) (any, error) {
		return nil, s.AddVertex(name, city{Name: name, Population: pop, Tags: []string{"t-" + name}}, p)
	}, want}
}

func getV(name string, want error) step {
	return step{"Vertex " + name, func(s graph.Store[string, city]) (any, error) {
		v, p, err := s.Vertex(name)
		return vertexResult{v, p}, err
	}, want}
}

func rmV(name string, want error) step {
	return step{"RemoveVertex " + name, func(s graph.Store[string, city]) (any, error) {
		return nil, s.RemoveVertex(name)
	}, want}
}

func listV() step {
	return step{"ListVertices+VertexCount", func(s graph.Store[string, city]) (any, error) {
		ks, err := s.ListVertices()
		if err != nil {
			return nil, err
		}
		n, err := s.VertexCount()
		if err != nil {
			return nil, err
		}
		if ks == nil {
			return nil, errors.New("ListVertices returned nil, not an empty slice")
		}
		if n != len(ks) {
			return nil, fmt.Errorf("VertexCount %d != len(ListVertices) %d", n, len(ks))
		}
		slices.Sort(ks)
		return ks, nil
	}, nil}
}

func addE(e graph.Edge[string], want error) step {
	return step{"AddEdge " + e.Source + "->" + e.Target, func(s graph.Store[string, city]) (any, error) {
		return nil, s.AddEdge(e.Source, e.Target, e)
	}, want}
}

func updE(e graph.Edge[string], want error) step {
	return step{"UpdateEdge " + e.Source + "->" + e.Target, func(s graph.Store[string, city]) (any, error) {
		return nil, s.UpdateEdge(e.Source, e.Target, e)
	}, want}
}

func rmE(src, tgt string, want error) step {
	return step{"RemoveEdge " + src + "->" + tgt, func(s graph.Store[string, city]) (any, error) {
		return nil, s.RemoveEdge(src, tgt)
	}, want}
}

func getE(src, tgt string, want error) step {
	return step{"Edge " + src + "->" + tgt, func(s graph.Store[string, city]) (any, error) {
		return s.Edge(src, tgt)
	}, want}
}

func listE() step {
	return step{"ListEdges", func(s graph.Store[string, city]) (any, error) {
		es, err := s.ListEdges()
		if err != nil {
			return nil, err
		}
		if es == nil {
			return nil, errors.New("ListEdges returned nil, not an empty slice")
		}
		slices.SortFunc(es, func(a, b graph.Edge[string]) int {
			return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
		})
		return es, nil
	}, nil}
}

func cycle(src, tgt string, want bool, wantErr error) step {
	return step{"CreatesCycle " + src + "->" + tgt, func(s graph.Store[string, city]) (any, error) {
		cc, ok := s.(interface {
			CreatesCycle(a, b string) (bool, error)
		})
		if !ok {
			return nil, errors.New("store has no CreatesCycle fast path")
		}
		got, err := cc.CreatesCycle(src, tgt)
		if err == nil && got != want {
			return got, fmt.Errorf("CreatesCycle = %v, want %v", got, want)
		}
		return got, err
	}, wantErr}
}

var attrsA = map[string]string{"kind": "speaker", "label": `Mr "Quoted" O'Brien`}

// storeCases is the one table of behaviour tests run against the in-memory
// store of dominikbraun/graph and against the SQLite store.
var storeCases = []struct {
	name  string
	why   string
	steps []step
}{
	{"empty", "a fresh store lists nothing, as empty (non-nil) slices, and counts zero",
		[]step{listV(), listE(), getV("a", graph.ErrVertexNotFound), getE("a", "b", graph.ErrEdgeNotFound)}},
	{"vertex round trip", "value, weight and attributes come back as they went in",
		[]step{addV("a", 7, props(3, attrsA), nil), getV("a", nil), listV()}},
	{"duplicate vertex", "a second AddVertex of a hash is ErrVertexAlreadyExists and keeps the first value",
		[]step{addV("a", 1, props(1, nil), nil), addV("a", 2, props(2, attrsA), graph.ErrVertexAlreadyExists), getV("a", nil), listV()}},
	{"nil and empty attributes", "nil attributes stay nil and empty ones stay empty, as in memory",
		[]step{addV("nil", 0, props(0, nil), nil), addV("empty", 0, props(0, map[string]string{}), nil), getV("nil", nil), getV("empty", nil)}},
	{"remove vertex", "removing a vertex without edges works once, then it is not found",
		[]step{addV("a", 1, props(0, nil), nil), addV("b", 1, props(0, nil), nil), rmV("a", nil), rmV("a", graph.ErrVertexNotFound), getV("a", graph.ErrVertexNotFound), listV()}},
	{"remove vertex with edges", "a vertex with an outgoing, an incoming or a self edge cannot be removed until the edge is",
		[]step{
			addV("a", 1, props(0, nil), nil), addV("b", 1, props(0, nil), nil), addV("c", 1, props(0, nil), nil),
			addE(edge("a", "b", 1, nil, nil), nil), addE(edge("c", "c", 1, nil, nil), nil),
			rmV("a", graph.ErrVertexHasEdges), rmV("b", graph.ErrVertexHasEdges), rmV("c", graph.ErrVertexHasEdges),
			rmE("a", "b", nil), rmE("c", "c", nil), rmV("a", nil), rmV("b", nil), rmV("c", nil), listV(), listE(),
		}},
	{"edge round trip", "weight, attributes and string data come back; Edge looks only from source to target",
		[]step{
			addV("a", 1, props(0, nil), nil), addV("b", 1, props(0, nil), nil),
			addE(edge("a", "b", 5, map[string]string{"relation": "said-about"}, "evidence"), nil),
			getE("a", "b", nil), getE("b", "a", graph.ErrEdgeNotFound), listE(),
		}},
	{"edge added twice", "the store replaces an existing edge (graph.Graph reports ErrEdgeAlreadyExists before it gets here)",
		[]step{
			addV("a", 1, props(0, nil), nil), addV("b", 1, props(0, nil), nil),
			addE(edge("a", "b", 1, nil, nil), nil), addE(edge("a", "b", 2, attrsA, "second"), nil),
			getE("a", "b", nil), listE(),
		}},
	{"update edge", "UpdateEdge of a missing edge is ErrEdgeNotFound; of an existing one replaces its properties",
		[]step{
			addV("a", 1, props(0, nil), nil), addV("b", 1, props(0, nil), nil),
			updE(edge("a", "b", 9, nil, nil), graph.ErrEdgeNotFound), getE("a", "b", graph.ErrEdgeNotFound),
			addE(edge("a", "b", 1, map[string]string{"x": "1"}, nil), nil),
			updE(edge("a", "b", 9, map[string]string{"y": "2"}, "d"), nil), getE("a", "b", nil),
			updE(edge("b", "a", 9, nil, nil), graph.ErrEdgeNotFound),
		}},
	{"remove edge", "removing a missing edge, even between missing vertices, is not an error",
		[]step{
			rmE("x", "y", nil),
			addV("a", 1, props(0, nil), nil), addV("b", 1, props(0, nil), nil), addE(edge("a", "b", 1, nil, nil), nil),
			rmE("b", "a", nil), getE("a", "b", nil), rmE("a", "b", nil), getE("a", "b", graph.ErrEdgeNotFound), listE(),
		}},
	{"both directions", "a->b and b->a are two edges, as an undirected graph stores them",
		[]step{
			addV("a", 1, props(0, nil), nil), addV("b", 1, props(0, nil), nil),
			addE(edge("a", "b", 1, nil, "ab"), nil), addE(edge("b", "a", 2, nil, "ba"), nil),
			getE("a", "b", nil), getE("b", "a", nil), listE(), rmE("a", "b", nil), listE(),
		}},
	{"awkward keys", "hashes with quotes, SQL, unicode and empty strings are ordinary keys",
		[]step{
			addV(`Robert'); DROP TABLE graph_vertices;--`, 1, props(0, nil), nil), addV(`say "hi"`, 1, props(0, nil), nil),
			addV("Erdoğan ✓", 1, props(0, nil), nil), addV("", 1, props(0, nil), nil),
			addE(edge(`say "hi"`, "", 1, nil, nil), nil), addE(edge("Erdoğan ✓", `Robert'); DROP TABLE graph_vertices;--`, 1, nil, nil), nil),
			getV("", nil), getV("Erdoğan ✓", nil), listV(), listE(),
		}},
	{"cycle fast path", "CreatesCycle answers like the in-memory fast path, errors included",
		[]step{
			addV("a", 1, props(0, nil), nil), addV("b", 1, props(0, nil), nil), addV("c", 1, props(0, nil), nil), addV("d", 1, props(0, nil), nil),
			addE(edge("a", "b", 1, nil, nil), nil), addE(edge("b", "c", 1, nil, nil), nil),
			cycle("a", "a", true, nil), cycle("c", "a", true, nil), cycle("a", "c", false, nil), cycle("d", "a", false, nil),
			cycle("a", "zz", false, graph.ErrVertexNotFound), cycle("zz", "a", false, graph.ErrVertexNotFound),
		}},
}

func TestStoreBehaviour(t *testing.T) {
	for _, tc := range storeCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Log(tc.why)
			stores := map[string]graph.Store[string, city]{
				"memory": memoryStore(cityHash),
				"sqlite": openTemp[string, city](t),
			}
			traces := map[string][]any{}
			for _, name := range []string{"memory", "sqlite"} {
				s := stores[name]
				for i, st := range tc.steps {
					got, err := st.run(s)
					assert.Equal(t, st.want, sentinel(err), "%s: step %d %s: error %v", name, i, st.name, err)
					traces[name] = append(traces[name], got)
				}
			}
			for i, st := range tc.steps {
				assert.Equal(t, traces["memory"][i], traces["sqlite"][i], "step %d %s: the stores disagree", i, st.name)
			}
		})
	}
}
