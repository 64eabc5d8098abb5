package quote

// The word lists the quote stage reads as phrase lists; all are data in
// lexicon/data. Single-word lists are folded into wordBits (words.go).
var (
	builtinCues = newPhraseList("cues")
	defaultCues = builtinCues.table
	timeWords   = newPhraseList("time_words")
	// postmodifiers find the ends of anonymous sources.
	postmodifiers = newPhraseList("source_postmodifiers")
	// claimObjects tell "claimed lives" from "claimed that".
	claimObjects = newPhraseList("claim_objects")
)
