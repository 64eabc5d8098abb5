package quote

// punct is a punctuation mark the rules ask about. computeBits puts the
// punct of each punctuation token in its bits (where a word has none), so
// that isPunct compares a number instead of the token's text.
type punct wordBits

const (
	pOther punct = iota // punctuation the rules never ask about
	pComma
	pColon
	pSemicolon
	pPeriod
	pQuestion
	pExclamation
	pHyphen
	pDoubleHyphen
	pEmDash
	pEnDash
	pOpenParen
	pCloseParen
	pSlash
	pEllipsis // … and ...
	pOpenBracket
)

// punctShift places a punct in wordBits, between the flags and the id.
const (
	punctShift          = 13
	punctMask  wordBits = 0xf << punctShift
)

// punctOf returns the punct of a punctuation token's text.
func punctOf(s string) punct {
	switch s {
	case ",":
		return pComma
	case ":":
		return pColon
	case ";":
		return pSemicolon
	case ".":
		return pPeriod
	case "?":
		return pQuestion
	case "!":
		return pExclamation
	case "-":
		return pHyphen
	case "--":
		return pDoubleHyphen
	case "—":
		return pEmDash
	case "–":
		return pEnDash
	case "(":
		return pOpenParen
	case ")":
		return pCloseParen
	case "/":
		return pSlash
	case "…", "...":
		return pEllipsis
	case "[":
		return pOpenBracket
	}
	return pOther
}

// punctSet is a set of puncts, a bit each.
type punctSet uint32

// inSet reports whether token i is punctuation of the set s.
func (f *finder) inSet(i int, s punctSet) bool {
	return uint(i) < uint(len(f.bits)) && f.bits[i].in(s)
}

// in reports whether the token of bits b is punctuation of the set s.
func (b wordBits) in(s punctSet) bool {
	return s>>(b&punctMask>>punctShift)&1 != 0
}

// isPunct reports whether token i is the punctuation p.
func (f *finder) isPunct(i int, p punct) bool {
	return uint(i) < uint(len(f.bits)) && f.bits[i]&punctMask == wordBits(p)<<punctShift
}
