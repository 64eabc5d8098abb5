// Package speaker says who said each quote that package quote found.
//
// # From cue to speaker
//
// The quote stage keeps each quote's frame: its cue ("said", "told",
// "according to", "called for", …, on either side of the quote, inverted as in
// "said the communique", or inside a parenthetical) and the words next to the
// cue that name the source. Attribute turns those words into a Speaker:
//
//   - titles, affiliations and roles are split off the name: "British Prime
//     Minister David Cameron" is David Cameron, title Prime Minister,
//     affiliation British; "Hugh Hill, a doctor" is Hugh Hill, a doctor;
//   - one Entity stands for each person or body of the article: "David
//     Cameron", "Cameron", "Mr Cameron", "the prime minister" and "he" are one;
//   - pronouns resolve to the most recent compatible speaker (gender from
//     titles, honorifics and given names; number for "they");
//   - a quote paragraph with no cue of its own continues the speaker of the
//     paragraph before ("carry-over"), and a quote after "Hill said:" is Hill's;
//   - sources that are not people are speakers too, each with its Kind:
//     organizations ("the Kremlin", "Turkey"), groups ("US officials"),
//     anonymous sources ("a source close to the talks"), documents ("the
//     communique").
//
// Every Attribution names the rule that made it (Method) and a Confidence in
// [0, 1]. A quote whose speaker cannot be found has Kind Unknown and method
// "none": the package does not guess.
package speaker
