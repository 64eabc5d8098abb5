package quote

import "github.com/quotegraph/quotegraph/lexicon"

// The word lists the quote stage reads as phrase lists; all are data in
// lexicon/data. Single-word lists are folded into wordBits (words.go).
var (
	builtinCues = newPhraseList("cues")
	// defaultCues stands for the built-in cues in options; they are
	// matched through builtinCues.
	defaultCues = new(lexicon.Table)
	timeWords   = newPhraseList("time_words")
	// postmodifiers find the ends of anonymous sources.
	postmodifiers = newPhraseList("source_postmodifiers")
	// claimObjects tell "claimed lives" from "claimed that".
	claimObjects = newPhraseList("claim_objects")
)
