// Command segdump prints what the pipeline finds in a file, for debugging.
package main

import (
	"fmt"
	"os"

	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/quote"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	r := quote.Find(string(b))
	_, infos := frame.Of(r)
	t := string(b)
	sp := func(s frame.Span) string {
		if !s.Ok() {
			return "-"
		}
		return t[s.Start:s.End]
	}
	for i, q := range r.Quotes {
		in := infos[i]
		fmt.Printf("%d-%d %s [%s] cue=%q subj=%q app=%q to=%q rule=%s lead=%v\n", q.Start, q.End, q.Kind, q.Text, sp(in.Cue), sp(in.Subject), sp(in.Appositive), sp(in.Addressee), in.Rule, in.LeadIn)
	}
	for _, w := range r.Warnings {
		fmt.Println("warning:", w)
	}
}
