package graph

import (
	"bytes"
	"cmp"
	"encoding/gob"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Merge adds the articles of other to g: the graph becomes the one that
// Build would make of the articles of both. Merge is a distributed combine:
// merging the graphs of the parts of a corpus, in any order and any grouping,
// gives exactly the graph, and the JSON, of Build over the whole corpus.
//
// Merge works on what the articles made, before Resolve: vertex counts
// (quotes, and every label, title and affiliation seen, so that the shown one
// is the most frequent overall) add up, and edge evidence is united. The
// merged graph is resolved when g or other was: then Resolve runs again, over
// everything. To merge many graphs, merge unresolved ones (made with New and
// Add, or read with UnmarshalBinary) and call Resolve once at the end.
//
// other is read, not changed, and may be merged again. Merging a graph into
// itself counts its quotes twice, as adding its articles twice would. A graph
// read with ReadJSON, or made by Subgraph, knows only the winning label of a
// vertex and no longer the names Resolve merged: merge graphs, or their
// MarshalBinary form, not their JSON. Both graphs should have been made with
// the same options.
func (g *Graph) Merge(other *Graph) error {
	if other == nil {
		return errors.New("graph: Merge with a nil graph")
	}
	b, resolved := other.partial()
	g.mu.Lock()
	defer g.mu.Unlock()
	g.init()
	g.apply(b)
	if g.raw != nil || resolved {
		g.resolve()
	}
	return nil
}

// partial returns a copy of the unresolved graph as a batch, and whether g is
// resolved.
func (g *Graph) partial() (*batch, bool) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	src := g.raw
	if src == nil {
		src = g.g
	}
	b := &batch{nodes: map[string]*node{}, edges: map[edgeKey]*relEdge{}}
	if src == nil {
		return b, false // the zero Graph
	}
	ids, _ := src.store.ListVertices()
	for _, id := range ids {
		n, _ := src.Vertex(id)
		b.nodes[id] = n.clone()
	}
	es, _ := src.Edges()
	for _, e := range es {
		for r := relations(e); r != nil; r = r.next {
			b.edges[edgeKey{e.Source, e.Target, r.rel}] = &relEdge{rel: r.rel, ev: slices.Clone(r.ev)}
		}
	}
	return b, g.raw != nil
}

// init makes the zero Graph an empty one with the default options; the
// caller holds the write lock.
func (g *Graph) init() {
	if g.opts == nil {
		g.opts = newOptions(nil)
	}
	if g.g == nil {
		g.g = newDG()
	}
}

// binaryMagic starts the binary form; the digit is its version.
const binaryMagic = "quotegraph/graph partial v1\n"

// wireGraph is the binary form of a graph: its unresolved state, sorted.
type wireGraph struct {
	Resolved bool
	Nodes    []wireNode
	Edges    []wireEdge
}

type wireNode struct {
	ID                     string
	Topic, Bare            bool
	Quotes                 int
	Labels, Titles, Affils []wireCount
}

type wireCount struct {
	Key string
	N   int
}

type wireEdge struct {
	Source, Target string
	Relation       Relation
	Evidence       []Evidence
}

// MarshalBinary encodes the graph without loss, for a graph to travel
// between the workers of a distributed engine (a Beam coder, a Spark
// serializer) or to wait on disk for more articles. Unlike the JSON, it keeps
// what Merge and Resolve need: the graph as the articles made it, with the
// counts of every label, title and affiliation, and whether it was resolved.
// The same graph always encodes to the same bytes. Options are not encoded.
func (g *Graph) MarshalBinary() ([]byte, error) {
	b, resolved := g.partial()
	w := wireGraph{Resolved: resolved, Nodes: make([]wireNode, 0, len(b.nodes)), Edges: make([]wireEdge, 0, len(b.edges))}
	for _, id := range slices.Sorted(maps.Keys(b.nodes)) {
		n := b.nodes[id]
		w.Nodes = append(w.Nodes, wireNode{ID: n.id, Topic: n.topic, Bare: n.bare, Quotes: n.quotes,
			Labels: wireCounts(n.labels), Titles: wireCounts(n.titles), Affils: wireCounts(n.affils)})
	}
	for k, r := range b.edges {
		w.Edges = append(w.Edges, wireEdge{Source: k.source, Target: k.target, Relation: k.rel, Evidence: r.ev})
	}
	slices.SortFunc(w.Edges, func(x, y wireEdge) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target), cmp.Compare(x.Relation, y.Relation))
	})
	var buf bytes.Buffer
	buf.WriteString(binaryMagic)
	if err := gob.NewEncoder(&buf).Encode(&w); err != nil {
		return nil, fmt.Errorf("graph: encoding: %w", err)
	}
	return buf.Bytes(), nil
}

func wireCounts(m map[string]int) []wireCount {
	out := make([]wireCount, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, wireCount{k, m[k]})
	}
	return out
}

// UnmarshalBinary replaces the content of g by the graph that MarshalBinary
// encoded, resolved if it was. g keeps its options; the zero Graph gets the
// default ones. Data that MarshalBinary cannot have written (a vertex twice,
// an edge to a missing vertex, unsorted evidence, a negative count) is an
// error, and g is left as it was.
func (g *Graph) UnmarshalBinary(data []byte) error {
	rest, ok := bytes.CutPrefix(data, []byte(binaryMagic))
	if !ok {
		return errors.New("graph: not the binary form of a graph")
	}
	var w wireGraph
	if err := gob.NewDecoder(bytes.NewReader(rest)).Decode(&w); err != nil {
		return fmt.Errorf("graph: decoding: %w", err)
	}
	d := newDG()
	for i, wn := range w.Nodes {
		if wn.ID == "" || !strings.Contains(wn.ID, ":") || wn.Quotes < 0 {
			return fmt.Errorf("graph: decoding: node %d: bad ID %q or quote count %d", i, wn.ID, wn.Quotes)
		}
		n := &node{id: wn.ID, topic: wn.Topic, bare: wn.Bare, quotes: wn.Quotes}
		for _, c := range []struct {
			dst *map[string]int
			src []wireCount
		}{{&n.labels, wn.Labels}, {&n.titles, wn.Titles}, {&n.affils, wn.Affils}} {
			for _, wc := range c.src {
				if wc.N <= 0 || wc.Key == "" {
					return fmt.Errorf("graph: decoding: %s: bad count %d of %q", wn.ID, wc.N, wc.Key)
				}
				if *c.dst == nil {
					*c.dst = make(map[string]int, len(c.src))
				}
				(*c.dst)[wc.Key] += wc.N
			}
		}
		if err := d.AddVertex(n); err != nil {
			return fmt.Errorf("graph: decoding: %s: %w", wn.ID, err)
		}
	}
	seen := map[edgeKey]bool{}
	for i, we := range w.Edges {
		k := edgeKey{we.Source, we.Target, we.Relation}
		_, errS := d.Vertex(we.Source)
		_, errT := d.Vertex(we.Target)
		switch {
		case errS != nil || errT != nil || we.Source == we.Target || we.Relation == "":
			return fmt.Errorf("graph: decoding: edge %d: %s -%s-> %s does not fit the vertices", i, we.Source, we.Relation, we.Target)
		case seen[k]:
			return fmt.Errorf("graph: decoding: edge %d: duplicate", i)
		}
		for j, ev := range we.Evidence {
			if ev.Article == "" || ev.Start < 0 || ev.End < ev.Start || j > 0 && cmpEvidence(we.Evidence[j-1], ev) >= 0 {
				return fmt.Errorf("graph: decoding: edge %d: evidence %d is bad or out of order", i, j)
			}
		}
		seen[k] = true
		addEvidence(d, k, we.Evidence)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.init()
	g.g, g.raw = d, nil
	if w.Resolved {
		g.resolve()
	}
	return nil
}
