package sqlitestore

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dominikbraun/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases below are where the SQLite store is deliberately stricter than
// the in-memory one; none of them is reachable through graph.Graph.
func TestStricterThanMemory(t *testing.T) {
	t.Run("dangling edge", func(t *testing.T) {
		// The in-memory store accepts an edge to a missing vertex; a database
		// must not hold one, and the Store documentation asks for
		// ErrVertexNotFound.
		mem := memoryStore(cityHash)
		require.NoError(t, mem.AddEdge("a", "b", edge("a", "b", 1, nil, nil)), "premise: memory accepts it")
		s := openTemp[string, city](t)
		require.NoError(t, s.AddVertex("a", city{Name: "a"}, props(0, nil)))
		assert.ErrorIs(t, s.AddEdge("a", "b", edge("a", "b", 1, nil, nil)), graph.ErrVertexNotFound)
		assert.ErrorIs(t, s.AddEdge("b", "a", edge("b", "a", 1, nil, nil)), graph.ErrVertexNotFound)
		es, err := s.ListEdges()
		require.NoError(t, err)
		assert.Empty(t, es)
	})
	t.Run("attributes are copied in and out", func(t *testing.T) {
		s := openTemp[string, city](t)
		in := map[string]string{"k": "v"}
		require.NoError(t, s.AddVertex("a", city{Name: "a"}, props(0, in)))
		require.NoError(t, s.AddVertex("b", city{Name: "b"}, props(0, nil)))
		in["k"] = "changed after AddVertex"
		_, p, err := s.Vertex("a")
		require.NoError(t, err)
		assert.Equal(t, "v", p.Attributes["k"])
		p.Attributes["k"] = "changed by the caller"
		_, p, err = s.Vertex("a")
		require.NoError(t, err)
		assert.Equal(t, "v", p.Attributes["k"])

		ein := map[string]string{"relation": "met"}
		require.NoError(t, s.AddEdge("a", "b", edge("a", "b", 1, ein, nil)))
		ein["relation"] = "changed"
		e, err := s.Edge("a", "b")
		require.NoError(t, err)
		e.Properties.Attributes["relation"] = "changed too"
		e, err = s.Edge("a", "b")
		require.NoError(t, err)
		assert.Equal(t, "met", e.Properties.Attributes["relation"])
	})
	t.Run("insertion order", func(t *testing.T) {
		s := openTemp[string, city](t)
		for _, k := range []string{"m", "z", "a", "q"} {
			require.NoError(t, s.AddVertex(k, city{Name: k}, props(0, nil)))
		}
		require.NoError(t, s.AddEdge("z", "a", edge("z", "a", 0, nil, nil)))
		require.NoError(t, s.AddEdge("a", "m", edge("a", "m", 0, nil, nil)))
		ks, err := s.ListVertices()
		require.NoError(t, err)
		assert.Equal(t, []string{"m", "z", "a", "q"}, ks)
		es, err := s.ListEdges()
		require.NoError(t, err)
		require.Len(t, es, 2)
		assert.Equal(t, "z", es[0].Source)
		assert.Equal(t, "a", es[1].Source)
	})
}

// TestIntKeys: K is generic; an int hash is stored as JSON and comes back as
// the same int, in the same behaviour as a string hash.
func TestIntKeys(t *testing.T) {
	type node struct{ ID int }
	hash := func(n node) int { return n.ID }
	s := openTemp[int, node](t)
	for _, st := range []graph.Graph[int, node]{graph.New(hash, graph.Directed()), graph.NewWithStore(hash, graph.Store[int, node](s), graph.Directed())} {
		for _, id := range []int{10, 2, -1} {
			require.NoError(t, st.AddVertex(node{id}))
		}
		require.ErrorIs(t, st.AddVertex(node{2}), graph.ErrVertexAlreadyExists)
		require.NoError(t, st.AddEdge(10, 2))
		require.NoError(t, st.AddEdge(2, -1))
		p, err := graph.ShortestPath(st, 10, -1)
		require.NoError(t, err)
		assert.Equal(t, []int{10, 2, -1}, p)
		v, err := st.Vertex(-1)
		require.NoError(t, err)
		assert.Equal(t, node{-1}, v)
	}
}

type point struct{ X, Y int }

type pointCodec struct{}

func (pointCodec) Marshal(v any) ([]byte, error) { return json.Marshal(v) }
func (pointCodec) Unmarshal(b []byte) (any, error) {
	if string(b) == "null" {
		return nil, nil
	}
	var p point
	err := json.Unmarshal(b, &p)
	return p, err
}

// TestEdgeData: data is JSON, decoded into an any by default; a codec keeps
// the concrete type.
func TestEdgeData(t *testing.T) {
	s := openTemp[string, city](t)
	require.NoError(t, s.AddVertex("a", city{}, props(0, nil)))
	require.NoError(t, s.AddEdge("a", "a", edge("a", "a", 0, nil, point{1, 2})))
	e, err := s.Edge("a", "a")
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"X": 1.0, "Y": 2.0}, e.Properties.Data, "default: JSON into any")

	s = openTemp[string, city](t, WithDataCodec(pointCodec{}))
	require.NoError(t, s.AddVertex("a", city{}, props(0, nil)))
	require.NoError(t, s.AddEdge("a", "a", edge("a", "a", 0, nil, point{1, 2})))
	e, err = s.Edge("a", "a")
	require.NoError(t, err)
	assert.Equal(t, point{1, 2}, e.Properties.Data)
}

func TestOptions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open[string, city](path, WithTablePrefix("a_"))
	require.NoError(t, err)
	defer a.Close()
	b, err := Open[string, city](path, WithTablePrefix("b_"), WithSynchronous("normal"))
	require.NoError(t, err)
	defer b.Close()
	require.NoError(t, a.AddVertex("x", city{Name: "in a"}, props(0, nil)))
	_, _, err = b.Vertex("x")
	assert.ErrorIs(t, err, graph.ErrVertexNotFound, "two prefixes are two graphs")

	for _, bad := range []Option{WithTablePrefix("x; DROP TABLE y"), WithTablePrefix("a-b"), WithSynchronous("sometimes")} {
		_, err := Open[string, city](path, bad)
		assert.Error(t, err)
	}
	_, err = Open[string, city](filepath.Join(t.TempDir(), "what?.db"))
	assert.Error(t, err, "a '?' would be read as DSN parameters")
}

func TestMemoryDatabase(t *testing.T) {
	s, err := Open[string, city]("")
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.AddVertex("a", city{Name: "a"}, props(0, nil)))
	n, err := s.VertexCount()
	require.NoError(t, err)
	assert.Equal(t, 1, n, "the in-memory database lives as long as the store")
}

func count(t *testing.T, s *Store[string, city]) int {
	t.Helper()
	n, err := s.VertexCount()
	require.NoError(t, err)
	return n
}

func TestBatch(t *testing.T) {
	errStop := errors.New("stop")
	t.Run("commit", func(t *testing.T) {
		s := openTemp[string, city](t)
		require.NoError(t, s.Batch(func(tx *Store[string, city]) error {
			g := graph.NewWithStore(cityHash, graph.Store[string, city](tx), graph.Directed())
			for i := range 100 {
				if err := g.AddVertex(city{Name: fmt.Sprint(i)}); err != nil {
					return err
				}
				if i > 0 {
					if err := g.AddEdge(fmt.Sprint(i-1), fmt.Sprint(i)); err != nil {
						return err
					}
				}
			}
			return nil
		}))
		assert.Equal(t, 100, count(t, s))
		es, err := s.ListEdges()
		require.NoError(t, err)
		assert.Len(t, es, 99)
	})
	t.Run("error rolls back", func(t *testing.T) {
		s := openTemp[string, city](t)
		require.NoError(t, s.AddVertex("before", city{}, props(0, nil)))
		err := s.Batch(func(tx *Store[string, city]) error {
			for i := range 10 {
				if err := tx.AddVertex(fmt.Sprint(i), city{}, props(0, nil)); err != nil {
					return err
				}
			}
			return tx.AddVertex("before", city{}, props(0, nil)) // fails
		})
		assert.ErrorIs(t, err, graph.ErrVertexAlreadyExists)
		assert.Equal(t, 1, count(t, s), "nothing of the failed batch is kept")
	})
	t.Run("panic rolls back", func(t *testing.T) {
		s := openTemp[string, city](t)
		assert.Panics(t, func() {
			s.Batch(func(tx *Store[string, city]) error {
				require.NoError(t, tx.AddVertex("x", city{}, props(0, nil)))
				panic("boom")
			})
		})
		assert.Equal(t, 0, count(t, s))
		require.NoError(t, s.AddVertex("y", city{}, props(0, nil)), "the store is usable after the panic")
	})
	t.Run("nested", func(t *testing.T) {
		s := openTemp[string, city](t)
		require.NoError(t, s.Batch(func(tx *Store[string, city]) error {
			require.NoError(t, tx.AddVertex("outer", city{}, props(0, nil)))
			err := tx.Batch(func(in *Store[string, city]) error {
				require.NoError(t, in.AddVertex("inner-undone", city{}, props(0, nil)))
				return errStop
			})
			require.ErrorIs(t, err, errStop)
			return tx.Batch(func(in *Store[string, city]) error {
				return in.AddVertex("inner-kept", city{}, props(0, nil))
			})
		}))
		ks, err := s.ListVertices()
		require.NoError(t, err)
		assert.Equal(t, []string{"outer", "inner-kept"}, ks)
	})
	t.Run("outer rollback undoes released savepoints", func(t *testing.T) {
		s := openTemp[string, city](t)
		err := s.Batch(func(tx *Store[string, city]) error {
			require.NoError(t, tx.Batch(func(in *Store[string, city]) error {
				return in.AddVertex("inner", city{}, props(0, nil))
			}))
			return errStop
		})
		require.ErrorIs(t, err, errStop)
		assert.Equal(t, 0, count(t, s))
	})
}

// TestConcurrentUse: the store serializes goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	s := openTemp[string, city](t)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 25 {
				k := fmt.Sprintf("%d-%d", w, i)
				if i%5 == 0 {
					assert.NoError(t, s.Batch(func(tx *Store[string, city]) error {
						return tx.AddVertex(k, city{Name: k}, props(0, nil))
					}))
					continue
				}
				assert.NoError(t, s.AddVertex(k, city{Name: k}, props(0, nil)))
				_, _, err := s.Vertex(k)
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 100, count(t, s))
}

func BenchmarkAddVertex(b *testing.B) {
	for _, mode := range []string{"one-by-one", "batch"} {
		b.Run(mode, func(b *testing.B) {
			s := openTemp[string, city](b, WithSynchronous("NORMAL"))
			b.ReportAllocs()
			add := func(st *Store[string, city], i int) error {
				k := fmt.Sprint(i)
				return st.AddVertex(k, city{Name: k}, props(1, map[string]string{"kind": "speaker"}))
			}
			if mode == "batch" {
				require.NoError(b, s.Batch(func(tx *Store[string, city]) error {
					for i := 0; b.Loop(); i++ {
						if err := add(tx, i); err != nil {
							return err
						}
					}
					return nil
				}))
				return
			}
			for i := 0; b.Loop(); i++ {
				require.NoError(b, add(s, i))
			}
		})
	}
}
