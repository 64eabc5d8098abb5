package quote

import "github.com/quotegraph/quotegraph/lexicon"

// The word lists the quote stage reads; all are data in lexicon/data.
var (
	defaultCues = lexicon.NewTable(lexicon.Builtin("cues"))
	funcWords   = lexicon.NewTable(lexicon.Builtin("function_words"))
	elisions    = lexicon.NewTable(lexicon.Builtin("elisions"))
	pronouns    = lexicon.NewTable(lexicon.Builtin("pronouns"))
	timeWords   = lexicon.NewTable(lexicon.Builtin("time_words"))
	titleWords  = lexicon.NewTable(lexicon.Builtin("titles"), lexicon.Builtin("honorifics"))
	nonNames    = lexicon.NewTable(lexicon.Builtin("nonnames"))
	// postmodifiers and anonymityWords find the ends of anonymous sources.
	postmodifiers  = lexicon.NewTable(lexicon.Builtin("source_postmodifiers"))
	anonymityWords = lexicon.NewTable(lexicon.Builtin("anonymity_words"))
)
