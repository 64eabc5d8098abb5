// Package quote finds every quotation in an English news text, as byte
// offsets into the unchanged input.
//
// # What counts as a quote
//
// Three kinds, told apart by their quotation marks:
//
//   - Direct: the statement is all inside marks, in any style: "…", “…”,
//     ‘…’, '…', «…», „…“, ‚…‘, and typewriter ”…”. A quote split by its cue
//     ("The plan," she said, "is dead.") is one quote in two Pieces; so is a
//     quote that runs over several paragraphs by the news convention (an
//     opening mark on every paragraph, a closing one on the last).
//   - Mixed: reported speech that carries a quoted fragment (Putin said other
//     disputes should be put aside to "unite our efforts"), or a fragment that
//     is the object of a cue (Merkel called for "intensive cooperation").
//   - Indirect: reported speech with no marks: "X said (that) CLAUSE",
//     "CLAUSE, X said", "X said …, adding that CLAUSE", "according to X,
//     CLAUSE", "CLAUSE, according to X" and "Five years ago, he said, …".
//     The span is the reported clause, with its "that" when it has one.
//
// Scare quotes and titles with no speech frame ("the so-called "peace plan"")
// are not statements, nor is anything in a headline, photo caption or byline.
// Apostrophes (don't, the '90s, Sunday's, students') never open or close a
// quote.
//
// # Unbalanced marks
//
// A quote that never closes ends with its paragraph, and a stray mark is
// ignored; both are reported in Result.Warnings, a list of positioned errors
// whose Err method is nil when the text was clean. Find never fails and never
// lets a broken quote swallow the rest of an article.
//
// # Cost
//
// One pass over the text and one over its tokens: time is linear in the input
// whatever it holds (a megabyte of quotation marks included), and the working
// buffers are pooled.
package quote
