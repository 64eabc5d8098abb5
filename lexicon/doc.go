// Package lexicon reads the word lists that quotegraph's rules run on, and
// looks phrases up in them.
//
// Every list is plain text, one phrase per line:
//
//	# reporting cues; flags after " = "
//	said
//	told = addressee
//	according to = according
//
// Words are separated by single spaces and folded to lower case; a value may
// follow " = " (a gender, space-separated flags, a canonical form); blank
// lines and lines starting with # are skipped. The same parser reads the
// built-in lists (Builtin, embedded from lexicon/data) and a user's own
// (Parse), so a newsroom can add its house style:
//
//	mine, err := lexicon.Parse(strings.NewReader("harrumphed\nopined = content\n"), "house-cues.txt")
//	cues := quote.WithCues(lexicon.Builtin("cues"), mine)
//
// A Table built from lists answers "which phrase starts here?" over a run of
// words, without allocating for ASCII words.
package lexicon
