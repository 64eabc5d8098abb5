package quote

import (
	"strings"

	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/internal/segment"
)

// Rules, as reported in frame.Info.Rule and, through the speaker stage, in
// the attribution's Method.
const (
	ruleCueAfter      = "cue-after-quote"
	ruleCueBefore     = "cue-before-quote"
	ruleCueInside     = "cue-inside-quote"
	ruleReported      = "reported-speech"
	ruleAccordingTo   = "according-to"
	ruleParenthetical = "parenthetical"
	ruleSignature     = "signature"
	ruleInterview     = "interview"
	ruleIntroduced    = "introduced"
)

// maxContent bounds how far the end of reported content is searched, in tokens.
const maxContent = 400

// maxNP bounds how far a noun phrase is searched, in tokens.
const maxNP = 10

// cue is a reporting cue found in a frame.
type cue struct {
	start, end int // tokens
	flags      cueFlags
}

// The token helpers take any index: one outside the text is no token. The
// rules call them all the time, so each tests its index with one unsigned
// comparison (a negative index is a huge unsigned one).

// word returns the text of token i, or "" past the end.
func (f *finder) word(i int) string {
	ts := f.doc.Tokens
	if uint(i) >= uint(len(ts)) {
		return ""
	}
	return f.doc.Text[ts[i].Start:ts[i].End]
}

func (f *finder) kind(i int) segment.Kind {
	ts := f.doc.Tokens
	if uint(i) >= uint(len(ts)) {
		return 0
	}
	return ts[i].Kind
}

func (f *finder) fclass(i int) wordClass {
	if uint(i) >= uint(len(f.bits)) {
		return classNone
	}
	return wordClass(f.bits[i] & classMask)
}

// isPronoun reports whether token i is a pronoun of the lists: "US
// officials", not "us", so a word in capitals is none.
func (f *finder) isPronoun(i int) bool {
	return f.has(i, bitPronoun) && !f.doc.Tokens[i].Is(segment.AllUpper)
}

func (f *finder) upper(i int) bool {
	ts := f.doc.Tokens
	return uint(i) < uint(len(ts)) && ts[i].Kind == segment.Word && ts[i].Is(segment.Upper)
}

// cueAt matches the longest cue starting at token i among unquoted words.
func (f *finder) cueAt(i, last int) (int, cueFlags) {
	if !f.mayStartCue(i) {
		return 0, 0
	}
	if f.opts.cues == defaultCues {
		// The trie walk tests each word as it reaches it: most walks stop
		// after a word or two, well before the sixth.
		return f.walk(builtinCues, i, min(6, last-i), true)
	}
	n := 0
	for j := i; j < last && n < 6 && f.kind(j) == segment.Word && f.quoted[j] == 0; j++ {
		n++
	}
	return f.cueOf(i, n)
}

// mayStartCue reports whether a cue may start at token i: with the
// built-in cues, only at the first word of one.
func (f *finder) mayStartCue(i int) bool {
	return f.opts.cues != defaultCues || f.has(i, bitCueStart)
}

// cueOf matches the longest cue among the n words from token i.
func (f *finder) cueOf(i, n int) (int, cueFlags) {
	if n == 0 {
		return 0, 0
	}
	if f.opts.cues == defaultCues {
		return f.longest(builtinCues, i, n)
	}
	length, value := f.opts.cues.Longest(n, func(k int) string { return f.word(i + k) })
	return length, f.opts.flagsOf(value)
}

// skipped caches skipParagraph: a paragraph of many sentences is looked at
// once, not once a sentence.
func (f *finder) skipped(p int) bool {
	if p != f.skipPara {
		f.skipPara, f.skipParaYes = p, f.skipParagraph(p)
	}
	return f.skipParaYes
}

// skipParagraph reports whether paragraph p is a headline, caption or
// byline: no statement is reported there.
func (f *finder) skipParagraph(p int) bool {
	d := f.doc
	para := d.Paras[p]
	n := para.Last - para.First
	if p == 0 && len(d.Paras) >= 3 && n <= 30 && f.headline(para) {
		return true
	}
	photo := f.photoWithin(para)
	for i := para.First; photo && i < para.Last; i++ {
		w := f.word(i)
		if (w == "PHOTO" || w == "Photo" || w == "PHOTOS") && (f.isPunct(i+1, pColon) || f.isPunct(i-1, pSlash)) {
			return true
		}
	}
	if n <= 8 && (f.word(para.First) == "By" || f.word(para.First) == "BY") && f.upper(para.First+1) {
		return true
	}
	return false
}

// photoWithin reports whether the text of para holds "PHOTO" or "Photo".
// Every paragraph is asked, in order, so the search goes on from where it
// stopped: one pass over the text for all of them.
func (f *finder) photoWithin(para segment.Range) bool {
	if para.Start < f.photoAsked || f.photo < para.Start {
		f.findPhoto(para.Start)
	}
	f.photoAsked = para.Start
	return f.photo >= para.Start && f.photo+len("PHOTO") <= para.End
}

// findPhoto brings photoWithin's search up to a paragraph that starts at
// byte start: the first "PHOTO" or "Photo" from there on. Few paragraphs
// need it: the one found last mostly lies further on.
func (f *finder) findPhoto(start int) {
	text := f.doc.Text
	if start < f.photoAsked {
		f.photo, f.photoFrom = -1, start // asked out of order: search again
	}
	for f.photo < start && f.photoFrom < len(text) {
		i := strings.IndexByte(text[f.photoFrom:], 'P')
		if i < 0 {
			f.photo, f.photoFrom = len(text), len(text)
			break
		}
		at := f.photoFrom + i
		f.photoFrom = at + 1
		if strings.HasPrefix(text[at:], "PHOTO") || strings.HasPrefix(text[at:], "Photo") {
			f.photo = at
		}
	}
}

// skipDateline steps over a wire dateline at the start of a paragraph:
// "ANTALYA, Turkey (AFP) - ", "BURLINGTON, Vt. - ", "LONDON — ". Its
// caller has seen that the paragraph starts with a word in capitals.
func (f *finder) skipDateline(first, last int) int {
	if !f.doc.Tokens[first].Is(segment.AllUpper) {
		return first
	}
	for i := first + 1; i < last && i-first <= 12; i++ {
		if f.inSet(i, dashes|1<<pHyphen) {
			if i+1 < last {
				return i + 1
			}
			return first
		}
		switch f.kind(i) {
		case segment.Word:
			if !f.upper(i) {
				return first
			}
		case segment.Punct:
			switch f.word(i) {
			case ",", ".", "(", ")", "/":
			default:
				return first
			}
		default:
			return first
		}
	}
	return first
}

// headline reports whether a first paragraph reads as a headline: no full
// stop inside it, and either no sentence-final mark at its end or its words
// in title case.
func (f *finder) headline(para segment.Range) bool {
	words, capital := 0, 0
	for i := para.First; i < para.Last; i++ {
		if i < para.Last-1 && f.inSet(i, 1<<pPeriod|1<<pExclamation|1<<pQuestion) {
			return false
		}
		if f.kind(i) == segment.Word {
			words++
			if f.upper(i) {
				capital++
			}
		}
	}
	last := para.Last - 1
	if f.kind(last) == segment.Punct || f.kind(last) == segment.Mark {
		return words >= 3 && capital*10 >= words*6
	}
	return true
}

// trailing is the punctuation that ends a sentence, or closes a
// parenthesis, after its content.
const trailing punctSet = 1<<pPeriod | 1<<pExclamation | 1<<pQuestion | 1<<pSemicolon | 1<<pEllipsis | 1<<pCloseParen

// analyse finds the quotes of one frame. With hasLeadIn, leadIn is a "X
// said:" whose quote starts in this frame; analyse reports whether this
// frame ends with one, then in leadIn.
func (f *finder) analyse(fr span, hasLeadIn bool, leadIn *frame.Info) bool {
	d := f.doc
	if fr.first >= fr.last || f.skipped(int(d.Tokens[fr.first].Para)) {
		return false
	}
	if first := &d.Tokens[fr.first]; d.Paras[first.Para].First == fr.first && first.Is(segment.AllUpper) {
		fr.first = f.skipDateline(fr.first, fr.last)
	}
	end := fr.last
	for end > fr.first && f.quoted[end-1] == 0 && f.inSet(end-1, trailing) {
		end--
	}
	claimed := fr.first // tokens before this are taken by an earlier quote of the frame
	var pendingOut frame.Info
	pending := false
	builtin := f.opts.cues == defaultCues
	bits := f.bits[:end]
	for i := fr.first; i < end; i++ {
		if builtin {
			// Only a token with the cue-start bit can start a built-in cue
			// (mayStartCue): a tight loop steps over the others.
			if i = nextCueStart(bits, i); i >= len(bits) {
				break
			}
		}
		if q := f.quoted[i]; q != 0 {
			// Every token up to the end of the quotation is quoted, and
			// starts no cue: step over them.
			i = f.pairEnd(int(q - 1))
			continue
		}
		if f.kind(i) != segment.Word || i < claimed {
			continue
		}
		var n int
		var flags cueFlags
		if builtin {
			// cueAt, less the tests the loop has made.
			n, flags = f.walk(builtinCues, i, min(6, end-i), true)
		} else {
			n, flags = f.cueAt(i, end)
		}
		if n == 0 {
			continue
		}
		c := cue{i, i + n, flags}
		if f.upper(i) && i != fr.first {
			// "the United States", "The Washington Post": a capital is a name.
			i += n - 1
			continue
		}
		if flags&flagBelief != 0 && !f.opts.beliefs {
			i += n - 1
			continue
		}
		var info frame.Info
		next, isLeadIn, ok := f.attribute(fr, end, c, claimed, &info)
		if isLeadIn {
			pendingOut, pending = info, true
		}
		if !ok {
			i += n - 1
			continue
		}
		claimed = next
		i = next - 1
	}
	// Quotations the cues did not take.
	done := fr.first // tokens before done are in a quotation looked at
	for o := f.firstOpen(fr.first); o < len(f.opens); o++ {
		k := int(f.opens[o]) + 1
		p := &f.pairs[k-1]
		if p.open >= fr.last {
			break
		}
		if p.open < done {
			continue
		}
		pe := f.pairEnd(k - 1)
		done = pe + 1
		if f.coveredByQuote(p.open) {
			continue
		}
		if !f.hasWords(p.open, pe, 1) {
			continue
		}
		info := frame.Info{Cue: frame.None, Subject: frame.None, Appositive: frame.None, Addressee: frame.None}
		if f.titleCase(p.open, pe) {
			continue // 'Legend in the Coal Fields.': a title, not a statement
		}
		switch {
		case p.open == fr.first && pe >= end-1:
			// The quote is the whole sentence.
			if hasLeadIn {
				info = *leadIn
				info.LeadIn = true
				info.Rule = ruleCueBefore
			} else if f.introducedBy(f.cur - 1); f.intro.Ok() && f.introFrame == f.cur-1 && f.introPara == int(d.Tokens[fr.first].Para) {
				// "Sunita Tamang has taught here for 22 years. "I saw …"": the
				// sentence before introduces the speaker.
				info.Subject = f.intro
				info.Rule = ruleIntroduced
				info.Cued = true
			}
		case p.open == fr.first && f.signature(pe+1, fr.last, &info):
		case p.open > fr.first && f.inSet(p.open-1, 1<<pColon|1<<pEmDash|1<<pHyphen) && pe >= end-1:
			// "The message was plain: "…"" — a statement with no cue of its own.
			if hasLeadIn {
				info = *leadIn
				info.LeadIn = true
				info.Rule = ruleCueBefore
			} else if s, e := f.possessor(fr.first, p.open); e > s {
				// "Rai's own view is simple: "…"": the possessor speaks.
				info.Subject = f.tokSpan(s, e)
				info.Rule = ruleIntroduced
				info.Cued = true
			}
		case p.open > fr.first && f.inSet(p.open-1, 1<<pComma|1<<pColon) && pe >= end-1 && f.cuedDirectBefore(p.open):
			// "The plan," she said, "is dead.": the second half of a quote the cue splits.
		default:
			// Scare quotes, titles and names with no speech frame.
			continue
		}
		f.emit(f.direct(k-1), info)
	}
	if f.kind(fr.first) == segment.Word {
		f.introPending = append(f.introPending, introCandidate{f.cur, fr.first, end})
	}
	if pending {
		*leadIn = pendingOut
	}
	return pending
}

// nextCueStart returns the first token from i on with the cue-start bit,
// len(bits) if there is none. It looks at eight tokens at a time: one token
// in fourteen starts a cue.
func nextCueStart(bits []wordBits, i int) int {
	for ; i+8 <= len(bits); i += 8 {
		if q := bits[i : i+8 : i+8]; (q[0]|q[1]|q[2]|q[3]|q[4]|q[5]|q[6]|q[7])&bitCueStart != 0 {
			break
		}
	}
	for i < len(bits) && bits[i]&bitCueStart == 0 {
		i++
	}
	return i
}

// introCandidate is a sentence that may introduce a speaker: frame k, its
// tokens [first, end).
type introCandidate struct{ frame, first, end int }

// resolveIntro brings f.intro up to date with the sentences analysed since
// it was last asked for: the last of them whose subject introduces a
// speaker. Few quotes need f.intro, so most sentences never have their
// subject looked for, and the last sentences usually settle it.
func (f *finder) resolveIntro() {
	for len(f.introPending) > 0 {
		if f.introduceLast() {
			break
		}
	}
	f.introPending = f.introPending[:0]
}

// introducedBy brings f.intro up to date as far as asking whether frame k
// introduced it: only the last sentence pending can tell, if it is frame k.
// A sentence before it cannot make f.introFrame k, so it stays pending.
func (f *finder) introducedBy(k int) {
	if n := len(f.introPending); n > 0 && f.introPending[n-1].frame == k {
		if f.introduceLast() {
			f.introPending = f.introPending[:0] // the last word on f.intro
		}
	}
}

// introduceLast looks at the last sentence pending, taking it off the list;
// it reports whether its subject introduces a speaker, now f.intro.
func (f *finder) introduceLast() bool {
	c := f.introPending[len(f.introPending)-1]
	f.introPending = f.introPending[:len(f.introPending)-1]
	if s, e := f.mainSubject(c.first, c.end); e > s && f.introduces(s, e) {
		f.intro, f.introFrame, f.introPara = f.tokSpan(s, e), c.frame, int(f.doc.Tokens[c.first].Para)
		return true
	}
	return false
}

// introduces reports whether a sentence's subject [s, e) can introduce a
// speaker for the quote after it: a subject pronoun, or a phrase that ends in
// a name that is not a possessive ("Sunita Tamang", "Engineer Bikash Rai").
func (f *finder) introduces(s, e int) bool {
	if e-s == 1 && f.isPronoun(s) {
		return subjectPronoun(f.word(s))
	}
	last := f.word(e - 1)
	if !f.upper(e-1) || f.has(e-1, bitNonName) || strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
		return false
	}
	return f.nameLike(s, e)
}

// possessor finds "Rai's" at the start of "Rai's own view is simple:".
func (f *finder) possessor(first, limit int) (int, int) {
	for i := first; i < limit && i-first < 4; i++ {
		w := f.word(i)
		if f.kind(i) != segment.Word || !f.upper(i) {
			return -1, -1
		}
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			return first, i + 1
		}
	}
	return -1, -1
}

// cuedDirectBefore reports whether the last quote emitted is a cued direct
// quote in the paragraph of token i.
func (f *finder) cuedDirectBefore(i int) bool {
	if len(f.out) == 0 {
		return false
	}
	k := len(f.out) - 1
	q := f.out[k]
	return q.Kind == Direct && f.infos[k].Cued && f.paraAt(q.Start) == int(f.doc.Tokens[i].Para)
}

// titleCase reports whether the words between two marks are a short title:
// three to twelve words, most of them capitalized.
func (f *finder) titleCase(a, b int) bool {
	// The first word that is not capitalized, or the thirteenth word,
	// settles it: most quotes are read no further than their first words.
	words := 0
	for i := a + 1; i < b; i++ {
		if f.kind(i) == segment.Word {
			if words++; words > 12 {
				return false
			}
			if c := f.fclass(i); !f.upper(i) && c != classPrep && c != classDet && c != classConj {
				return false
			}
		}
	}
	return words >= 3 && f.upper(a+1)
}

// coveredByQuote reports whether token i already lies in an emitted quote.
func (f *finder) coveredByQuote(i int) bool {
	off := int(f.doc.Tokens[i].Start)
	for k := len(f.out) - 1; k >= 0 && k >= len(f.out)-8; k-- {
		if f.out[k].Start <= off && off < f.out[k].End {
			return true
		}
	}
	return false
}

// hasWords reports whether [a, b] holds at least n word or number tokens.
// The rules only ask about a few words: counting stops at the n-th, so a
// check costs the same in a sentence of any length.
func (f *finder) hasWords(a, b, n int) bool {
	ts := f.doc.Tokens
	a, b = max(a, 0), min(b, len(ts)-1)
	if n <= 0 {
		return true
	}
	for i := a; i <= b; i++ {
		if k := ts[i].Kind; k == segment.Word || k == segment.Number {
			if n--; n == 0 {
				return true
			}
		}
	}
	return false
}

// direct builds the Quote of pair k.
func (f *finder) direct(k int) Quote {
	d := f.doc
	p := f.pairs[k]
	start := int(d.Tokens[p.open].Start)
	var end, innerEnd int
	if p.close >= 0 {
		end = int(d.Tokens[p.close].End)
		innerEnd = int(d.Tokens[p.close].Start)
	} else {
		end = d.Paras[p.endPara].End
		innerEnd = end
	}
	q := Quote{Span: Span{start, end}, Text: d.Text[start:end], Kind: Direct, Inner: f.keepSpan(Span{int(d.Tokens[p.open].End), innerEnd})}
	if len(p.pieces) > 1 {
		q.Pieces = f.keepSpans(p.pieces...)
	}
	return q
}

// keepSpan stores a span of a quote in the run's arena and returns it.
func (f *finder) keepSpan(s Span) *Span {
	return &f.keepSpans(s)[0]
}

// keepSpans stores the spans of a quote in the run's arena. The arena is
// pooled: results copies what the quotes kept into memory of their own,
// so a quote costs no allocation of its own.
func (f *finder) keepSpans(spans ...Span) []Span {
	start := len(f.spans)
	f.spans = append(f.spans, spans...)
	return f.spans[start:len(f.spans):len(f.spans)]
}

func (f *finder) emit(q Quote, info frame.Info) {
	f.out = append(f.out, q)
	f.infos = append(f.infos, info)
	f.frameOf = append(f.frameOf, f.cur)
}

// tokSpan converts tokens [a, b) to a byte span.
func (f *finder) tokSpan(a, b int) frame.Span {
	if a < 0 || b <= a {
		return frame.None
	}
	return frame.Span{Start: int(f.doc.Tokens[a].Start), End: int(f.doc.Tokens[b-1].End)}
}

// content builds a mixed, indirect or direct quote over tokens [a, b).
func (f *finder) content(a, b int) (Quote, bool) {
	if b <= a {
		return Quote{}, false
	}
	// A quotation that is the whole content is a direct quote, however short
	// ("That," he added, "promises …").
	if k := f.quoted[a]; k != 0 && f.pairs[k-1].open == a && f.pairEnd(int(k-1)) >= b-1 {
		if !f.hasWords(a, b-1, 1) {
			return Quote{}, false
		}
		return f.direct(int(k - 1)), true
	}
	if !f.hasWords(a, b-1, 2) {
		return Quote{}, false
	}
	start, end := int(f.doc.Tokens[a].Start), int(f.doc.Tokens[b-1].End)
	kind := Indirect
	if i := f.firstQuoted(a, b); i >= 0 {
		kind = Mixed
		// Do not cut a quotation in half.
		if pe := f.pairEnd(int(f.quoted[i] - 1)); pe >= b {
			end = int(f.doc.Tokens[pe].End)
		}
	}
	return Quote{Span: Span{start, end}, Text: f.doc.Text[start:end], Kind: kind}, true
}

// firstQuoted returns the first token of [a, b) that a quotation covers, -1
// if none does. Past an unquoted token, the first quoted one is the opening
// mark of a pair of f.opens (markQuoted gives each covered run to one pair),
// so the opening tokens are searched, not the tokens: in a time that does
// not grow with the content, however many quotes ask.
func (f *finder) firstQuoted(a, b int) int {
	if f.quoted[a] != 0 {
		return a
	}
	// sort.Search written out: the first pair that opens at a or after it.
	ts := f.openTok
	lo, hi := 0, len(ts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(ts[m]) >= a {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo < len(ts) && int(ts[lo]) < b {
		return int(ts[lo])
	}
	return -1
}

// signature recognises a press-release signature after a quote:
// "…" - Jane Doe, CEO of Acme.
func (f *finder) signature(i, last int, info *frame.Info) bool {
	if i >= last || !f.inSet(i, dashes|1<<pHyphen) {
		return false
	}
	s, e := f.nameRight(i + 1)
	if e <= s {
		return false
	}
	info.Subject = f.tokSpan(s, e)
	info.Rule = ruleSignature
	info.Cued = true
	if f.isPunct(e, pComma) && e+1 < last {
		info.Appositive = f.tokSpan(e+1, last)
	}
	return true
}
