// Package segment cuts a text into paragraphs, sentences and tokens, each a
// half-open byte range into the unchanged input. It is the first stage of the
// pipeline and the only one that looks at raw bytes.
package segment

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/fold"
)

// Kind classifies a token.
type Kind uint8

const (
	Word   Kind = iota + 1 // letters, with inner apostrophes, hyphens and initialism dots
	Number                 // digits, with inner separators
	Punct                  // one punctuation or symbol rune
	Mark                   // a quotation mark, or an apostrophe that is not inside a word
)

// Token flags.
const (
	Upper       uint8 = 1 << iota // the first rune is an upper-case letter
	AllUpper                      // every letter is upper case (and there are two or more)
	SpaceBefore                   // whitespace (or the paragraph start) precedes the token
	SpaceAfter                    // whitespace (or the paragraph end) follows the token
)

// Token is a word, number, punctuation rune or quotation mark.
type Token struct {
	Start, End int32
	Para       int32
	Kind       Kind
	Flags      uint8
}

// Is reports whether the token has every flag of f.
func (t Token) Is(f uint8) bool { return t.Flags&f == f }

// Range is a stretch of the text and of its tokens: bytes [Start, End) and
// tokens [First, Last).
type Range struct {
	Start, End  int
	First, Last int
}

// Doc is a segmented text. The zero value is ready for Reset; reusing a Doc
// reuses its buffers.
type Doc struct {
	Text   string
	Tokens []Token
	Paras  []Range
	Sents  []Range
	// SentOf maps a token index to its sentence index.
	SentOf []int32
	// Uppers lists, in order, the tokens that are capitalized words (Kind
	// Word with the Upper flag): the tokenizer notes them as it goes, so that
	// scans for names need not pass over every token again.
	Uppers []int32

	// alnum has bit k%64 of word k/64 set when byte k of Text is an ASCII
	// letter or digit (see alnumMasks).
	alnum []uint64

	// stops lists, in order, the tokens that may end a sentence (a word
	// ending in a dot, or . ... ! ? …), so the sentence pass visits only
	// them.
	stops []int32
}

// New segments text into a new Doc.
func New(text string) *Doc {
	d := &Doc{}
	d.Reset(text)
	return d
}

// TokenText returns the text of token i.
func (d *Doc) TokenText(i int) string { t := d.Tokens[i]; return d.Text[t.Start:t.End] }

// TokenFrom returns the index of the first token that starts at byte off or
// after it, len(Tokens) if none does. It is a binary search written out:
// sort.Search would call a function at each step.
func (d *Doc) TokenFrom(off int) int {
	ts := d.Tokens
	lo, hi := 0, len(ts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(ts[m].Start) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Reset segments text, reusing the Doc's buffers.
func (d *Doc) Reset(text string) {
	d.clear(text)
	d.tokenize()
	d.sentences()
}

// clear sets the text and empties the lists, keeping their buffers.
func (d *Doc) clear(text string) {
	d.Text = text
	d.Tokens = d.Tokens[:0]
	d.Uppers = d.Uppers[:0]
	d.Paras = d.Paras[:0]
	d.Sents = d.Sents[:0]
	d.stops = d.stops[:0]
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\f' || r == '\v' || r == 0xa0 || r == 0xfeff || r == 0 ||
		(r > 0x7f && unicode.IsSpace(r))
}

// Byte classes, so the common case needs no rune decoding. A rune of
// several bytes is classed by runeClass.
const (
	cOther uint8 = iota // punctuation and symbols
	cLower              // a letter that is not upper case
	cUpper
	cDigit
	cQuote
	cMulti // the first byte of a rune of several bytes, or an invalid byte
	// Whitespace last, so one comparison tells it from the start of a token.
	cSpace
	cBreak
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = cMulti
		case c == '\n' || c == '\r':
			t[c] = cBreak
		case c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0:
			t[c] = cSpace
		case c >= 'a' && c <= 'z':
			t[c] = cLower
		case c >= 'A' && c <= 'Z':
			t[c] = cUpper
		case c >= '0' && c <= '9':
			t[c] = cDigit
		case c == '"' || c == '\'' || c == '`':
			t[c] = cQuote
		}
	}
	return t
}()

// runeClass classes a rune of several bytes (or utf8.RuneError for an
// invalid byte, which is punctuation of one byte).
func runeClass(r rune) uint8 {
	switch {
	case r == utf8.RuneError:
		return cOther // an invalid byte: punctuation, without asking the Unicode tables
	case IsQuoteRune(r):
		// First, as curly marks are most of what is not ASCII in news,
		// and no mark is a space, letter or digit.
		return cQuote
	case r >= 0x2010 && r <= 0x2027:
		// Dashes, bullets and the ellipsis of General Punctuation (its
		// quotation marks are asked above): none is a space, letter or
		// digit, without asking the Unicode tables.
		return cOther
	case isSpace(r):
		return cSpace
	case isLetter(r):
		if unicode.IsUpper(r) {
			return cUpper
		}
		return cLower
	case isDigit(r):
		return cDigit
	}
	return cOther
}

// Bits of alnumByte: what an ASCII letter or digit adds to a word.
const (
	aLower uint8 = 1 << iota
	aUpper
	aDigit
)

// caseFlag is the Upper flag of a word by the class of its first rune.
var caseFlag = [256]uint8{cUpper: Upper}

// mayJoin marks the bytes after a run of ASCII letters and digits that may
// still belong to the word: joiners and the first bytes of multi-byte runes.
var mayJoin = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= utf8.RuneSelf || c == '\'' || c == '-' || c == '.' || c == '&'
	}
	return t
}()

// alnumByte tells ASCII lower-case letters, upper-case letters and digits
// apart; it is 0 for every other byte.
var alnumByte = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch byteClass[c] {
		case cLower:
			t[c] = aLower
		case cUpper:
			t[c] = aUpper
		case cDigit:
			t[c] = aDigit
		}
	}
	return t
}()

// decode returns the rune at i and its width; invalid bytes count as one
// rune each (utf8.RuneError) so offsets stay on the original bytes.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

// alnumAt reports whether the rune at i is a letter or digit.
func alnumAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return alnumByte[c] != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetter(r) || isDigit(r)
}

// IsQuoteRune reports whether r can be a quotation mark or apostrophe.
func IsQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '‟', '‛', '`':
		return true
	}
	return false
}

func (d *Doc) tokenize() {
	s := d.Text
	n := len(s)
	if want := n/5 + 16; cap(d.Tokens) < want {
		d.Tokens = make([]Token, 0, want)
	}
	toks := d.Tokens
	para := int32(-1)
	inPara := false
	// before is SpaceBefore while whitespace or a paragraph start precedes
	// i, and 0 right after a token.
	before := SpaceBefore
	// Room for a capitalized word in sixteen bytes, as news has (one in
	// forty); grow makes more where a text has more.
	if want := n/16 + 16; cap(d.Uppers) < want {
		d.Uppers = make([]int32, 0, want)
	}
	d.alnum = alnumMasks(d.alnum, s)
	// The fast path reads most of the text; it stops where it needs the
	// rules below, which take one token (or space) and hand back.
	for i := 0; i < n; {
		toks, i, para, inPara, before = d.fastTokens(toks, i, para, inPara, before)
		if i >= n {
			break
		}
		c := s[i]
		cls, r, w := byteClass[c], rune(c), 1
		if cls == cMulti {
			r, w = utf8.DecodeRuneInString(s[i:])
			cls = runeClass(r)
		}
		if cls >= cSpace {
			if before == 0 {
				toks[len(toks)-1].Flags |= SpaceAfter
			}
			before = SpaceBefore
			if cls == cBreak && inPara {
				// A line break (\n or \r) ends the paragraph.
				d.Paras[para].End = int(toks[len(toks)-1].End)
				d.Paras[para].Last = len(toks)
				inPara = false
			}
			i += w
			continue
		}
		if !inPara {
			para++
			inPara = true
			if len(d.Paras) == cap(d.Paras) {
				d.Paras = grow(d.Paras, i, n)
			}
			d.Paras = append(d.Paras, Range{Start: i, First: len(toks)})
		}
		if len(toks) == cap(toks) {
			toks = grow(toks, i, n)
		}
		start, flags := i, before
		var kind Kind
		switch cls {
		case cLower, cUpper:
			kind = Word
			flags |= caseFlag[cls]
			var allUpper bool
			i, allUpper = scanWord(s, i, i, 0, false, false)
			if allUpper {
				flags |= AllUpper
			}
			if s[i-1] == '.' {
				d.addStop(len(toks), i, n)
			}
		case cDigit:
			kind = Number
			i = scanNumber(s, i+w)
		case cQuote:
			kind = Mark
			i += w
			// Two apostrophes or backticks stand for a double mark: ''so'' or ``so''.
			if (r == '\'' || r == '`') && i < n && (s[i] == '\'' || s[i] == '`') {
				i++
			}
		default:
			kind = Punct
			i += w
			// Runs of the same ASCII symbol (--, ...) are one token.
			if r == '-' || r == '.' {
				for i < n && s[i] == byte(r) {
					i++
				}
			}
			if r == '.' || r == '!' || r == '?' || r == '…' {
				d.addStop(len(toks), i, n)
			}
		}
		toks, i, before = appendToken(toks, s, start, i, para, kind, flags)
		if kind == Word && flags&Upper != 0 {
			if len(d.Uppers) == cap(d.Uppers) {
				d.Uppers = grow(d.Uppers, i, n)
			}
			d.Uppers = append(d.Uppers, int32(len(toks)-1))
		}
	}
	if inPara {
		last := len(toks) - 1
		d.Paras[para].End = int(toks[last].End)
		d.Paras[para].Last = len(toks)
	}
	if k := len(toks); k > 0 {
		toks[k-1].Flags |= SpaceAfter
	}
	d.Tokens = toks
}

// fastTokens reads tokens from byte i on, as long as they are the common
// ones of English text in ASCII: words and numbers measured by counting bits
// of d.alnum, punctuation of one byte, quotation marks, spaces and line
// breaks. It stops, and returns where, at anything else (a byte outside
// ASCII, a word that goes on past a dot or into a byte outside ASCII, a
// word or number that goes on past the mask's word it reads, a full
// buffer), which the caller reads by the full rules, and hands back
// the state they go on from. Kept apart from them and free of calls, so
// that its loop keeps its state in registers. The tokens it makes are those
// the full rules would make.
func (d *Doc) fastTokens(toks []Token, i int, para int32, inPara bool, before uint8) ([]Token, int, int32, bool, uint8) {
	s := d.Text
	n := len(s)
	if !inPara {
		if i, para, inPara = d.openPara(len(toks), i, para); !inPara {
			return toks, i, para, false, before
		}
	}
window:
	for i < n && len(toks) < cap(toks) {
		// The bytes from i to the end of the mask's word that are not
		// ASCII letters or digits, as bits from base, the start of the
		// word: the lowest bit is the next one (none: the next word).
		// Each byte read clears its bit (it is the lowest one), so that
		// the mask is loaded again only when i passes the word, and
		// without a shift, whose count would want a register of its own.
		// The bytes past the text are not letters or digits.
		base := i &^ 63
		stops := ^d.alnum[i>>6] &^ (1<<(i&63) - 1)
		for len(toks) < cap(toks) {
			j := base + bits.TrailingZeros64(stops)
			if j != i {
				// A word or a number: the bytes [i, j) are ASCII letters
				// and digits; e, the byte after them, is not (0 at the
				// end of the text).
				var e byte
				if stops != 0 && j < n {
					e = s[j]
					if e == ' ' && s[i] > 'Z' {
						// Most words are in lower case with a space
						// after them, which is taken along, and most of
						// them follow one another: they have a loop of
						// their own, with less to keep in registers
						// (stops != 0 is j < base+64, and spares the
						// count of zeros its case of none). Field by
						// field: a Token literal is built on the stack
						// and copied with one wide load that stalls on
						// the narrow stores before it.
						toks = toks[:len(toks)+1]
						t := &toks[len(toks)-1]
						t.Start, t.End, t.Para, t.Kind, t.Flags = int32(i), int32(j), para, Word, before|SpaceAfter
						i = j + 1
						stops &= stops - 1
						for len(toks) < cap(toks) && stops != 0 {
							// Compared unsigned, and j <= i rather than
							// j == i (the same here), so that the compiler
							// sees i < j < len(s) and checks no bounds.
							j = base + bits.TrailingZeros64(stops)
							if uint(j) <= uint(i) || uint(j) >= uint(len(s)) || s[j] != ' ' || s[i] <= 'Z' {
								break
							}
							toks = toks[:len(toks)+1]
							t := &toks[len(toks)-1]
							t.Start, t.End, t.Para, t.Kind, t.Flags = int32(i), int32(j), para, Word, SpaceBefore|SpaceAfter
							i = j + 1
							stops &= stops - 1
						}
						before = SpaceBefore
						continue
					}
				} else {
					// The run may go on in the next words of the mask.
					for j&63 == 0 && j < n {
						run := bits.TrailingZeros64(^d.alnum[j>>6])
						j += run
						if run < 64 {
							break
						}
					}
					if j < n {
						e = s[j]
					}
				}
				c, flags, kind := s[i], before, Word
				if c > '9' {
					// A joiner (. - ' &) with no letter or digit after it
					// ends the word too, without the joiner: a word keeps a
					// final dot only after single letters joined by dots
					// (U.S.).
					for mayJoin[e] && (e >= utf8.RuneSelf || j+1 < n && (s[j+1] >= utf8.RuneSelf || alnumByte[s[j+1]] != 0)) {
						// An apostrophe, hyphen or ampersand between
						// ASCII letters and digits joins them (don't,
						// UN-brokered, AT&T) and the word goes on to the
						// next byte that is neither. Dots, multi-byte
						// runes and runs past the window are for
						// scanWord.
						if e >= utf8.RuneSelf {
							// ‘ “ ” end the word; ’ may join its parts
							// (Sunday’s).
							if q := curlyQuote(s, j); q == 0 || q == rightSingle {
								break window
							}
							break
						}
						if e == '.' || s[j+1] >= utf8.RuneSelf {
							break window
						}
						var ok bool
						if stops, j, e, ok = joinOn(s, stops, base, j); !ok {
							break window
						}
					}
					if c <= 'Z' {
						if !d.noteUpper(len(toks)) {
							break window
						}
						if j > i+1 && s[i+1] >= 'a' {
							flags |= Upper // most go on in lower case: upperFlags' first answer
						} else {
							flags |= upperFlags(s[i+1 : j])
						}
					}
				} else {
					// 3.5, 1,000 and 10:30 go on past the separator if a
					// digit follows, to the next byte that is no letter or
					// digit (scanNumber's rules); runs past the window are
					// for scanNumber.
					for (e == ',' || e == '.' || e == ':') && j+1 < n && s[j+1] >= '0' && s[j+1] <= '9' {
						var ok bool
						if stops, j, e, ok = joinOn(s, stops, base, j); !ok {
							break window
						}
					}
					kind = Number
				}
				toks = toks[:len(toks)+1]
				t := &toks[len(toks)-1]
				t.Start, t.End, t.Para, t.Kind = int32(i), int32(j), para, kind
				i, before = j, 0
				if e == ' ' {
					flags |= SpaceAfter
					before = SpaceBefore
					i++
					stops &= stops - 1
				}
				t.Flags = flags
				if j&^63 != base {
					continue window // the word went on in the next words of the mask
				}
				continue
			}
			if stops == 0 || i >= n {
				continue window
			}
			start, c := i, s[i]
			var kind Kind
			switch byteClass[c] {
			case cSpace:
				if before == 0 {
					toks[len(toks)-1].Flags |= SpaceAfter
				}
				before = SpaceBefore
				i++
				stops &= stops - 1
				continue
			case cBreak:
				// A line break (\n or \r) ends the paragraph; the next
				// one opens at the next token.
				if before == 0 {
					toks[len(toks)-1].Flags |= SpaceAfter
				}
				before = SpaceBefore
				d.Paras[para].End = int(toks[len(toks)-1].End)
				d.Paras[para].Last = len(toks)
				if i, para, inPara = d.openPara(len(toks), i+1, para); !inPara {
					return toks, i, para, false, before
				}
				continue window
			case cMulti:
				// Curly quotation marks, most of what is not ASCII in
				// news; the rest is for the full rules.
				if curlyQuote(s, i) == 0 {
					break window
				}
				kind = Mark
				i += 3
			case cQuote:
				kind = Mark
				i++
				// Two apostrophes or backticks stand for a double mark.
				if c != '"' && i < n && (s[i] == '\'' || s[i] == '`') {
					i++
				}
			default:
				kind = Punct
				i++
				switch c {
				case '-', '.':
					// Runs of the same symbol (--, ...) are one token.
					for i < n && s[i] == c {
						i++
					}
					if c == '-' {
						break
					}
					fallthrough
				case '!', '?':
					if len(d.stops) == cap(d.stops) {
						i = start
						break window
					}
					d.stops = d.stops[:len(d.stops)+1]
					d.stops[len(d.stops)-1] = int32(len(toks))
				}
			}
			if i-start > 1 {
				// A token of several bytes (a double mark, a curly one,
				// a run of symbols) may end past the mask's word: it is
				// loaded again.
				toks, i, before = appendToken(toks, s, start, i, para, kind, before)
				continue window
			}
			stops &= stops - 1
			toks = toks[:len(toks)+1]
			t := &toks[len(toks)-1]
			t.Start, t.End, t.Para, t.Kind, t.Flags = int32(start), int32(i), para, kind, before
			before = 0
			if i&63 != 0 && i < n && s[i] == ' ' {
				// A space after it, in the mask's word, is taken along.
				t.Flags |= SpaceAfter
				before = SpaceBefore
				i++
				stops &= stops - 1
			}
		}
		break
	}
	return toks, i, para, true, before
}

// curlyQuote returns the last byte of the curly quotation mark ‘ ’ “ ” (E2
// 80 98, 99, 9C, 9D) at byte i of s, or 0 if there is none there.
func curlyQuote(s string, i int) byte {
	if i+2 < len(s) && s[i] == 0xe2 && s[i+1] == 0x80 && s[i+2]&^0x05 == 0x98 {
		return s[i+2]
	}
	return 0
}

// rightSingle is the last byte of ’, which is an apostrophe as well.
const rightSingle = 0x99

// joinOn reads a word or number on past byte j, which joins two of its
// runs of letters and digits (a joiner or a separator) and whose bit is the
// lowest of stops, fastTokens' bits of its window from base. It returns the
// bits without that one, where the word ends now and the byte there (0 at
// the end of the text), or false if the word may go on past the window,
// which is for the full rules.
func joinOn(s string, stops uint64, base, j int) (uint64, int, byte, bool) {
	stops &= stops - 1
	if (j+1)&^63 != base || stops == 0 {
		return stops, j, 0, false
	}
	j = base + bits.TrailingZeros64(stops)
	if j < len(s) {
		return stops, j, s[j], true
	}
	return stops, j, 0, true
}

// openPara skips the spaces and line breaks from byte i, which no paragraph
// holds, and opens the paragraph after para at the first token, tok, if
// fastTokens reads it and d.Paras has room; it returns where the token
// starts, the paragraph it is in and whether it opened it.
func (d *Doc) openPara(tok, i int, para int32) (int, int32, bool) {
	s := d.Text
	for i < len(s) && byteClass[s[i]] >= cSpace {
		i++
	}
	if i >= len(s) || s[i] >= utf8.RuneSelf || len(d.Paras) == cap(d.Paras) {
		return i, para, false
	}
	// Not append, whose call for more room would cost the loop its
	// registers: there is room.
	d.Paras = d.Paras[:len(d.Paras)+1]
	d.Paras[len(d.Paras)-1] = Range{Start: i, First: tok}
	return i, para + 1, true
}

// alnumBits sets bit m when byte m of the eight in v is an ASCII letter or
// digit. Adding a constant to a 7-bit byte sets its top bit exactly when the
// byte is at least some bound, and no carry crosses into the next byte: a
// byte is in a range when it is at least its low bound and not past its
// high one, and as the second implies the first, an exclusive or of the two
// tells. A byte is a letter or a digit, never both, so one more exclusive or
// joins them. The top bit of byte m then moves to bit 56+m of the product,
// as the shifts 49-7m put every other bit of it below bit 56 or past bit 63,
// each bit once, so that nothing carries.
func alnumBits(v uint64) uint64 {
	low7 := v &^ fold.HighBits
	folded := low7 | 0x20*ones // upper-case letters become lower case
	letter := (folded + (0x80-'a')*ones) ^ (folded + (0x7f-'z')*ones)
	digit := (low7 + (0x80-'0')*ones) ^ (low7 + (0x7f-'9')*ones)
	// &^ v: a byte outside ASCII is neither, whatever its low bits are.
	return ((letter ^ digit) &^ v & fold.HighBits * 0x0002040810204081) >> 56
}

// alnumMasks sets bit k%64 of word k/64 when byte k of s is an ASCII letter
// or digit, eight bytes at a time, and returns the words, in masks' buffer
// if it is large enough. A word of zeros follows the one of the last byte,
// so that the word of any i <= len(s) can be read, and a count of bits may
// run into the next word.
func alnumMasks(masks []uint64, s string) []uint64 {
	words := len(s)/64 + 2
	if cap(masks) < words {
		masks = make([]uint64, words)
	}
	masks = masks[:words]
	k := 0
	for ; k+64 <= len(s); k += 64 {
		// Unrolled, so that the constants of alnumBits are set once a
		// block and not once a word; high bytes first, each result shifted
		// on, so that the words are read one after the other.
		b := s[k : k+64]
		m := alnumBits(fold.Load64(b[56:]))
		m = m<<8 | alnumBits(fold.Load64(b[48:]))
		m = m<<8 | alnumBits(fold.Load64(b[40:]))
		m = m<<8 | alnumBits(fold.Load64(b[32:]))
		m = m<<8 | alnumBits(fold.Load64(b[24:]))
		m = m<<8 | alnumBits(fold.Load64(b[16:]))
		m = m<<8 | alnumBits(fold.Load64(b[8:]))
		masks[k>>6] = m<<8 | alnumBits(fold.Load64(b[0:]))
	}
	var m uint64
	for o := k; o < len(s); o++ {
		if alnumByte[s[o]] != 0 {
			m |= 1 << (o - k)
		}
	}
	masks[k>>6], masks[k>>6+1] = m, 0
	return masks
}

// appendToken appends the token [start, end) to toks, which has room for
// it, and takes along the single space that most often follows it, without
// a turn of the caller's loop. It returns the tokens, where to read on, and
// before for the next token.
func appendToken(toks []Token, s string, start, end int, para int32, kind Kind, flags uint8) ([]Token, int, uint8) {
	i, before := end, uint8(0)
	if i < len(s) && s[i] == ' ' {
		flags |= SpaceAfter
		before = SpaceBefore
		i++
	}
	// Field by field: a Token literal is built on the stack and copied
	// with one wide load that stalls on the narrow stores before it.
	toks = toks[:len(toks)+1]
	t := &toks[len(toks)-1]
	t.Start, t.End, t.Para, t.Kind, t.Flags = int32(start), int32(end), para, kind, flags
	return toks, i, before
}

// noteUpper lists token tok, a capitalized word, in Uppers if there is room
// (not append, whose call for more would cost the fast path's loop its
// registers), and reports whether there was.
func (d *Doc) noteUpper(tok int) bool {
	if len(d.Uppers) == cap(d.Uppers) {
		return false
	}
	d.Uppers = d.Uppers[:len(d.Uppers)+1]
	d.Uppers[len(d.Uppers)-1] = int32(tok)
	return true
}

// upperFlags returns the flags of an ASCII word of letters and digits whose
// first letter is upper case, given the rest: Upper, and AllUpper if the
// rest holds another upper-case letter and no lower-case one.
func upperFlags(rest string) uint8 {
	upper := false
	for k := 0; k < len(rest); k++ {
		switch alnumByte[rest[k]] {
		case aLower:
			return Upper
		case aUpper:
			upper = true
		}
	}
	if upper {
		return Upper | AllUpper
	}
	return Upper
}

// grow makes room in buf, which is full, for the items still to come when
// done of total units of input (bytes, tokens) made len(buf) items: the
// rate so far tells how many. For a large slice append grows by a quarter
// at a time, so a text of nothing but quotation marks (a token per byte)
// would be copied over and over. There are never more items than units.
func grow[T any](buf []T, done, total int) []T {
	want := len(buf) + len(buf)/4 + 16
	if done > 0 {
		want = max(want, int(int64(len(buf))*int64(total)/int64(done))+16)
	}
	want = max(min(want, total+1), len(buf)+1)
	grown := make([]T, len(buf), want)
	copy(grown, buf)
	return grown
}

// addStop notes that token tok, which ends at byte i of n, may end a
// sentence.
func (d *Doc) addStop(tok, i, n int) {
	if len(d.stops) == cap(d.stops) {
		d.stops = grow(d.stops, i, n)
	}
	d.stops = append(d.stops, int32(tok))
}

// scanWord reads on from i a word that starts at start; the bytes between
// are ASCII letters and digits, upper of them upper case, and lower and digit
// tell whether lower-case letters and digits are among them. It returns
// where the word ends and whether all its letters are upper case (two or
// more, none lower case). It keeps track of whether the word so far is an
// initialism (single letters joined by dots: U.S.), so a run of dots costs
// nothing extra.
func scanWord(s string, start, i, upper int, lower, digit bool) (end int, allUpper bool) {
	n := len(s)
	// Letters since the last joiner, and whether all runs so far are one
	// ASCII letter (the run only counts while they are).
	run, initial := i-start, !digit
	for i < n {
		if c := s[i]; c < utf8.RuneSelf {
			switch alnumByte[c] {
			case aLower:
				lower = true
				run++
				i++
				continue
			case aUpper:
				upper++
				run++
				i++
				continue
			case aDigit:
				initial = false
				i++
				continue
			}
			if !mayJoin[c] {
				break // ASCII that is not a letter, digit or joiner
			}
		}
		r, w := decode(s, i)
		switch {
		case r == '\'' || r == '’' || r == '-' || r == '.' || r == '&':
			// Inner joiners: don't, Sunday's, UN-brokered, U.S., AT&T.
			// Asked before letters and digits (no joiner is one), as ’
			// is common and slow to look for in the Unicode tables.
			isInitial := r == '.' && initial && run == 1
			if i+w < n {
				if alnumAt(s, i+w) {
					if r == '.' && !isInitial {
						break
					}
					if r != '.' {
						initial = false
					}
					run = 0
					i += w
					continue
				}
				// The final dot of an initialism: U.S. keeps both dots.
				if isInitial && i-start >= 3 {
					i += w
				}
			}
		case isLetter(r):
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower = true
			}
			initial = false
			i += w
			continue
		case isDigit(r):
			initial = false
			i += w
			continue
		}
		break
	}
	return i, upper >= 2 && !lower
}

const ones = 0x0101010101010101

func scanNumber(s string, i int) int {
	n := len(s)
	for i < n {
		c := s[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == ':') && i+1 < n && s[i+1] >= '0' && s[i+1] <= '9' {
			i++
			continue
		}
		// 1990s, 3rd, 5pm, 10km
		if (c|0x20) >= 'a' && (c|0x20) <= 'z' {
			i++
			continue
		}
		break
	}
	return i
}
