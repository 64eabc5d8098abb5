package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/lexicon"
)

const graphUsage = `usage: quotegraph graph [-format dot|json|text] [-jsonl] [-workers N] [-topics FILE]
                        [-stop FILE] [-min-confidence C] [-around NAME [-hops N]] [-no-text]
                        [FILE|FOLDER|- ...]

Graph builds one graph of speakers, counterparts and topics over all its
inputs, read as extract reads them: plain-text articles (one a file, folders
read recursively, standard input when there is no argument or -), or with
-jsonl one JSON object a line with "id" and "text". It writes the graph as
Graphviz DOT (render it with dot -Tsvg), as JSON (which the graph package
reads back with graph.ReadJSON), or as a text summary of the top speakers.

Problems with single inputs are reported on stderr, naming the file or line,
and the graph is built from the rest; the exit status is 1 only when nothing
could be read, 2 on bad usage.

Flags:
`

// runGraph is the graph subcommand: it reads its flags from args and the
// articles from the files named there or stdin, writes the graph to stdout
// and problems to stderr, and returns the exit code: 0 when at least one
// article was read, 1 when none could be, 2 on bad usage.
func runGraph(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("graph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "dot", "output `format`: dot, json or text")
	jsonl := fs.Bool("jsonl", false, "inputs are JSON Lines with \"id\" and \"text\"")
	topicsPath := fs.String("topics", "", "add the topic vocabulary in `FILE` (phrase = topic, one a line)")
	stopPath := fs.String("stop", "", "add the words in `FILE` to those that are never topics")
	minConf := fs.Float64("min-confidence", 0, "leave out attributions less confident than `C`")
	around := fs.String("around", "", "keep only the part of the graph around the vertex `NAME` (an ID or a label)")
	hops := fs.Int("hops", 1, "with -around, how many edges away to go")
	noText := fs.Bool("no-text", false, "leave the quote and sentence text out of the evidence")
	top := fs.Int("top", 10, "with -format text, how many speakers to list")
	workers := fs.Int("workers", 0, "analyse `N` articles at once, and read them into the graph so (default: one per core)")
	fs.Usage = func() {
		fmt.Fprint(stderr, graphUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *workers < 0 {
		fmt.Fprintf(stderr, "quotegraph graph: -workers %d: want 0 (one per core) or more\n", *workers)
		return 2
	}
	if *format != "dot" && *format != "json" && *format != "text" {
		fmt.Fprintf(stderr, "quotegraph graph: unknown format %q (want dot, json or text)\n", *format)
		return 2
	}
	opts := []graph.Option{graph.WithMinConfidence(*minConf), graph.WithWorkers(*workers)}
	if *noText {
		opts = append(opts, graph.WithoutText())
	}
	for _, l := range []struct {
		path string
		opt  func(...[]lexicon.Entry) graph.Option
	}{{*topicsPath, graph.WithTopics}, {*stopPath, graph.WithStopWords}} {
		if l.path == "" {
			continue
		}
		es, err := readList(l.path)
		if err != nil {
			fmt.Fprintf(stderr, "quotegraph graph: %v\n", err)
			return 2
		}
		opts = append(opts, l.opt(es))
	}

	c := &corpus{cmd: "quotegraph graph", paths: fs.Args(), jsonl: *jsonl, workers: *workers, stdin: stdin, stderr: stderr}
	arts, failed := readCorpus(context.Background(), c)
	if len(arts) == 0 {
		if failed == 0 {
			fmt.Fprintln(stderr, "quotegraph graph: no articles")
		}
		return 1
	}
	g, err := graph.Build(arts, opts...)
	var problems graph.ErrorList
	if errors.As(err, &problems) {
		for _, e := range problems {
			fmt.Fprintf(stderr, "quotegraph graph: %v\n", e)
		}
	} else if err != nil {
		fmt.Fprintf(stderr, "quotegraph graph: %v\n", err)
	}
	if *around != "" {
		vs := g.Lookup(*around)
		if len(vs) == 0 {
			fmt.Fprintf(stderr, "quotegraph graph: no vertex %q\n", *around)
			return 1
		}
		g = g.Subgraph(vs[0].ID, *hops)
	}
	switch *format {
	case "json":
		err = g.WriteJSON(stdout)
	case "text":
		err = writeSummary(stdout, g, *top)
	default:
		err = g.WriteDOT(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "quotegraph graph: %v\n", err)
		return 1
	}
	return 0
}

func readList(path string) ([]lexicon.Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return lexicon.Parse(f, path)
}

// readCorpus runs the pipeline over the corpus and keeps each article's
// text beside its attributions, since the graph reads the narration too.
// Problems are reported as extract reports them; failed is 1 when inputs
// failed and none could be read or analysed.
func readCorpus(ctx context.Context, c *corpus) (arts []graph.Article, failed int) {
	withText := func(d quotegraph.Doc, art *quotegraph.Article) (graph.Article, error) {
		return graph.Article{ID: art.ID, Text: d.Text, Attributions: art.Quotes, Entities: art.Speakers}, nil
	}
	code := analyzeCorpus(ctx, c, withText, func(a graph.Article) error {
		arts = append(arts, a)
		return nil
	})
	if code != 0 && len(arts) == 0 {
		failed = 1
	}
	return arts, failed
}

// writeSummary prints the top speakers, with their main topics and
// counterparts.
func writeSummary(w io.Writer, g *graph.Graph, n int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%d vertices, %d edges\n", g.Order(), g.Size())
	for i, v := range g.TopSpeakers(n) {
		fmt.Fprintf(bw, "%2d. %s (%s) %d quotes\n", i+1, v.Label, v.ID, v.Quotes)
		if ts := g.Topics(v.ID); len(ts) > 0 {
			fmt.Fprintf(bw, "    topics: %s\n", list(g, ts, v.ID, 8))
		}
		if cs := g.Counterparts(v.ID); len(cs) > 0 {
			fmt.Fprintf(bw, "    counterparts: %s\n", list(g, cs, v.ID, 8))
		}
	}
	return bw.Flush()
}

// list names the other ends of up to n edges, with relation and weight:
// "mentioned Putin" for an edge out of self, "mentioned by Putin" for one in.
func list(g *graph.Graph, es []graph.Edge, self string, n int) string {
	parts := make([]string, 0, n)
	for _, e := range es[:min(n, len(es))] {
		other := e.Target
		if other == self {
			other = e.Source
		}
		label := other
		if v, ok := g.Vertex(other); ok {
			label = v.Label
		}
		switch {
		case e.Relation == graph.SaidAbout:
			parts = append(parts, fmt.Sprintf("%s (%d)", label, e.Weight))
		case e.Target == self && e.Relation != graph.Met && e.Relation != graph.TalkedWith:
			parts = append(parts, fmt.Sprintf("%s by %s (%d)", e.Relation, label, e.Weight))
		default:
			parts = append(parts, fmt.Sprintf("%s %s (%d)", e.Relation, label, e.Weight))
		}
	}
	return strings.Join(parts, ", ")
}
