package quotegraph_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/quotegraph/quotegraph"
)

func ExampleAnalyzer_AnalyzeAll() {
	docs := []quotegraph.Doc{
		{ID: "a1", Text: `"It is over," the Kremlin said.`},
		{ID: "a2", Text: `Officials said talks would resume.`},
	}
	// Any iter.Seq2[Doc, error] will do: lines of a file, rows of a database.
	source := func(yield func(quotegraph.Doc, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
	a := quotegraph.New()
	for art, err := range a.AnalyzeAll(context.Background(), source) {
		if err != nil {
			fmt.Println("skipped:", err) // one bad document never stops the others
			continue
		}
		fmt.Println(art.ID, len(art.Quotes), "quote(s)")
	}
	// Output:
	// a1 1 quote(s)
	// a2 1 quote(s)
}

func ExampleAnalyzeAllFunc() {
	// Lines of JSON are decoded by load on the workers, not by the one
	// goroutine that reads them.
	lines := []string{
		`{"id": "a1", "text": "\"It is over,\" the Kremlin said."}`,
		`{"id": "a2", "text": `, // cut short
	}
	source := func(yield func(string, error) bool) {
		for _, l := range lines {
			if !yield(l, nil) {
				return
			}
		}
	}
	load := func(line string) (quotegraph.Doc, error) {
		var d quotegraph.Doc
		err := json.Unmarshal([]byte(line), &d)
		return d, err
	}
	a := quotegraph.New()
	for art, err := range quotegraph.AnalyzeAllFunc(context.Background(), a, source, load) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(art.ID, art.Quotes[0].Speaker.Name)
	}
	// Output:
	// a1 Kremlin
	// error: document 1: unexpected end of JSON input
}

func ExampleAnalyzeAllMap() {
	// Each article is encoded on the workers; the loop only writes the
	// lines out, in input order.
	source := func(yield func(quotegraph.Doc, error) bool) {
		_ = yield(quotegraph.Doc{ID: "a1", Text: `"It is over," the Kremlin said.`}, nil) &&
			yield(quotegraph.Doc{ID: "a2", Text: `Officials said talks would resume.`}, nil)
	}
	load := func(d quotegraph.Doc) (quotegraph.Doc, error) { return d, nil }
	encode := func(_ quotegraph.Doc, art *quotegraph.Article) ([]byte, error) {
		return json.Marshal(struct {
			ID      string `json:"id"`
			Quotes  int    `json:"quotes"`
			Speaker string `json:"first_speaker"`
		}{art.ID, len(art.Quotes), art.Quotes[0].Speaker.Name})
	}
	a := quotegraph.New()
	for line, err := range quotegraph.AnalyzeAllMap(context.Background(), a, source, load, encode) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(string(line))
	}
	// Output:
	// {"id":"a1","quotes":1,"first_speaker":"Kremlin"}
	// {"id":"a2","quotes":1,"first_speaker":"Officials"}
}

func ExampleDocError() {
	source := func(yield func(quotegraph.Doc, error) bool) {
		_ = yield(quotegraph.Doc{ID: "a1", Text: `"Fine," he said.`}, nil) &&
			yield(quotegraph.Doc{}, errors.New("wire.jsonl:2: malformed JSON")) &&
			yield(quotegraph.Doc{ID: "a3", Text: `Officials said talks would resume.`}, nil)
	}
	for art, err := range quotegraph.New().AnalyzeAll(context.Background(), source) {
		var de *quotegraph.DocError
		if errors.As(err, &de) {
			fmt.Printf("document %d failed: %v\n", de.Index, de.Err)
			continue
		}
		fmt.Println(art.ID, "ok")
	}
	// Output:
	// a1 ok
	// document 1 failed: wire.jsonl:2: malformed JSON
	// a3 ok
}

func ExampleWithWorkers() {
	a := quotegraph.New(quotegraph.WithWorkers(2))
	docs := func(yield func(quotegraph.Doc, error) bool) {
		for _, id := range []string{"x", "y", "z"} {
			if !yield(quotegraph.Doc{ID: id, Text: `"Fine," he said.`}, nil) {
				return
			}
		}
	}
	var ids []string
	for art, err := range a.AnalyzeAll(context.Background(), docs) {
		if err == nil {
			ids = append(ids, art.ID)
		}
	}
	fmt.Println(ids, slices.IsSorted(ids)) // in input order, whatever finished first
	// Output: [x y z] true
}
