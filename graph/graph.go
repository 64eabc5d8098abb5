package graph

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	dg "github.com/dominikbraun/graph"

	"github.com/quotegraph/quotegraph/speaker"
)

// Kind says what part a vertex plays in the graph.
type Kind string

const (
	// Speaker is a person, organisation, group, anonymous source or document
	// that said something. A speaker that others also deal with is still one
	// vertex: it has counterpart edges coming in as well.
	Speaker Kind = "speaker"
	// Counterpart is an entity that speakers dealt with but that said nothing
	// itself: Obama in the seed article, "BBC radio" as an addressee.
	Counterpart Kind = "counterpart"
	// Topic is what quotes are about: a place, an organisation, an event or a
	// key noun phrase ("Syria", "Islamic State", "climate change").
	Topic Kind = "topic"
)

// Relation names what an edge says. The relations below are the fixed ones;
// the answer relations ("criticised", "praised", "accused", "responded-to",
// ...) come from the embedded list data/relations.txt.
type Relation string

const (
	// SaidAbout goes from a speaker to a topic of one of its quotes.
	SaidAbout Relation = "said-about"
	// Addressed goes from a speaker to whom it spoke: "told BBC radio".
	Addressed Relation = "addressed"
	// Mentioned goes from a speaker to a person or body named in its quote.
	Mentioned Relation = "mentioned"
	// Met links two entities the narration says met ("met with", "a meeting
	// between X and Y"). It has no direction: the edge runs from the smaller
	// vertex ID to the larger.
	Met Relation = "met"
	// TalkedWith links two entities the narration says talked ("after talks
	// with", "held discussions with", "spoke by phone with"). No direction.
	TalkedWith Relation = "talked-with"
	// Criticised, Praised, Accused and RespondedTo are answer relations: a
	// speaker who answers another, named after the verb class.
	Criticised  Relation = "criticised"
	Praised     Relation = "praised"
	Accused     Relation = "accused"
	RespondedTo Relation = "responded-to"
)

// Vertex is a speaker, a counterpart or a topic.
//
// ID is stable and namespaced by what the vertex is: person:david-cameron,
// org:kremlin, group:us-officials, topic:syria. Documents and anonymous
// sources belong to their article and carry its ID (doc:g20-antalya/communique),
// since "a senior official" in two articles is rarely the same person.
type Vertex struct {
	ID          string `json:"id"`
	Kind        Kind   `json:"kind"`
	Label       string `json:"label"`
	Title       string `json:"title,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	// Quotes counts the quotes attributed to the vertex; 0 for counterparts
	// and topics.
	Quotes int `json:"quotes"`
}

// Namespace returns the part of the ID before the colon: person, org, group,
// doc, anon or topic.
func (v Vertex) Namespace() string { return namespace(v.ID) }

// Evidence is one quote or sentence that supports an edge: a half-open byte
// range [Start, End) into the article's text, and that text.
type Evidence struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text,omitempty"`
}

// Edge is one relation between two vertices. Weight is how many distinct
// quotes or sentences support it, which is len(Evidence).
type Edge struct {
	Source   string     `json:"source"`
	Target   string     `json:"target"`
	Relation Relation   `json:"relation"`
	Weight   int        `json:"weight"`
	Evidence []Evidence `json:"evidence"`
}

// Article is one analysed article: its text and what the attribution
// pipeline found in it (speaker.Result's Attributions and Entities). The
// spans of the attributions are byte offsets into Text.
type Article struct {
	ID           string
	Text         string
	Attributions []speaker.Attribution
	Entities     []speaker.Entity
}

// Graph is a graph of speakers, counterparts and topics over one article or
// a corpus. Its methods are safe for concurrent use; writers take turns.
//
// The vertices and edges live in a github.com/dominikbraun/graph directed
// graph keyed by vertex ID. That graph allows one edge per ordered pair of
// vertices, so each of its edges carries a bundle of relations, each with its
// own weight and evidence; its weight is their sum.
type Graph struct {
	mu sync.RWMutex
	g  *storedGraph // what the queries and writers see
	// raw is the graph as the articles made it, before Resolve merged any
	// names: nil until Resolve runs (g is raw then), its own copy after.
	// Merge and MarshalBinary work on it, so that resolving happens once,
	// over everything.
	raw  *storedGraph
	opts *options
}

// node is a vertex as the graph keeps it: counts of every label, title and
// affiliation seen, so the one shown is the most frequent whatever order the
// articles came in.
type node struct {
	id     string
	topic  bool
	quotes int
	bare   bool // a person known only by one name: "Putin"
	labels map[string]int
	titles map[string]int
	affils map[string]int
}

// relEdge is one relation from a source to a target, with its evidence.
// The data of a dominikbraun edge is the first of the relations between its
// two vertices, chained by next in the order they came: most edges carry
// one relation, and a chain costs no allocation beyond the relations.
type relEdge struct {
	rel  Relation
	ev   []Evidence // sorted by article, start, end; no duplicates
	next *relEdge   // the next relation between the same two vertices
}

// relations returns the first relation of a dominikbraun edge.
func relations[T any](e dg.Edge[T]) *relEdge { return e.Properties.Data.(*relEdge) }

// find returns the relation rel of the chain that starts at r, or nil.
func (r *relEdge) find(rel Relation) *relEdge {
	for ; r != nil; r = r.next {
		if r.rel == rel {
			return r
		}
	}
	return nil
}

// storedGraph is a dominikbraun graph with its store at hand, so that the
// vertices can be listed without building the adjacency map.
type storedGraph struct {
	dg.Graph[string, *node]
	store *store
}

func newDG() *storedGraph {
	s := newStore()
	return &storedGraph{dg.NewWithStore(func(n *node) string { return n.id }, dg.Store[string, *node](s), dg.Directed()), s}
}

// New returns an empty graph.
func New(opts ...Option) *Graph {
	return &Graph{g: newDG(), opts: newOptions(opts)}
}

// vertex turns a node into the exported value.
func (n *node) vertex() Vertex {
	v := Vertex{ID: n.id, Label: top(n.labels), Title: top(n.titles), Affiliation: top(n.affils), Quotes: n.quotes}
	switch {
	case n.topic:
		v.Kind = Topic
	case n.quotes > 0:
		v.Kind = Speaker
	default:
		v.Kind = Counterpart
	}
	return v
}

// top returns the most frequent key, the smallest one on ties.
func top(m map[string]int) string {
	best, bn := "", 0
	for k, c := range m {
		if c > bn || c == bn && k < best {
			best, bn = k, c
		}
	}
	return best
}

// clone returns a copy of n that shares nothing with it.
func (n *node) clone() *node {
	c := *n
	c.labels, c.titles, c.affils = maps.Clone(n.labels), maps.Clone(n.titles), maps.Clone(n.affils)
	return &c
}

// merge adds the counts of o into n.
func (n *node) merge(o *node) {
	n.quotes += o.quotes
	n.topic = n.topic || o.topic
	n.bare = n.bare && o.bare
	n.labels = addCounts(n.labels, o.labels)
	n.titles = addCounts(n.titles, o.titles)
	n.affils = addCounts(n.affils, o.affils)
}

func addCounts(dst, src map[string]int) map[string]int {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = make(map[string]int, len(src))
	}
	for k, c := range src {
		dst[k] += c
	}
	return dst
}

// count adds one to the count of k. Invalid UTF-8 becomes U+FFFD, so that
// what JSON writes reads back the same.
func count(m *map[string]int, k string) {
	if k == "" {
		return
	}
	k = validUTF8(k)
	if *m == nil {
		*m = make(map[string]int, 1)
	}
	(*m)[k]++
}

func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// add puts evidence into the edge, keeping it sorted and free of duplicates.
// It reports whether the evidence was new.
func (r *relEdge) add(e Evidence) bool {
	i, found := slices.BinarySearchFunc(r.ev, e, cmpEvidence)
	if found {
		return false
	}
	r.ev = slices.Insert(r.ev, i, e)
	return true
}

func cmpEvidence(a, b Evidence) int {
	return cmp.Or(cmp.Compare(a.Article, b.Article), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}

func cmpEdge(a, b Edge) int {
	return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target), cmp.Compare(a.Relation, b.Relation))
}

// weight is the evidence of the chain that starts at r: the weight of the
// dominikbraun edge.
func (r *relEdge) weight() int {
	w := 0
	for ; r != nil; r = r.next {
		w += len(r.ev)
	}
	return w
}

// Order is the number of vertices.
func (g *Graph) Order() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	n, _ := g.g.Order()
	return n
}

// Size is the number of edges, counting each relation between two vertices
// as its own edge.
func (g *Graph) Size() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	n := 0
	es, _ := g.g.Edges()
	for _, e := range es {
		for r := relations(e); r != nil; r = r.next {
			n++
		}
	}
	return n
}

// Vertex returns the vertex with the given ID.
func (g *Graph) Vertex(id string) (Vertex, bool) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	n, err := g.g.Vertex(id)
	if err != nil {
		return Vertex{}, false
	}
	return n.vertex(), true
}

// Vertices returns every vertex, sorted by ID.
func (g *Graph) Vertices() []Vertex {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.vertices()
}

// vertices is Vertices; the caller holds the lock.
func (g *Graph) vertices() []Vertex {
	ids := g.ids()
	out := make([]Vertex, 0, len(ids))
	for _, id := range ids {
		n, _ := g.g.Vertex(id)
		out = append(out, n.vertex())
	}
	return out
}

// Edges returns every edge, sorted by source, target and relation.
func (g *Graph) Edges() []Edge {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return g.edges(func(Edge) bool { return true })
}

// ids lists the vertex IDs in order; the caller holds the lock.
func (g *Graph) ids() []string { return sortedIDs(g.g) }

// sortedIDs lists the vertex IDs of d in order.
func sortedIDs(d *storedGraph) []string {
	ids, _ := d.store.ListVertices()
	slices.Sort(ids)
	return ids
}

// edges lists the edges that keep returns true for, sorted; the caller holds
// the lock.
func (g *Graph) edges(keep func(Edge) bool) []Edge {
	out := g.sharedEdges(keep)
	for i := range out {
		out[i].Evidence = slices.Clone(out[i].Evidence)
	}
	return out
}

// sharedEdges is edges with the graph's own evidence slices, for a caller
// that reads them while it holds the lock.
func (g *Graph) sharedEdges(keep func(Edge) bool) []Edge {
	es, _ := g.g.Edges()
	var out []Edge
	for _, e := range es {
		for r := relations(e); r != nil; r = r.next {
			x := Edge{Source: e.Source, Target: e.Target, Relation: r.rel, Weight: len(r.ev), Evidence: r.ev}
			if keep(x) {
				out = append(out, x)
			}
		}
	}
	slices.SortFunc(out, cmpEdge)
	return out
}

// edgesOf lists the edges that touch id (out and in), filtered and sorted;
// the caller holds the lock.
func (g *Graph) edgesOf(id string, keep func(Edge) bool) []Edge {
	var out []Edge
	collect := func(m map[string]map[string]dg.Edge[string]) {
		for _, e := range m[id] {
			for r := relations(e); r != nil; r = r.next {
				x := Edge{Source: e.Source, Target: e.Target, Relation: r.rel, Weight: len(r.ev), Evidence: r.ev}
				if keep(x) {
					x.Evidence = slices.Clone(r.ev)
					out = append(out, x)
				}
			}
		}
	}
	am, _ := g.g.AdjacencyMap()
	collect(am)
	pm, _ := g.g.PredecessorMap()
	collect(pm)
	slices.SortFunc(out, cmpEdge)
	return slices.CompactFunc(out, func(a, b Edge) bool { return cmpEdge(a, b) == 0 })
}
