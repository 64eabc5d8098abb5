// Command predict runs the pipeline over gold JSON Lines (or one JSON object)
// and writes predictions in the extract format, for development scoring.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/quotegraph/quotegraph"
)

func main() {
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var docs []struct{ ID, Text string }
	var one struct{ ID, Text string }
	if json.Unmarshal(b, &one) == nil {
		docs = append(docs, one)
	} else {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			var d struct{ ID, Text string }
			if err := json.Unmarshal([]byte(l), &d); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			docs = append(docs, d)
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for _, d := range docs {
		a, _ := quotegraph.Analyze(d.Text, opts(d.ID)...)
		enc.Encode(a)
	}
}
