package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph/speaker"
)

// Namespaces of vertex IDs.
const (
	nsPerson = "person"
	nsOrg    = "org"
	nsGroup  = "group"
	nsDoc    = "doc"
	nsAnon   = "anon"
	nsTopic  = "topic"
)

// ID returns the vertex ID of a name of the given speaker kind, as the graph
// makes it: lower case, accents folded, words joined by hyphens, under the
// kind's namespace. article is used only by the kinds that belong to one
// article (documents and anonymous sources); Unknown gives "".
func ID(kind speaker.Kind, name, article string) string {
	switch kind {
	case speaker.Person:
		return slugID(nsPerson, dropInitials(name))
	case speaker.Organization:
		return slugID(nsOrg, trimArticle(name))
	case speaker.Group:
		return slugID(nsGroup, trimArticle(name))
	case speaker.Document:
		return articleID(nsDoc, article, trimArticle(name))
	case speaker.Anonymous:
		return articleID(nsAnon, article, trimArticle(name))
	}
	return ""
}

// slugID returns ns + ":" + Slug(name), built in one buffer.
func slugID(ns, name string) string {
	var buf [96]byte
	return string(appendSlug(append(append(buf[:0], ns...), ':'), name))
}

// articleID returns ns + ":" + Slug(article) + "/" + Slug(name), built in
// one buffer.
func articleID(ns, article, name string) string {
	var buf [96]byte
	b := appendSlug(append(append(buf[:0], ns...), ':'), article)
	return string(appendSlug(append(b, '/'), name))
}

// dropInitials drops middle initials: "Donald J. Trump" is Donald Trump.
func dropInitials(name string) string {
	if countFields(name, 3) < 3 {
		return name
	}
	ws := strings.Fields(name)
	out := ws[:1:1]
	for _, w := range ws[1 : len(ws)-1] {
		if letters(w) != 1 {
			out = append(out, w)
		}
	}
	return strings.Join(append(out, ws[len(ws)-1]), " ")
}

// TopicID returns the vertex ID of a topic label: TopicID("Islamic State")
// is "topic:islamic-state".
func TopicID(label string) string { return slugID(nsTopic, label) }

// namespace returns what comes before the first colon of id.
func namespace(id string) string {
	ns, _, _ := strings.Cut(id, ":")
	return ns
}

// Slug folds a name into the form used in IDs: lower case, accents removed,
// apostrophes and dots dropped ("O'Brien" is "obrien", "U.S." is "us"), any
// other run of non-alphanumerics a single hyphen.
func Slug(s string) string {
	var buf [64]byte
	return string(appendSlug(buf[:0], s))
}

// appendSlug appends Slug(s) to b.
func appendSlug(b []byte, s string) []byte {
	start := len(b)
	dash := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '.':
			continue
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash {
				b = append(b, '-')
			}
			b = append(b, byte(unicode.ToLower(r)))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash {
				b = append(b, '-')
			}
			if f, ok := folds[r]; ok {
				b = append(b, f...)
			} else {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
		default:
			dash = len(b) > start
			continue
		}
		dash = false
	}
	return b
}

// folds maps accented Latin letters to plain ones, so Erdoğan and Erdogan are
// one person.
var folds = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ı': "i"}
	for _, p := range []struct{ from, to string }{
		{"àáâãäåāăą", "a"}, {"ÀÁÂÃÄÅĀĂĄ", "a"}, {"çćĉċč", "c"}, {"ÇĆĈĊČ", "c"}, {"ďḍ", "d"}, {"Ď", "d"},
		{"èéêëēĕėęě", "e"}, {"ÈÉÊËĒĔĖĘĚ", "e"}, {"ĝğġģ", "g"}, {"ĜĞĠĢ", "g"}, {"ĥħ", "h"}, {"ĤĦ", "h"},
		{"ìíîïĩīĭį", "i"}, {"ÌÍÎÏĨĪĬĮİ", "i"}, {"ĵ", "j"}, {"Ĵ", "j"}, {"ķ", "k"}, {"Ķ", "k"},
		{"ĺļľŀ", "l"}, {"ĹĻĽĿ", "l"}, {"ñńņňŉ", "n"}, {"ÑŃŅŇ", "n"}, {"òóôõöōŏő", "o"}, {"ÒÓÔÕÖŌŎŐ", "o"},
		{"ŕŗř", "r"}, {"ŔŖŘ", "r"}, {"śŝşšș", "s"}, {"ŚŜŞŠȘ", "s"}, {"ţťŧț", "t"}, {"ŢŤŦȚ", "t"},
		{"ùúûüũūŭůűų", "u"}, {"ÙÚÛÜŨŪŬŮŰŲ", "u"}, {"ŵ", "w"}, {"Ŵ", "w"}, {"ýÿŷ", "y"}, {"ÝŶŸ", "y"},
		{"źżž", "z"}, {"ŹŻŽ", "z"},
	} {
		for _, r := range p.from {
			m[r] = p.to
		}
	}
	return m
}()

// trimArticle drops a leading "the", "a" or "an": "The Kremlin" is "Kremlin".
func trimArticle(s string) string {
	s = strings.TrimSpace(s)
	for _, a := range []string{"the ", "a ", "an "} {
		if len(s) > len(a) && strings.EqualFold(s[:len(a)], a) {
			return strings.TrimSpace(s[len(a):])
		}
	}
	return s
}

// stripPossessive drops a final 's or ’s: "Russia's" is "Russia".
func stripPossessive(w string) string {
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S") {
		return w[:len(w)-2]
	}
	if strings.HasSuffix(w, "’s") {
		return w[:len(w)-len("’s")]
	}
	if strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’") {
		return strings.TrimRight(w, "'’")
	}
	return w
}

// isUpper reports whether w starts with an upper-case letter.
func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// personName cleans a person's name as the pipeline gives it. Titles and
// what comes before them are dropped ("FBI Director James Comey" is James
// Comey, with title Director and affiliation FBI), and so are demonyms,
// determiners and lower-case words in front ("host President Recep Tayyip
// Erdogan"). A name followed by a role ("Donald Trump adviser", "Trump's
// campaign manager") is no name: desc is true, and the speaker is someone
// the phrase describes.
func (l *lists) personName(s string) (name, title, affil string, desc bool) {
	// "America. So Donald Trump": a name the pipeline ran across a sentence
	// end. The part with the longest name wins.
	if parts := sentenceParts(s); len(parts) > 1 {
		for _, p := range parts {
			n, t, f, d := l.personName(p)
			if strings.Count(n, " ") > strings.Count(name, " ") || name == "" {
				name, title, affil, desc = n, t, f, d
			}
		}
		return name, title, affil, desc
	}
	words := strings.Fields(s)
	clean := func(i int) string { return strings.TrimRight(words[i], ".,;:") }
	start := 0
	var affils []string
	for i := 0; i < len(words); i++ {
		n, _ := l.titles.Longest(len(words)-i, func(k int) string { return clean(i + k) })
		if n == 0 || i+n >= len(words) {
			continue
		}
		title = l.cleanTitle(strings.Join(words[i:i+n], " "))
		affils = affils[:0]
		for _, w := range words[start:i] {
			if _, stop := l.stop.Lookup(w); (!stop || l.demonyms.Has(w)) && isUpper(w) {
				affils = append(affils, w)
			}
		}
		start = i + n
		i += n - 1
	}
skip:
	for ; start < len(words); start++ {
		w := clean(start)
		cls, stop := l.stop.Lookup(w)
		switch {
		case l.demonyms.Has(w) && isUpper(w):
			affils = append(affils, w)
		case !isUpper(w) && !l.particles.Has(particle(w)):
		case stop && cls != "role":
		default:
			break skip
		}
	}
	if start == len(words) {
		return "", title, strings.Join(affils, " "), false
	}
	end := start
	for end < len(words) {
		w := clean(end)
		if !isUpper(w) && !l.particles.Has(particle(w)) {
			break
		}
		end++
		if p := stripPossessive(w); p != w {
			if end < len(words) {
				desc = true // Trump's campaign manager
			}
			break
		}
	}
	if end < len(words) {
		w := clean(end)
		cls, _ := l.stop.Lookup(w)
		desc = desc || cls == "role" || cls == "title" || l.groups.Has(w)
	}
	name = stripPossessive(strings.Join(words[start:end], " "))
	name = strings.TrimRight(name, ".,;:")
	return name, title, strings.Join(affils, " "), desc
}

// cleanAffil keeps an affiliation worth showing: a few capitalized words
// ("US", "Republican", "House"), not a stray phrase.
func cleanAffil(f string) string {
	ws := strings.Fields(f)
	if len(ws) > 3 {
		return ""
	}
	for _, w := range ws {
		if !isUpper(w) {
			return ""
		}
	}
	return strings.Join(ws, " ")
}

// sentenceParts cuts s at every ". " that does not follow an initial.
func sentenceParts(s string) []string {
	var parts []string
	for {
		i := strings.Index(s, ". ")
		for i > 0 && (i == 1 || s[i-2] == ' ') && isUpper(s[i-1:]) {
			// J. Trump: an initial, look further
			j := strings.Index(s[i+2:], ". ")
			if j < 0 {
				i = -1
				break
			}
			i += 2 + j
		}
		if i < 0 {
			return append(parts, s)
		}
		parts = append(parts, s[:i])
		s = s[i+2:]
	}
}

// cleanTitle keeps a title worth showing: not an honorific ("Mr"), and not
// a whole description ("billionaire owner of the Dallas Mavericks who ...").
func (l *lists) cleanTitle(t string) string {
	t = strings.TrimRight(strings.TrimSpace(t), ".,")
	if cls, _ := l.stop.Lookup(t); cls == "honorific" || strings.ContainsAny(t, ",;:()\"") || countFields(t, 5) > 4 {
		return ""
	}
	// A title names a post or a role: "presidential candidate", "Sen",
	// "campaign manager"; not "however".
	for w, rest := nextField(t); w != ""; w, rest = nextField(rest) {
		cls, _ := l.stop.Lookup(strings.TrimRight(w, "."))
		if cls == "title" || cls == "role" || l.titles.Has(strings.TrimRight(w, ".")) {
			return t
		}
	}
	return ""
}

// particle returns the part of w before its first hyphen: "al" of "al-Assad".
func particle(w string) string {
	p, _, _ := strings.Cut(w, "-")
	return p
}

// surname returns the last word of a name, before a suffix such as Jr.
func surname(name string) string {
	rest, last := lastField(name)
	for {
		switch strings.TrimRight(last, ".,") {
		case "Jr", "Sr", "II", "III", "IV":
			if before, w := lastField(rest); w != "" {
				rest, last = before, w
				continue
			}
		}
		return last
	}
}

// givenName returns the first word of a name of two words or more.
func givenName(name string) string {
	f, _, ok := strings.Cut(name, " ")
	if !ok {
		return ""
	}
	return f
}

// isSpaceAt returns whether the rune at s[i:] is white space as
// strings.Fields sees it, and its width.
func isSpaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || c >= '\t' && c <= '\r', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), n
}

// nextField returns the first word of s as strings.Fields cuts it, and the
// rest of s after it; field is "" when s has no more words. It lets a loop
// walk the words of a name without allocating.
func nextField(s string) (field, rest string) {
	i := 0
	for i < len(s) {
		sp, n := isSpaceAt(s, i)
		if !sp {
			break
		}
		i += n
	}
	j := i
	for j < len(s) {
		sp, n := isSpaceAt(s, j)
		if sp {
			break
		}
		j += n
	}
	return s[i:j], s[j:]
}

// lastField returns the last word of s as strings.Fields cuts it, and what
// comes before it; field is "" when s has no words.
func lastField(s string) (rest, field string) {
	j := len(s)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= n
	}
	i := j
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	return s[:i], s[i:j]
}

// countFields returns len(strings.Fields(s)), counting no further than max.
func countFields(s string, max int) int {
	n := 0
	for n < max {
		var w string
		if w, s = nextField(s); w == "" {
			break
		}
		n++
	}
	return n
}

// nameSuffixes returns the ends of a name of three words or more, from the
// longest to the two last words, joined by single spaces: "Hillary Clinton"
// of "Crooked Hillary Clinton". A name written with single spaces, the
// common case, gives parts of itself.
func nameSuffixes(name string) []string {
	if countFields(name, 3) < 3 {
		return nil
	}
	var out []string
	if !singleSpaced(name) {
		ws := strings.Fields(name)
		for k := 1; k+2 <= len(ws); k++ {
			out = append(out, strings.Join(ws[k:], " "))
		}
		return out
	}
	for rest := name; ; {
		_, after, _ := strings.Cut(rest, " ")
		if strings.IndexByte(after, ' ') < 0 {
			return out
		}
		out = append(out, after)
		rest = after
	}
}
