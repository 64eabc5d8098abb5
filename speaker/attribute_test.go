package speaker_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// who is what a test expects of one attribution.
type who struct {
	quote   string // a part of the quote's text
	name    string
	kind    speaker.Kind
	mention string
	method  speaker.Method
}

func TestAttribute(t *testing.T) {
	tests := []struct {
		name, why, in string
		want          []who
	}{
		{
			name: "cue after quote with title and affiliation",
			why:  "the speaker's title and affiliation are split off its name",
			in:   "“We must act,” British Prime Minister David Cameron told BBC radio.",
			want: []who{{"We must act", "David Cameron", speaker.Person, "British Prime Minister David Cameron", speaker.CueAfterQuote}},
		},
		{
			name: "inverted cue",
			why:  "said the communique: the subject follows the verb",
			in:   "They will share intelligence, said the communique.",
			want: []who{{"share intelligence", "communique", speaker.Document, "the communique", speaker.ReportedSpeech}},
		},
		{
			name: "appositive",
			why:  "the appositive between name and cue is skipped",
			in:   "“It was chaos,” Hugh Hill, a doctor, said.\n\nHill, a doctor, said the ward was full.",
			want: []who{
				{"It was chaos", "Hugh Hill", speaker.Person, "Hugh Hill", speaker.CueAfterQuote},
				{"the ward was full", "Hugh Hill", speaker.Person, "Hill", speaker.ReportedSpeech},
			},
		},
		{
			name: "relative clause",
			why:  "who chairs the committee sits between the subject and the cue",
			in:   "Jane Doe, who chairs the committee, said the bill would pass.",
			want: []who{{"the bill would pass", "Jane Doe", speaker.Person, "Jane Doe", speaker.ReportedSpeech}},
		},
		{
			name: "pronoun and surname resolve to one entity",
			why:  "David Cameron = Cameron = he",
			in:   "David Cameron said the talks went well.\n\nCameron said a deal was close.\n\n“We are prepared to make compromises,” he added.",
			want: []who{
				{"the talks went well", "David Cameron", speaker.Person, "David Cameron", speaker.ReportedSpeech},
				{"a deal was close", "David Cameron", speaker.Person, "Cameron", speaker.ReportedSpeech},
				{"prepared to make compromises", "David Cameron", speaker.Person, "he", "cue-after-quote+pronoun"},
			},
		},
		{
			name: "carry-over to a quote-only paragraph",
			why:  "the paragraph after a speaker's quote that has no cue is still theirs",
			in:   "“We will rebuild,” the mayor, Ann Lee, said on Monday.\n\n“Nobody will be left behind.”",
			want: []who{
				{"We will rebuild", "Ann Lee", speaker.Person, "Ann Lee", speaker.CueAfterQuote},
				{"Nobody will be left behind", "Ann Lee", speaker.Person, "", speaker.CarryOver},
			},
		},
		{
			name: "colon lead-in on the line before",
			why:  "Hill said: then a paragraph that is only a quote",
			in:   "Hugh Hill, a doctor, said:\n\n“The ward was full by noon.”",
			want: []who{{"The ward was full", "Hugh Hill", speaker.Person, "Hugh Hill", speaker.CueBeforeQuote}},
		},
		{
			name: "groups and organisations",
			why:  "US officials and the Kremlin are real speakers",
			in:   "US officials said the leaders agreed on a transition. The Kremlin said the two sides shared a goal.",
			want: []who{
				{"the leaders agreed", "US officials", speaker.Group, "US officials", speaker.ReportedSpeech},
				{"the two sides shared", "Kremlin", speaker.Organization, "The Kremlin", speaker.ReportedSpeech},
			},
		},
		{
			name: "anonymous source",
			why:  "a source close to the talks is a speaker of its own kind",
			in:   "The deal is close, a source close to the talks said.",
			want: []who{{"The deal is close", "a source close to the talks", speaker.Anonymous, "a source close to the talks", speaker.ReportedSpeech}},
		},
		{
			name: "nickname in the speaker phrase",
			why:  "a quoted nickname inside the subject is the name, not a quote",
			in:   "A man who goes by \"Shorty\" said the camp was cold.",
			want: []who{{"the camp was cold", "Shorty", speaker.Person, "A man who goes by \"Shorty\"", speaker.ReportedSpeech}},
		},
		{
			name: "Q&A interview",
			why:  "answers in Q&A form are the interviewee's quotes; questions are not",
			in:   "Mayor Ann Lee said the city was ready.\n\nQ: Is the city ready for the storm?\n\nA: We have sandbags on every corner. We are ready.",
			want: []who{
				{"the city was ready", "Ann Lee", speaker.Person, "Mayor Ann Lee", speaker.ReportedSpeech},
				{"We have sandbags on every corner. We are ready.", "Ann Lee", speaker.Person, "Mayor Ann Lee", speaker.Interview},
			},
		},
		{
			name: "no speaker",
			why:  "a quote nobody is named for says so instead of guessing",
			in:   "The report was dry.\n\n“Nothing will change.”\n\nThe end came soon.",
			want: []who{{"Nothing will change", "", speaker.Unknown, "", speaker.NoSpeaker}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := speaker.Attribute(quote.Find(tt.in))
			require.Len(t, r.Attributions, len(tt.want), tt.why)
			for i, w := range tt.want {
				a := r.Attributions[i]
				assert.Contains(t, a.Text, w.quote, tt.why)
				require.NotNil(t, a.Speaker)
				assert.Equal(t, w.name, a.Speaker.Name, tt.why)
				assert.Equal(t, w.kind, a.Speaker.Kind, tt.why)
				if w.mention == "" {
					assert.Nil(t, a.Speaker.Mention, tt.why)
				} else if assert.NotNil(t, a.Speaker.Mention, tt.why) {
					assert.Equal(t, w.mention, a.Speaker.Mention.Text, tt.why)
					assert.Equal(t, tt.in[a.Speaker.Mention.Start:a.Speaker.Mention.End], w.mention, "mention offsets index the input")
				}
				assert.Equal(t, w.method, a.Method, tt.why)
				assert.GreaterOrEqual(t, a.Confidence, 0.0)
				assert.LessOrEqual(t, a.Confidence, 1.0)
			}
		})
	}
}

func TestAttributeAddressee(t *testing.T) {
	in := "“We must act,” Cameron told BBC radio.\n\nSmith said in an interview with CNN that the deal was dead."
	r := speaker.Attribute(quote.Find(in))
	require.Len(t, r.Attributions, 2)
	for i, want := range []string{"BBC radio", "CNN"} {
		require.NotNil(t, r.Attributions[i].Addressee, want)
		assert.Equal(t, want, r.Attributions[i].Addressee.Text)
	}
}

func TestAttributeEntities(t *testing.T) {
	in := "British Prime Minister David Cameron said the talks went well.\n\nMr Cameron said a deal was close.\n\nAngela Merkel said she agreed."
	r := speaker.Attribute(quote.Find(in))
	require.Len(t, r.Entities, 2, "Cameron and Mr Cameron are one entity")
	c := r.Entities[0]
	assert.Equal(t, "David Cameron", c.Name)
	assert.Equal(t, "Prime Minister", c.Title)
	assert.Equal(t, "British", c.Affiliation)
	assert.Equal(t, 2, c.Quotes)
	assert.Contains(t, c.Aliases, "Mr Cameron")
	assert.Equal(t, "Angela Merkel", r.Entities[1].Name)
	assert.Equal(t, speaker.Female, r.Entities[1].Gender, "from the given name")
}

func TestAttributeHandMadeResult(t *testing.T) {
	in := "Cameron said the talks went well."
	q := quote.Find(in).Quotes
	r := speaker.Attribute(&quote.Result{Text: in, Quotes: q})
	require.Len(t, r.Attributions, 1)
	assert.Equal(t, "Cameron", r.Attributions[0].Speaker.Name, "a hand-made Result is analysed again")
}
