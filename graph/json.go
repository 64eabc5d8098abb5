package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// jsonGraph is the JSON form of a graph.
type jsonGraph struct {
	Nodes []Vertex `json:"nodes"`
	Edges []Edge   `json:"edges"`
}

// WriteJSON writes the graph as JSON, one vertex or edge per line, sorted:
//
//	{"nodes": [
//	 {"id":"person:david-cameron","kind":"speaker","label":"David Cameron","title":"Prime Minister","affiliation":"British","quotes":5},
//	 ...
//	],
//	"edges": [
//	 {"source":"person:david-cameron","target":"topic:syria","relation":"said-about","weight":2,"evidence":[{"article":"g20-antalya","start":1529,"end":1625,"text":"…"}, …]},
//	 ...
//	]}
//
// ReadJSON reads it back into an identical graph.
func (g *Graph) WriteJSON(w io.Writer) error {
	// Like WriteDOT, it holds the read lock while it writes, so that it can
	// read the evidence in place instead of copying it.
	g.mu.RLock()
	defer g.mu.RUnlock()
	vs, es := g.vertices(), g.sharedEdges(func(Edge) bool { return true })
	bw := bufio.NewWriter(w)
	bw.WriteString("{\"nodes\": [")
	for i, v := range vs {
		if err := writeItem(bw, i, v); err != nil {
			return err
		}
	}
	bw.WriteString("\n],\n\"edges\": [")
	for i, e := range es {
		if e.Evidence == nil {
			e.Evidence = []Evidence{}
		}
		if err := writeItem(bw, i, e); err != nil {
			return err
		}
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

func writeItem(w *bufio.Writer, i int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if i > 0 {
		w.WriteByte(',')
	}
	w.WriteString("\n ")
	_, err = w.Write(b)
	return err
}

// ReadJSON reads a graph that WriteJSON wrote, or any JSON of the same form.
// Vertices and edges that do not hold together (an edge to a missing vertex,
// a weight that is not the number of its evidence, a kind that does not fit
// the ID) are left out and reported in the returned ErrorList; the graph
// holds the rest. A document that is not JSON of that form is an error with
// no graph.
func ReadJSON(r io.Reader, opts ...Option) (*Graph, error) {
	var in jsonGraph
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("graph: reading JSON: %w", err)
	}
	g := New(opts...)
	var errs ErrorList
	for i, v := range in.Nodes {
		where := "node " + strconv.Itoa(i)
		if msg := checkVertex(v); msg != "" {
			errs.Add(where, "%s", msg)
			continue
		}
		if _, err := g.g.Vertex(v.ID); err == nil {
			errs.Add(where, "duplicate ID %q", v.ID)
			continue
		}
		n := &node{id: v.ID, topic: v.Kind == Topic, quotes: v.Quotes}
		count(&n.labels, v.Label)
		count(&n.titles, v.Title)
		count(&n.affils, v.Affiliation)
		n.bare = namespace(v.ID) == nsPerson && !strings.Contains(v.Label, " ")
		_ = g.g.AddVertex(n)
	}
	seen := map[edgeKey]bool{}
	for i, e := range in.Edges {
		where := "edge " + strconv.Itoa(i)
		k := edgeKey{e.Source, e.Target, e.Relation}
		msg := ""
		switch {
		case e.Source == e.Target:
			msg = "an edge from a vertex to itself"
		case e.Relation == "":
			msg = "no relation"
		case e.Weight != len(e.Evidence):
			msg = fmt.Sprintf("weight %d but %d pieces of evidence", e.Weight, len(e.Evidence))
		case seen[k]:
			msg = "duplicate edge"
		case g.opts.lists.mutual[e.Relation] && e.Target < e.Source:
			msg = fmt.Sprintf("%s has no direction: its source must be the smaller ID", e.Relation)
		}
		if msg == "" {
			for _, id := range []string{e.Source, e.Target} {
				if _, err := g.g.Vertex(id); err != nil {
					msg = fmt.Sprintf("no vertex %q", id)
					break
				}
			}
		}
		if msg == "" {
			for j, ev := range e.Evidence {
				if ev.Article == "" || ev.Start < 0 || ev.End < ev.Start {
					msg = fmt.Sprintf("evidence %d: bad span [%d,%d) of article %q", j, ev.Start, ev.End, ev.Article)
					break
				}
				if j > 0 && cmpEvidence(e.Evidence[j-1], ev) >= 0 {
					msg = fmt.Sprintf("evidence %d: not sorted or repeated", j)
					break
				}
			}
		}
		if msg != "" {
			errs.Add(where, "%s", msg)
			continue
		}
		seen[k] = true
		addEvidence(g.g, k, e.Evidence)
	}
	return g, errs.Err()
}

// checkVertex says what is wrong with a vertex, or "".
func checkVertex(v Vertex) string {
	ns := namespace(v.ID)
	switch {
	case v.ID == "" || !strings.Contains(v.ID, ":"):
		return fmt.Sprintf("ID %q has no namespace", v.ID)
	case v.Label == "":
		return fmt.Sprintf("%s: no label", v.ID)
	case v.Quotes < 0:
		return fmt.Sprintf("%s: %d quotes", v.ID, v.Quotes)
	}
	switch ns {
	case nsPerson, nsOrg, nsGroup, nsDoc, nsAnon:
		switch {
		case v.Kind == Speaker && v.Quotes > 0, v.Kind == Counterpart && v.Quotes == 0:
			return ""
		case v.Kind == Speaker || v.Kind == Counterpart:
			return fmt.Sprintf("%s: a %s with %d quotes", v.ID, v.Kind, v.Quotes)
		}
	case nsTopic:
		if v.Kind == Topic && v.Quotes == 0 {
			return ""
		}
	default:
		return fmt.Sprintf("%s: unknown namespace %q", v.ID, ns)
	}
	return fmt.Sprintf("%s: kind %q does not fit the ID", v.ID, v.Kind)
}
