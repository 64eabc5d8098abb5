package segment

import (
	"math/bits"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/fold"
)

// tokenizeReference is the tokenizer as it was before words were found
// through a mask of 64 bytes: kept, for the tests only, as the reference
// the tokenizer must match token for token.
func (d *Doc) tokenizeReference() {
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
	for i := 0; i < n; {
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
			// Most words are ASCII letters followed by a space or
			// punctuation: measure them eight bytes at a time, here and
			// not in a call, which would cost the loop its registers. A
			// joiner (. - ' &) with no letter or digit after it ends such
			// a word too, without the joiner: a word keeps a final dot
			// only after single letters joined by dots (U.S.). Words
			// that go on past a joiner or into a multi-byte rune, or that
			// run into the last eight bytes, go on in scanWord.
			j, upper, lower, digits, plain := i, 0, uint64(0), uint64(0), false
			for j+8 <= n {
				letter, up, digit := asciiAlnum(fold.Load64(s[j:]))
				stop := ^(letter | digit) & fold.HighBits
				inWord := stop&-stop - 1 // the bits of the bytes before the first stop; all if none
				upper += bits.OnesCount64(up & inWord)
				lower |= letter &^ up & inWord
				digits |= digit & inWord
				k := bits.TrailingZeros64(stop) >> 3
				j += k
				if k < 8 {
					plain = !mayJoin[s[j]] || s[j] < utf8.RuneSelf && (j+1 == n || s[j+1] < utf8.RuneSelf && alnumByte[s[j+1]] == 0)
					break
				}
			}
			if plain {
				i = j
				if upper >= 2 && lower == 0 {
					flags |= AllUpper
				}
				break
			}
			var allUpper bool
			i, allUpper = scanWord(s, i, j, upper, lower != 0, digits != 0)
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
		end := i
		before = 0
		if i < n && s[i] == ' ' {
			// The common single space, without a turn of the loop.
			flags |= SpaceAfter
			before = SpaceBefore
			i++
		}
		// Field by field: a Token literal is built on the stack and copied
		// with one wide load that stalls on the narrow stores before it.
		toks = toks[:len(toks)+1]
		t := &toks[len(toks)-1]
		t.Start, t.End, t.Para, t.Kind, t.Flags = int32(start), int32(end), para, kind, flags
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
	d.listUppersReference()
}

// listUppersReference fills Uppers, as the tokenizer did before it noted
// them as it went. Every token is written there and kept (counted)
// when it is a capitalized word: no branch, so the pass costs a load and a
// store a token. (Noting them inside the tokenizer's loop costs that loop
// registers, and more.)
func (d *Doc) listUppersReference() {
	if cap(d.Uppers) < len(d.Tokens) {
		d.Uppers = make([]int32, len(d.Tokens))
	}
	uppers, n := d.Uppers[:len(d.Tokens)], 0
	for i := range d.Tokens {
		uppers[n] = int32(i)
		n += int(d.Tokens[i].Flags & Upper) // Upper is 1, and only words have it
	}
	d.Uppers = uppers[:n]
}

// sentencesReference cuts every paragraph into sentences as sentences did
// before it asked what follows a stop first, and as addSentence filled
// SentOf one token at a time: kept, for the tests only, as the reference.
func (d *Doc) sentencesReference() {
	if cap(d.SentOf) < len(d.Tokens) {
		d.SentOf = make([]int32, len(d.Tokens))
	}
	d.SentOf = d.SentOf[:len(d.Tokens)]
	stops := d.stops
	for _, p := range d.Paras {
		start := p.First
		// Only the paragraph's stops can end one of its sentences; the
		// closers taken along after a stop are never stops themselves.
		for ; len(stops) > 0 && int(stops[0]) < p.Last; stops = stops[1:] {
			i := int(stops[0])
			if !d.endsSentence(i, p.Last) {
				continue
			}
			// Take closing marks and brackets along.
			j := i + 1
			for j < p.Last && d.closer(j) {
				j++
			}
			if j >= p.Last {
				continue
			}
			next := d.Tokens[j]
			if !next.Is(SpaceBefore) {
				continue
			}
			if next.Is(Upper) || next.Kind == Number || next.Kind == Mark || d.Text[next.Start] == '(' {
				d.addSentenceReference(start, j)
				start = j
			}
		}
		if start < p.Last {
			d.addSentenceReference(start, p.Last)
		}
	}
}

func (d *Doc) addSentenceReference(first, last int) {
	idx := int32(len(d.Sents))
	if len(d.Sents) == cap(d.Sents) {
		d.Sents = grow(d.Sents, first, len(d.Tokens))
	}
	d.Sents = append(d.Sents, Range{
		Start: int(d.Tokens[first].Start), End: int(d.Tokens[last-1].End),
		First: first, Last: last,
	})
	sentOf := d.SentOf[first:last]
	for k := range sentOf {
		sentOf[k] = idx
	}
}

// asciiAlnum tests eight bytes at once (the first in the low byte): it sets
// the top bit of each byte that is an ASCII letter, an upper-case one, a
// digit. Adding a constant to a 7-bit byte sets its top bit exactly when the
// byte is at least some bound, and no carry crosses into the next byte.
func asciiAlnum(v uint64) (letter, upper, digit uint64) {
	ascii := ^v & fold.HighBits
	low7 := v &^ fold.HighBits
	folded := low7 | 0x20*ones // upper-case letters become lower case
	letter = (folded + (0x80-'a')*ones) &^ (folded + (0x7f-'z')*ones) & ascii
	digit = (low7 + (0x80-'0')*ones) &^ (low7 + (0x7f-'9')*ones) & ascii
	upper = letter &^ (low7 << 2) // bit 5 (0x20) clear: upper case
	return letter, upper, digit
}
