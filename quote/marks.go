package quote

import (
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/segment"
)

// family groups quotation marks that pair with each other.
type family uint8

const (
	none family = iota
	double
	single
	guillemet
	singleGuillemet
)

// role says what a mark may do where it stands.
type role uint8

const (
	canOpen role = 1 << iota
	canClose
)

// maxDepth bounds nesting: deeper marks are treated as stray, so pathological
// input (100 000 nested marks) stays linear.
const maxDepth = 6

// pair is a matched outermost quotation: the token indices of its opening and
// closing marks. A multi-paragraph quote has several pieces; first and last
// are then the marks of the whole chain.
type pair struct {
	open, close int // token indices; close is -1 for a quote never closed
	pieces      []Span
	// lastPara is the paragraph a chain has reached; endPara is where a quote
	// that never closed ends.
	lastPara, endPara int
}

type openMark struct {
	tok int
	fam family
}

// markClass returns the family and roles of the mark token i.
func (f *finder) markClass(i int) (family, role) {
	d := f.doc
	t := d.Tokens[i]
	r, _ := utf8.DecodeRuneInString(d.Text[t.Start:])
	if t.End-t.Start == 2 && (r == '\'' || r == '`') {
		r = '"' // ''so'' and ``so'': typewriter double marks
	}
	left := t.Is(segment.SpaceBefore) || f.openingContext(i)
	right := t.Is(segment.SpaceAfter) || f.closingContext(i)
	flank := role(0)
	if left && !right {
		flank = canOpen
	} else if right && !left {
		flank = canClose
	} else {
		flank = canOpen | canClose
	}
	switch r {
	case '“':
		return double, canOpen | canClose // closes „…“
	case '”':
		if flank == canOpen {
			return double, canOpen | canClose
		}
		return double, canClose
	case '"', '‟':
		return double, flank
	case '„':
		return double, canOpen
	case '«':
		return guillemet, canOpen
	case '»':
		return guillemet, canClose
	case '‹':
		return singleGuillemet, canOpen
	case '›':
		return singleGuillemet, canClose
	case '‘', '‛', '`', '‚':
		if f.elision(i) {
			return none, 0
		}
		return single, canOpen | (flank & canClose)
	case '\'', '’':
		if f.elision(i) {
			return none, 0
		}
		if r == '’' && flank == canOpen|canClose {
			return single, canClose
		}
		return single, flank
	}
	return none, 0
}

// openingContext: a mark right after an opening bracket or dash opens.
func (f *finder) openingContext(i int) bool {
	if i == 0 || f.doc.Tokens[i].Is(segment.SpaceBefore) {
		return true
	}
	return f.inSet(i-1, 1<<pOpenParen|1<<pOpenBracket|dashes|1<<pHyphen|1<<pSlash|1<<pColon)
}

// closingContext: a mark followed by punctuation (not an opening bracket) closes.
func (f *finder) closingContext(i int) bool {
	d := f.doc
	if i+1 >= len(d.Tokens) || d.Tokens[i+1].Para != d.Tokens[i].Para {
		return true
	}
	return d.Tokens[i+1].Kind == segment.Punct && !f.inSet(i+1, 1<<pOpenParen|1<<pOpenBracket)
}

// elision reports whether a single-quote-like mark is an apostrophe: '90s,
// rock 'n' roll, 'em, students' (unless a single quote is open).
func (f *finder) elision(i int) bool {
	d := f.doc
	t := d.Tokens[i]
	glueNext := i+1 < len(d.Tokens) && !d.Tokens[i+1].Is(segment.SpaceBefore) && d.Tokens[i+1].Para == t.Para
	gluePrev := i > 0 && !t.Is(segment.SpaceBefore)
	if glueNext {
		n := d.Tokens[i+1]
		if n.Kind == segment.Number && t.Is(segment.SpaceBefore) {
			return true // '90s
		}
		if n.Kind == segment.Word && f.has(i+1, bitElision) && (i+2 >= len(d.Tokens) || d.Tokens[i+2].Is(segment.SpaceBefore) || d.Text[d.Tokens[i+2].Start] != '\'') {
			return true // 'em, 'til, 'cause
		}
	}
	if gluePrev && !glueNext {
		p := d.Tokens[i-1]
		w := d.Text[p.Start:p.End]
		// students' and Jesus': a plural possessive, unless a single quote is open.
		if p.Kind == segment.Word && (w[len(w)-1] == 's' || w[len(w)-1] == 'z') {
			if !f.singleOpen() {
				return true
			}
			// Inside a single quote, "the students' demands" is still a
			// possessive: a closing mark is not followed by a lower-case word
			// unless a cue or pronoun follows ("… games' he said").
			if i+1 < len(d.Tokens) && d.Tokens[i+1].Para == t.Para && d.Tokens[i+1].Kind == segment.Word &&
				!d.Tokens[i+1].Is(segment.Upper) && !f.isPronoun(i+1) {
				if n, v := f.cueOf(i+1, 1); n == 0 || v&flagValued != 0 {
					return true
				}
			}
		}
		if p.Kind == segment.Word && w == "n" { // rock 'n' roll
			return true
		}
	}
	return false
}

func (f *finder) singleOpen() bool {
	for _, o := range f.stack {
		if o.fam == single {
			return true
		}
	}
	return false
}

// pairMarks matches the quotation marks of every paragraph and returns the
// outermost quotations, chaining paragraphs that follow the news convention
// for long quotes (an opening mark on each paragraph, a closing one on the last).
func (f *finder) pairMarks() {
	d := f.doc
	var chain *pair // an outermost double quote left open at a paragraph end
	next := 0       // the first mark not yet looked at, in f.marks
	for pi, p := range d.Paras {
		f.stack = f.stack[:0]
		if chain != nil {
			// Continue only if this paragraph opens with a double mark.
			if p.First < p.Last && d.Tokens[p.First].Kind == segment.Mark {
				if fam, r := f.markClass(p.First); fam == double && r&canOpen != 0 {
					f.stack = append(f.stack, openMark{tok: p.First, fam: double})
					f.chainStart = p.Start
					goto scan
				}
			}
			f.endChain(chain, "quotation mark never closed; the quote ends with its paragraph")
			chain = nil
		}
	scan:
		for ; next < len(f.marks) && int(f.marks[next]) < p.Last; next++ {
			i := int(f.marks[next])
			if chain != nil && i == p.First {
				continue
			}
			fam, r := f.markClass(i)
			if fam == none {
				continue
			}
			// Close the innermost open quote of this family.
			if r&canClose != 0 {
				if k := f.findOpen(fam); k >= 0 {
					if k < len(f.stack)-1 {
						for _, o := range f.stack[k+1:] {
							if o.fam != single {
								f.warn(int(d.Tokens[o.tok].Start), "quotation mark never closed inside a longer quote")
							}
						}
					}
					open := f.stack[k].tok
					f.stack = f.stack[:k]
					if k == 0 {
						if chain != nil {
							f.growChain(chain, Span{f.chainStart, int(d.Tokens[i].End)})
							chain.close = i
							f.pairs = append(f.pairs, *chain)
							chain = nil
						} else if i > open+1 {
							// Marks with nothing between them ("") quote nothing;
							// keeping them would only cost memory on mark-only text.
							f.pairs = append(f.pairs, pair{open: open, close: i})
						}
					}
					continue
				}
			}
			if r&canOpen != 0 && len(f.stack) < maxDepth {
				f.stack = append(f.stack, openMark{tok: i, fam: fam})
				continue
			}
			if fam != single {
				f.warn(int(d.Tokens[i].Start), "stray quotation mark")
			}
		}
		// What is still open at the paragraph end.
		if chain != nil {
			if len(f.stack) > 0 && f.stack[0].tok == p.First {
				f.growChain(chain, Span{f.chainStart, p.End})
				chain.lastPara = pi
				continue
			}
		}
		if len(f.stack) > 0 {
			o := f.stack[0]
			if o.fam == double || o.fam == guillemet {
				if chain == nil && pi+1 < len(d.Paras) {
					chain = &f.chain
					*chain = pair{open: o.tok, lastPara: pi}
					f.growChain(chain, Span{int(d.Tokens[o.tok].Start), p.End})
					continue
				}
				f.warn(int(d.Tokens[o.tok].Start), "quotation mark never closed; the quote ends with its paragraph")
				f.pairs = append(f.pairs, pair{open: o.tok, close: -1, endPara: pi})
			}
		}
	}
	if chain != nil {
		f.endChain(chain, "quotation mark never closed; the quote ends with its paragraph")
	}
}

// growChain adds a piece to chain c. Its pieces are the last spans of the
// run's arena: nothing else is kept there while pairMarks runs.
func (f *finder) growChain(c *pair, s Span) {
	f.spans = append(f.spans, s)
	n := len(f.spans)
	c.pieces = f.spans[n-len(c.pieces)-1 : n : n]
}

// endChain ends a quote that was left open: its first paragraph alone is kept.
func (f *finder) endChain(c *pair, msg string) {
	f.warn(int(f.doc.Tokens[c.open].Start), msg)
	if len(c.pieces) > 1 {
		// The marks promised a continuation that never closed: keep what we have.
		c.close = -1
		c.endPara = c.lastPara
		f.pairs = append(f.pairs, *c)
		return
	}
	c.close = -1
	c.endPara = c.lastPara
	c.pieces = nil
	f.pairs = append(f.pairs, *c)
}

func (f *finder) findOpen(fam family) int {
	for k := len(f.stack) - 1; k >= 0; k-- {
		if f.stack[k].fam == fam {
			return k
		}
	}
	return -1
}

func (f *finder) warn(off int, msg string) {
	if len(f.warnings) < maxWarnings {
		f.warnings.Add(off, msg)
	} else {
		f.dropped++
	}
}

const maxWarnings = 100
