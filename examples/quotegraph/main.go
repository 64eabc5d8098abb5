// Command quotegraph finds the quotes of English news articles and says who
// said them.
//
// With no arguments it analyses the bundled seed article (an AFP report of
// the G-20 summit in Antalya) and prints a readable summary:
//
//	go run ./examples/quotegraph
//
// The subcommands:
//
//	quotegraph extract [-jsonl] [-workers N] [FILE|FOLDER|- ...]
//	quotegraph graph ...
//	quotegraph eval -gold GOLD.jsonl ...
//
// extract is the machine interface: it reads plain-text articles (one a file;
// folders are read recursively; stdin when there is no argument or "-"), or
// with -jsonl one JSON object a line with at least "id" and "text", and
// writes one JSON object a line per article, in input order, with the JSON
// names of the library's types: {"id", "quotes": [...], "speakers": [...]}.
// Offsets are UTF-8 byte offsets into the article's text. Problems go to
// stderr, naming the file or line; the exit status is non-zero only when
// nothing could be read. Run "quotegraph extract -h" for the details.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/testdata"
)

const usage = `usage: quotegraph [COMMAND [ARGS]]

With no command, analyse the bundled seed article and print a summary.

Commands:
  extract   find the quotes of articles, as JSON Lines (quotegraph extract -h)
  graph     build the graph of speakers, topics and counterparts
  eval      score quotes against gold annotations
  help      print this message
`

func main() {
	if os.Getenv("GOGC") == "" {
		// The live heap is small (a few articles per worker) and the
		// pipeline allocates briskly: collecting at 4x the live heap
		// rather than 2x saves a good share of a core for little memory.
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to the subcommand named by args[0] and returns the exit
// status: 0 on success, 1 when the work failed, 2 on bad usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runSeed(stdout, stderr)
	}
	switch args[0] {
	case "extract":
		return runExtract(args[1:], stdin, stdout, stderr)
	case "graph":
		return runGraph(args[1:], stdin, stdout, stderr)
	case "eval":
		return runEval(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "quotegraph: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// runSeed analyses the seed article and prints its summary.
func runSeed(stdout, stderr io.Writer) int {
	art, err := quotegraph.Analyze(testdata.Seed, quotegraph.WithID(testdata.SeedID))
	if err != nil {
		fmt.Fprintf(stderr, "quotegraph: %v\n", err)
		return 1
	}
	if err := printSummary(stdout, art); err != nil {
		fmt.Fprintf(stderr, "quotegraph: %v\n", err)
		return 1
	}
	return 0
}

// printSummary writes an article's quotes and speakers for a reader: each
// quote with its kind, speaker, cue, the rule that found it and how sure it
// is.
func printSummary(w io.Writer, art *quotegraph.Article) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "%s: %d quotes, %d speakers\n", art.ID, len(art.Quotes), len(art.Speakers))
	for i, q := range art.Quotes {
		fmt.Fprintf(ew, "\n%2d. %-8s %s\n", i+1, q.Kind, clip(q.Text, 100))
		speaker := "unknown"
		if s := q.Speaker; s != nil {
			speaker = s.Name
			var about []string
			for _, x := range []string{string(s.Kind), s.Title, s.Affiliation} {
				if x != "" {
					about = append(about, x)
				}
			}
			if len(about) > 0 {
				speaker += " (" + strings.Join(about, ", ") + ")"
			}
			if s.Mention != nil && s.Mention.Text != s.Name {
				speaker += fmt.Sprintf(", as %q", s.Mention.Text)
			}
		}
		fmt.Fprintf(ew, "    speaker:    %s\n", speaker)
		if q.Cue != nil {
			cue := fmt.Sprintf("%q", q.Cue.Text)
			if q.Addressee != nil {
				cue += fmt.Sprintf(", to %q", q.Addressee.Text)
			}
			fmt.Fprintf(ew, "    cue:        %s\n", cue)
		}
		fmt.Fprintf(ew, "    method:     %s, confidence %.2f\n", q.Method, q.Confidence)
	}
	if len(art.Speakers) > 0 {
		fmt.Fprintf(ew, "\nSpeakers:\n")
		for _, s := range art.Speakers {
			fmt.Fprintf(ew, "  %-28s %-12s %2d quotes", s.Name, s.Kind, s.Quotes)
			if len(s.Aliases) > 0 {
				fmt.Fprintf(ew, "  also %s", strings.Join(s.Aliases, ", "))
			}
			fmt.Fprintln(ew)
		}
	}
	for _, warn := range art.Warnings {
		fmt.Fprintf(ew, "warning: %v\n", warn)
	}
	return ew.err
}

// clip shortens s to about n runes for display, on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// errWriter keeps the first write error, so that a run of prints is checked
// once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
