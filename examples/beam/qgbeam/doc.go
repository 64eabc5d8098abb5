// Package qgbeam runs quotegraph inside Apache Beam, for corpora and feeds
// that outgrow one machine. It is the pipeline of the beam command, in
// transforms you can also put into a pipeline of your own:
//
//	docs := qgbeam.ReadJSONL(s, "gs://bucket/news/*.jsonl")  // PCollection<quotegraph.Doc>
//	quotes, inputs := qgbeam.Analyze(s, docs)                // one analyser per worker, reused
//	textio.Write(s, "gs://bucket/out/quotes.jsonl", quotes)  // PCollection<string>, JSON Lines
//	qgbeam.WriteFile(s, "gs://bucket/out/graph.json", qgbeam.CorpusGraph(s, inputs, qgbeam.GraphOptions{}))
//
// Nothing here depends on a runner: the same pipeline runs on the direct and
// prism runners on one machine, and on Flink, Spark or Dataflow with flags.
//
// # Outputs
//
// Each quote is one JSON line: the speaker.Attribution with the ID of its
// article in "article". The corpus graph is written exactly as `quotegraph
// graph -format json` writes it. The graph is combined as a tree: each
// worker reads its articles into a partial graph (graph.New, Add), partial
// graphs merge (Merge) and travel in their lossless binary form
// (MarshalBinary), and names are resolved once at the end (Resolve), which
// makes it exactly graph.Build over the whole corpus; the tests check that
// the two are equal byte for byte, on the direct runner and on prism.
//
// # Failures
//
// A line that is not an article object is counted (metric qgbeam/bad-lines)
// and skipped; an article whose analysis fails or panics is counted
// (qgbeam/articles-failed) and left out. Neither stops the pipeline.
package qgbeam
