package graph

import (
	"cmp"
	"runtime"
	"slices"
	"sync"

	dg "github.com/dominikbraun/graph"
)

// Add reads one article into the graph. Its vertices and edges merge with
// those already there: a vertex with the same ID is one vertex, and the
// evidence of an edge adds up. Attributions whose spans do not fit the text
// are left out and reported in the returned ErrorList; the rest is added.
// The result is the same whatever order articles are added in.
func (g *Graph) Add(a Article) error {
	b := analyse(a, g.opts)
	g.mu.Lock()
	defer g.mu.Unlock()
	g.applyOwn(b)
	return b.errs.Err()
}

// Build makes the graph of a corpus. Articles are read in parallel (see
// WithWorkers) and
// merged in the order of their IDs, then Resolve settles the names that one
// article alone could not. Problems with single attributions are returned as
// an ErrorList; the graph holds everything else.
func Build(articles []Article, opts ...Option) (*Graph, error) {
	g := New(opts...)
	batches := make([]*batch, len(articles))
	workers := g.opts.workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(articles))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				batches[i] = analyse(articles[i], g.opts)
			}
		})
	}
	for i := range articles {
		next <- i
	}
	close(next)
	wg.Wait()
	slices.SortStableFunc(batches, func(x, y *batch) int { return cmp.Compare(x.article, y.article) })
	var errs ErrorList
	g.mu.Lock()
	for _, b := range batches {
		g.applyOwn(b)
		errs = append(errs, b.errs...)
	}
	g.mu.Unlock()
	g.Resolve()
	return g, errs.Err()
}

// apply merges a batch into the graph, and into its unresolved state when
// it has been resolved; the caller holds the write lock.
func (g *Graph) apply(b *batch) {
	applyTo(g.g, b, false)
	if g.raw != nil {
		applyTo(g.raw, b, false)
	}
}

// applyOwn is apply for a batch that nothing else holds: the graph takes
// its vertices and evidence instead of copies when it can. b is unusable
// after.
func (g *Graph) applyOwn(b *batch) {
	if g.raw != nil {
		applyTo(g.raw, b, false)
	}
	applyTo(g.g, b, true)
}

// applyTo merges a batch into d, in sorted order. Nothing of the batch is
// kept, unless own is set: then d may take the batch's nodes and evidence
// as they are.
func applyTo(d dg.Graph[string, *node], b *batch, own bool) {
	ids := make([]string, 0, len(b.nodes))
	for id := range b.nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if own {
			takeNode(d, b.nodes[id])
		} else {
			addNode(d, b.nodes[id])
		}
	}
	keys := make([]edgeKey, 0, len(b.edges))
	for k := range b.edges {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y edgeKey) int {
		return cmp.Or(cmp.Compare(x.source, y.source), cmp.Compare(x.target, y.target), cmp.Compare(x.rel, y.rel))
	})
	for _, k := range keys {
		if own {
			takeEvidence(d, k, b.edges[k])
		} else {
			addEvidence(d, k, b.edges[k].ev)
		}
	}
}

// takeNode is addNode for a node that d may keep.
func takeNode(d dg.Graph[string, *node], n *node) {
	if old, err := d.Vertex(n.id); err == nil {
		old.merge(n)
		return
	}
	_ = d.AddVertex(n) // cannot fail: the ID is new
}

// takeEvidence is addEvidence for evidence that d may keep.
func takeEvidence(d dg.Graph[string, *node], k edgeKey, r *relEdge) {
	if _, err := d.Edge(k.source, k.target); err != nil {
		newEdge(d, k, r)
		return
	}
	addEvidence(d, k, r.ev)
}

// newEdge adds the edge of k to d, with r as its one relation. One option
// sets both the data and the weight: each option is an allocation.
func newEdge(d dg.Graph[string, *node], k edgeKey, r *relEdge) {
	r.rel = k.rel
	_ = d.AddEdge(k.source, k.target, func(p *dg.EdgeProperties) { p.Data, p.Weight = r, len(r.ev) })
}

// addNode adds a node or merges it into the one with its ID.
func addNode(d dg.Graph[string, *node], n *node) {
	if old, err := d.Vertex(n.id); err == nil {
		old.merge(n)
		return
	}
	c := &node{id: n.id, bare: n.bare}
	c.merge(n)
	_ = d.AddVertex(c) // cannot fail: the ID is new
}

// addEvidence adds the evidence of one relation to d; both vertices exist.
// The evidence is copied.
func addEvidence(d dg.Graph[string, *node], k edgeKey, ev []Evidence) {
	e, err := d.Edge(k.source, k.target)
	if err != nil {
		newEdge(d, k, &relEdge{rel: k.rel, ev: slices.Clone(ev)})
		return
	}
	first := relations(e)
	r := first.find(k.rel)
	if r == nil {
		r = &relEdge{rel: k.rel}
		last := first
		for last.next != nil {
			last = last.next
		}
		last.next = r
	}
	added := false
	for _, x := range ev {
		added = r.add(x) || added
	}
	if added { // the weight is the evidence's count: no new evidence, same weight
		_ = d.UpdateEdge(k.source, k.target, dg.EdgeWeight(first.weight()))
	}
}
