package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/evaluate"
)

const evalUsage = `usage: quotegraph eval -gold GOLD.jsonl [-speech-only] [-pred PRED.jsonl | -out PRED.jsonl]
                       [-errors FILE] [-confusion] [-threshold T] [-json]

Eval scores quotes against gold annotations by the Gender Gap Tracker's
method, with the same figures as score.py, and prints one line at overlap 0.3
and one at 0.8. Without -pred it first runs quotegraph on the text of each
gold article; -out keeps those predictions, for score.py or a later -pred.

Flags:
`

// runEval is the eval subcommand: it reads its flags from args, prints the
// figures to stdout and problems to stderr, and returns the exit code: 0 on
// success, 1 when an input cannot be read or analysed, 2 on bad usage.
func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	goldPath := fs.String("gold", "", "gold annotations `FILE`: JSON Lines, or one JSON object")
	predPath := fs.String("pred", "", "score the predictions in `FILE` instead of running quotegraph")
	speechOnly := fs.Bool("speech-only", false, "recall counts only gold quotes whose cue is a reporting verb")
	outPath := fs.String("out", "", "write the predictions quotegraph made to `FILE`, one JSON line per article")
	errorsPath := fs.String("errors", "", "write misses, false positives and wrong speakers to `FILE`:\n"+
		"JSON Lines if it ends in .jsonl or .json, else text; - for standard output")
	confusion := fs.Bool("confusion", false, "print the errors by rule (the predictions' method)")
	threshold := fs.Float64("threshold", evaluate.Loose, "the overlap threshold of -errors and -confusion")
	asJSON := fs.Bool("json", false, "print the figures as JSON, like score.py --json")
	fs.Usage = func() {
		fmt.Fprint(stderr, evalUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "quotegraph eval: unexpected argument %q (files are given with -gold and -pred)\n", fs.Arg(0))
		return 2
	case *goldPath == "":
		fmt.Fprintln(stderr, "quotegraph eval: -gold is required")
		fs.Usage()
		return 2
	case *predPath != "" && *outPath != "":
		fmt.Fprintln(stderr, "quotegraph eval: -out writes the predictions eval makes; with -pred there are none")
		return 2
	}

	gold, err := evaluate.LoadGold(*goldPath)
	if err != nil {
		printLoadError(stderr, err)
		return 1
	}
	if len(gold) == 0 {
		fmt.Fprintf(stderr, "quotegraph eval: %s: no articles\n", *goldPath)
		return 1
	}
	warnDuplicates(stderr, *goldPath, ids(gold, func(a evaluate.GoldArticle) string { return a.ID }))

	var pred []evaluate.Prediction
	if *predPath != "" {
		if pred, err = evaluate.LoadPredictions(*predPath); err != nil {
			printLoadError(stderr, err)
			return 1
		}
		predIDs := ids(pred, func(p evaluate.Prediction) string { return p.ID })
		warnDuplicates(stderr, *predPath, predIDs)
		warnUnknown(stderr, *predPath, gold, predIDs)
	} else if pred, err = predict(gold, *outPath); err != nil {
		fmt.Fprintf(stderr, "quotegraph eval: %v\n", err)
		return 1
	}

	results := []evaluate.Result{
		evaluate.Score(gold, pred, evaluate.Loose, *speechOnly),
		evaluate.Score(gold, pred, evaluate.Strict, *speechOnly),
	}
	missing := evaluate.Missing(gold, pred)
	var diag evaluate.Diagnosis
	if *errorsPath != "" || *confusion {
		diag = evaluate.Diagnose(gold, pred, *threshold, *speechOnly)
	}
	if *errorsPath != "" {
		if err := writeMistakes(*errorsPath, stdout, diag.Mistakes); err != nil {
			fmt.Fprintf(stderr, "quotegraph eval: %v\n", err)
			return 1
		}
	}

	if *asJSON {
		report := struct {
			Missing   int               `json:"missing"`
			Results   []evaluate.Result `json:"results"`
			Confusion any               `json:"confusion,omitempty"`
		}{Missing: missing, Results: results}
		if *confusion {
			report.Confusion = struct {
				Threshold  float64                `json:"threshold"`
				SpeechOnly bool                   `json:"speech_only"`
				Methods    []evaluate.MethodStats `json:"methods"`
			}{diag.Threshold, diag.SpeechOnly, diag.Methods}
		}
		if err := json.NewEncoder(stdout).Encode(report); err != nil {
			fmt.Fprintf(stderr, "quotegraph eval: %v\n", err)
			return 1
		}
		return 0
	}
	if missing > 0 {
		fmt.Fprintf(stderr, "warning: %d gold articles have no prediction line\n", missing)
	}
	for _, r := range results {
		fmt.Fprintln(stdout, r)
	}
	if *confusion {
		fmt.Fprintln(stdout)
		if err := evaluate.WriteConfusion(stdout, diag); err != nil {
			fmt.Fprintf(stderr, "quotegraph eval: %v\n", err)
			return 1
		}
	}
	return 0
}

// predict runs quotegraph on each gold article and reads its output back as
// a prediction line, as score.py would read it; with outPath, it also
// writes those lines there.
func predict(gold []evaluate.GoldArticle, outPath string) ([]evaluate.Prediction, error) {
	var out *bufio.Writer
	if outPath != "" {
		f, err := os.Create(outPath)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		out = bufio.NewWriter(f)
	}
	pred := make([]evaluate.Prediction, 0, len(gold))
	for _, g := range gold {
		line, err := analyze(g)
		if err != nil {
			return nil, fmt.Errorf("article %q: %w", g.ID, err)
		}
		var p evaluate.Prediction
		if err := json.Unmarshal(line, &p); err != nil {
			return nil, fmt.Errorf("article %q: quotegraph's output is not a prediction line: %w", g.ID, err)
		}
		pred = append(pred, p)
		if out != nil {
			out.Write(line)
			out.WriteByte('\n')
		}
	}
	if out != nil {
		if err := out.Flush(); err != nil {
			return nil, err
		}
	}
	return pred, nil
}

// analyze runs the pipeline on one article and returns its JSON. A panic is
// returned as an error naming the article, with the stack, so that one bad
// article is found at once in a corpus run.
func analyze(g evaluate.GoldArticle) (line []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("quotegraph panicked: %v\n%s", r, debug.Stack())
		}
	}()
	a, err := quotegraph.Analyze(g.Text, quotegraph.WithID(g.ID))
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, errors.New("quotegraph returned no article")
	}
	return json.Marshal(a)
}

// writeMistakes writes the error analysis to path: JSON Lines for .jsonl
// and .json, text otherwise, and text to stdout for "-".
func writeMistakes(path string, stdout io.Writer, mistakes []evaluate.Mistake) error {
	if path == "-" {
		return evaluate.WriteMistakes(stdout, mistakes, evaluate.Text)
	}
	format := evaluate.Text
	if strings.HasSuffix(path, ".jsonl") || strings.HasSuffix(path, ".json") {
		format = evaluate.JSONLines
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = evaluate.WriteMistakes(w, mistakes, format)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// printLoadError prints a read error, one positioned problem a line, the
// first ten of them.
func printLoadError(stderr io.Writer, err error) {
	var list evaluate.ErrorList
	if !errors.As(err, &list) {
		fmt.Fprintf(stderr, "quotegraph eval: %v\n", err)
		return
	}
	const shown = 10
	for i, e := range list {
		if i == shown {
			fmt.Fprintf(stderr, "... and %d more errors\n", len(list)-shown)
			break
		}
		fmt.Fprintln(stderr, e)
	}
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

// warnDuplicates says when an ID occurs more than once: the last one counts.
func warnDuplicates(stderr io.Writer, path string, ids []string) {
	seen := make(map[string]bool, len(ids))
	n := 0
	for _, id := range ids {
		if seen[id] {
			n++
		}
		seen[id] = true
	}
	if n > 0 {
		fmt.Fprintf(stderr, "warning: %s: %d lines repeat an earlier id; the last line of each id counts\n", path, n)
	}
}

// warnUnknown says when predictions name articles that are not in gold.
func warnUnknown(stderr io.Writer, path string, gold []evaluate.GoldArticle, predIDs []string) {
	known := make(map[string]bool, len(gold))
	for _, g := range gold {
		known[g.ID] = true
	}
	n := 0
	for _, id := range predIDs {
		if !known[id] {
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(stderr, "warning: %s: %d lines are for articles not in the gold file; they are ignored\n", path, n)
	}
}
