// Package graph turns attributed quotes into a graph of who said what about
// what, and to whom: speakers, the counterparts they deal with, and topics.
//
// # From quotes to a graph
//
// The attribution pipeline (packages quote and speaker) finds the quotes of
// an article and their speakers. Give the graph an Article, which is the
// article's ID and text with that speaker.Result, and it adds:
//
//   - a speaker vertex for each person, organisation, group, document or
//     anonymous source that is quoted, with its quote count, title and
//     affiliation;
//   - a said-about edge from the speaker to each topic of each quote: the
//     places, organisations and events the quote names with capitals, and the
//     phrases of a topic vocabulary ("terrorism", "climate change");
//   - a mentioned edge to each person or speaker the quote names, and an
//     addressed edge to whom it was said ("told BBC radio");
//   - met and talked-with edges from the narration between quotes ("After
//     talks with Cameron, Putin said"), and answer relations named after
//     their verb (criticised, praised, accused, responded-to, ...).
//
// An entity that speakers deal with but that never speaks is a counterpart
// vertex (Obama in the seed article). Every edge keeps its evidence: the
// article and byte span of each quote or sentence behind it, and its weight
// is how many there are.
//
//	g := graph.New()
//	err := g.Add(graph.Article{ID: "g20", Text: text, Attributions: r.Attributions, Entities: r.Entities})
//	for _, e := range g.Speakers(graph.TopicID("Syria")) {
//		fmt.Println(e.Source, "said", e.Evidence[0].Text)
//	}
//
// # Names and IDs
//
// Vertex IDs are stable and say what the vertex is: person:david-cameron,
// org:kremlin, group:us-officials, topic:syria; documents and anonymous
// sources are scoped to their article (doc:g20-antalya/communique). Within an
// article "Putin" is Vladimir Putin when the article names him so; across a
// corpus the same full name is one vertex. A one-word name an article never
// completes is merged by Resolve only when one person of the graph can be
// meant, so "Clinton" stays apart from Hillary and Bill Clinton.
//
// # Topics
//
// A topic is a short normalized phrase. Spellings collapse: the vocabulary
// maps "ISIS", "ISIL" and "Islamic State in Iraq and Syria" to "Islamic
// State", and an acronym the article defines in parentheses is an alias of
// its long form. Stop words, pronouns, numbers, titles alone and boilerplate
// such as "Join ST's Telegram channel" are never topics. The word lists are
// plain text files embedded from data/ and read with lexicon.Parse; pass your
// own with WithTopics, WithOnlyTopics and WithStopWords. The lists the whole
// pipeline shares (titles, given names, demonyms, group words, places,
// pronouns) come from package lexicon.
//
// # Corpora and concurrency
//
// Build reads many articles in parallel, merges them in order of their IDs
// and calls Resolve; Add merges one article at a time, and Resolve is yours to
// call when they are all in. The result does not depend on the order the
// articles come in, and never on map order. A Graph is safe for concurrent
// use: the github.com/dominikbraun/graph graph it wraps, and the store of our
// own under it, are guarded by one lock.
//
// # Distributed combines
//
// Merge adds one graph to another, and MarshalBinary and UnmarshalBinary
// carry a graph between machines without loss. Together they are the combine
// step of a distributed engine (Apache Beam, Spark, Flink): each worker adds
// its articles to a graph of its own, the engine merges the graphs in any
// order and grouping, and Resolve runs once on the result, which is then
// exactly the graph Build makes of all the articles. A graph keeps its state
// from before Resolve, so resolved graphs merge correctly too; the JSON keeps
// only what the graph shows, and is no form to merge.
//
// # Queries and output
//
// TopSpeakers, Topics, Speakers, Counterparts, Evidence and Subgraph answer
// the usual questions. WriteDOT draws the graph for Graphviz (`dot -Tsvg`),
// and WriteJSON and ReadJSON store it:
//
//	{"nodes": [{"id", "kind", "label", "title", "affiliation", "quotes"}],
//	 "edges": [{"source", "target", "relation", "weight",
//	            "evidence": [{"article", "start", "end", "text"}]}]}
//
// The evidence text is the quote or sentence itself; WithoutText leaves it out.
package graph
