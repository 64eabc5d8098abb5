package quote

import "github.com/quotegraph/quotegraph/lexicon"

// The word lists the quote stage reads; all are data in lexicon/data.
var (
	defaultCues = lexicon.NewTable(lexicon.Builtin("cues"))
	timeWords   = lexicon.NewTable(lexicon.Builtin("time_words"))
	// postmodifiers find the ends of anonymous sources.
	postmodifiers = lexicon.NewTable(lexicon.Builtin("source_postmodifiers"))
)
