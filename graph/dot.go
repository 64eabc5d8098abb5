package graph

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Colours and shapes of the DOT output.
var (
	kindColour = map[Kind]string{Speaker: "#9ecae1", Counterpart: "#fdd0a2", Topic: "#fff7bc"}
	nsShape    = map[string]string{
		nsPerson: "box", nsOrg: "box3d", nsGroup: "folder", nsDoc: "note", nsAnon: "octagon", nsTopic: "ellipse",
	}
)

// relationStyle returns the DOT attributes that draw a relation.
func (g *Graph) relationStyle(r Relation) string {
	switch {
	case r == SaidAbout:
		return `color="#969696", fontcolor="#636363"`
	case r == Mentioned:
		return `color="#6baed6", fontcolor="#3182bd", style=dashed`
	case r == Addressed:
		return `color="#31a354", fontcolor="#31a354"`
	case g.opts.lists.mutual[r]:
		return `color="#08519c", fontcolor="#08519c", dir=none`
	}
	return `color="#cb181d", fontcolor="#cb181d"` // answer relations
}

// WriteDOT writes the graph in Graphviz's DOT language, sorted, for
// `dot -Tsvg`. Speakers are blue, counterparts orange and topics yellow; the
// shape says what an entity is (a box for a person, a 3-D box for an
// organisation, a folder for a group, a note for a document, an octagon for
// an anonymous source, an ellipse for a topic), and a speaker that others
// also deal with has a double border. Each edge is labelled with its
// relation and drawn thicker the more evidence it has. Every label is
// escaped, so names with quotation marks or backslashes are safe.
func (g *Graph) WriteDOT(w io.Writer) error {
	g.mu.RLock()
	defer g.mu.RUnlock()
	bw := bufio.NewWriter(w)
	bw.WriteString("digraph quotegraph {\n")
	bw.WriteString("\tgraph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.3, ranksep=0.8];\n")
	bw.WriteString("\tnode [fontname=\"Helvetica\", fontsize=11, style=\"filled,rounded\", penwidth=0.8];\n")
	bw.WriteString("\tedge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n")
	dealt := map[string]bool{}
	es := g.edges(func(e Edge) bool { return true })
	for _, e := range es {
		if e.Relation != SaidAbout {
			dealt[e.Target] = true
			if g.opts.lists.mutual[e.Relation] {
				dealt[e.Source] = true
			}
		}
	}
	for _, id := range g.ids() {
		n, _ := g.g.Vertex(id)
		v := n.vertex()
		lines := []string{v.Label}
		affil := v.Affiliation
		if strings.Contains(v.Label, affil) {
			affil = "" // "US officials" says US already
		}
		if role := strings.TrimSpace(affil + " " + v.Title); role != "" && v.Kind != Topic {
			lines = append(lines, role)
		}
		if v.Quotes > 0 {
			lines = append(lines, quotes(v.Quotes))
		}
		for i := range lines {
			lines[i] = escapeDOT(lines[i])
		}
		fmt.Fprintf(bw, "\t\"%s\" [label=\"%s\", shape=%s, fillcolor=\"%s\"", escapeDOT(v.ID), strings.Join(lines, `\n`),
			shape(v.Namespace()), kindColour[v.Kind])
		if v.Kind == Speaker && dealt[v.ID] {
			bw.WriteString(", peripheries=2")
		}
		bw.WriteString("];\n")
	}
	for _, e := range es {
		fmt.Fprintf(bw, "\t\"%s\" -> \"%s\" [label=\"%s\", weight=%d, penwidth=%s, %s];\n",
			escapeDOT(e.Source), escapeDOT(e.Target), escapeDOT(string(e.Relation)), e.Weight,
			penwidth(e.Weight), g.relationStyle(e.Relation))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

func shape(ns string) string {
	if s, ok := nsShape[ns]; ok {
		return s
	}
	return "box"
}

func quotes(n int) string {
	if n == 1 {
		return "1 quote"
	}
	return strconv.Itoa(n) + " quotes"
}

// penwidth grows with the logarithm of the weight: 1, 2, 2.6, 3, ...
func penwidth(w int) string {
	return strconv.FormatFloat(1+math.Log2(float64(max(w, 1))), 'f', 1, 64)
}

// escapeDOT escapes s for a double-quoted DOT string: backslashes and
// quotation marks get a backslash, line breaks become \n, and other control
// characters are dropped.
func escapeDOT(s string) string {
	if !strings.ContainsAny(s, "\\\"") && !hasControl(s) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}
