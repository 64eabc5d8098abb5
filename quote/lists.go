package quote

import "github.com/quotegraph/quotegraph/lexicon"

//go:generate go test -run TestTables -update

// The tables of the word lists (lexicon/data) are kept in tables.go, which
// TestTables writes from the lists with -update and checks against them
// on every test run: a program that loads the package pays nothing for
// them, where building them cost the command-line tool more start-up time
// than most articles take. They are:
//
//   - wordNumbers numbers every word of the lists that the rules ask about,
//     and bitsOfNumber holds what the lists say of each number (wordBits);
//   - shortWords and longWords hold the same for the ASCII words of up to
//     eight and of nine to sixteen bytes, which computeBits reads in its
//     innermost loop: tables of fixed size with fixed hash functions, so
//     that slot numbers are below their length by construction and the
//     multipliers are constants, and lookupShort indexes them with no bounds
//     check and keeps its loop state in registers. fastLen is 8 and longOK
//     true when every such word found a slot; if the lists ever grow too
//     many for a table, its words take the slower lookup (TestShortWords);
//   - builtinCues, timeWords, postmodifiers and claimObjects are the phrase
//     lists the rules match, as tries walked by word number (phrases.go).

// defaultCues stands for the built-in cues in options; they are matched
// through builtinCues.
var defaultCues = new(lexicon.Table)
