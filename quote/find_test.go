package quote_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/testdata"
)

// want is an expected quote: its text and kind.
type want struct {
	text string
	kind quote.Kind
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		why  string
		in   string
		want []want
	}{
		{
			name: "curly double marks",
			why:  "the commonest style in wire copy; the span keeps its marks",
			in:   "“We are ready,” the minister said.",
			want: []want{{"“We are ready,”", quote.Direct}},
		},
		{
			name: "straight double marks",
			why:  "plain-text feeds use one mark for opening and closing; flanking decides",
			in:   "\"We are ready,\" the minister said.",
			want: []want{{"\"We are ready,\"", quote.Direct}},
		},
		{
			name: "typewriter double apostrophes",
			why:  "some archives write ''…'' for double marks",
			in:   "''We are ready,'' the minister said.",
			want: []want{{"''We are ready,''", quote.Direct}},
		},
		{
			name: "british single marks and apostrophes",
			why:  "don't, students' and the 1990s must not open or close a quote",
			in:   "'We don't accept the students' demands from the '90s,' the dean said.",
			want: []want{{"'We don't accept the students' demands from the '90s,'", quote.Direct}},
		},
		{
			name: "guillemets",
			why:  "foreign-press quotes keep their own marks",
			in:   "«Nous sommes prêts», the minister told Le Monde.",
			want: []want{{"«Nous sommes prêts»", quote.Direct}},
		},
		{
			name: "low-high German marks",
			why:  "„…“ closes with the mark that opens in English",
			in:   "„Wir sind bereit“, the minister told Bild.",
			want: []want{{"„Wir sind bereit“", quote.Direct}},
		},
		{
			name: "nested quote",
			why:  "a quote inside a quote in the other style is part of the outer one",
			in:   "“He told me ‘never again’ and left,” she said.",
			want: []want{{"“He told me ‘never again’ and left,”", quote.Direct}},
		},
		{
			name: "multi-paragraph quote",
			why:  "news opens every paragraph of a long quote and closes only the last",
			in:   "Smith said: “The first part goes on.\n\n“The second part ends here.”\n\nThen he left.",
			want: []want{{"“The first part goes on.\n\n“The second part ends here.”", quote.Direct}},
		},
		{
			name: "cue inside the quote",
			why:  "one quote split by its cue is one quote, not two",
			in:   "“The plan,” she said, “is dead.”",
			want: []want{{"“The plan,” she said, “is dead.”", quote.Direct}},
		},
		{
			name: "mixed quote",
			why:  "reported speech with a quoted fragment is one mixed quote over the clause",
			in:   "Putin said other disputes should be put aside to \"unite our efforts\".",
			want: []want{{"other disputes should be put aside to \"unite our efforts\"", quote.Mixed}},
		},
		{
			name: "quoted fragment as object of a cue",
			why:  "called for takes its content as a noun phrase",
			in:   "Merkel called for \"intensive cooperation\" between agencies.",
			want: []want{{"\"intensive cooperation\" between agencies", quote.Mixed}},
		},
		{
			name: "indirect speech after the cue",
			why:  "no marks: the reported clause is the quote, with its complementizer",
			in:   "Cameron said that British services had foiled seven attacks.",
			want: []want{{"that British services had foiled seven attacks", quote.Indirect}},
		},
		{
			name: "indirect speech before the cue",
			why:  "CLAUSE, X said: the clause ends at the comma",
			in:   "There is agreement on the threat, Cameron said.",
			want: []want{{"There is agreement on the threat", quote.Indirect}},
		},
		{
			name: "adding that",
			why:  "a participle cue starts a second quote by the same speaker",
			in:   "Peace needs a settlement, Cameron said, adding that seven attacks had been foiled.",
			want: []want{{"Peace needs a settlement", quote.Indirect}, {"that seven attacks had been foiled", quote.Indirect}},
		},
		{
			name: "according to after",
			why:  "according to X names the source after its clause",
			in:   "The leaders will share intelligence, according to a draft statement.",
			want: []want{{"The leaders will share intelligence", quote.Indirect}},
		},
		{
			name: "according to before",
			why:  "according to X, CLAUSE names the source first",
			in:   "According to the ministry, the border will reopen on Monday.",
			want: []want{{"the border will reopen on Monday", quote.Indirect}},
		},
		{
			name: "parenthetical cue",
			why:  "the cue between commas splits one reported clause",
			in:   "Five years ago, he said, the market was smaller.",
			want: []want{{"Five years ago, he said, the market was smaller", quote.Indirect}},
		},
		{
			name: "relative cue",
			why:  "the cue inside a relative clause reports the clause around it",
			in:   "The council backed a plan which he said was flawed from the start.",
			want: []want{{"which he said was flawed from the start", quote.Indirect}},
		},
		{
			name: "relative clause ends before the main verb",
			why:  "who said CLAUSE, VERB: the main verb is not part of what was said",
			in:   "A contractor, who said he was stiffed after he designed a clubhouse, sued the company.",
			want: []want{{"he was stiffed after he designed a clubhouse", quote.Indirect}},
		},
		{
			name: "narration after the report",
			why:  "a participle phrase after a report is the writer's, not the speaker's",
			in:   "The bank raised its main rate to 4 percent, the governor said, ending a two-year pause.",
			want: []want{{"The bank raised its main rate to 4 percent", quote.Indirect}},
		},
		{
			name: "gerund subject after a parenthetical cue",
			why:  "replacing Clinton would be …: an -ing word with its verb is reported speech",
			in:   "Though that change was smooth, he said, replacing the nominee would be much harder.",
			want: []want{{"Though that change was smooth, he said, replacing the nominee would be much harder", quote.Indirect}},
		},
		{
			name: "relative cue before its clause",
			why:  "which X says CLAUSE: the relative clause is reported as a whole",
			in:   "The plant, which Mr. Clarke says he is doing everything he can to keep open, loses money.",
			want: []want{{"which Mr. Clarke says he is doing everything he can to keep open", quote.Indirect}},
		},
		{
			name: "participle inside reported content",
			why:  "after the content starts, a participle phrase is the speaker's",
			in:   "Obama said the exhibits would put the problems in context, allowing people to see the progress.",
			want: []want{{"the exhibits would put the problems in context, allowing people to see the progress", quote.Indirect}},
		},
		{
			name: "contracted pronoun subject",
			why:  "He's claiming that …: the pronoun carries a contracted auxiliary",
			in:   "He's claiming that voting fraud is a big problem.",
			want: []want{{"that voting fraud is a big problem", quote.Indirect}},
		},
		{
			name: "told someone to do something",
			why:  "an addressee and an infinitive: a reported directive",
			in:   "The staffer told his subordinates never to speak of the emails.",
			want: []want{{"never to speak of the emails", quote.Indirect}},
		},
		{
			name: "indirect question",
			why:  "asked whether …: a reported question",
			in:   "Lawmakers also asked whether the deals required cooperation.",
			want: []want{{"whether the deals required cooperation", quote.Indirect}},
		},
		{
			name: "quantified relative speaker",
			why:  "many of whom say …: the quantifier phrase is the speaker",
			in:   "The plan angered families, many of whom say the claims are unfounded.",
			want: []want{{"the claims are unfounded", quote.Indirect}},
		},
		{
			name: "party and state after a name",
			why:  "Mitch McConnell, R-Ky., said Tuesday: the appositive is skipped, Tuesday is no speaker",
			in:   "\"Our assumption is that the veto will be overridden,\" Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
			want: []want{{"\"Our assumption is that the veto will be overridden,\"", quote.Direct}},
		},
		{
			name: "opening phrase before a cue",
			why:  "On Thursday, however, X spoke to …: a time phrase is no statement",
			in:   "On Thursday, however, Trump spoke to reporters about the economy.",
			want: nil,
		},
		{
			name: "phrase between cue and clause",
			why:  "said after the convention he would …: the phrase is the writer's, the clause the speaker's",
			in:   "Trump said after the convention he would not accept the endorsement.",
			want: []want{{"he would not accept the endorsement", quote.Indirect}},
		},
		{
			name: "inverted parenthetical at the very start",
			why:  "a sentence that opens with \", says X, …\" once read token -1",
			in:   ", says Mei Huang, an analyst, is a sensible admission.",
			want: nil,
		},
		{
			name: "spokesman for a body",
			why:  "a spokesman for the ministry said: the head noun owns the phrase after it",
			in:   "\"The talks have failed,\" a spokesman for the ministry said.",
			want: []want{{"\"The talks have failed,\"", quote.Direct}},
		},
		{
			name: "claim as taking",
			why:  "the war claimed lives: claim takes a thing, nobody said anything",
			in:   "The civil war, which has claimed more than 250,000 lives, goes on.",
			want: nil,
		},
		{
			name: "scare quotes",
			why:  "a quoted phrase with no speech frame is not a statement",
			in:   "The so-called \"peace plan\" was published on Monday.",
			want: nil,
		},
		{
			name: "apostrophes only",
			why:  "possessives and contractions are never quotes",
			in:   "It's the players' night and rock 'n' roll's finest hour since the '60s.",
			want: nil,
		},
		{
			name: "headline",
			why:  "the first short line of an article is a headline, not a statement",
			in:   "Leaders say \"enough\" to the crisis\n\nThe summit opened on Monday.\n\nIt closed on Tuesday.",
			want: nil,
		},
		{
			name: "press-release signature",
			why:  "a dash and a name after a quote sign it",
			in:   "“Our results speak for themselves.” - Jane Doe, CEO of Acme",
			want: []want{{"“Our results speak for themselves.”", quote.Direct}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := quote.Find(tt.in)
			var got []want
			for _, q := range r.Quotes {
				require.Equal(t, tt.in[q.Start:q.End], q.Text, "Text is the span of the input")
				got = append(got, want{q.Text, q.Kind})
			}
			assert.Equal(t, tt.want, got, tt.why)
		})
	}
}

func TestFindInnerAndPieces(t *testing.T) {
	in := "Smith said: “One.\n\n“Two.”"
	r := quote.Find(in)
	require.Len(t, r.Quotes, 1)
	q := r.Quotes[0]
	require.NotNil(t, q.Inner)
	assert.Equal(t, "One.\n\n“Two.", in[q.Inner.Start:q.Inner.End], "Inner drops the outer marks")
	require.Len(t, q.Pieces, 2, "one piece per paragraph")
	assert.Equal(t, "“One.", in[q.Pieces[0].Start:q.Pieces[0].End])
	assert.Equal(t, "“Two.”", in[q.Pieces[1].Start:q.Pieces[1].End])
}

func TestFindUnbalanced(t *testing.T) {
	tests := []struct {
		name, why, in string
		quotes        int
		warnAt        int
	}{
		{
			name:   "never closed",
			why:    "the quote ends with its paragraph and never swallows the article",
			in:     "“We will win, she said.\n\nThe vote is on Sunday.\n\nPolls open at eight.",
			quotes: 1, warnAt: 0,
		},
		{
			name:   "stray closing mark",
			why:    "a lone closing mark is reported, not paired with a later one",
			in:     "The vote is on Sunday.” Polls open at eight, officials said.",
			quotes: 1, warnAt: len("The vote is on Sunday."),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := quote.Find(tt.in)
			require.NotEmpty(t, r.Warnings, tt.why)
			assert.Equal(t, tt.warnAt, r.Warnings[0].Offset, tt.why)
			assert.Len(t, r.Quotes, tt.quotes, tt.why)
			for _, q := range r.Quotes {
				assert.NotContains(t, q.Text, "The vote is on Sunday", "a broken quote must not take in text outside it")
			}
			assert.Error(t, r.Warnings.Err())
		})
	}
}

func TestFindNeverSplitsRunes(t *testing.T) {
	in := "“Ça va,” dit-il. \xff\xfe \"broken" + strings.Repeat("é", 3)
	r := quote.Find(in)
	for _, q := range r.Quotes {
		assert.True(t, utf8.RuneStart(in[q.Start]) || !utf8.ValidString(in[q.Start:q.Start+1]))
		assert.LessOrEqual(t, q.End, len(in))
	}
}

func TestErrorList(t *testing.T) {
	var l quote.ErrorList
	assert.NoError(t, l.Err(), "an empty list is no error")
	l.Add(9, "b")
	l.Add(3, "a")
	l.Sort()
	assert.Equal(t, 3, l[0].Offset, "sorted by offset")
	assert.EqualError(t, l.Err(), "offset 3: a (and 1 more)")
}

// TestWithBuiltinCues checks that the built-in cues given through WithCues,
// matched through a lexicon.Table with their flags read from its values,
// find what the built-in path finds on every bundled article.
func TestWithBuiltinCues(t *testing.T) {
	cues := quote.WithCues(lexicon.Builtin("cues"))
	require.NotEmpty(t, testdata.Bundled())
	for _, a := range testdata.Bundled() {
		want, got := quote.Find(a.Text), quote.Find(a.Text, cues)
		assert.Equal(t, want.Quotes, got.Quotes, a.ID)
	}
}
