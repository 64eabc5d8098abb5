package speaker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/internal/frame"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/testdata"
)

// TestNamedBeforeWaysAgree: namedBefore walks back from a pronoun until its
// walks add up to the text, then searches the list of all the people named.
// Both ways must find the same person for every pronoun of every bundled
// article, or an article's attributions would depend on how many pronouns
// came before; asked for a person named after an offset only, both must
// find the same person as unasked when it is named after it, else none.
func TestNamedBeforeWaysAgree(t *testing.T) {
	pronouns := 0
	for _, art := range testdata.Bundled() {
		r := quote.Find(art.Text)
		doc, infos := frame.Of(r)
		require.NotNil(t, doc, art.ID)
		walker := attributors.New().(*attributor)
		walker.doc = doc
		lister := attributors.New().(*attributor)
		lister.doc = doc
		lister.walked = len(doc.Tokens) // past the budget: list the people
		personal := 0
		for _, in := range infos {
			if !in.Subject.Ok() {
				continue
			}
			p := walker.parse(doc.Text[in.Subject.Start:in.Subject.End])
			switch p.pronoun() {
			case "he", "him", "she", "her":
				personal++
			case "":
				continue
			}
			pronouns++
			walker.walked = 0
			byWalk, okWalk := walker.namedBefore(in.Subject.Start, -1, p)
			byList, okList := lister.namedBefore(in.Subject.Start, -1, p)
			assert.Equal(t, okList, okWalk, "%s: %q at %d", art.ID, p.pronoun(), in.Subject.Start)
			assert.Equal(t, byList.at, byWalk.at, "%s: %q at %d", art.ID, p.pronoun(), in.Subject.Start)
			assert.Equal(t, byList.name, byWalk.name, "%s: %q at %d", art.ID, p.pronoun(), in.Subject.Start)
			// Asked only for a person named after an offset, both ways
			// find the same person, if named after it, and none else.
			for _, after := range []int{byWalk.at - 1, byWalk.at, in.Subject.Start - 100} {
				walker.walked = 0
				afterWalk, okAfterWalk := walker.namedBefore(in.Subject.Start, after, p)
				afterList, okAfterList := lister.namedBefore(in.Subject.Start, after, p)
				want := okWalk && byWalk.at > after
				assert.Equal(t, want, okAfterWalk, "%s: %q at %d after %d", art.ID, p.pronoun(), in.Subject.Start, after)
				assert.Equal(t, want, okAfterList, "%s: %q at %d after %d", art.ID, p.pronoun(), in.Subject.Start, after)
				if want {
					assert.Equal(t, byWalk.at, afterWalk.at, "%s: %q at %d after %d", art.ID, p.pronoun(), in.Subject.Start, after)
					assert.Equal(t, byWalk.at, afterList.at, "%s: %q at %d after %d", art.ID, p.pronoun(), in.Subject.Start, after)
				}
			}
		}
		if personal > 0 {
			assert.True(t, lister.peopleScanned, "%s: the lister searched its list", art.ID)
		}
		assert.False(t, walker.peopleScanned, "%s: the walker never listed the people", art.ID)
	}
	assert.Greater(t, pronouns, 10, "the bundled articles have pronouns to resolve")
}

// TestParsePieces: names and titles are pieces of the mention when it writes
// them with single spaces, and are joined anew when it does not.
func TestParsePieces(t *testing.T) {
	var m mentionParser
	tests := []struct {
		why, mention, name, title, affiliation string
	}{
		{"single spaces: every part is a piece of the mention", "British Prime Minister David Cameron", "David Cameron", "Prime Minister", "British"},
		{"commas and runs of spaces: the parts are joined anew", "British  Prime Minister, David   Cameron", "David Cameron", "Prime Minister", "British"},
		{"a title's dot is dropped from it", "Sen. John McCain", "John McCain", "Sen", ""},
		{"a bare title keeps its words as written", "the prime minister", "", "prime minister", ""},
		{"a straight-quoted nickname is the name", "a man who goes by \"Shorty\"", "Shorty", "", ""},
		{"a curly-quoted one too, trimmed", "a man called “Shorty ”", "Shorty", "", ""},
	}
	for _, tt := range tests {
		var p parsed
		m.parse(tt.mention, &p)
		assert.Equal(t, tt.name, p.name, tt.why)
		assert.Equal(t, tt.title, p.title, tt.why)
		assert.Equal(t, tt.affiliation, p.affiliation, tt.why)
	}
	var p parsed
	m.parse("He", &p)
	assert.Equal(t, "he", p.pronoun(), "a pronoun comes back as the list has it")
	assert.Equal(t, Male, p.gender())
}

// TestWordListsAsWritten: the determiners and name particles match as the
// hard-coded comparisons they replace did (lower case as written, or lowered
// when capitalized); the postmodifiers in any case.
func TestWordListsAsWritten(t *testing.T) {
	var m mentionParser
	for _, tc := range []struct {
		mention string
		l       list
		want    bool
	}{
		{"the spokesman", articleList, true},
		{"The spokesman", articleList, true},
		{"THE spokesman", articleList, true},
		{"tHe spokesman", articleList, false},
		{"Former minister", leadList, true},
		{"Sources close to", vagueList, true},
		{"the. spokesman", articleList, false},
		{"Ţhe spokesman", articleList, false},
	} {
		m.split(tc.mention)
		assert.Equal(t, tc.want, m.determiner().in(tc.l), tc.mention)
	}
	for w, want := range map[string]bool{"de": true, "De": false, "al-Assad": true, "van": true, "vanity": false} {
		assert.Equal(t, want, isParticle(w), w)
	}
	m.split("a statement Obtained by AFP")
	assert.Equal(t, 1, m.headIndex(), "postmodifiers match in any case")
}

// TestTextIndex: keys of every length find their numbers after the table
// has grown, and a reset index has none.
func TestTextIndex(t *testing.T) {
	x := newTextIndex(false, 1)
	var keys []string
	for n := 0; n < 300; n++ {
		keys = append(keys, strings.Repeat("ab", n%13)+fmt.Sprint(n))
	}
	for i, k := range keys {
		_, ok := x.get(k)
		assert.False(t, ok, k)
		x.put(x.slot(k), k, i)
	}
	for i, k := range keys {
		got, ok := x.get(k)
		assert.True(t, ok, k)
		assert.Equal(t, i, got, k)
	}
	x.reset()
	_, ok := x.get(keys[7])
	assert.False(t, ok)
}

// TestKeysFoldAsLowered: two names share an entity key exactly when their
// keys as they were first written agree: the name lowered, or "surname:" and
// the surname lowered.
func TestKeysFoldAsLowered(t *testing.T) {
	a := attributors.Get().(*attributor)
	defer func() { a.release(); attributors.Put(a) }()
	names := []string{"Cameron", "CAMERON", "cameron", "David Cameron", "Élysée", "ÉLYSÉE", "élysée", "\u212aim", "Kim", "KIM", "Surname:Kim", "SURNAME:kim", "surname:", "Surname", "O’Brien", "O'Brien", "bad\xffbyte", "BAD\xffBYTE", "İstanbul", "istanbul"}
	type key struct {
		name    string
		surname bool
	}
	var keys []key
	for _, n := range names {
		keys = append(keys, key{n, false}, key{n, true})
	}
	old := func(k key) string {
		if k.surname {
			return "surname:" + strings.ToLower(k.name)
		}
		return strings.ToLower(k.name)
	}
	for i, k := range keys {
		ki := a.keyOf(k.name, k.surname, false, 0)
		a.setKey(&ki, i)
		for _, l := range keys[:i+1] {
			kl := a.keyOf(l.name, l.surname, false, 0)
			e, ok := a.keyed(&kl)
			assert.Equal(t, old(k) == old(l), ok && e == i, "%q %v and %q %v", k.name, k.surname, l.name, l.surname)
		}
		a.byKey.reset()
	}
}

// TestTextIndexShrinks: a table grown for a long text is dropped once a short
// text leaves it mostly empty, so that later runs do not clear all of it.
func TestTextIndexShrinks(t *testing.T) {
	x := newTextIndex(false, 1)
	for n := range 20000 {
		k := fmt.Sprint(n)
		x.put(x.slot(k), k, n)
	}
	x.reset()
	assert.NotNil(t, x.slots, "the run that needed the table keeps it")
	x.put(x.slot("one"), "one", 1)
	x.reset()
	assert.Nil(t, x.slots, "a run that needed a few slots drops it")
	x.put(x.slot("two"), "two", 2)
	got, ok := x.get("two")
	assert.True(t, ok)
	assert.Equal(t, 2, got)
}
