package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// quoted builds an article from text in which [brackets] mark one quote,
// said by the person Jane Doe; the brackets are removed.
func quoted(t testing.TB, id, text string) graph.Article {
	t.Helper()
	start := strings.IndexByte(text, '[')
	end := strings.IndexByte(text, ']')
	require.True(t, start >= 0 && end > start, "no [quote] in %q", text)
	text = text[:start] + text[start+1:end] + text[end+1:]
	end--
	return graph.Article{ID: id, Text: text, Attributions: []speaker.Attribution{{
		Quote:   quote.Quote{Span: quote.Span{Start: start, End: end}, Text: text[start:end], Kind: quote.Indirect},
		Speaker: &speaker.Speaker{Name: "Jane Doe", Kind: speaker.Person, Entity: -1},
	}}}
}

// topicLabels returns the labels of the topics Jane Doe's quote is about.
func topicLabels(t testing.TB, text string, opts ...graph.Option) []string {
	t.Helper()
	g := graph.New(opts...)
	require.NoError(t, g.Add(quoted(t, "t", text)))
	labels := []string{}
	for _, e := range g.Topics("person:jane-doe") {
		v, ok := g.Vertex(e.Target)
		require.True(t, ok)
		labels = append(labels, v.Label)
	}
	slices.Sort(labels)
	return labels
}

func entries(t testing.TB, list string) []lexicon.Entry {
	t.Helper()
	es, err := lexicon.Parse(strings.NewReader(list), "test.txt")
	require.NoError(t, err)
	return es
}

func TestTopics(t *testing.T) {
	cases := []struct {
		why  string
		text string
		opts []graph.Option
		want []string
	}{
		{"a phrase of the vocabulary is a topic", "[We need to fight terrorism and climate change.]", nil,
			[]string{"climate change", "terrorism"}},
		{"spellings of one thing collapse", "[ISIS, ISIL and the Islamic State are one enemy.]", nil,
			[]string{"Islamic State"}},
		{"an acronym defined in parentheses is an alias of its long form",
			"The Trans-Pacific Partnership (TPP) was signed. [The TPP will cost jobs.]", nil,
			[]string{"Trans-Pacific Partnership", "jobs"}},
		{"the long form of a defined acronym goes through the vocabulary",
			"Forces fought the Islamic State in Iraq and Syria (ISIS) network. [ISIS must be destroyed.]", nil,
			[]string{"Islamic State"}},
		{"pronouns and stop words are never topics", "[We told them it is over, and I agree with you.]", nil,
			[]string{}},
		{"a capital at the start of a sentence says nothing", "[Concretely, they will act. Despite that, nothing moved.]", nil,
			[]string{}},
		{"a sentence-initial name that is a name elsewhere is one", "Talks on Syria began. [Syria must not be slaughtered.]", nil,
			[]string{"Syria"}},
		{"numbers, months and days are not topics", "[On Sunday 15 June, 20 leaders met 3 times in 2015.]", nil,
			[]string{}},
		{"boilerplate is never a topic", "Leaders met. [Join ST's Telegram channel and get the latest breaking news delivered to you.]", nil,
			[]string{}},
		{"a title alone names nobody", "[The President and the Prime Minister agreed.]", nil,
			[]string{}},
		{"a person is a mention, not a topic", "Senator Bernie Sanders spoke. [Sanders is wrong on trade.]", nil,
			[]string{"trade"}},
		{"the Paris attacks are an event, not Paris", "[It came after the Paris attacks in November.]", nil,
			[]string{"Paris attacks"}},
		{"the name part of a hyphenated word counts", "[The UN-brokered talks start post-Paris.]", nil,
			[]string{"Paris", "United Nations"}},
		{"a possessive is dropped", "[Russia's support for Assad's regime must end.]", nil,
			[]string{"Assad", "Russia"}},
		{"us is a pronoun, US the United States", "[Let us talk about the US economy.]", nil,
			[]string{"United States", "economy"}},
		{"contractions are not names", "[I'm sure We've won and I'll stay.]", nil,
			[]string{}},
		{"of joins the words of a name", "[The Bank of England raised rates; the Group of 20 agreed.]", nil,
			[]string{"Bank of England", "G20"}},
		{"an ordinal opens a name", "[They want to take away the Second Amendment.]", nil,
			[]string{"Second Amendment"}},
		{"a user's vocabulary extends the default",
			"[A carbon tax beats terrorism.]", []graph.Option{graph.WithTopics(entries(t, "carbon tax = climate policy\n"))},
			[]string{"climate policy", "terrorism"}},
		{"a user's vocabulary can replace the default",
			"[A carbon tax beats terrorism.]", []graph.Option{graph.WithOnlyTopics(entries(t, "carbon tax = climate policy\n"))},
			[]string{"climate policy"}},
		{"a user's stop words are never topics",
			"[Syria and Iraq.]", []graph.Option{graph.WithStopWords(entries(t, "syria\n"))},
			[]string{"Iraq"}},
	}
	for _, c := range cases {
		t.Run(c.why, func(t *testing.T) {
			assert.Equal(t, c.want, topicLabels(t, c.text, c.opts...))
		})
	}
}

// edgeSet lists a graph's edges as "source relation target".
func edgeSet(g *graph.Graph, keep func(graph.Edge) bool) []string {
	out := []string{}
	for _, e := range g.Edges() {
		if keep(e) {
			out = append(out, e.Source+" "+string(e.Relation)+" "+e.Target)
		}
	}
	return out
}

func notSaidAbout(e graph.Edge) bool { return e.Relation != graph.SaidAbout }

func TestNarration(t *testing.T) {
	const cast = "British Prime Minister David Cameron, US President Barack Obama, Russian President Vladimir Putin, " +
		"Senator Ted Cruz and Senator Marco Rubio were there. "
	cases := []struct {
		why  string
		text string
		want []string
	}{
		{"talks with X, then the subject after the comma", cast + "After talks with Cameron, Putin said he was pleased.",
			[]string{"person:david-cameron talked-with person:vladimir-putin"}},
		{"discussions ... with, words in between", cast + "Obama held one of his most intimate discussions yet with Putin.",
			[]string{"person:barack-obama talked-with person:vladimir-putin"}},
		{"a meeting between X and Y", cast + "A meeting between Obama and Putin took place.",
			[]string{"person:barack-obama met person:vladimir-putin"}},
		{"met with, and titles before the partner", cast + "Cameron met with Russian President Vladimir Putin on Sunday.",
			[]string{"person:david-cameron met person:vladimir-putin"}},
		{"no direction: the smaller ID comes first", cast + "Putin spoke by phone with Cameron.",
			[]string{"person:david-cameron talked-with person:vladimir-putin"}},
		{"an answer relation has a direction", cast + "Rubio criticised Cruz for his vote.",
			[]string{"person:marco-rubio criticised person:ted-cruz"}},
		{"a passive turns the relation round", cast + "Cruz was criticised by Rubio on Friday.",
			[]string{"person:marco-rubio criticised person:ted-cruz"}},
		{"responded to", cast + "Cruz responded to Rubio in a statement.",
			[]string{"person:ted-cruz responded-to person:marco-rubio"}},
		{"a capital makes a name of the phrase", cast + "Cruz went on NBC's Meet the Press with Rubio.",
			[]string{}},
		{"a partner that is no entity yet becomes one when they talk", cast + "Obama held talks with Moscow.",
			[]string{"org:moscow talked-with person:barack-obama"}},
		{"an answer needs a known partner", cast + "Obama criticised Moscow.",
			[]string{}},
		{"boilerplate tells nothing", cast + "Join ST's Telegram channel to read how Obama met Putin.",
			[]string{}},
	}
	for _, c := range cases {
		t.Run(c.why, func(t *testing.T) {
			g := graph.New()
			require.NoError(t, g.Add(graph.Article{ID: "n", Text: c.text}))
			assert.Equal(t, c.want, edgeSet(g, notSaidAbout))
		})
	}
}

// TestNarrationNotInQuotes: what a speaker says happened is the speaker's
// claim, a mention, not narration.
func TestNarrationNotInQuotes(t *testing.T) {
	g := graph.New()
	require.NoError(t, g.Add(quoted(t, "q", "Russian President Vladimir Putin was there. [Putin met with Obama in secret.]")))
	assert.Equal(t, []string{"person:jane-doe mentioned person:vladimir-putin"}, edgeSet(g, notSaidAbout))
}

func TestAttributionEdges(t *testing.T) {
	text := `Senator Ted Cruz spoke. "Rubio is wrong on immigration," Senator Marco Rubio's rival Cruz told CNN.`
	q := strings.Index(text, `"Rubio`)
	e := strings.Index(text, ` Senator Marco`) - 1
	cnn := strings.Index(text, "CNN")
	art := graph.Article{ID: "a", Text: text,
		Entities: []speaker.Entity{{Name: "Ted Cruz", Kind: speaker.Person, Title: "Senator"}},
		Attributions: []speaker.Attribution{{
			Quote:     quote.Quote{Span: quote.Span{Start: q, End: e}, Text: text[q:e], Kind: quote.Direct},
			Speaker:   &speaker.Speaker{Name: "Ted Cruz", Kind: speaker.Person, Entity: 0},
			Addressee: &speaker.Mention{Start: cnn, End: cnn + 3, Text: "CNN"},
		}}}
	g := build(t, art)
	assert.Equal(t, []string{
		"person:ted-cruz addressed org:cnn",
		"person:ted-cruz mentioned person:marco-rubio",
		"person:ted-cruz said-about topic:immigration",
	}, edgeSet(g, func(graph.Edge) bool { return true }))
	v, _ := g.Vertex("person:ted-cruz")
	assert.Equal(t, graph.Vertex{ID: "person:ted-cruz", Kind: graph.Speaker, Label: "Ted Cruz", Title: "Senator", Quotes: 1}, v)
}

func TestBadSpans(t *testing.T) {
	text := "Obama spoke."
	g := graph.New()
	err := g.Add(graph.Article{ID: "bad", Text: text, Attributions: []speaker.Attribution{
		{Quote: quote.Quote{Span: quote.Span{Start: 5, End: 500}}, Speaker: &speaker.Speaker{Name: "X Y", Kind: speaker.Person}},
		{Quote: quote.Quote{Span: quote.Span{Start: 6, End: 2}}, Speaker: &speaker.Speaker{Name: "X Y", Kind: speaker.Person}},
		{Quote: quote.Quote{Span: quote.Span{Start: 0, End: 5}}, Speaker: &speaker.Speaker{Name: "X Y", Kind: speaker.Person}},
	}})
	var list graph.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 2, "both bad spans are reported")
	assert.Contains(t, list[0].Error(), "bad: attribution 0")
	v, ok := g.Vertex("person:x-y")
	require.True(t, ok, "the good attribution is kept")
	assert.Equal(t, 1, v.Quotes)
}

func TestMinConfidence(t *testing.T) {
	art := quoted(t, "c", "[Terrorism is the enemy.]")
	art.Attributions[0].Confidence = 0.4
	g := graph.New(graph.WithMinConfidence(0.5))
	require.NoError(t, g.Add(art))
	assert.Zero(t, g.Order(), "a doubtful attribution adds nothing")
	g = graph.New(graph.WithMinConfidence(0.3))
	require.NoError(t, g.Add(art))
	assert.Equal(t, 2, g.Order())
}

func TestUnknownSpeaker(t *testing.T) {
	art := quoted(t, "u", "[Terrorism is the enemy.]")
	art.Attributions[0].Speaker = &speaker.Speaker{Kind: speaker.Unknown, Entity: -1}
	g := build(t, art)
	assert.Zero(t, g.Order(), "a quote nobody said makes no vertex")
}
