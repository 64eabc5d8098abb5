package graph

import (
	"cmp"
	"slices"
	"strings"

	"github.com/quotegraph/quotegraph/speaker"
)

// Resolve settles what single articles cannot. A topic that is a person of
// the graph ("Trump" said about in one article, where nothing showed it was a
// person, while Trump speaks in others) becomes that person, and its
// said-about edges mentioned edges. Then every person the graph knows by one
// name only ("Putin", from an article that never gives the full name) is
// merged into the person whose full name ends with it, when the graph holds
// exactly one such person: a surname that could be two people ("Clinton" with
// both Hillary Clinton and Bill Clinton in the graph) stays a vertex of its
// own. And a name with words before a full name of the graph ("Crooked
// Hillary Clinton") is that person. Build calls Resolve; call it yourself after adding articles one by
// one.
//
// Resolve always starts from the graph as the articles made it, before any
// earlier Resolve: calling it twice gives the same graph, and a graph that
// was resolved, then given more articles (Add) or graphs (Merge), resolves
// as if all had come in at once. It returns how many vertices were merged
// away.
func (g *Graph) Resolve() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.resolve()
}

// resolve is Resolve; the caller holds the write lock.
func (g *Graph) resolve() int {
	if g.raw == nil {
		g.raw = g.g // keep the unresolved graph; g gets a resolved copy
	}
	ids := sortedIDs(g.raw)
	into := map[string]string{} // merged vertex -> the vertex it becomes
	nodes := make(map[string]*node, len(ids))
	for _, id := range ids {
		n, _ := g.raw.Vertex(id)
		nodes[id] = n.clone()
	}
	// Topics that are people.
	for _, id := range ids {
		if namespace(id) == nsTopic {
			if p := nsPerson + id[len(nsTopic):]; nodes[p] != nil {
				into[id] = p
			}
		}
	}
	// One-word names that one full name ends with.
	full := map[string][]string{}
	var bare []string
	for _, id := range ids {
		if namespace(id) != nsPerson {
			continue
		}
		n := nodes[id]
		label := top(n.labels)
		if n.bare || !strings.Contains(label, " ") {
			bare = append(bare, id)
			continue
		}
		last := surname(label)
		addUniqueID(full, Slug(last), id)
		if p, rest, ok := strings.Cut(last, "-"); ok && g.opts.lists.particles.Has(p) {
			addUniqueID(full, Slug(rest), id) // "Assad" for al-Assad
		}
	}
	merge := func(id, to string) {
		into[id] = to
		t, n := nodes[to], nodes[id]
		t.quotes += n.quotes
		t.titles = addCounts(t.titles, n.titles)
		t.affils = addCounts(t.affils, n.affils)
	}
	for _, id := range bare {
		if to := full[Slug(top(nodes[id].labels))]; len(to) == 1 {
			merge(id, to[0])
		}
	}
	// Words before a full name: "Crooked Hillary Clinton", "Billionaire
	// Donald Trump".
	for _, id := range ids {
		if namespace(id) != nsPerson {
			continue
		}
		label := top(nodes[id].labels)
		if countFields(label, 3) < 3 {
			continue
		}
		ws := strings.Fields(label)
		for k := 1; k+2 <= len(ws); k++ {
			to := ID(speaker.Person, strings.Join(ws[k:], " "), "")
			if _, gone := into[to]; nodes[to] != nil && to != id && !gone {
				merge(id, to)
				break
			}
		}
	}
	final := func(id string) string {
		// a topic may become a bare person, then a full one
		for range len(into) {
			to, ok := into[id]
			if !ok {
				break
			}
			id = to
		}
		return id
	}
	// Rebuild the graph with the merged vertices, in sorted order.
	type edge struct {
		src, dst string
		rels     *relEdge
	}
	es, _ := g.raw.Edges()
	old := make([]edge, 0, len(es))
	for _, e := range es {
		old = append(old, edge{e.Source, e.Target, relations(e)})
	}
	slices.SortFunc(old, func(x, y edge) int {
		return cmp.Or(strings.Compare(x.src, y.src), strings.Compare(x.dst, y.dst))
	})
	g.g = newDG()
	for _, id := range ids {
		if _, gone := into[id]; !gone {
			_ = g.g.AddVertex(nodes[id])
		}
	}
	var rels []*relEdge // one buffer for every edge
	for _, e := range old {
		src, dst := final(e.src), final(e.dst)
		if src == dst {
			continue
		}
		rels = rels[:0]
		for r := e.rels; r != nil; r = r.next {
			rels = append(rels, r)
		}
		slices.SortFunc(rels, func(x, y *relEdge) int { return cmp.Compare(x.rel, y.rel) })
		for _, re := range rels {
			r := re.rel
			nr := r
			if r == SaidAbout && namespace(dst) != nsTopic {
				nr = Mentioned // what was a topic is a person
			}
			s, d := src, dst
			if g.opts.lists.mutual[nr] && d < s {
				s, d = d, s
			}
			addEvidence(g.g, edgeKey{s, d, nr}, re.ev)
		}
	}
	return len(into)
}

func addUniqueID(m map[string][]string, k, id string) {
	if !slices.Contains(m[k], id) {
		m[k] = append(m[k], id)
	}
}
