package graph_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// FuzzAdd: any text with any attribution span is read without a panic, and
// the graph it makes round-trips through JSON.
func FuzzAdd(f *testing.F) {
	f.Add("British Prime Minister David Cameron met Putin. \"Syria (ISIS) matters,\" Cameron told BBC radio.", 48, 70, "David Cameron")
	f.Add("After talks with Cameron, Putin said terrorism was evil.", 32, 56, "Putin")
	f.Add("a meeting between X and Y (XY)", 0, 30, "")
	f.Add("\"\"\" ( ) -- al- Al-", 1, 2, "the ")
	f.Fuzz(func(t *testing.T, text string, start, end int, who string) {
		if start < 0 || end > len(text) || start > end {
			start, end = 0, len(text)
		}
		seg := text[start:end]
		if !utf8.ValidString(seg) {
			seg = ""
		}
		art := graph.Article{ID: "fuzz", Text: text,
			Entities: []speaker.Entity{{Name: who, Kind: speaker.Person, Aliases: []string{who + " " + who}}},
			Attributions: []speaker.Attribution{{
				Quote:     quote.Quote{Span: quote.Span{Start: start, End: end}, Text: seg},
				Speaker:   &speaker.Speaker{Name: who, Kind: speaker.Person, Entity: 0},
				Addressee: &speaker.Mention{Start: end, End: start, Text: who},
			}}}
		g := graph.New()
		_ = g.Add(art)
		g.Resolve()
		var b bytes.Buffer
		if err := g.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		back, err := graph.ReadJSON(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("round trip: %v\n%s", err, b.String())
		}
		var again bytes.Buffer
		_ = back.WriteJSON(&again)
		if again.String() != b.String() {
			t.Fatalf("round trip changed the graph:\n%s\n%s", b.String(), again.String())
		}
		_ = g.WriteDOT(&b)
	})
}

// FuzzReadJSON: any document is read without a panic.
func FuzzReadJSON(f *testing.F) {
	f.Add(`{"nodes":[{"id":"person:a","kind":"speaker","label":"A","quotes":1},{"id":"topic:b","kind":"topic","label":"B","quotes":0}],"edges":[{"source":"person:a","target":"topic:b","relation":"said-about","weight":1,"evidence":[{"article":"x","start":0,"end":1}]}]}`)
	f.Add(`{"nodes":[],"edges":[]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		g, err := graph.ReadJSON(strings.NewReader(doc))
		if g == nil && err == nil {
			t.Fatal("no graph and no error")
		}
		if g != nil {
			var b bytes.Buffer
			_ = g.WriteDOT(&b)
			_ = g.WriteJSON(&b)
		}
	})
}
