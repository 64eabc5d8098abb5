// Package quotegraph finds the quoted statements of English news articles and
// says who made them: direct quotes in any mark style, partial quotes inside
// reported speech, and indirect speech with no marks at all, each with its
// speaker, cue and addressee, and the rule that found them.
//
// # The pipeline
//
// One call runs every stage:
//
//	art, err := quotegraph.Analyze(text)
//	for _, q := range art.Quotes {
//		fmt.Println(q.Kind, q.Text, "—", q.Speaker.Name)
//	}
//
// The stages are packages of their own and can be used alone:
//
//   - quote.Find locates quotations and reports unbalanced marks;
//   - speaker.Attribute names the speaker of each quote, resolving "he",
//     "Cameron" and "the prime minister" to one entity;
//   - graph builds a graph of speakers, topics and counterparts over many
//     articles.
//
// # Offsets
//
// Every span is a half-open range of byte offsets into the text exactly as it
// was passed in: text[q.Start:q.End] == q.Text. Nothing is normalised before
// it is located, so offsets stay valid for any input, including invalid
// UTF-8, CRLF line endings and a byte-order mark.
//
// # Concurrency
//
// An Analyzer holds only its options; its methods are safe for concurrent use
// by many goroutines. Results are plain data owned by the caller.
package quotegraph
