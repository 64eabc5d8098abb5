// Package segment cuts a text into paragraphs, sentences and tokens, each a
// half-open byte range into the unchanged input. It is the first stage of the
// pipeline and the only one that looks at raw bytes.
package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/lexicon"
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
}

var (
	abbreviations = lexicon.NewTable(lexicon.Builtin("abbreviations"))
	// sentenceStarters are capitalized words that, after an initialism such
	// as U.S., show that a new sentence has begun.
	sentenceStarters = lexicon.NewTable(lexicon.Builtin("function_words"), lexicon.Builtin("pronouns"), lexicon.Builtin("nonnames"))
)

// New segments text into a new Doc.
func New(text string) *Doc {
	d := &Doc{}
	d.Reset(text)
	return d
}

// TokenText returns the text of token i.
func (d *Doc) TokenText(i int) string { t := d.Tokens[i]; return d.Text[t.Start:t.End] }

// Reset segments text, reusing the Doc's buffers.
func (d *Doc) Reset(text string) {
	d.Text = text
	d.Tokens = d.Tokens[:0]
	d.Paras = d.Paras[:0]
	d.Sents = d.Sents[:0]
	d.tokenize()
	d.sentences()
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\f' || r == '\v' || r == 0xa0 || r == 0xfeff || r == 0 ||
		(r > 0x7f && unicode.IsSpace(r))
}

func isBreak(c byte) bool { return c == '\n' || c == '\r' }

// ASCII byte classes, so the common case needs no rune decoding.
const (
	cOther uint8 = iota
	cSpace
	cBreak
	cLower
	cUpper
	cDigit
	cQuote
)

var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
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

func isAlnum(r rune) bool { return isLetter(r) || isDigit(r) }

// IsQuoteRune reports whether r can be a quotation mark or apostrophe.
func IsQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '‟', '‛', '`':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func (d *Doc) tokenize() {
	s := d.Text
	n := len(s)
	if want := n/5 + 16; cap(d.Tokens) < want {
		d.Tokens = make([]Token, 0, want)
	}
	toks := d.Tokens
	para := int32(-1)
	inPara := false
	space := true
	lastEnd := 0
	for i := 0; i < n; {
		c := s[i]
		cls, r, w := cOther, rune(c), 1
		if c < utf8.RuneSelf {
			cls = asciiClass[c]
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
			switch {
			case isSpace(r):
				cls = cSpace
			case isLetter(r):
				cls = cLower
			case isDigit(r):
				cls = cDigit
			case IsQuoteRune(r):
				cls = cQuote
			}
		}
		switch cls {
		case cBreak:
			if inPara {
				d.Paras[para].End = lastEnd
				d.Paras[para].Last = len(toks)
				inPara = false
				toks[len(toks)-1].Flags |= SpaceAfter
			}
			space = true
			i++
			continue
		case cSpace:
			if k := len(toks); k > 0 && !space {
				toks[k-1].Flags |= SpaceAfter
			}
			space = true
			i += w
			continue
		}
		if !inPara {
			para++
			inPara = true
			d.Paras = append(d.Paras, Range{Start: i, First: len(toks)})
		}
		t := Token{Start: int32(i), Para: para}
		if space {
			t.Flags |= SpaceBefore
		}
		space = false
		switch cls {
		case cLower, cUpper:
			t.Kind = Word
			i = d.scanWord(i, &t)
		case cDigit:
			t.Kind = Number
			i = scanNumber(s, i+w)
		case cQuote:
			t.Kind = Mark
			i += w
			// Two apostrophes or backticks stand for a double mark: ''so'' or ``so''.
			if (r == '\'' || r == '`') && i < n && (s[i] == '\'' || s[i] == '`') {
				i++
			}
		default:
			t.Kind = Punct
			i += w
			// Runs of the same ASCII symbol (--, ...) are one token.
			if r == '-' || r == '.' {
				for i < n && s[i] == byte(r) {
					i++
				}
			}
		}
		t.End = int32(i)
		toks = append(toks, t)
		lastEnd = i
	}
	if inPara {
		d.Paras[para].End = lastEnd
		d.Paras[para].Last = len(toks)
	}
	if k := len(toks); k > 0 {
		toks[k-1].Flags |= SpaceAfter
	}
	d.Tokens = toks
}

// scanWord reads a word starting at i and sets its case flags. It keeps
// track of whether the word so far is an initialism (single letters joined by
// dots: U.S.), so a run of dots costs nothing extra.
func (d *Doc) scanWord(i int, t *Token) int {
	s := d.Text
	n := len(s)
	upper, lower, letters := 0, 0, 0
	first := true
	run, initial := 0, true // letters since the last dot; all runs one ASCII letter
	for i < n {
		if c := s[i]; c < utf8.RuneSelf {
			switch asciiClass[c] {
			case cLower:
				letters++
				lower++
				run++
				first = false
				i++
				continue
			case cUpper:
				letters++
				upper++
				run++
				if first {
					t.Flags |= Upper
				}
				first = false
				i++
				continue
			case cDigit:
				first = false
				initial = false
				i++
				continue
			}
		}
		r, w := decode(s, i)
		switch {
		case isLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				if first {
					t.Flags |= Upper
				}
			} else {
				lower++
			}
			first = false
			initial = false
			i += w
			continue
		case isDigit(r):
			first = false
			initial = false
			i += w
			continue
		case isApostrophe(r) || r == '-' || r == '.' || r == '&':
			// Inner joiners: don't, Sunday's, UN-brokered, U.S., AT&T.
			isInitial := r == '.' && initial && run == 1
			if i+w < n {
				r2, _ := decode(s, i+w)
				if isAlnum(r2) {
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
				if isInitial && i-int(t.Start) >= 3 {
					i += w
				}
			}
		}
		break
	}
	if upper >= 2 && lower == 0 && letters >= 2 {
		t.Flags |= AllUpper
	}
	return i
}

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
