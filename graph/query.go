package graph

import (
	"cmp"
	"slices"

	dg "github.com/dominikbraun/graph"
)

// TopSpeakers returns the n speakers with the most quotes, most first, ties
// broken by ID; n <= 0 returns them all.
func (g *Graph) TopSpeakers(n int) []Vertex {
	var out []Vertex
	for _, v := range g.Vertices() {
		if v.Kind == Speaker {
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(x, y Vertex) int { return cmp.Compare(y.Quotes, x.Quotes) })
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Topics returns what a speaker talked about: its said-about edges,
// heaviest first.
func (g *Graph) Topics(speakerID string) []Edge {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return heaviest(g.edgesOf(speakerID, func(e Edge) bool { return e.Source == speakerID && e.Relation == SaidAbout }))
}

// Speakers returns who said what about a topic: the said-about edges into
// it, heaviest first, each with the quotes as its evidence.
func (g *Graph) Speakers(topicID string) []Edge {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return heaviest(g.edgesOf(topicID, func(e Edge) bool { return e.Target == topicID && e.Relation == SaidAbout }))
}

// Counterparts returns the edges between an entity and the others it dealt
// with: every relation but said-about, either way round, heaviest first.
func (g *Graph) Counterparts(id string) []Edge {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return heaviest(g.edgesOf(id, func(e Edge) bool { return e.Relation != SaidAbout }))
}

// Evidence returns the quotes and sentences behind one edge, sorted by
// article and offset, or nil when there is no such edge. For a relation
// without direction (met, talked-with) the two IDs may come in either order.
func (g *Graph) Evidence(source, target string, rel Relation) []Evidence {
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.opts.lists.mutual[rel] && target < source {
		source, target = target, source
	}
	e, err := g.g.Edge(source, target)
	if err != nil {
		return nil
	}
	r := relations(e).find(rel)
	if r == nil {
		return nil
	}
	return slices.Clone(r.ev)
}

// Subgraph returns the part of the graph within hops edges of the vertex id,
// following edges either way: every vertex reached and every edge between
// two of them. It is empty when there is no such vertex.
func (g *Graph) Subgraph(id string, hops int) *Graph {
	g.mu.RLock()
	defer g.mu.RUnlock()
	sub := &Graph{g: newDG(), opts: g.opts}
	if _, err := g.g.Vertex(id); err != nil {
		return sub
	}
	am, _ := g.g.AdjacencyMap()
	pm, _ := g.g.PredecessorMap()
	in := map[string]bool{id: true}
	frontier := []string{id}
	for range max(hops, 0) {
		var next []string
		for _, v := range frontier {
			for _, m := range []map[string]dg.Edge[string]{am[v], pm[v]} {
				for w := range m {
					if !in[w] {
						in[w] = true
						next = append(next, w)
					}
				}
			}
		}
		slices.Sort(next)
		frontier = next
	}
	ids := make([]string, 0, len(in))
	for v := range in {
		ids = append(ids, v)
	}
	slices.Sort(ids)
	for _, v := range ids {
		n, _ := g.g.Vertex(v)
		addNode(sub.g, n)
	}
	for _, e := range g.edges(func(e Edge) bool { return in[e.Source] && in[e.Target] }) {
		addEvidence(sub.g, edgeKey{e.Source, e.Target, e.Relation}, e.Evidence)
	}
	return sub
}

// Lookup returns the vertices whose ID or label is name, ignoring case and
// accents ("david cameron" finds person:david-cameron), sorted by ID.
func (g *Graph) Lookup(name string) []Vertex {
	want := Slug(name)
	var out []Vertex
	for _, v := range g.Vertices() {
		if v.ID == name || Slug(v.Label) == want {
			out = append(out, v)
		}
	}
	return out
}

func heaviest(es []Edge) []Edge {
	slices.SortStableFunc(es, func(x, y Edge) int { return cmp.Compare(y.Weight, x.Weight) })
	return es
}
