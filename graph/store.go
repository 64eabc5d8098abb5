package graph

import (
	dg "github.com/dominikbraun/graph"
)

// store keeps the vertices and edges of a dominikbraun graph. It does what
// the library's own memory store does, with two differences that matter to
// the graph's speed: an edge is one entry of one map, keyed by its two
// vertices, where the library keeps two maps of maps (an allocation for
// every new source and target); and it takes no locks of its own, because
// Graph's mutex already orders every reader and writer.
type store struct {
	vertices map[string]storedVertex
	edges    map[[2]string]dg.Edge[string]
}

type storedVertex struct {
	n     *node
	props dg.VertexProperties
	edges int // edges in and out, so that RemoveVertex can refuse
}

func newStore() *store {
	return &store{vertices: map[string]storedVertex{}, edges: map[[2]string]dg.Edge[string]{}}
}

func (s *store) AddVertex(hash string, n *node, props dg.VertexProperties) error {
	if _, ok := s.vertices[hash]; ok {
		return dg.ErrVertexAlreadyExists
	}
	s.vertices[hash] = storedVertex{n: n, props: props}
	return nil
}

func (s *store) Vertex(hash string) (*node, dg.VertexProperties, error) {
	v, ok := s.vertices[hash]
	if !ok {
		return nil, dg.VertexProperties{}, dg.ErrVertexNotFound
	}
	return v.n, v.props, nil
}

func (s *store) RemoveVertex(hash string) error {
	v, ok := s.vertices[hash]
	if !ok {
		return dg.ErrVertexNotFound
	}
	if v.edges > 0 {
		return dg.ErrVertexHasEdges
	}
	delete(s.vertices, hash)
	return nil
}

func (s *store) ListVertices() ([]string, error) {
	out := make([]string, 0, len(s.vertices))
	for k := range s.vertices {
		out = append(out, k)
	}
	return out, nil
}

func (s *store) VertexCount() (int, error) { return len(s.vertices), nil }

func (s *store) AddEdge(source, target string, e dg.Edge[string]) error {
	k := [2]string{source, target}
	if _, ok := s.edges[k]; !ok {
		s.countEdge(source, 1)
		s.countEdge(target, 1)
	}
	s.edges[k] = e
	return nil
}

// countEdge adds d to the count of edges of a vertex.
func (s *store) countEdge(hash string, d int) {
	if v, ok := s.vertices[hash]; ok {
		v.edges += d
		s.vertices[hash] = v
	}
}

func (s *store) UpdateEdge(source, target string, e dg.Edge[string]) error {
	k := [2]string{source, target}
	if _, ok := s.edges[k]; !ok {
		return dg.ErrEdgeNotFound
	}
	s.edges[k] = e
	return nil
}

func (s *store) RemoveEdge(source, target string) error {
	k := [2]string{source, target}
	if _, ok := s.edges[k]; ok {
		delete(s.edges, k)
		s.countEdge(source, -1)
		s.countEdge(target, -1)
	}
	return nil
}

func (s *store) Edge(source, target string) (dg.Edge[string], error) {
	e, ok := s.edges[[2]string{source, target}]
	if !ok {
		return dg.Edge[string]{}, dg.ErrEdgeNotFound
	}
	return e, nil
}

func (s *store) ListEdges() ([]dg.Edge[string], error) {
	out := make([]dg.Edge[string], 0, len(s.edges))
	for _, e := range s.edges {
		out = append(out, e)
	}
	return out, nil
}
