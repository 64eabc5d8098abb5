package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sync"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/speaker"
)

const extractUsage = `usage: quotegraph extract [-jsonl] [-workers N] [FILE|FOLDER|- ...]

Extract finds the quotes of news articles and who said them, and writes one
JSON object a line per article, in input order:

  {"id": "...", "quotes": [{"start", "end", "text", "kind", "cue", "speaker",
   "addressee", "method", "confidence", ...}], "speakers": [...]}

Offsets are UTF-8 byte offsets into the article's text.

Input is plain text, one article a file, its id the file name without folder
and extension ("stdin" for standard input); or, with -jsonl, one JSON object a
line with at least "id" (a string or a number) and "text". Folders are read
recursively, skipping names that begin with "."; "-" or no argument at all
reads standard input.

A missing file, a malformed line or a failed article is reported on stderr,
naming the file or line, and the other articles go on; invalid UTF-8 is
reported and analysed as it is. The exit status is 1 only when nothing could
be read, 2 on bad usage. When stderr is a terminal, a progress bar shows
articles, MB/s and the time left.

Flags:
`

// runExtract is the extract subcommand.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := corpusFlags(fs, "quotegraph extract")
	fs.Usage = func() {
		fmt.Fprint(stderr, extractUsage)
		fs.PrintDefaults()
	}
	if code, ok := parseCorpus(fs, args, c, stdin, stderr); !ok {
		return code
	}

	out := bufio.NewWriterSize(stdout, 64<<10)
	// A program feeding stdin line by line wants each answer at once.
	interactive := len(c.paths) == 0
	for _, p := range c.paths {
		interactive = interactive || p == "-"
	}
	// Each article is encoded on its worker; the loop only writes the
	// lines out, in order, and hands the buffers back.
	code := analyzeCorpus(context.Background(), c, encodeLine, func(line *bytes.Buffer) error {
		_, err := out.Write(line.Bytes())
		linePool.Put(line)
		if err == nil && interactive {
			err = out.Flush()
		}
		return err
	})
	if err := out.Flush(); err != nil && code == 0 { // else it was said
		fmt.Fprintf(stderr, "quotegraph extract: %v\n", err)
		return 1
	}
	return code
}

// linePool holds the buffers of encoded lines on their way from the workers
// to the writer.
var linePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// encodeLine is the line of JSON of one article, with a newline, as
// json.Encoder writes it without HTML escapes; empty lists are written as
// [] rather than null. It runs on the workers.
func encodeLine(_ quotegraph.Doc, art *quotegraph.Article) (*bytes.Buffer, error) {
	if art.Quotes == nil {
		art.Quotes = []speaker.Attribution{}
	}
	if art.Speakers == nil {
		art.Speakers = []speaker.Entity{}
	}
	line := linePool.Get().(*bytes.Buffer)
	line.Reset()
	enc := json.NewEncoder(line)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(art); err != nil {
		linePool.Put(line)
		return nil, err
	}
	return line, nil
}
