package quote

import "github.com/quotegraph/quotegraph/lexicon"

// The word lists the quote stage reads as phrase lists; all are data in
// lexicon/data. Single-word lists are folded into wordBits (words.go).
var (
	builtinCues *phraseList
	timeWords   *phraseList
	// postmodifiers find the ends of anonymous sources.
	postmodifiers *phraseList
	// claimObjects tell "claimed lives" from "claimed that".
	claimObjects *phraseList
)

// defaultCues stands for the built-in cues in options; they are matched
// through builtinCues.
var defaultCues = new(lexicon.Table)

// tablesBuilt is closed once buildTables has built the tables of words.go
// and of this file. They are built in the background from the start of the
// program, so that its other start-up work (the speaker stage's tables
// above all) runs beside it on another core; Find waits for them, and so
// do the package's tests (TestMain).
var tablesBuilt = make(chan struct{})

func init() {
	go func() {
		buildTables()
		close(tablesBuilt)
	}()
}

// buildTables builds the tables of the word lists, each from the ones
// before it.
func buildTables() {
	lexiconBits, lexiconWords = newLexiconBits()
	idCount = countIDs()
	wordNumbers, bitsOfNumber = newWordNumbers()
	shortWords, fastLen = newShortWords()
	longWords, longOK = newLongWords()
	builtinCues = newPhraseList("cues")
	timeWords = newPhraseList("time_words")
	postmodifiers = newPhraseList("source_postmodifiers")
	claimObjects = newPhraseList("claim_objects")
}
