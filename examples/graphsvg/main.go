// Command graphsvg draws the graph of speakers, counterparts and topics of
// the seed article, the AFP report of the G-20 summit in Antalya, as SVG:
//
//	go run ./examples/graphsvg                   # writes seed-graph.svg
//	go run ./examples/graphsvg -o docs/seed-graph.svg
//	go run ./examples/graphsvg -in article.txt -o article.svg
//
// It runs the whole pipeline (quotegraph.Analyze), builds the graph with
// package graph, writes it in the DOT language and hands that to Graphviz's
// dot. Without Graphviz it writes the DOT file instead and says how to
// render it; install Graphviz (apt-get install graphviz, brew install
// graphviz) for the picture.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/testdata"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run draws the graph and returns the exit status: 0 when the picture (or,
// without Graphviz, the DOT file) is written, 1 when something failed, 2 on
// bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("graphsvg", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "draw the article in `FILE` instead of the seed article")
	out := fs.String("o", "seed-graph.svg", "write the picture to `FILE` (.svg or .png)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	id, text := testdata.SeedID, testdata.Seed
	if *in != "" {
		b, err := os.ReadFile(*in)
		if err != nil {
			fmt.Fprintf(stderr, "graphsvg: %v\n", err)
			return 1
		}
		id, text = strings.TrimSuffix(filepath.Base(*in), filepath.Ext(*in)), string(b)
	}
	dot, err := draw(id, text)
	if err != nil {
		fmt.Fprintf(stderr, "graphsvg: %v\n", err)
		return 1
	}
	bin, err := exec.LookPath("dot")
	if err != nil {
		name := strings.TrimSuffix(*out, filepath.Ext(*out)) + ".dot"
		if err := os.WriteFile(name, dot, 0o644); err != nil {
			fmt.Fprintf(stderr, "graphsvg: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "Graphviz is not installed: wrote %s; render it with dot -Tsvg %s -o %s\n", name, name, *out)
		return 0
	}
	if err := render(bin, dot, *out); err != nil {
		fmt.Fprintf(stderr, "graphsvg: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return 0
}

// draw analyses an article and returns its graph in the DOT language.
func draw(id, text string) ([]byte, error) {
	art, err := quotegraph.Analyze(text, quotegraph.WithID(id))
	if err != nil {
		return nil, err
	}
	g, err := graph.Build([]graph.Article{{ID: id, Text: text, Attributions: art.Quotes, Entities: art.Speakers}})
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = g.WriteDOT(&b)
	return b.Bytes(), err
}

// render runs Graphviz's dot on the graph, in the format the file name asks
// for.
func render(bin string, dot []byte, out string) error {
	format := strings.TrimPrefix(filepath.Ext(out), ".")
	if format == "" {
		format = "svg"
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "-T"+format, "-o", out)
	cmd.Stdin, cmd.Stderr = bytes.NewReader(dot), &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("dot: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
