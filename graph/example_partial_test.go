package graph_test

import (
	"fmt"

	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/speaker"
)

// Two workers each read part of a corpus; merging their graphs and resolving
// once gives the graph of the whole corpus. Alone, the second part cannot
// tell who "Putin" is.
func ExampleGraph_Merge() {
	left, right := graph.New(), graph.New()
	_ = left.Add(summit())
	_ = right.Add(article("later", "Putin said terrorism was evil.",
		[]speaker.Entity{{Name: "Putin", Kind: speaker.Person}},
		map[string]int{"terrorism was evil": 0}))

	if err := left.Merge(right); err != nil {
		fmt.Println(err)
	}
	left.Resolve() // once, when everything is merged
	v, _ := left.Vertex("person:vladimir-putin")
	fmt.Println(v.Label, v.Quotes)
	_, bare := left.Vertex("person:putin")
	fmt.Println(bare)
	// Output:
	// Vladimir Putin 2
	// false
}

// MarshalBinary is the form in which a partial graph travels between
// workers: unlike the JSON, it keeps what Merge needs.
func ExampleGraph_MarshalBinary() {
	g := graph.New()
	_ = g.Add(summit())
	b, err := g.MarshalBinary()
	if err != nil {
		fmt.Println(err)
		return
	}
	again, _ := g.MarshalBinary()
	fmt.Println(len(b) > 0, string(b) == string(again))
	// Output:
	// true true
}

// A worker decodes the graphs it receives into zero Graphs and merges them.
func ExampleGraph_UnmarshalBinary() {
	g := graph.New()
	_ = g.Add(summit())
	b, _ := g.MarshalBinary()

	var received graph.Graph
	if err := received.UnmarshalBinary(b); err != nil {
		fmt.Println(err)
		return
	}
	total := graph.New()
	_ = total.Merge(&received)
	_ = total.Merge(&received)
	total.Resolve()
	v, _ := total.Vertex("person:david-cameron")
	fmt.Println(v.Quotes, total.Size() == g.Size())
	fmt.Println(received.UnmarshalBinary([]byte("{}")) != nil)
	// Output:
	// 2 true
	// true
}
