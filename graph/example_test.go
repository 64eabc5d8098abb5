package graph_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// article builds an analysed article by hand, as speaker.Attribute would:
// each quote is given by its text and the index of its speaker entity.
func article(id, text string, ents []speaker.Entity, quotes map[string]int) graph.Article {
	a := graph.Article{ID: id, Text: text, Entities: ents}
	for q, e := range quotes {
		i := strings.Index(text, q)
		a.Attributions = append(a.Attributions, speaker.Attribution{
			Quote:      quote.Quote{Span: quote.Span{Start: i, End: i + len(q)}, Text: q, Kind: quote.Indirect},
			Speaker:    &speaker.Speaker{Name: ents[e].Name, Kind: ents[e].Kind, Title: ents[e].Title, Entity: e},
			Confidence: 0.9,
		})
	}
	return a
}

// summit is a short article in the manner of the seed article.
func summit() graph.Article {
	text := `British Prime Minister David Cameron told BBC radio: "Syria must not be slaughtered." ` +
		`After talks with Cameron, Russian President Vladimir Putin said the fight against terrorism in Syria came first.`
	a := article("summit", text, []speaker.Entity{
		{Name: "David Cameron", Kind: speaker.Person, Title: "Prime Minister", Affiliation: "British"},
		{Name: "Vladimir Putin", Kind: speaker.Person, Title: "President", Affiliation: "Russian"},
	}, map[string]int{
		`"Syria must not be slaughtered."`:                0,
		"the fight against terrorism in Syria came first": 1,
	})
	for i := range a.Attributions {
		if a.Attributions[i].Speaker.Entity == 0 {
			bbc := strings.Index(text, "BBC radio")
			a.Attributions[i].Addressee = &speaker.Mention{Start: bbc, End: bbc + 9, Text: "BBC radio"}
		}
	}
	return a
}

func printEdges(es []graph.Edge) {
	for _, e := range es {
		fmt.Println(e.Source, e.Relation, e.Target, e.Weight)
	}
}

func ExampleNew() {
	g := graph.New()
	if err := g.Add(summit()); err != nil {
		fmt.Println(err)
	}
	for _, v := range g.Vertices() {
		fmt.Printf("%s %s %q quotes=%d\n", v.ID, v.Kind, v.Label, v.Quotes)
	}
	// Output:
	// org:bbc-radio counterpart "BBC radio" quotes=0
	// person:david-cameron speaker "David Cameron" quotes=1
	// person:vladimir-putin speaker "Vladimir Putin" quotes=1
	// topic:syria topic "Syria" quotes=0
	// topic:terrorism topic "terrorism" quotes=0
}

func ExampleBuild() {
	later := article("later", "Putin said terrorism was evil.",
		[]speaker.Entity{{Name: "Putin", Kind: speaker.Person}},
		map[string]int{"terrorism was evil": 0})
	g, err := graph.Build([]graph.Article{summit(), later})
	if err != nil {
		fmt.Println(err)
	}
	// "Putin" in the later article is the Vladimir Putin of the first.
	v, _ := g.Vertex("person:vladimir-putin")
	fmt.Println(v.Label, v.Quotes)
	fmt.Println(len(g.Evidence("person:vladimir-putin", "topic:terrorism", graph.SaidAbout)))
	// Output:
	// Vladimir Putin 2
	// 2
}

func ExampleGraph_Add() {
	g := graph.New()
	a := summit()
	a.Attributions[0].End = 10000 // a span outside the text is reported, the rest kept
	err := g.Add(a)
	fmt.Println(err != nil, g.Order() > 0)
	// Output:
	// true true
}

func ExampleGraph_Resolve() {
	g := graph.New()
	_ = g.Add(summit())
	_ = g.Add(article("later", "Putin said terrorism was evil.",
		[]speaker.Entity{{Name: "Putin", Kind: speaker.Person}},
		map[string]int{"terrorism was evil": 0}))
	_, bare := g.Vertex("person:putin")
	fmt.Println(bare, g.Resolve())
	_, bare = g.Vertex("person:putin")
	fmt.Println(bare)
	// Output:
	// true 1
	// false
}

func ExampleGraph_Order() {
	g := graph.New()
	_ = g.Add(summit())
	fmt.Println(g.Order())
	// Output: 5
}

func ExampleGraph_Size() {
	g := graph.New()
	_ = g.Add(summit())
	fmt.Println(g.Size())
	// Output: 5
}

func ExampleGraph_Vertex() {
	g := graph.New()
	_ = g.Add(summit())
	v, ok := g.Vertex("person:david-cameron")
	fmt.Printf("%v %+v\n", ok, v)
	// Output: true {ID:person:david-cameron Kind:speaker Label:David Cameron Title:Prime Minister Affiliation:British Quotes:1}
}

func ExampleGraph_Vertices() {
	g := graph.New()
	_ = g.Add(summit())
	for _, v := range g.Vertices() {
		if v.Kind == graph.Topic {
			fmt.Println(v.Label)
		}
	}
	// Output:
	// Syria
	// terrorism
}

func ExampleGraph_Edges() {
	g := graph.New()
	_ = g.Add(summit())
	printEdges(g.Edges())
	// Output:
	// person:david-cameron addressed org:bbc-radio 1
	// person:david-cameron talked-with person:vladimir-putin 1
	// person:david-cameron said-about topic:syria 1
	// person:vladimir-putin said-about topic:syria 1
	// person:vladimir-putin said-about topic:terrorism 1
}

func ExampleGraph_TopSpeakers() {
	g, _ := graph.Build([]graph.Article{summit(), article("later", "Putin said terrorism was evil.",
		[]speaker.Entity{{Name: "Putin", Kind: speaker.Person}}, map[string]int{"terrorism was evil": 0})})
	for _, v := range g.TopSpeakers(2) {
		fmt.Println(v.Label, v.Quotes)
	}
	// Output:
	// Vladimir Putin 2
	// David Cameron 1
}

func ExampleGraph_Topics() {
	g := graph.New()
	_ = g.Add(summit())
	printEdges(g.Topics("person:vladimir-putin"))
	// Output:
	// person:vladimir-putin said-about topic:syria 1
	// person:vladimir-putin said-about topic:terrorism 1
}

func ExampleGraph_Speakers() {
	g := graph.New()
	_ = g.Add(summit())
	for _, e := range g.Speakers(graph.TopicID("Syria")) {
		fmt.Printf("%s: %s\n", e.Source, e.Evidence[0].Text)
	}
	// Output:
	// person:david-cameron: "Syria must not be slaughtered."
	// person:vladimir-putin: the fight against terrorism in Syria came first
}

func ExampleGraph_Counterparts() {
	g := graph.New()
	_ = g.Add(summit())
	printEdges(g.Counterparts("person:david-cameron"))
	// Output:
	// person:david-cameron addressed org:bbc-radio 1
	// person:david-cameron talked-with person:vladimir-putin 1
}

func ExampleGraph_Evidence() {
	g := graph.New()
	_ = g.Add(summit())
	for _, ev := range g.Evidence("person:vladimir-putin", "person:david-cameron", graph.TalkedWith) {
		fmt.Printf("%s [%d,%d) %s\n", ev.Article, ev.Start, ev.End, ev.Text)
	}
	// Output: summit [86,198) After talks with Cameron, Russian President Vladimir Putin said the fight against terrorism in Syria came first.
}

func ExampleGraph_Subgraph() {
	g := graph.New()
	_ = g.Add(summit())
	for _, v := range g.Subgraph("org:bbc-radio", 1).Vertices() {
		fmt.Println(v.ID)
	}
	// Output:
	// org:bbc-radio
	// person:david-cameron
}

func ExampleGraph_Lookup() {
	g := graph.New()
	_ = g.Add(summit())
	for _, v := range g.Lookup("vladimir putin") {
		fmt.Println(v.ID)
	}
	// Output: person:vladimir-putin
}

func ExampleGraph_WriteDOT() {
	g := graph.New()
	_ = g.Add(article("a", `Acme said "quotes" are fine.`,
		[]speaker.Entity{{Name: `Acme "Inc"`, Kind: speaker.Organization}}, map[string]int{`"quotes" are fine`: 0}))
	_ = g.WriteDOT(os.Stdout)
	// Output:
	// digraph quotegraph {
	// 	graph [rankdir=LR, fontname="Helvetica", nodesep=0.3, ranksep=0.8];
	// 	node [fontname="Helvetica", fontsize=11, style="filled,rounded", penwidth=0.8];
	// 	edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];
	// 	"org:acme-inc" [label="Acme \"Inc\"\n1 quote", shape=box3d, fillcolor="#9ecae1"];
	// }
}

func ExampleGraph_WriteJSON() {
	g := graph.New(graph.WithoutText())
	_ = g.Add(article("a", "Rubio said taxes were too high.",
		[]speaker.Entity{{Name: "Marco Rubio", Kind: speaker.Person}}, map[string]int{"taxes were too high": 0}))
	_ = g.WriteJSON(os.Stdout)
	// Output:
	// {"nodes": [
	//  {"id":"person:marco-rubio","kind":"speaker","label":"Marco Rubio","quotes":1},
	//  {"id":"topic:taxes","kind":"topic","label":"taxes","quotes":0}
	// ],
	// "edges": [
	//  {"source":"person:marco-rubio","target":"topic:taxes","relation":"said-about","weight":1,"evidence":[{"article":"a","start":11,"end":30}]}
	// ]}
}

func ExampleReadJSON() {
	doc := `{"nodes": [
 {"id":"person:marco-rubio","kind":"speaker","label":"Marco Rubio","quotes":1},
 {"id":"topic:taxes","kind":"topic","label":"taxes","quotes":0}
],
"edges": [
 {"source":"person:marco-rubio","target":"topic:taxes","relation":"said-about","weight":1,"evidence":[{"article":"a","start":11,"end":30}]}
]}`
	g, err := graph.ReadJSON(strings.NewReader(doc))
	fmt.Println(err, g.Order(), g.Size())
	// Output: <nil> 2 1
}

func ExampleWithTopics() {
	mine, _ := lexicon.Parse(strings.NewReader("carbon tax = climate policy\n"), "mine.txt")
	g := graph.New(graph.WithTopics(mine))
	_ = g.Add(article("a", "Rubio said a carbon tax would kill jobs.",
		[]speaker.Entity{{Name: "Marco Rubio", Kind: speaker.Person}}, map[string]int{"a carbon tax would kill jobs": 0}))
	printEdges(g.Topics("person:marco-rubio"))
	// Output:
	// person:marco-rubio said-about topic:climate-policy 1
	// person:marco-rubio said-about topic:jobs 1
}

func ExampleWithOnlyTopics() {
	mine, _ := lexicon.Parse(strings.NewReader("carbon tax = climate policy\n"), "mine.txt")
	g := graph.New(graph.WithOnlyTopics(mine))
	_ = g.Add(article("a", "Rubio said a carbon tax would kill jobs.",
		[]speaker.Entity{{Name: "Marco Rubio", Kind: speaker.Person}}, map[string]int{"a carbon tax would kill jobs": 0}))
	printEdges(g.Topics("person:marco-rubio"))
	// Output:
	// person:marco-rubio said-about topic:climate-policy 1
}

func ExampleWithStopWords() {
	stop, _ := lexicon.Parse(strings.NewReader("syria\n"), "stop.txt")
	g := graph.New(graph.WithStopWords(stop))
	_ = g.Add(summit())
	printEdges(g.Topics("person:vladimir-putin"))
	// Output:
	// person:vladimir-putin said-about topic:terrorism 1
}

func ExampleWithMinConfidence() {
	g := graph.New(graph.WithMinConfidence(0.95)) // summit's attributions have 0.9
	_ = g.Add(summit())
	fmt.Println(len(g.TopSpeakers(0)))
	// Output: 0
}

func ExampleWithWorkers() {
	// One article at a time: the graph is the same as with one per core.
	g, err := graph.Build([]graph.Article{summit()}, graph.WithWorkers(1))
	fmt.Println(g.Order() > 0, err)
	// Output: true <nil>
}

func ExampleWithoutText() {
	g := graph.New(graph.WithoutText())
	_ = g.Add(summit())
	fmt.Printf("%+v\n", g.Evidence("person:vladimir-putin", "topic:terrorism", graph.SaidAbout))
	// Output: [{Article:summit Start:150 End:197 Text:}]
}

func ExampleID() {
	fmt.Println(graph.ID(speaker.Person, "Recep Tayyip Erdoğan", "g20"))
	fmt.Println(graph.ID(speaker.Organization, "The Kremlin", "g20"))
	fmt.Println(graph.ID(speaker.Anonymous, "a source close to the talks", "g20"))
	// Output:
	// person:recep-tayyip-erdogan
	// org:kremlin
	// anon:g20/source-close-to-the-talks
}

func ExampleTopicID() {
	fmt.Println(graph.TopicID("Islamic State"))
	// Output: topic:islamic-state
}

func ExampleSlug() {
	fmt.Println(graph.Slug("Beto O'Rourke, U.S. Rep."))
	// Output: beto-orourke-us-rep
}

func ExampleVertex_Namespace() {
	fmt.Println(graph.Vertex{ID: "doc:g20/communique"}.Namespace())
	// Output: doc
}

func ExampleErrorList() {
	var list graph.ErrorList
	fmt.Println(list.Err())
	list.Add("g20: attribution 3", "span [%d,%d) outside the text", 4000, 5000)
	list.Add("g20: attribution 4", "span [%d,%d) outside the text", 4100, 5100)
	fmt.Println(list.Err())
	fmt.Println(list[1])
	// Output:
	// <nil>
	// g20: attribution 3: span [4000,5000) outside the text (and 1 more)
	// g20: attribution 4: span [4100,5100) outside the text
}
