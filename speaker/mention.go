package speaker

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/internal/fold"
	"github.com/quotegraph/quotegraph/internal/phrasetrie"
	"github.com/quotegraph/quotegraph/lexicon"
)

// list is one of the word lists the speaker stage reads; all are data in
// lexicon/data. The sixteen bits are all taken: another list needs a wider
// type.
type list uint16

const (
	titleList list = 1 << iota
	honorificList
	pronounList
	demonymList
	maleNameList
	femaleNameList
	orgHeadList
	groupHeadList
	anonHeadList
	documentHeadList
	placeList
	postmodifierList // mention_postmodifiers: the head of a mention is the word before
	articleList      // mention_determiners with flag article
	leadList         // mention_determiners with flag lead
	vagueList        // mention_determiners with flag vague
	particleList     // name_particles
)

// wordFacts is what every list says of one word, so that one lookup
// answers all the questions a mention's word is asked. It is kept small:
// the table is large, and a word is looked up in it cold.
type wordFacts struct {
	is     list // the lists that hold the word as a phrase of its own
	starts list // the lists that hold a longer phrase starting with the word
	// The genders the word's entries give it as a title, an honorific, a pronoun.
	titleGender, honorificGender, pronounGender genderCode
	pronoun                                     uint16 // pronouns[pronoun-1] is the word as the pronoun list has it: "he" for "He"
}

func (f wordFacts) in(l list) bool { return f.is&l != 0 }

// mayStart reports whether a phrase of list l, of one word or more, starts
// with the word: most words start none, and need not be looked at further.
func (f wordFacts) mayStart(l list) bool { return (f.is|f.starts)&l != 0 }

// genderCode is a Gender in a byte.
type genderCode uint8

var genders = [...]Gender{NoGender, Male, Female}

func codeOf(g Gender) genderCode {
	for c, x := range genders {
		if x == g {
			return genderCode(c)
		}
	}
	return 0
}

func (c genderCode) gender() Gender { return genders[c] }

//go:generate go test -run TestTables -update

// The tables of the word lists (lexicon/data) are kept in tables.go, which
// TestTables writes from the lists with -update and checks against them on
// every test run: a program that loads the package pays nothing for them,
// where building them took longer than most articles. They are:
//
//   - factIndex numbers each word of the lists, folded as lexicon.AppendKey
//     folds it, and factTable holds what the lists say of each word by
//     number (0: no list has the word);
//   - pronouns are the words of the pronoun list, which wordFacts.pronoun
//     indexes;
//   - particlePrefixes are the name particles that are prefixes: "al-";
//   - titlePhrases, orgHeadPhrases and placePhrases are the lists whose
//     phrases of several words are looked up whole (longestPhrase), as
//     tries whose values are genderCodes; the others are only ever asked
//     about one word, which the facts answer.

// longestPhrase finds the longest phrase of t, a list whose phrases are
// looked up whole (titlePhrases, orgHeadPhrases, placePhrases), that words
// start with: its length in words (0 when none matches) and the gender its
// value gives, for a title. factIndex numbers every word of those phrases,
// and split numbers the words of a mention, so the walk compares integers.
func longestPhrase(t *phrasetrie.Trie, words []mentionWord) (length int, gender genderCode) {
	length, value := t.Longest(len(words), func(k int) uint32 { return words[k].num })
	return length, genderCode(value)
}

// asWritten is the facts of the lists whose words match only as written,
// in lower case ASCII: those of w when w is so written, else none.
func asWritten(w string) wordFacts {
	if !isLowerASCII(w) {
		return wordFacts{}
	}
	return factsOf(w)
}

// isParticle reports whether w, as written, is a name particle: "de" in
// "Charles de Gaulle", "al-" in "al-Assad".
func isParticle(w string) bool {
	return asWritten(w).in(particleList) || hasParticlePrefix(w)
}

// isParticleAt is isParticle(words[k]), from the facts split looked up for
// the word.
func (m *mentionParser) isParticleAt(k int) bool {
	w := m.words[k].text
	return m.factsAsWritten(k).in(particleList) && isLowerASCII(w) || hasParticlePrefix(w)
}

// hasParticlePrefix reports whether w starts with a name particle that is a
// prefix: "al-Assad".
func hasParticlePrefix(w string) bool {
	for _, p := range particlePrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// factsOf looks w up in every list at once.
func factsOf(w string) wordFacts { return factTable[factIndex.Find(w)] }

// parsed is a speaker mention taken apart: "British Prime Minister David
// Cameron" is affiliation British, title Prime Minister, name David Cameron.
// Its kind, gender and pronoun are small codes, not strings: parsed
// mentions are copied and cleared often, and each pointer in them costs a
// write barrier while the collector runs.
type parsed struct {
	name        string
	title       string
	affiliation string
	surname     string // the last word of a person's name
	given       string // the first word of a person's name, when there are two or more
	kindCode    kindCode
	genderCode  genderCode
	pronounCode uint16 // pronouns[pronounCode-1] when the mention is a pronoun (he, she, they, it …); 0 when not
	ascii       bool   // the mention is all ASCII, and so are its pieces: set by attributor.parse
	nameHash    uint64 // the hash of name in the attributor's indexes when attributor.parse knows it; else 0
}

func (p *parsed) kind() Kind     { return kinds[p.kindCode] }
func (p *parsed) gender() Gender { return p.genderCode.gender() }

// pronoun is the pronoun the mention is, as the pronoun list has it; "" when
// it is none.
func (p *parsed) pronoun() string {
	if p.pronounCode == 0 {
		return ""
	}
	return pronouns[p.pronounCode-1]
}

// kindCode is a Kind in a byte; 0 is no kind at all.
type kindCode uint8

const (
	noKind kindCode = iota
	unknownKind
	personKind
	organizationKind
	groupKind
	anonymousKind
	documentKind
)

var kinds = [...]Kind{noKind: "", unknownKind: Unknown, personKind: Person, organizationKind: Organization, groupKind: Group, anonymousKind: Anonymous, documentKind: Document}

// mentionParser takes mentions apart. Its buffers serve one mention after
// another, and the strings it returns are pieces of the mention whenever the
// mention writes them so (single spaces between words), so parsing a mention
// usually allocates nothing.
type mentionParser struct {
	text  string
	words []mentionWord // the mention's words: see split
	// mostWords is the most words a mention of this run had: the part of
	// words that may hold pieces of the run's text.
	mostWords int
	// title and aff index the words of the title and of the affiliation.
	title, aff []int
	lower      []byte // text in lower case, once lowered is set
	lowered    bool
	// longTitle is the longest title of several words that starts at word
	// longTitleAt-1 (0: none looked up yet), and its gender: "the prime
	// minister" asks for it twice.
	longTitleAt, longTitle int
	longTitleGender        genderCode
	ascii                  bool   // the text is all ASCII, so lower keeps each byte in place
	quoted                 bool   // the text has a straight double quote
	wordBuf                []byte // a word lowered apart
}

// mentionWord is one word of a mention and what the lists say of it bare:
// every rule asks about nearly every word, so split looks each up at once.
type mentionWord struct {
	text    string    // as written
	at      int       // its byte offset in the mention
	bareLen int       // the length of bare(text)
	num     uint32    // the number of bare(text) in factIndex
	facts   wordFacts // factsOf(bare(text))
	written wordFacts // factsOf(text): facts, unless text ends in a dot or 's
}

// bare is the word without its final dot or 's.
func (w *mentionWord) bare() string { return w.text[:w.bareLen] }

// split cuts text into words, keeping the dots of abbreviations with their
// word ("Sen." stays one word) and dropping commas, and looks each word up.
func (m *mentionParser) split(text string) {
	m.text = text
	m.words, m.quoted = m.words[:0], false
	var high uint64 // the bytes of the words ORed: a multi-byte rune sets a top bit
	for i := 0; i < len(text); {
		for i < len(text) && mentionSpace[text[i]] {
			i++
		}
		start := i
		// Eight bytes at a time while none is below ',' + 1, the highest
		// separator; then a byte at a time from the first that is.
		for i+8 <= len(text) {
			v := fold.Load64(text[i : i+8])
			if low := belowMinus(v); low != 0 {
				n := bits.TrailingZeros64(low) / 8
				high |= v & (1<<(8*n) - 1)
				i += n
				break
			}
			high |= v
			i += 8
		}
		// The bytes that the eight at a time passed over are none below
		// '-', and so no straight quote: the rest are looked at here.
		for i < len(text) && !mentionSpace[text[i]] {
			high |= uint64(text[i])
			m.quoted = m.quoted || text[i] == '"'
			i++
		}
		if i > start {
			w := text[start:i]
			n := bareLen(w)
			num := factIndex.Find(w[:n])
			f := factTable[num]
			written := f
			if n != len(w) {
				written = factsOf(w)
			}
			m.words = append(m.words, mentionWord{text: w, at: start, bareLen: n, num: num, facts: f, written: written})
		}
	}
	m.ascii = high&fold.HighBits == 0
	m.mostWords = max(m.mostWords, len(m.words))
	m.title, m.aff = m.title[:0], m.aff[:0]
	m.lowered, m.longTitleAt = false, 0
}

// mentionSpace marks what separates the words of a mention. All are ASCII,
// so a byte of a multi-byte rune is never one, and all are below '-'.
var mentionSpace = [256]bool{' ': true, '\n': true, '\t': true, ',': true, '\r': true}

// belowMinus marks the top bit of each of the eight bytes of v that is
// below '-' (and so may separate words). No sum carries into the next
// byte: each adds at most 0x7f and 0x80-'-'.
func belowMinus(v uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^((v&low7 + (0x80-'-')*0x0101010101010101) | v) & fold.HighBits
}

// factsAt is what the lists say of word k without its final dot or 's.
func (m *mentionParser) factsAt(k int) wordFacts { return m.words[k].facts }

// bareAt is word k without its final dot or 's.
func (m *mentionParser) bareAt(k int) string { return m.words[k].bare() }

// lowerText is the mention in lower case, made once per mention in a
// reused buffer.
func (m *mentionParser) lowerText() []byte {
	if !m.lowered {
		m.lower, m.lowered = fold.AppendLower(m.lower[:0], m.text), true
	}
	return m.lower
}

// lowerWord is word k in lower case: a piece of the lowered text when the
// mention is ASCII, else lowered apart (and valid until the next call).
func (m *mentionParser) lowerWord(k int) []byte {
	if m.ascii {
		w := &m.words[k]
		return m.lowerText()[w.at : w.at+len(w.text)]
	}
	m.wordBuf = fold.AppendLower(m.wordBuf[:0], m.words[k].text)
	return m.wordBuf
}

// longestTitle finds the longest title starting at word i, bare words
// compared: its length in words and the gender it gives.
func (m *mentionParser) longestTitle(i int) (int, genderCode) {
	if f := &m.words[i].facts; f.starts&titleList == 0 {
		if f.in(titleList) {
			return 1, f.titleGender
		}
		return 0, 0
	}
	return m.longestTitleOfSeveral(i)
}

// longestTitleOfSeveral is longestTitle when titles of several words start
// at word i.
func (m *mentionParser) longestTitleOfSeveral(i int) (int, genderCode) {
	if m.longTitleAt != i+1 {
		n, g := longestPhrase(titlePhrases, m.words[i:])
		m.longTitleAt, m.longTitle, m.longTitleGender = i+1, n, g
	}
	return m.longTitle, m.longTitleGender
}

// isPhrase reports whether the words from word i to the end are, all
// together, one phrase of t, which is list l.
func (m *mentionParser) isPhrase(t *phrasetrie.Trie, l list, i int) bool {
	n := len(m.words) - i
	switch {
	case n <= 0:
		return false
	case n == 1:
		return m.factsAt(i).in(l)
	case m.factsAt(i).starts&l == 0:
		return false
	}
	got, _ := longestPhrase(t, m.words[i:])
	return got == n
}

// joinRange is the words [from, to) joined by single spaces, each made bare
// when bared is set. It is a piece of the mention when the mention writes
// the words so.
func (m *mentionParser) joinRange(from, to int, bared bool) string {
	if from >= to {
		return ""
	}
	word := func(k int) string {
		if bared {
			return m.bareAt(k)
		}
		return m.words[k].text
	}
	piece := true
	for k := from; k+1 < to && piece; k++ {
		w := &m.words[k]
		end := w.at + len(w.text)
		piece = len(word(k)) == len(w.text) && m.words[k+1].at == end+1 && m.text[end] == ' '
	}
	if piece {
		return m.text[m.words[from].at : m.words[to-1].at+len(word(to-1))]
	}
	var b strings.Builder
	for k := from; k < to; k++ {
		if k > from {
			b.WriteByte(' ')
		}
		b.WriteString(word(k))
	}
	return b.String()
}

// joinBare is the bare words at the indexes idx, in order, joined by single
// spaces.
func (m *mentionParser) joinBare(idx []int) string {
	for k := 1; k < len(idx); k++ {
		if idx[k] != idx[k-1]+1 {
			var b strings.Builder
			for n, i := range idx {
				if n > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(m.bareAt(i))
			}
			return b.String()
		}
	}
	if len(idx) == 0 {
		return ""
	}
	return m.joinRange(idx[0], idx[len(idx)-1]+1, true)
}

func bare(w string) string { return w[:bareLen(w)] }

// bareLen is the length of w without its final dot, and then without its
// final 's or ’s.
func bareLen(w string) int {
	n := len(w)
	if n > 0 && w[n-1] == '.' {
		n--
	}
	if n >= 2 && w[n-2:n] == "'s" {
		n -= 2
	}
	if n >= 4 && w[n-4:n] == "’s" {
		n -= 4
	}
	return n
}

func isUpperWord(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return w[0]-'A' < 26 // A to Z
	}
	return fold.ChangesWhenLowered(w) // false for "", which has no rune
}

// parse classifies a mention and splits off its title and affiliation,
// into p, which is zero. (p is written in place, where the caller keeps it:
// a parsed mention is large enough that copying it costs.)
func (m *mentionParser) parse(text string, p *parsed) {
	m.split(text)
	// Only a mention with a straight quote or a non-ASCII rune may have a
	// nickname.
	if !m.ascii || m.quoted {
		if nick, ok := nickname(text); ok {
			p.name, p.kindCode, p.surname = nick, personKind, nick
			return
		}
	}
	ws := m.words
	if len(ws) == 0 {
		p.kindCode = unknownKind
		return
	}
	if f := m.factsAt(0); len(ws) == 1 && f.in(pronounList) { // "He's" is "he"
		p.pronounCode, p.genderCode, p.kindCode = f.pronoun, f.pronounGender, unknownKind
		return
	}
	h := m.headIndex()
	head := m.bareAt(h)
	detFacts := m.determiner()
	article := detFacts.in(articleList)

	// "the prime minister": a title alone names a person met elsewhere.
	if from := min(1, len(ws)-1); article {
		if n, g := m.longestTitle(from); n == len(ws)-from {
			p.kindCode, p.title, p.genderCode = personKind, m.joinRange(from, len(ws), false), g
			return
		}
	}
	// Peel a leading determiner, affiliations and titles off the front.
	i := 0
	if detFacts.in(leadList) {
		i++
	}
	for i < len(ws) {
		f := m.factsAt(i)
		if f.in(demonymList) && i+1 < len(ws) {
			m.aff = append(m.aff, i)
			i++
			continue
		}
		n, g := 0, genderCode(0)
		if f.mayStart(titleList) { // most words start no title: no call
			n, g = m.longestTitle(i)
		}
		if n > 0 && i+n < len(ws) {
			for k := 0; k < n; k++ {
				m.title = append(m.title, i+k)
			}
			if g != 0 {
				p.genderCode = g
			}
			i += n
			continue
		}
		if f.in(honorificList) && i+1 < len(ws) {
			if g := f.honorificGender; g != 0 {
				p.genderCode = g
			}
			i++
			continue
		}
		break
	}
	rest := ws[i:]
	allUpper := len(rest) > 0
	for k := i; k < len(ws); k++ {
		if !isUpperWord(ws[k].text) && !m.isParticleAt(k) {
			allUpper = false
			break
		}
	}
	if len(m.title) > 0 {
		p.title = m.joinBare(m.title)
	}
	if len(m.aff) > 0 {
		p.affiliation = m.joinBare(m.aff)
	}

	headFacts := m.factsAt(h)
	orgAt := min(i, len(ws)-1) // where an organization's name of several words may start
	switch {
	case headFacts.in(documentHeadList) && !allUpper:
		p.kindCode, p.name = documentKind, stripThe(text)
	case !allUpper && m.anonymous(detFacts, headFacts):
		p.kindCode, p.name = anonymousKind, text
	case headFacts.in(groupHeadList) && (!allUpper || len(ws) == 1):
		p.kindCode, p.name = groupKind, text
	case headFacts.in(orgHeadList) || m.factsAt(orgAt).mayStart(orgHeadList) && m.isPhrase(orgHeadPhrases, orgHeadList, orgAt):
		p.kindCode, p.name = organizationKind, stripThe(text)
	case len(rest) > 0 && allUpper:
		if m.factsAt(i).mayStart(placeList) && m.isPhrase(placePhrases, placeList, i) {
			p.kindCode, p.name = organizationKind, m.joinRange(i, len(ws), false)
			break
		}
		if m.anyOrgWord(i) {
			p.kindCode, p.name = organizationKind, stripThe(text)
			break
		}
		p.kindCode, p.name = personKind, m.joinRange(i, len(ws), false)
		p.surname = m.bareAt(len(ws) - 1)
		if len(rest) >= 2 {
			p.given = rest[0].text
			if p.genderCode == 0 {
				// The given name as written: "John's" is no given name.
				f := m.factsAsWritten(i)
				if male, female := f.in(maleNameList), f.in(femaleNameList); male && !female {
					p.genderCode = codeOf(Male)
				} else if female && !male {
					p.genderCode = codeOf(Female)
				}
			}
		}
	case len(m.title) > 0 && len(rest) == 0:
		// "the prime minister": a role that names a person met elsewhere.
		p.kindCode, p.name = personKind, ""
	case headFacts.in(anonHeadList):
		p.kindCode, p.name = anonymousKind, text
	default:
		p.kindCode, p.name = unknownKind, text
		if strings.HasSuffix(head, "s") && !isUpperWord(ws[len(ws)-1].text) {
			p.kindCode = groupKind
		} else if !isUpperWord(ws[len(ws)-1].text) {
			// "a doctor", "the spokesman": a described person.
			p.kindCode = personKind
		}
	}
}

// determiner is what the lists say of the first word as a determiner: as
// written when in lower case, lowered when capitalized ("The"); a word in
// mixed case ("tHe") is none.
func (m *mentionParser) determiner() wordFacts {
	const asked = articleList | leadList | vagueList // what a determiner's facts are asked
	if m.ascii && m.words[0].written.is&asked == 0 {
		return wordFacts{} // no determiner, however written
	}
	w := m.words[0].text
	switch {
	case !isUpperWord(w):
		if !isLowerASCII(w) {
			return wordFacts{}
		}
	case len(w) > 32:
		return wordFacts{} // too long to be a determiner, even lowered
	case !m.ascii && !fold.IsASCII(w):
		return asWritten(string(m.lowerWord(0)))
	}
	// w is ASCII, and lowered as the lists are written.
	return m.factsAsWritten(0)
}

// factsAsWritten is factsOf(words[k]), with its final dot or 's: factsAt
// when the word has none.
func (m *mentionParser) factsAsWritten(k int) wordFacts { return m.words[k].written }

// isLowerASCII reports whether w is ASCII with no upper-case letter, so
// that lowering it leaves it as it is.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// anyOrgWord reports whether a word from word i on is an organization's head.
func (m *mentionParser) anyOrgWord(i int) bool {
	for k := i; k < len(m.words); k++ {
		if m.words[k].text == "of" {
			return false // "Sophie Tremblay of Laurentide Securities" is a person
		}
		if m.factsAt(k).in(orgHeadList) {
			return true
		}
	}
	return false
}

func stripThe(s string) string {
	for _, p := range []string{"the ", "The ", "THE "} {
		if strings.HasPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}

func genderOf(v string) Gender {
	switch {
	case lexicon.HasFlag(v, "male"):
		return Male
	case lexicon.HasFlag(v, "female"):
		return Female
	}
	return NoGender
}

// headIndex finds the head noun of a mention, before any postmodifier: "a
// draft statement obtained by AFP", "a source close to the talks", "a senior
// official who asked not to be named". The postmodifiers are matched in any
// case.
func (m *mentionParser) headIndex() int {
	for i := 1; i < len(m.words); i++ {
		if m.factsAsWritten(i).in(postmodifierList) {
			return i - 1
		}
	}
	return len(m.words) - 1
}

// nickname finds a name given in quotation marks inside a mention: a man
// who goes by "Shorty".
func nickname(text string) (string, bool) {
	open, width := indexQuoteMark(text, "“")
	if open < 0 {
		return "", false
	}
	rest := text[open+width:]
	end, _ := indexQuoteMark(rest, "”")
	if end <= 0 {
		return "", false
	}
	return strings.TrimSpace(rest[:end]), true
}

// indexQuoteMark finds the first straight double quote or curly mark in s,
// and the mark's width in bytes.
func indexQuoteMark(s, curly string) (int, int) {
	straight, other := strings.IndexByte(s, '"'), strings.Index(s, curly)
	switch {
	case other >= 0 && (straight < 0 || other < straight):
		return other, len(curly)
	case straight >= 0:
		return straight, 1
	}
	return -1, 0
}

// anonymous reports whether a mention names a source without naming it: "a
// source", "two officials", "sources close to the talks", "a senior official
// who asked not to be named".
func (m *mentionParser) anonymous(det, head wordFacts) bool {
	vague := det.in(vagueList)
	if !vague && m.ascii && strings.IndexByte(m.text, 'm') < 0 && strings.IndexByte(m.text, 'M') < 0 {
		return false // each phrase that makes a mention vague has an m
	}
	letters := ^uint32(0) // lowering a rune outside ASCII may give any letter
	if m.ascii {
		letters = asciiLetters(m.text)
	}
	vague = vague || notToBeNamed.in(m, letters) || familiarWith.in(m, letters) || anonymity.in(m, letters)
	if !vague {
		return false
	}
	return head.in(anonHeadList) || m.factsAt(min(1, len(m.words)-1)).in(anonHeadList) || source.in(m, letters)
}

// phrase is a phrase searched for in a lowered mention, and its letters: a
// mention lacking one of them need not be lowered and searched.
type phrase struct {
	text    string
	letters uint32
}

func newPhrase(text string) phrase { return phrase{text, asciiLetters(text)} }

var notToBeNamed, familiarWith, anonymity, source = newPhrase("not to be named"), newPhrase("familiar with"), newPhrase("anonymity"), newPhrase("source")

// in reports whether the mention, lowered, contains the phrase; letters
// holds at least the letters of the lowered mention.
func (p phrase) in(m *mentionParser, letters uint32) bool {
	return letters&p.letters == p.letters && bytes.Contains(m.lowerText(), []byte(p.text))
}

// asciiLetters is the set of the ASCII letters of s, in either case: bit 0
// for a, bit 25 for z.
func asciiLetters(s string) uint32 {
	var set uint32
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
			set |= 1 << (c - 'a')
		}
	}
	return set
}
