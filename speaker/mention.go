package speaker

import (
	"strings"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/lexicon"
)

// The word lists the speaker stage reads; all are data in lexicon/data.
var (
	titles        = lexicon.NewTable(lexicon.Builtin("titles"))
	honorifics    = lexicon.NewTable(lexicon.Builtin("honorifics"))
	pronounTable  = lexicon.NewTable(lexicon.Builtin("pronouns"))
	demonyms      = lexicon.NewTable(lexicon.Builtin("demonyms"))
	maleNames     = lexicon.NewTable(lexicon.Builtin("names_male"))
	femaleNames   = lexicon.NewTable(lexicon.Builtin("names_female"))
	orgHeads      = lexicon.NewTable(lexicon.Builtin("org_heads"))
	groupHeads    = lexicon.NewTable(lexicon.Builtin("group_heads"))
	anonHeads     = lexicon.NewTable(lexicon.Builtin("anonymous_heads"))
	documentHeads = lexicon.NewTable(lexicon.Builtin("document_heads"))
	places        = lexicon.NewTable(lexicon.Builtin("places"))
)

// parsed is a speaker mention taken apart: "British Prime Minister David
// Cameron" is affiliation British, title Prime Minister, name David Cameron.
type parsed struct {
	name        string
	kind        Kind
	title       string
	affiliation string
	gender      Gender
	pronoun     string // he, she, they, it … when the mention is a pronoun
	surname     string // the last word of a person's name
	given       string // the first word of a person's name, when there are two or more
}

// mentionWords splits a mention into words, keeping the dots of
// abbreviations with their word ("Sen." stays one word) and dropping commas.
func mentionWords(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == ',' || r == '\r' })
	return f
}

func bare(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "."), "'s"), "’s")
}

func isUpperWord(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	return c >= 0x80 && strings.ToLower(w) != w
}

// parseMention classifies a mention and splits off its title and affiliation.
func parseMention(text string) parsed {
	if nick, ok := nickname(text); ok {
		return parsed{name: nick, kind: Person, surname: nick}
	}
	ws := mentionWords(text)
	if len(ws) == 0 {
		return parsed{kind: Unknown}
	}
	if len(ws) == 1 {
		w := bare(ws[0]) // "He's" is "he"
		if g, ok := pronounTable.Lookup(w); ok {
			return parsed{pronoun: strings.ToLower(w), gender: pronounGender(g), kind: Unknown}
		}
	}
	head := bare(ws[headIndex(ws)])
	det := ws[0]
	if isUpperWord(det) {
		det = strings.ToLower(det)
	}
	p := parsed{}

	// "the prime minister": a title alone names a person met elsewhere.
	if rest := ws[min(1, len(ws)-1):]; (det == "the" || det == "a" || det == "an") && len(rest) > 0 {
		if n, v := titles.Longest(len(rest), func(k int) string { return bare(rest[k]) }); n == len(rest) {
			return parsed{kind: Person, title: strings.Join(rest, " "), gender: genderOf(v)}
		}
	}
	// Peel a leading determiner, affiliations and titles off the front.
	i := 0
	if det == "the" || det == "a" || det == "an" || det == "host" || det == "former" || det == "then" {
		i++
	}
	var aff, title []string
	for i < len(ws) {
		w := bare(ws[i])
		if demonyms.Has(w) && i+1 < len(ws) {
			aff = append(aff, w)
			i++
			continue
		}
		if n, v := titles.Longest(len(ws)-i, func(k int) string { return bare(ws[i+k]) }); n > 0 && i+n < len(ws) {
			for k := 0; k < n; k++ {
				title = append(title, bare(ws[i+k]))
			}
			if g := genderOf(v); g != NoGender {
				p.gender = g
			}
			i += n
			continue
		}
		if v, ok := honorifics.Lookup(w); ok && i+1 < len(ws) {
			if g := genderOf(v); g != NoGender {
				p.gender = g
			}
			i++
			continue
		}
		break
	}
	rest := ws[i:]
	allUpper := len(rest) > 0
	for _, w := range rest {
		if !isUpperWord(w) && w != "of" && w != "de" && w != "al" && w != "van" && w != "von" && !strings.HasPrefix(w, "al-") {
			allUpper = false
		}
	}
	p.title = strings.Join(title, " ")
	p.affiliation = strings.Join(aff, " ")

	switch {
	case documentHeads.Has(head) && !allUpper:
		p.kind, p.name = Document, stripThe(text)
	case !allUpper && anonymous(det, head, ws, text):
		p.kind, p.name = Anonymous, text
	case groupHeads.Has(head) && (!allUpper || len(ws) == 1):
		p.kind, p.name = Group, text
	case orgHeads.Has(head) || isPhrase(orgHeads, ws[min(i, len(ws)-1):]):
		p.kind, p.name = Organization, stripThe(text)
	case len(rest) > 0 && allUpper:
		name := strings.Join(rest, " ")
		if isPhrase(places, rest) {
			p.kind, p.name = Organization, name
			break
		}
		if anyOrgWord(rest) {
			p.kind, p.name = Organization, stripThe(text)
			break
		}
		p.kind, p.name = Person, name
		p.surname = bare(rest[len(rest)-1])
		if len(rest) >= 2 {
			p.given = rest[0]
			if p.gender == NoGender {
				if maleNames.Has(rest[0]) && !femaleNames.Has(rest[0]) {
					p.gender = Male
				} else if femaleNames.Has(rest[0]) && !maleNames.Has(rest[0]) {
					p.gender = Female
				}
			}
		}
	case len(title) > 0 && len(rest) == 0:
		// "the prime minister": a role that names a person met elsewhere.
		p.kind, p.name = Person, ""
	case anonHeads.Has(head):
		p.kind, p.name = Anonymous, text
	default:
		p.kind, p.name = Unknown, text
		if strings.HasSuffix(head, "s") && !isUpperWord(ws[len(ws)-1]) {
			p.kind = Group
		} else if !isUpperWord(ws[len(ws)-1]) {
			// "a doctor", "the spokesman": a described person.
			p.kind = Person
		}
	}
	return p
}

func anyOrgWord(ws []string) bool {
	for _, w := range ws {
		if w == "of" {
			return false // "Sophie Tremblay of Laurentide Securities" is a person
		}
		if orgHeads.Has(bare(w)) {
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

func pronounGender(v string) Gender {
	return genderOf(v)
}

// headIndex finds the head noun of a mention, before any postmodifier: "a
// draft statement obtained by AFP", "a source close to the talks", "a senior
// official who asked not to be named".
func headIndex(ws []string) int {
	for i := 1; i < len(ws); i++ {
		switch strings.ToLower(ws[i]) {
		case "obtained", "seen", "released", "issued", "close", "familiar", "who", "which", "that", "with",
			"from", "in", "at", "on", "for", "to", "by", "involved", "speaking", "briefed", "knowledgeable", "granted":
			return i - 1
		}
	}
	return len(ws) - 1
}

// nickname finds a name given in quotation marks inside a mention: a man
// who goes by "Shorty".
func nickname(text string) (string, bool) {
	open := strings.IndexAny(text, "\"“")
	if open < 0 {
		return "", false
	}
	_, w := utf8.DecodeRuneInString(text[open:])
	rest := text[open+w:]
	end := strings.IndexAny(rest, "\"”")
	if end <= 0 {
		return "", false
	}
	return strings.TrimSpace(rest[:end]), true
}

// isPhrase reports whether the words ws are, all together, one phrase of t.
func isPhrase(t *lexicon.Table, ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	n, _ := t.Longest(len(ws), func(k int) string { return bare(ws[k]) })
	return n == len(ws)
}

// anonymous reports whether a mention names a source without naming it: "a
// source", "two officials", "sources close to the talks", "a senior official
// who asked not to be named".
func anonymous(det, head string, ws []string, text string) bool {
	vague := false
	switch det {
	case "a", "an", "one", "another", "two", "three", "several", "some":
		vague = true
	case "sources":
		vague = true
	}
	if !vague {
		lower := strings.ToLower(text)
		vague = strings.Contains(lower, "not to be named") || strings.Contains(lower, "familiar with") || strings.Contains(lower, "anonymity")
	}
	if !vague {
		return false
	}
	return anonHeads.Has(head) || anonHeads.Has(bare(ws[min(1, len(ws)-1)])) || strings.Contains(strings.ToLower(text), "source")
}
