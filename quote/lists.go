package quote

import "github.com/quotegraph/quotegraph/lexicon"

// The word lists the quote stage reads as phrase tables; all are data in
// lexicon/data. Single-word lists are folded into wordBits (words.go).
var (
	defaultCues = lexicon.NewTable(lexicon.Builtin("cues"))
	timeWords   = lexicon.NewTable(lexicon.Builtin("time_words"))
	// postmodifiers find the ends of anonymous sources.
	postmodifiers = lexicon.NewTable(lexicon.Builtin("source_postmodifiers"))
	// claimObjects tell "claimed lives" from "claimed that".
	claimObjects = lexicon.NewTable(lexicon.Builtin("claim_objects"))
)
