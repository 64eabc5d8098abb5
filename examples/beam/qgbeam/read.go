package qgbeam

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/quotegraph/quotegraph"
)

func init() {
	register.DoFn3x0[context.Context, string, func(quotegraph.Doc)](&decodeLineFn{})
	register.Emitter1[quotegraph.Doc]()
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(quotegraph.Doc), error](&readTextFn{})
}

// ReadJSONL reads the JSON Lines files matching glob into a
// PCollection<quotegraph.Doc>, by the rules of the CLI's -jsonl: each line is
// an object with an "id" (a string, or a number taken as its literal text)
// and a string "text"; other members are ignored. Blank lines are skipped; a
// line that breaks the rules is counted (metric qgbeam/bad-lines), logged
// and skipped.
func ReadJSONL(s beam.Scope, glob string) beam.PCollection {
	s = s.Scope("qgbeam.ReadJSONL")
	return beam.ParDo(s, &decodeLineFn{}, textio.Read(s, glob))
}

type decodeLineFn struct{}

var badLines = beam.NewCounter("qgbeam", "bad-lines")

func (*decodeLineFn) ProcessElement(ctx context.Context, line string, emit func(quotegraph.Doc)) {
	line = strings.TrimSpace(line)
	if line == "" {
		return
	}
	d, msg := parseLine(line)
	if msg != "" {
		badLines.Inc(ctx, 1)
		if len(line) > 80 {
			line = line[:80] + "..."
		}
		log.Warnf(ctx, "qgbeam: skipping a line: %s: %s", msg, line)
		return
	}
	emit(d)
}

// parseLine reads one article line, or says what is wrong with it.
func parseLine(line string) (quotegraph.Doc, string) {
	var raw struct {
		ID   json.RawMessage `json:"id"`
		Text json.RawMessage `json:"text"`
	}
	if err := json.Unmarshal([]byte(line), &raw); err != nil {
		return quotegraph.Doc{}, "malformed JSON: " + err.Error()
	}
	var d quotegraph.Doc
	switch id := string(raw.ID); {
	case id == "" || id == "null":
		return d, `no "id"`
	case id[0] == '"':
		if err := json.Unmarshal(raw.ID, &d.ID); err != nil {
			return d, `bad "id": ` + err.Error()
		}
	case id[0] == '-' || id[0] >= '0' && id[0] <= '9':
		d.ID = id // a number: its literal text
	default:
		return d, `"id" is neither a string nor a number`
	}
	switch text := string(raw.Text); {
	case text == "" || text == "null":
		return d, fmt.Sprintf(`no "text" (id %q)`, d.ID)
	case text[0] != '"':
		return d, fmt.Sprintf(`"text" is not a string (id %q)`, d.ID)
	}
	if err := json.Unmarshal(raw.Text, &d.Text); err != nil {
		return d, `bad "text": ` + err.Error()
	}
	return d, ""
}

// ReadText reads every file matching glob as one plain-text article, with the
// file name, without directory and extension, as its ID (testdata/g20-antalya.txt
// is article g20-antalya).
func ReadText(s beam.Scope, glob string) beam.PCollection {
	s = s.Scope("qgbeam.ReadText")
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob))
	return beam.ParDo(s, &readTextFn{}, files)
}

type readTextFn struct{}

func (*readTextFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(quotegraph.Doc)) error {
	b, err := f.Read(ctx)
	if err != nil {
		return err
	}
	emit(quotegraph.Doc{ID: fileID(f.Metadata.Path), Text: string(b)})
	return nil
}

// fileID is a file's name without folder and extension, as in the CLI.
func fileID(p string) string {
	base := path.Base(p)
	if id := strings.TrimSuffix(base, path.Ext(base)); id != "" {
		return id
	}
	return base
}
