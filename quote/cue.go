package quote

import (
	"strings"

	"github.com/quotegraph/quotegraph/internal/fold"
	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/internal/segment"
)

// attribute tries cue c as the reporting cue of a quote in frame fr, whose
// content may run up to token end and may not start before token claimed.
// It fills info with the frame of the quote it emitted, and returns the
// token where the search goes on, whether the cue is a lead-in awaiting its
// quote ("Hill said:"), and whether it emitted a quote. info is written in
// place, not returned: it is large, and every rule passes it on.
func (f *finder) attribute(fr span, end int, c cue, claimed int, info *frame.Info) (next int, leadIn, ok bool) {
	// Field by field: a literal would be built aside, then copied. Every
	// field is set, though analyse hands a zero info.
	none := frame.None
	info.Cue, info.Subject, info.Appositive, info.Addressee = f.tokSpan(c.start, c.end), none, none, none
	info.Rule, info.LeadIn, info.Cued = "", false, true
	if c.flags&flagAccording != 0 {
		return f.accordingTo(fr, end, c, claimed, info)
	}
	before := f.skipLeftAdverbials(c.start-1, claimed)
	// A relative cue inside a parenthetical clause: "a plan which he said was flawed".
	ls, le, appos, relative := f.subjectLeft(before, fr.first)
	if ls < 0 && before > fr.first && f.fclass(before) == classConj && !f.wordIs(before, "so") {
		// "He claimed vast wealth and said it ensured …": the subject of the
		// first verb serves the second; after an earlier quote of this
		// sentence, its speaker does ("Dolan said … and warned that …").
		if k := len(f.infos) - 1; k >= 0 && f.frameOf[k] == f.cur && f.infos[k].Subject.Ok() {
			info.Subject = f.infos[k].Subject
			after := f.skipRightAdverbials(c.end, end, info)
			if f.strongStart(after) || f.clauseStart(after, end, c.flags) {
				if f.inSet(after, 1<<pColon|1<<pComma) {
					after++
				}
				if f.report(after, end, info, "") {
					return end, false, true
				}
			}
			return 0, false, false
		}
		if s, e := f.mainSubject(fr.first, before); e > s {
			ls, le, relative = s, e, true
		}
	}
	if ls < 0 {
		return f.inverted(fr, end, c, claimed, before, info)
	}
	if ls < claimed && !relative {
		// The subject lies in an earlier quote's content: this cue is nested speech.
		return 0, false, false
	}
	if f.timePhrase(ls, le+1) >= le-ls {
		return 0, false, false // "This week, …": a time is no speaker
	}
	if c.flags&flagNoun != 0 && !(f.isPronoun(ls) || f.nameLike(ls, le)) {
		// "the swing states", "dubious medical claims": a noun, not a cue.
		return 0, false, false
	}
	if w := f.word(le - 1); (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && !(le-ls == 1 && contractedPronoun(w)) {
		return 0, false, false // "Editor's note:"; but "He's claiming that …"
	}
	info.Subject = f.tokSpan(ls, le)
	if appos.first < appos.last {
		info.Appositive = f.tokSpan(appos.first, appos.last)
	}
	after := c.end
	told := false
	if c.flags&flagAddressee != 0 {
		if s, e := f.nounPhraseRight(after, end, false); e > s && f.fclass(s) != classRel {
			info.Addressee = f.tokSpan(s, e)
			after = e
			told = true
			// "told one of his young protégés on a regular basis that …"
			for k := e; k < end && k-e <= 12 && f.kind(k) == segment.Word && f.quoted[k] == 0; k++ {
				if f.wordIs(k, "that") {
					after = k
					break
				}
			}
		}
	}
	after = f.skipRightAdverbials(after, end, info)
	subjStart := ls
	if appos.first < appos.last && appos.first < ls {
		subjStart = appos.first
	}
	if relative {
		subjStart = before + 1 // the relative pronoun
	}
	// "…," Cameron said / CLAUSE, Cameron said: the content came first.
	commaBefore := -1
	if subjStart-1 >= claimed && f.inSet(subjStart-1, 1<<pComma|1<<pEmDash) {
		commaBefore = subjStart - 1
	} else if subjStart-1 >= claimed && f.quoted[subjStart-1] != 0 && f.kind(subjStart-1) == segment.Mark {
		commaBefore = subjStart // the closing mark ends the content
	}
	quoteBefore := commaBefore > claimed && f.quoted[commaBefore-1] != 0 && f.pairs[f.quoted[commaBefore-1]-1].open <= claimed
	if relative {
		commaBefore = -1
		quoteBefore = false
	}

	// The content after the cue, up to a participle cue (", adding that …") or
	// for a relative clause up to the comma before the main verb.
	cut := end
	lastVerbComma := -1
	// Look for the end of the content within maxContent tokens: a cue that
	// fails in a long unpunctuated run must not rescan it to its end.
	limit := min(end, after+maxContent)
	for j := f.contentStop(after, limit); j < limit; j = f.contentStop(j+1, limit) {
		if f.quoted[j] != 0 {
			// ""overdue but credible," adding that …": the comma sits inside the marks.
			if f.kind(j) == segment.Mark && f.isPunct(j-1, pComma) && f.pairs[f.quoted[j]-1].close == j {
				if f.participleCue(j+1, end) {
					cut = j + 1
					break
				}
				if relative && f.verbLike(j+1) {
					lastVerbComma = j + 1
				}
			}
			continue
		}
		if f.fclass(j) == classConj && j > after {
			// "… would be "a gift to the malls" and warned that shops would close"
			if n, v := f.cueAt(j+1, end); n > 0 && v&flagBelief == 0 &&
				(f.strongStart(j+1+n) || v&flagContent != 0 && f.wordIs(j+1+n, "to")) {
				cut = j
				break
			}
		}
		if f.inSet(j, 1<<pComma|1<<pSemicolon) {
			if f.participleCue(j+1, end) || f.newAttribution(j+1, end) || (j == after && f.narrativeParticiple(j+1) && !f.gerundSubject(j+1, end)) {
				cut = j
				break
			}
			if relative {
				if f.nextCueAfter(j+1, end) {
					cut = j
					break
				}
				if f.verbLike(j + 1) {
					lastVerbComma = j
				}
			}
		}
	}
	if relative && cut == end && lastVerbComma > after {
		// "The senator, who said the goal was …, was blunt": the relative
		// clause ends before the main verb.
		cut = lastVerbComma
	}
	afterOK := f.clauseStart(after, cut, c.flags)
	if !afterOK && told && f.infinitive(after) {
		afterOK = true // "told his staff never to speak of it", "urged them to act"
	}
	if !afterOK && f.indirectQuestion(c, after) {
		afterOK = true // "asked whether the deals required …"
	}
	if afterOK && f.claimsObject(c, after, cut) {
		return 0, false, false // "the war has claimed 250,000 lives"
	}
	if afterOK && c.flags&flagNoun != 0 && !f.strongStart(after) && !(f.isPronoun(after) && subjectPronoun(f.word(after))) {
		afterOK = false
	}

	// "a plan which he said was flawed": the cue sits inside a relative
	// clause whose verb follows it; the content spans the cue.
	if rel := subjStart - 1; !relative && rel >= claimed && f.fclass(rel) == classRel && f.hasWords(after, cut-1, 2) &&
		(f.fclass(after) == classAux || !f.wordIs(rel, "that")) {
		// The relative clause ends where the main verb comes: ", loses money".
		for j := after; j < cut; j++ {
			if f.quoted[j] == 0 && f.isPunct(j, pComma) && f.verbLike(j+1) {
				cut = j
				break
			}
		}
		q, good := f.content(rel, cut)
		if good {
			info.Rule = ruleParenthetical
			f.emit(q, *info)
			return cut, false, true
		}
	}
	switch {
	case quoteBefore || (commaBefore > claimed && !afterOK && f.hasWords(claimed, commaBefore-1, 2) && f.statement(claimed, commaBefore)):
		if !f.report(claimed, commaBefore, info, ruleCueAfter) {
			return 0, false, false
		}
		return max(c.end, after), false, true
	case afterOK && commaBefore > claimed && f.isPunct(after, pComma) && f.hasWords(claimed, commaBefore-1, 1):
		// Five years ago, he said, the market was smaller.
		if !f.reportAround(claimed, commaBefore, after+1, end, info) {
			return 0, false, false
		}
		return end, false, true
	case afterOK:
		a := after
		if f.inSet(a, 1<<pColon|1<<pComma) {
			a++
		}
		if !f.report(a, cut, info, ruleCueBefore) {
			return 0, false, false
		}
		return cut, false, true
	}
	// "Hugh Hill, a doctor, said:" at the end of a paragraph: the quote follows.
	if f.isPunct(after, pColon) && after+1 >= fr.last {
		info.Rule = ruleCueBefore
		return 0, true, false
	}
	return 0, false, false
}

// The class and punct bits of the unquoted tokens contentStop stops at.
const (
	contentConj      = wordBits(classConj)
	contentComma     = wordBits(pComma) << punctShift
	contentSemicolon = wordBits(pSemicolon) << punctShift
)

// contentStop returns the first token of [j, limit) that attribute's search
// for the end of the content looks at, limit if none: a quotation mark
// inside a quotation, or out of quotations a conjunction, a comma or a
// semicolon. Most tokens are none of them. The loop is a function of its
// own, with no call: its state stays in registers, where in attribute's
// loop it would be stored and loaded again at every token.
//
//go:noinline
func (f *finder) contentStop(j, limit int) int {
	ts, quoted, bits := f.doc.Tokens[:limit], f.quoted[:limit], f.bits[:limit]
	for ; j < limit; j++ {
		if quoted[j] != 0 {
			if ts[j].Kind == segment.Mark {
				return j
			}
		} else if x := bits[j] & (classMask | punctMask); x == contentConj || x == contentComma || x == contentSemicolon {
			return j // a word has no punct, a punctuation token no class
		}
	}
	return limit
}

// participleCue reports whether a clause that goes on with another cue starts
// at token j: "adding that …", "according to …", or "with host President
// Erdogan emphasising …".
func (f *finder) participleCue(j, end int) bool {
	if f.fclass(j) == classSubord && strings.HasSuffix(f.word(j+1), "ing") {
		j++ // "while stressing that", "before adding"
	}
	if n, v := f.cueAt(j, end); n > 0 && v&flagBelief == 0 {
		return strings.HasSuffix(f.word(j+n-1), "ing") || v&flagAccording != 0
	}
	if !f.wordIs(j, "with") {
		return false
	}
	for k := j + 1; k < end && k-j <= maxNP; k++ {
		if f.kind(k) != segment.Word || f.quoted[k] != 0 {
			return false
		}
		if n, v := f.cueAt(k, end); n > 0 && v&flagBelief == 0 {
			return strings.HasSuffix(f.word(k+n-1), "ing")
		}
	}
	return false
}

// mainSubject finds the subject of the clause that starts the frame: the
// first noun phrase after leading conjunctions, adverbs and an introductory
// phrase set off by a comma ("During a speech on Monday, Trump …").
func (f *finder) mainSubject(first, limit int) (int, int) {
	i := first
	for i < limit && (f.fclass(i) == classConj || f.fclass(i) == classAdv) {
		i++
	}
	if c := f.fclass(i); c == classPrep || c == classSubord {
		j := i
		for j < limit && j-i < 20 && !f.isPunct(j, pComma) {
			j++
		}
		if j >= limit || !f.isPunct(j, pComma) {
			return -1, -1
		}
		i = j + 1
	}
	if i >= limit {
		return -1, -1
	}
	if f.isPronoun(i) && !isPossessive(f.word(i)) {
		return i, i + 1
	}
	s, e := f.nounPhraseRight(i, limit, true)
	if e <= s || !(f.nameLike(s, e) || f.fclass(s) == classDet || strings.HasSuffix(f.word(e-1), "s")) {
		return -1, -1
	}
	return s, e
}

// gerundSubject reports whether the -ing word at j heads a subject whose
// verb follows ("replacing Clinton would be …"), unlike narration ("ending a
// two-year pause").
func (f *finder) gerundSubject(j, end int) bool {
	for k := j + 1; k < end && k-j <= 8; k++ {
		if f.isPunct(k, pComma) {
			return false
		}
		if f.fclass(k) == classAux {
			return true
		}
	}
	return false
}

// infinitive reports whether an infinitive starts at token a: "to act",
// "not to speak", "never to speak".
func (f *finder) infinitive(a int) bool {
	if f.fclass(a) == classNeg {
		a++
	}
	return f.wordIs(a, "to") && f.kind(a+1) == segment.Word && !f.upper(a+1)
}

// indirectQuestion reports whether a question is reported at token a:
// "whether …", and after ask-verbs "why …", "how …", "what …".
func (f *finder) indirectQuestion(c cue, a int) bool {
	if f.kind(a) != segment.Word {
		return false // mostly the comma or full stop after "he said"
	}
	w := f.word(a)
	if fold.LowerIs(w, "whether") {
		return true
	}
	if f.fclass(a) != classWh && !fold.LowerIs(w, "why", "how", "who", "when", "where", "if") {
		return false
	}
	v := f.word(c.start)
	return fold.HasLowerPrefix(v, "ask") || fold.HasLowerPrefix(v, "wonder") || fold.HasLowerPrefix(v, "inquir")
}

// claimsObject reports whether a claim-verb takes a thing, not a statement:
// its first words before any "that" hold a word of claim_objects.txt.
func (f *finder) claimsObject(c cue, a, b int) bool {
	if !fold.HasLowerPrefix(f.word(c.start), "claim") {
		return false
	}
	for k := a; k < b && k-a < 10; k++ {
		if f.wordIs(k, "that") || f.quoted[k] != 0 {
			return false
		}
		if f.kind(k) == segment.Word {
			if n, _ := f.longest(claimObjects, k, 1); n == 1 {
				return true
			}
		}
	}
	return false
}

// statement reports whether tokens [a, b) before a cue can be what was
// said: not an opening phrase such as "On Thursday, however" or "A few
// weeks earlier", which starts with a preposition or ends with an adverb.
func (f *finder) statement(a, b int) bool {
	if f.hasWords(a, b-1, 6) || f.quoted[a] != 0 {
		return true
	}
	last := b - 1
	for last > a && f.kind(last) == segment.Punct {
		last--
	}
	switch f.fclass(a) {
	case classPrep, classSubord:
		return false
	}
	return f.fclass(last) != classAdv && !f.has(last, bitTime)
}

// verbLike reports whether token j may be a finite verb: an auxiliary, or a
// lower-case word that is no function word ("was blunt", "sued").
func (f *finder) verbLike(j int) bool {
	if f.kind(j) != segment.Word || f.upper(j) || f.quoted[j] != 0 || f.isPronoun(j) {
		return false
	}
	c := f.fclass(j)
	return c == classAux || (c == classNone && (strings.HasSuffix(f.word(j), "ed") || strings.HasSuffix(f.word(j), "s")))
}

// narrativeParticiple reports whether the phrase at token j, right after an
// attribution, is narration tacked onto the report ("…, the bank said,
// ending a two-year pause"); inside reported content a participle phrase is
// the speaker's ("X said the plan would help, allowing …").
func (f *finder) narrativeParticiple(j int) bool {
	if f.kind(j) != segment.Word || f.upper(j) || f.quoted[j] != 0 || f.fclass(j) != classNone {
		return false
	}
	w := f.word(j)
	if len(w) < 6 || !strings.HasSuffix(w, "ing") {
		return false
	}
	if fold.LowerIs(w, "including", "excluding", "regarding", "concerning", "following", "notwithstanding", "something", "nothing", "anything", "everything", "morning", "evening", "spring", "thing", "building", "meeting", "funding", "spending", "housing", "training", "hearing", "ruling", "bombing", "shooting", "warning", "beginning", "ending", "reporting", "saying") {
		return w == "ending" && !f.isPronoun(j+1)
	}
	return true
}

// newAttribution reports whether a clause with its own speaker and cue
// starts at token j: ", but he said that …", "; officials said …".
func (f *finder) newAttribution(j, end int) bool {
	if c := f.fclass(j); c == classConj || c == classSubord {
		j++ // ", but he said", ", while Dolan said"
	}
	for k := j; k < end && k-j <= 6; k++ {
		if f.kind(k) != segment.Word || f.quoted[k] != 0 {
			return false
		}
		if n, v := f.cueAt(k, end); n > 0 {
			if k == j || v&(flagBelief|flagAccording) != 0 {
				return false
			}
			b := f.skipLeftAdverbials(k-1, j)
			s, e := f.nounPhraseLeft(b, j)
			return e > s && s == j && (f.nameLike(s, e) || f.fclass(s) == classDet)
		}
	}
	return false
}

// report emits tokens [a, b) as a quote of info: reported speech, or for a
// direct quote directRule when one is given. It reports whether there was
// content to emit.
func (f *finder) report(a, b int, info *frame.Info, directRule string) bool {
	q, ok := f.content(a, b)
	if !ok {
		return false
	}
	info.Rule = ruleReported
	if q.Kind == Direct && directRule != "" {
		info.Rule = directRule
	}
	f.emit(q, *info)
	return true
}

// reportAround emits tokens [a, b) as one quote in two pieces, [a, gap) and
// [resume, b), around a parenthetical cue and its speaker.
func (f *finder) reportAround(a, gap, resume, b int, info *frame.Info) bool {
	q, ok := f.content(a, b)
	if !ok {
		return false
	}
	q.Pieces = f.keepSpans(
		Span{Start: int(f.doc.Tokens[a].Start), End: int(f.doc.Tokens[gap-1].End)},
		Span{Start: int(f.doc.Tokens[resume].Start), End: q.End},
	)
	info.Rule = ruleParenthetical
	f.emit(q, *info)
	return true
}

// nextCueAfter reports whether a cue starts at token j (a main verb after a
// relative clause: "Turkey, which said …, lamented that …").
func (f *finder) nextCueAfter(j, end int) bool {
	n, v := f.cueAt(j, end)
	return n > 0 && v&flagAccording == 0
}

// strongStart reports whether content at token a is marked as content:
// "that", a colon or a quotation.
func (f *finder) strongStart(a int) bool {
	return f.wordIs(a, "that") || f.isPunct(a, pColon) || (f.kind(a) == segment.Mark && f.quoted[a] != 0) ||
		(f.isPunct(a, pComma) && f.kind(a+1) == segment.Mark && f.quoted[a+1] != 0)
}

// clauseStart reports whether tokens [a, b) can be the content of a cue.
func (f *finder) clauseStart(a, b int, cue cueFlags) bool {
	if a >= b {
		return false
	}
	if f.isPunct(a, pColon) {
		return f.hasWords(a+1, b-1, 1)
	}
	if f.isPunct(a, pComma) {
		// "said, "…"" or the parenthetical "he said, the market …".
		return a+1 < b && f.hasWords(a+1, b-1, 2)
	}
	if f.kind(a) == segment.Mark && f.quoted[a] != 0 {
		return true
	}
	if f.kind(a) != segment.Word {
		return false
	}
	if !f.hasWords(a, b-1, 2) {
		return false
	}
	switch f.fclass(a) {
	case classSubord, classConj, classAux, classNeg, classAdv:
		return false
	case classPrep:
		// "vowed to share", "called for an end to": content cues take these.
		return cue&flagContent != 0 && fold.LowerIs(f.word(a), "to", "for")
	}
	return true
}

// accordingTo handles "according to X, CLAUSE" and "CLAUSE, according to X".
func (f *finder) accordingTo(fr span, end int, c cue, claimed int, info *frame.Info) (int, bool, bool) {
	// The source runs to the next comma or the end of the frame.
	s := c.end
	e := s
	for e < end && e-s < 14 && !f.isPunct(e, pComma) && f.quoted[e] == 0 {
		e++
	}
	if e <= s || !f.hasWords(s, e-1, 1) {
		return 0, false, false
	}
	info.Subject = f.tokSpan(s, e)
	info.Rule = ruleAccordingTo
	if c.start-1 > claimed && f.inSet(c.start-1, 1<<pComma|1<<pEmDash) {
		if q, ok := f.content(claimed, c.start-1); ok {
			f.emit(q, *info)
			return e, false, true
		}
	}
	if f.isPunct(e, pComma) && c.start <= claimed+1 {
		if q, ok := f.content(e+1, end); ok {
			f.emit(q, *info)
			return end, false, true
		}
	}
	return 0, false, false
}

// inverted handles a cue with no subject on its left: "…," said the
// communique; and the participle of a cue that goes on ("…, adding that …").
func (f *finder) inverted(fr span, end int, c cue, claimed int, before int, info *frame.Info) (int, bool, bool) {
	if before < claimed-1 || before < fr.first {
		return 0, false, false
	}
	comma := f.inSet(before, 1<<pComma|1<<pEmDash)
	mark := f.kind(before) == segment.Mark && f.quoted[before] != 0
	if !comma && !mark {
		return 0, false, false
	}
	// ", adding that …": the speaker is the last one of this frame.
	if fold.HasLowerSuffix(f.word(c.start), "ing") && comma {
		if len(f.infos) > 0 && f.infos[len(f.infos)-1].Subject.Start >= int(f.doc.Tokens[fr.first].Start) {
			prev := f.infos[len(f.infos)-1]
			info.Subject = prev.Subject
			info.Appositive = prev.Appositive
		} else if s, e := f.mainSubject(fr.first, before); e > s {
			// "Trump attacked Clinton …, saying, "…"": the sentence's subject.
			info.Subject = f.tokSpan(s, e)
		} else {
			return 0, false, false
		}
		after := f.skipRightAdverbials(c.end, end, info)
		if !f.clauseStart(after, end, c.flags) {
			return 0, false, false
		}
		if f.inSet(after, 1<<pColon|1<<pComma) {
			after++
		}
		if !f.report(after, end, info, "") {
			return 0, false, false
		}
		return end, false, true
	}
	if w := f.word(c.start); fold.HasLowerPrefix(w, "tel") || fold.HasLowerPrefix(w, "told") {
		return 0, false, false // ", told Smith": Smith is told, not telling
	}
	s, e := f.nounPhraseRight(c.end, end, true)
	if e <= s || !f.subjectEnds(e, end) || f.has(s, bitTime) {
		return 0, false, false
	}
	info.Subject = f.tokSpan(s, e)
	// "The shift, says Mei Huang, an analyst, is "a sensible admission"": the
	// cue and its speaker interrupt one reported clause.
	if comma && before > claimed && f.isPunct(e, pComma) && f.quoted[claimed] == 0 {
		for k := e + 1; k < end && k-e <= 16 && f.quoted[k] == 0; k++ {
			if f.isPunct(k, pComma) {
				if r := k + 1; r < end && f.kind(r) == segment.Word && !f.upper(r) && (f.fclass(r) == classAux || f.fclass(r) == classNone) && f.hasWords(r, end-1, 2) {
					if f.reportAround(claimed, before, r, end, info) {
						return end, false, true
					}
				}
				break
			}
		}
	}
	stop := before
	if mark {
		stop = before + 1
	}
	if !f.report(claimed, stop, info, ruleCueAfter) {
		return 0, false, false
	}
	after := e
	if f.isPunct(after, pComma) {
		// Skip an appositive or relative clause after the inverted subject.
		for after < end && f.quoted[after] == 0 {
			after++
		}
	}
	return max(after, c.end), false, true
}

// mannerAdverb reports whether w looks like an adverb of manner by its
// ending (forcefully, repeatedly, previously, bluntly is in the word list).
func mannerAdverb(w string) bool {
	if len(w) < 7 || !strings.HasSuffix(w, "ly") {
		return false // every ending below ends in -ly
	}
	for _, suf := range mannerEndings {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var mannerEndings = []string{"fully", "edly", "ously", "ively", "ently", "antly", "ately", "ically", "ially", "ingly"}

// subjectEnds reports whether an inverted subject can end before token e:
// the frame ends, or punctuation, a preposition, a time word or a relative
// pronoun follows ("said Smith, who …", "said Smith on Monday"); a verb after
// it ("said members will help") makes it the subject of reported speech.
func (f *finder) subjectEnds(e, end int) bool {
	if e >= end || f.kind(e) != segment.Word {
		return true
	}
	switch f.fclass(e) {
	case classPrep, classRel, classSubord:
		return true
	}
	return f.has(e, bitTime)
}

// skipLeftAdverbials steps left from token i over adverbs, auxiliaries and
// time phrases that sit between a speaker and a cue ("Cameron also said",
// "Putin on Sunday said", "she has repeatedly said").
func (f *finder) skipLeftAdverbials(i, floor int) int {
	for i >= floor && i >= 0 {
		if f.kind(i) != segment.Word || f.quoted[i] != 0 {
			return i
		}
		switch f.fclass(i) {
		case classAdv, classAux, classNeg:
			i--
			continue
		}
		if mannerAdverb(f.word(i)) && !f.upper(i) {
			i-- // "forcefully told", "previously said"
			continue
		}
		if f.has(i, bitTime) {
			// "on Sunday", "last week"
			if p := f.fclass(i - 1); p == classPrep || f.wordIs(i-1, "last") || f.wordIs(i-1, "this") {
				i -= 2
			} else {
				i--
			}
			continue
		}
		return i
	}
	return i
}

// skipRightAdverbials steps right from token i over time phrases and the
// channel of a statement ("on Monday", "in a statement", "in an interview
// with CNN", "on Twitter"), recording a channel as the addressee.
func (f *finder) skipRightAdverbials(i, end int, info *frame.Info) int {
	for i < end {
		if f.kind(i) != segment.Word || f.quoted[i] != 0 {
			return i
		}
		if f.fclass(i) == classAdv {
			i++
			continue
		}
		if n := f.timePhrase(i, end); n > 0 {
			i += n
			continue
		}
		if c := f.fclass(i); c == classPrep || c == classSubord {
			// "said after the convention he would not …": a short phrase, then
			// the reported clause's own pronoun subject.
			for j := i + 2; j < end && j-i <= 6 && f.kind(j) == segment.Word && f.quoted[j] == 0; j++ {
				if f.isPronoun(j) && subjectPronoun(f.word(j)) && (f.fclass(j+1) == classAux || f.verbLike(j+1)) {
					return j
				}
			}
		}
		if f.fclass(i) == classPrep && f.phraseStart(i+1) {
			// A short prepositional phrase followed by that / : / , / a quote.
			j := i + 1
			for j < end && j-i <= 7 && f.kind(j) == segment.Word && f.quoted[j] == 0 && !f.wordIs(j, "that") && !f.wordIs(j, "to") {
				j++
			}
			if j < end && j > i+1 && (f.wordIs(j, "that") || f.inSet(j, 1<<pColon|1<<pComma) || (f.kind(j) == segment.Mark && f.quoted[j] != 0)) {
				f.channel(i, j, info)
				i = j
				continue
			}
			// "pledging in a draft to agree …": the infinitive after a short phrase.
			if j < end && j > i+1 && j-i <= 5 && f.wordIs(j, "to") && !f.upper(j+1) && f.fclass(j+1) == classNone {
				i = j
				return i
			}
			if f.has(i+1, bitTime) {
				i += 2
				continue
			}
		}
		return i
	}
	return i
}

// timePhrase returns the length of a time phrase ("last week", "on Monday
// morning") at token i.
func (f *finder) timePhrase(i, end int) int {
	if !f.has(i, bitTimeStart) {
		return 0
	}
	n, _ := f.longest(timeWords, i, min(3, end-i))
	return n
}

// phraseStart reports whether token i can open a noun phrase after a
// preposition: "in a statement", "on Twitter", "to reporters" (but not the
// infinitive of "vowed to share").
func (f *finder) phraseStart(i int) bool {
	if f.kind(i) == segment.Number || f.upper(i) || f.fclass(i) == classDet || isPossessive(f.word(i)) || f.has(i, bitTime) {
		return true
	}
	return f.kind(i) == segment.Word && f.fclass(i) == classNone && strings.HasSuffix(f.word(i), "s")
}

// channel records "in an interview with CNN" or "on Twitter" as the addressee.
func (f *finder) channel(a, b int, info *frame.Info) {
	if info.Addressee.Ok() {
		return
	}
	for j := a; j < b; j++ {
		if fold.LowerIs(f.word(j), "with", "to") && j+1 < b {
			info.Addressee = f.tokSpan(j+1, b)
			return
		}
	}
	if f.wordIs(a, "on") && f.upper(a+1) {
		info.Addressee = f.tokSpan(a+1, b)
	}
}

// subjectLeft finds the noun phrase that ends at token j and is the subject
// of a cue. It steps over an appositive or relative clause set off by commas
// ("Hugh Hill, a doctor, said"; "Jane Doe, who chairs the panel, said") and
// reports it. relative is true for "Turkey, which said …": the cue sits in a
// relative clause whose antecedent is the subject.
func (f *finder) subjectLeft(j, floor int) (s, e int, appos span, relative bool) {
	if j < floor {
		return -1, -1, span{}, false
	}
	if f.kind(j) == segment.Word && f.wordIs(j-1, "of") && (f.wordIs(j, "whom") || f.wordIs(j, "which")) && j-2 >= floor && f.kind(j-2) == segment.Word {
		// "family members, many of whom say …": the quantifier phrase speaks.
		return j - 2, j + 1, span{}, false
	}
	if f.kind(j) == segment.Word && f.fclass(j) == classRel && j-1 >= floor && f.isPunct(j-1, pComma) {
		s, e := f.nounPhraseLeft(j-2, floor)
		if e > s {
			return s, e, span{}, true
		}
		return -1, -1, span{}, false
	}
	if f.inSet(j, dashes|1<<pComma|1<<pCloseParen) {
		dashed := f.dash(j)
		// Find the comma that opens the appositive.
		for k := j - 1; k >= floor && j-k <= 32; k-- {
			if f.quoted[k] != 0 {
				break
			}
			if f.inSet(k, 1<<pComma|1<<pOpenParen) || (dashed && f.dash(k)) {
				a := k + 1
				if j-a <= 4 && f.allUpper(a, j) {
					// "the mayor, Ann Lee, said": the name is the subject, the role its appositive.
					if rs, re := f.nounPhraseLeft(k-1, floor); re > rs && (!f.upper(rs) || f.fclass(rs) == classDet) {
						return a, j, span{rs, re}, false
					}
				}
				short := j-a <= 8 || (j-a <= 30 && f.appositiveStart(a))
				if a < j && short && (f.appositiveStart(a) || f.isPunct(k, pOpenParen)) {
					if s, e := f.nameBefore(k-1, floor, 1); e > s {
						return s, e, span{a, j}, false
					}
				}
				break
			}
		}
		// "Turkey, which said …, lamented that …": step back over the
		// relative clause to its antecedent.
		for k := j - 1; k > floor && j-k <= 48; k-- {
			if f.fclass(k) == classRel && f.isPunct(k-1, pComma) && !f.wordIs(k, "that") {
				s, e := f.nounPhraseLeft(k-2, floor)
				if e > s {
					return s, e, span{}, true
				}
				break
			}
		}
		return -1, -1, span{}, false
	}
	// A man who goes by "Shorty" said: a nickname in marks ends the subject.
	if f.kind(j) == segment.Mark && f.quoted[j] != 0 {
		k := int(f.quoted[j] - 1)
		p := f.pairs[k]
		if p.close == j && p.open > floor && !f.hasWords(p.open, j, 4) {
			s := p.open
			for i := p.open - 1; i > floor && p.open-i <= 5; i-- {
				if f.fclass(i) == classRel {
					if ns, ne := f.nounPhraseLeft(i-1, floor); ne > ns {
						s = ns
					}
					break
				}
			}
			return s, j + 1, span{}, false
		}
		return -1, -1, span{}, false
	}
	// "a senior official who asked not to be named said"
	if s, e, ok := f.anonymityClause(j, floor); ok {
		return s, e, span{}, false
	}
	s, e = f.nounPhraseLeft(j, floor)
	if e <= s {
		return -1, -1, span{}, false
	}
	// "a source close to the talks", "people familiar with the matter"
	if s-3 >= floor && f.fclass(s-1) == classPrep && f.kind(s-2) == segment.Word && f.phraseAt(postmodifiers, s-2) == 2 {
		if s2, e2 := f.nounPhraseLeft(s-3, floor); e2 > s2 {
			return s2, e, span{}, false
		}
	}
	return s, e, span{}, false
}

// anonymityClause finds "a senior official who asked not to be named" and
// "an aide who spoke on condition of anonymity" ending at token j.
func (f *finder) anonymityClause(j, floor int) (int, int, bool) {
	if f.kind(j) != segment.Word || !f.has(j, bitAnonymity) {
		return -1, -1, false
	}
	for k := j - 1; k > floor && j-k <= 14; k-- {
		if f.kind(k) != segment.Word || f.quoted[k] != 0 {
			return -1, -1, false
		}
		if f.wordIs(k, "who") {
			if s, e := f.nounPhraseLeft(k-1, floor); e > s {
				return s, j + 1, true
			}
			return -1, -1, false
		}
	}
	return -1, -1, false
}

// nameBefore finds the name an appositive follows: the noun phrase ending
// at token k, stepping back over a parenthesis ("Sen. Claire McCaskill
// (D-Mo.), a member, said") and over one more appositive ("Schiff, 56, who
// has served …, told").
func (f *finder) nameBefore(k, floor, depth int) (int, int) {
	if f.isPunct(k, pCloseParen) {
		for p := k - 1; p > floor && k-p <= 8; p-- {
			if f.isPunct(p, pOpenParen) {
				return f.nameBefore(p-1, floor, depth)
			}
		}
		return -1, -1
	}
	if s, e := f.nounPhraseLeft(k, floor); e > s && f.nameLike(s, e) {
		return s, e
	}
	if depth > 0 {
		// Only a short appositive: ", 56," or ", a lawyer,".
		for p := k; p > floor && k-p <= 4; p-- {
			if f.quoted[p] != 0 {
				break
			}
			if f.isPunct(p, pComma) {
				return f.nameBefore(p-1, floor, depth-1)
			}
		}
	}
	return -1, -1
}

// appositiveStart reports whether token a can open an appositive or a
// relative clause: "a doctor", "who chairs", "45", "the party's leader".
func (f *finder) appositiveStart(a int) bool {
	switch f.fclass(a) {
	case classDet, classRel:
		return true
	}
	if f.kind(a) == segment.Number {
		return true
	}
	if f.kind(a) == segment.Word && !f.upper(a) && !f.isPronoun(a) {
		return true
	}
	if w := f.word(a); strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return true // "China, Pyongyang's only ally, said"
	}
	if w := f.word(a); len(w) > 2 && w[1] == '-' && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') {
		return true // "Mitch McConnell, R-Ky., said": party and state
	}
	return f.has(a, bitTitle)
}

// phraseAt returns the length in words of the longest phrase of t at token i.
func (f *finder) phraseAt(l *phraseList, i int) int {
	n := 0
	for j := i; j < len(f.doc.Tokens) && n < 4 && f.kind(j) == segment.Word; j++ {
		n++
	}
	length, _ := f.longest(l, i, n)
	return length
}

// initial reports whether token i is a one-letter capital: the H of "Marc
// H. Morial".
func (f *finder) initial(i int) bool {
	t := f.doc.Tokens[i]
	return t.Kind == segment.Word && t.End-t.Start == 1 && t.Is(segment.Upper)
}

// dash reports whether token i is a dash that sets off a phrase.
func (f *finder) dash(i int) bool { return f.inSet(i, dashes) }

// dashes are the dashes that set off a phrase.
const dashes punctSet = 1<<pDoubleHyphen | 1<<pEmDash | 1<<pEnDash

// allUpper reports whether tokens [a, b) are all capitalized words.
func (f *finder) allUpper(a, b int) bool {
	for i := a; i < b; i++ {
		if !f.upper(i) {
			return false
		}
	}
	return b > a
}

// nameLike reports whether tokens [s, e) hold a capitalized word or a pronoun.
func (f *finder) nameLike(s, e int) bool {
	if e-s == 1 && f.upper(s) && (f.has(s, bitNonName) || strings.HasSuffix(f.word(s), "ly")) {
		return false // "Concretely, they will …"
	}
	for i := s; i < e; i++ {
		if f.isPronoun(i) || f.upper(i) && f.fclass(i) == classNone && !f.has(i, bitNonName) {
			return true
		}
	}
	return false
}

// nounPhraseLeft returns the noun phrase that ends at token j.
func (f *finder) nounPhraseLeft(j, floor int) (int, int) {
	if j < floor || f.kind(j) != segment.Word || f.quoted[j] != 0 {
		return -1, -1
	}
	switch f.fclass(j) {
	case classNone, classDet:
		if f.fclass(j) == classDet && !f.wordIs(j, "this") && !f.wordIs(j, "that") {
			return -1, -1
		}
	default:
		return -1, -1
	}
	if f.isPronoun(j) {
		if !subjectPronoun(f.word(j)) {
			return -1, -1 // "His claim that …", "told her"
		}
		return j, j + 1
	}
	s := j
	for k := j - 1; k >= floor && j-k < maxNP; k-- {
		if f.quoted[k] != 0 {
			break
		}
		switch f.kind(k) {
		case segment.Word:
		case segment.Number:
			s = k
			continue
		case segment.Punct:
			// "Sen. Elizabeth Warren": a dot glued to an abbreviated title.
			if f.word(k) == "." && k-1 >= floor && f.doc.Tokens[k-1].End == f.doc.Tokens[k].Start && (f.has(k-1, bitTitle) || f.initial(k-1)) {
				continue // "Sen. Elizabeth Warren", "Marc H. Morial"
			}
			return s, j + 1
		default:
			return s, j + 1
		}
		if f.isPronoun(k) && !isPossessive(f.word(k)) {
			return s, j + 1
		}
		switch f.fclass(k) {
		case classDet:
			if f.ownedBy(k-1, floor) {
				k-- // "a spokesman for the ministry": go on with "spokesman"
				continue
			}
			return k, j + 1
		case classNone:
			s = k
			continue
		case classPrep:
			// "Secretary of State John Kerry", "chief executive of Northern Energy"
			if f.wordIs(k, "of") && f.upper(k+1) && (f.upper(k-1) || f.has(k-1, bitTitle) || f.kind(k-1) == segment.Word && f.fclass(k-1) == classNone) {
				continue
			}
			if f.ownedBy(k, floor) {
				continue
			}
		}
		return s, j + 1
	}
	return s, j + 1
}

// contractedPronoun reports whether w is a subject pronoun with a contracted
// "is" or "has": he's, she's, it's.
func contractedPronoun(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	return subjectPronoun(w)
}

// subjectPronoun reports whether a pronoun can be the subject of a verb.
func subjectPronoun(w string) bool {
	return fold.LowerIs(w, "he", "she", "they", "it", "i", "we", "you")
}

func isPossessive(w string) bool {
	return fold.LowerIs(w, "his", "her", "their", "its", "our", "my", "your")
}

// nounPhraseRight returns the noun phrase that starts at token i: an inverted
// subject ("said the communique", "said Mr. Smith") or an addressee ("told
// BBC radio"). With subject set, only he, she and they count as pronouns.
func (f *finder) nounPhraseRight(i, end int, subject bool) (int, int) {
	if i >= end || f.kind(i) != segment.Word || f.quoted[i] != 0 {
		return -1, -1
	}
	if w := f.word(i); f.isPronoun(i) && !isPossessive(w) {
		if subject && !fold.LowerIs(w, "he", "she", "they") {
			return -1, -1
		}
		return i, i + 1
	} // a possessive opens the phrase: "told his subordinates", "said his spokesman"
	switch f.fclass(i) {
	case classNone, classDet:
	default:
		return -1, -1
	}
	e := i
	for k := i; k < end && k-i < maxNP; k++ {
		if f.quoted[k] != 0 {
			break
		}
		if f.kind(k) == segment.Punct {
			if f.word(k) == "." && k > i && f.doc.Tokens[k-1].End == f.doc.Tokens[k].Start && (f.has(k-1, bitTitle) || f.initial(k-1)) && k+1 < end && f.upper(k+1) {
				continue
			}
			break
		}
		if f.kind(k) == segment.Number {
			e = k + 1
			continue
		}
		if f.kind(k) != segment.Word {
			break
		}
		c := f.fclass(k)
		if c == classDet && k > i {
			break
		}
		if c == classPrep {
			if f.wordIs(k, "of") && k > i && f.upper(k+1) {
				continue
			}
			break
		}
		if c != classNone && c != classDet {
			break
		}
		if k > i && f.isPronoun(k) {
			break
		}
		if n, _ := f.cueAt(k, end); n > 0 && k > i {
			break
		}
		if subject && k > i && !f.upper(k) && strings.HasSuffix(f.word(k), "ed") {
			break // "world leaders pressed on": a verb ends the subject
		}
		e = k + 1
	}
	if e <= i || f.fclass(e-1) == classDet {
		return -1, -1
	}
	return i, e
}

// nameRight reads a signature name: capitalized words up to a comma.
func (f *finder) nameRight(i int) (int, int) {
	e := i
	for k := i; k < len(f.doc.Tokens) && k-i < 6; k++ {
		if f.upper(k) || (f.kind(k) == segment.Punct && f.word(k) == "." && k > i && f.has(k-1, bitTitle)) {
			e = k + 1
			continue
		}
		break
	}
	if e == i {
		return -1, -1
	}
	return i, e
}

// ownedBy reports whether token p is of, for or at after a lower-case head
// noun that owns the phrase after it: "a spokesman for the ministry", "the
// mother of the victim".
func (f *finder) ownedBy(p, floor int) bool {
	if p-1 < floor || f.quoted[p-1] != 0 || f.kind(p-1) != segment.Word || f.upper(p-1) {
		return false
	}
	// wordIs (strings.EqualFold) and fold.LowerIs differ only on keys with an
	// i, k or s: "İ" lowers to "i", "ſ" folds to "s".
	if !f.wordIs(p, "of") && !f.wordIs(p, "for") && !f.wordIs(p, "at") {
		return false
	}
	return f.fclass(p-1) == classNone && !f.isPronoun(p-1) && !f.verbLike(p-1)
}
