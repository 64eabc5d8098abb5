package graph_test

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/internal/golden"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

const seedPath = "../testdata/g20-antalya.txt"

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	require.NoError(t, err)
	return string(b)
}

// seedEntities are the speakers of the seed article as the gold annotation
// (../shared/eval/g20-antalya.gold.json) names them, with the roles it gives.
var seedEntities = []speaker.Entity{
	{Name: "draft statement", Kind: speaker.Document, Aliases: []string{"a draft statement obtained by AFP", "the draft special statement obtained by AFP"}},
	{Name: "communique", Kind: speaker.Document, Aliases: []string{"the communique"}},
	{Name: "David Cameron", Kind: speaker.Person, Title: "Prime Minister", Affiliation: "British", Aliases: []string{"Cameron"}},
	{Name: "Turkish presidential sources", Kind: speaker.Group, Affiliation: "Turkish"},
	{Name: "Recep Tayyip Erdogan", Kind: speaker.Person, Title: "President", Aliases: []string{"President Recep Tayyip Erdogan"}},
	{Name: "Vladimir Putin", Kind: speaker.Person, Title: "President", Affiliation: "Russian", Aliases: []string{"Putin"}},
	{Name: "Angela Merkel", Kind: speaker.Person, Title: "Chancellor", Affiliation: "German"},
	{Name: "US officials", Kind: speaker.Group, Affiliation: "US"},
	{Name: "Kremlin", Kind: speaker.Organization, Aliases: []string{"The Kremlin"}},
	{Name: "world leaders", Kind: speaker.Group},
	{Name: "Turkey", Kind: speaker.Organization},
}

// seedQuotes are the 18 attributions of the gold annotation: quote span,
// kind, entity, and the span of the words that name the speaker there.
var seedQuotes = []struct {
	start, end     int
	kind           quote.Kind
	entity         int
	mention        [2]int
	cue            [2]int
	addressee      [2]int
	addresseeWords string
}{
	{436, 587, quote.Mixed, 0, [2]int{602, 635}, [2]int{589, 601}, [2]int{}, ""},
	{638, 743, quote.Indirect, 1, [2]int{750, 764}, [2]int{745, 749}, [2]int{}, ""},
	{1529, 1625, quote.Direct, 2, [2]int{1626, 1662}, [2]int{1663, 1667}, [2]int{1668, 1677}, "BBC radio"},
	{1717, 1819, quote.Indirect, 2, [2]int{1821, 1828}, [2]int{1829, 1833}, [2]int{}, ""},
	{1836, 1874, quote.Direct, 2, [2]int{1875, 1877}, [2]int{1878, 1883}, [2]int{}, ""},
	{1886, 1997, quote.Mixed, 2, [2]int{1999, 2006}, [2]int{1829, 1833}, [2]int{}, ""},
	{2025, 2099, quote.Indirect, 2, [2]int{1999, 2006}, [2]int{2013, 2019}, [2]int{}, ""},
	{2136, 2214, quote.Indirect, 3, [2]int{2102, 2130}, [2]int{2131, 2135}, [2]int{}, ""},
	{2269, 2310, quote.Indirect, 4, [2]int{2226, 2256}, [2]int{2257, 2268}, [2]int{}, ""},
	{2350, 2454, quote.Mixed, 5, [2]int{2339, 2344}, [2]int{2345, 2349}, [2]int{}, ""},
	{2500, 2594, quote.Mixed, 6, [2]int{2457, 2488}, [2]int{2489, 2499}, [2]int{}, ""},
	{2805, 2934, quote.Indirect, 7, [2]int{2787, 2799}, [2]int{2800, 2804}, [2]int{}, ""},
	{2953, 3037, quote.Indirect, 8, [2]int{2936, 2947}, [2]int{2948, 2952}, [2]int{}, ""},
	{3305, 3398, quote.Mixed, 0, [2]int{3260, 3303}, [2]int{3319, 3335}, [2]int{}, ""},
	{3412, 3528, quote.Indirect, 9, [2]int{3401, 3405}, [2]int{3406, 3411}, [2]int{}, ""},
	{3550, 3647, quote.Indirect, 10, [2]int{3531, 3537}, [2]int{3545, 3549}, [2]int{}, ""},
	{3663, 3759, quote.Indirect, 10, [2]int{3531, 3537}, [2]int{3649, 3657}, [2]int{}, ""},
	{3881, 3971, quote.Indirect, 9, [2]int{3808, 3821}, [2]int{3861, 3869}, [2]int{}, ""},
}

func mentionAt(text string, sp [2]int) *speaker.Mention {
	if sp == [2]int{} {
		return nil
	}
	return &speaker.Mention{Start: sp[0], End: sp[1], Text: text[sp[0]:sp[1]]}
}

// handmadeSeed is the seed article with the gold annotation's attributions.
func handmadeSeed(t testing.TB) graph.Article {
	text := readSeed(t)
	ents := slices.Clone(seedEntities)
	var atts []speaker.Attribution
	for _, q := range seedQuotes {
		e := ents[q.entity]
		ents[q.entity].Quotes++
		atts = append(atts, speaker.Attribution{
			Quote: quote.Quote{Span: quote.Span{Start: q.start, End: q.end}, Text: text[q.start:q.end], Kind: q.kind},
			Cue:   mentionAt(text, q.cue),
			Speaker: &speaker.Speaker{
				Name: e.Name, Kind: e.Kind, Title: e.Title, Affiliation: e.Affiliation,
				Mention: mentionAt(text, q.mention), Entity: q.entity,
			},
			Addressee:  mentionAt(text, q.addressee),
			Method:     speaker.ReportedSpeech,
			Confidence: 1,
		})
	}
	return graph.Article{ID: "g20-antalya", Text: text, Attributions: atts, Entities: ents}
}

// pipelineSeed is the seed article as the attribution pipeline reads it.
func pipelineSeed(t testing.TB) graph.Article {
	text := readSeed(t)
	r := speaker.Attribute(quote.Find(text))
	return graph.Article{ID: "g20-antalya", Text: text, Attributions: r.Attributions, Entities: r.Entities}
}

func build(t testing.TB, arts ...graph.Article) *graph.Graph {
	t.Helper()
	g, err := graph.Build(arts)
	require.NoError(t, err)
	return g
}

// TestSeedHandmade checks what issue 3 says the seed article's graph holds,
// and every fact of the gold annotation's "graph" section, on the gold
// annotation's attributions.
func TestSeedHandmade(t *testing.T) {
	g := build(t, handmadeSeed(t))
	assert.Empty(t, seedMisses(g, true), "the seed graph")
	for _, v := range g.Vertices() {
		if v.Kind == graph.Topic {
			assertNoStopTopic(t, g, v.ID)
		}
	}
	// Syria comes from two of Cameron's quotes.
	assert.Len(t, g.Evidence("person:david-cameron", "topic:syria", graph.SaidAbout), 2)
}

// TestSeedPipeline reports how much of the same the attribution pipeline's
// reading of the seed article gives; it follows the pipeline as it changes,
// and the golden files below pin it.
func TestSeedPipeline(t *testing.T) {
	g := build(t, pipelineSeed(t))
	// What issue 3 requires must hold on the real pipeline's output too.
	assert.Empty(t, seedMisses(g, false), "the seed graph built from the pipeline")
	if m := seedMisses(g, true); len(m) > 0 {
		t.Logf("beyond what is required, the seed graph lacks: %s", strings.Join(m, "; "))
	}
	for _, v := range g.Vertices() {
		if v.Kind == graph.Topic {
			assertNoStopTopic(t, g, v.ID)
		}
	}
}

// seedMisses lists what the seed graph lacks of what issue 3 requires, and
// with all of the rest of the gold annotation's graph section.
func seedMisses(g *graph.Graph, all bool) []string {
	var miss []string
	speakers := map[string]string{
		"person:david-cameron": "David Cameron", "person:vladimir-putin": "Vladimir Putin",
		"person:angela-merkel": "Angela Merkel", "person:recep-tayyip-erdogan": "Recep Tayyip Erdogan",
		"org:kremlin": "Kremlin", "group:us-officials": "US officials",
		"group:turkish-presidential-sources": "Turkish presidential sources",
	}
	for _, id := range slices.Sorted(maps.Keys(speakers)) {
		if v, ok := g.Vertex(id); !ok || v.Kind != graph.Speaker || v.Label != speakers[id] || v.Quotes == 0 {
			miss = append(miss, "speaker "+id)
		}
	}
	if v, ok := g.Vertex("person:barack-obama"); !ok || v.Kind != graph.Counterpart {
		miss = append(miss, "counterpart Obama")
	}
	for _, e := range []struct {
		src, dst string
		rel      graph.Relation
	}{
		{"person:david-cameron", "person:vladimir-putin", graph.TalkedWith},
		{"person:barack-obama", "person:vladimir-putin", graph.TalkedWith},
		{"person:david-cameron", "org:bbc-radio", graph.Addressed},
	} {
		if len(g.Evidence(e.src, e.dst, e.rel)) == 0 {
			miss = append(miss, fmt.Sprintf("%s %s %s", e.src, e.rel, e.dst))
		}
	}
	topics := []string{"topic:syria", "topic:islamic-state", "topic:terrorism", "topic:climate-change"}
	if all {
		topics = append(topics, "topic:intelligence-sharing", "topic:foreign-fighters", "topic:refugee-crisis")
	}
	for _, id := range topics {
		if v, ok := g.Vertex(id); !ok || v.Kind != graph.Topic {
			miss = append(miss, id)
		}
	}
	for _, id := range []string{"topic:isis", "topic:islamic-state-in-iraq-and-syria"} {
		if _, ok := g.Vertex(id); ok {
			miss = append(miss, id+" is not Islamic State")
		}
	}
	if !all {
		return miss
	}
	roles := map[string]string{
		"person:david-cameron": "British Prime Minister", "person:vladimir-putin": "Russian President",
		"person:angela-merkel": "German Chancellor", "person:barack-obama": "US President",
		"person:recep-tayyip-erdogan": "President",
	}
	for _, id := range slices.Sorted(maps.Keys(roles)) {
		if v, _ := g.Vertex(id); strings.TrimSpace(v.Affiliation+" "+v.Title) != roles[id] {
			miss = append(miss, id+" as "+roles[id])
		}
	}
	for _, p := range [][2]string{{"group:western-leaders", "person:vladimir-putin"}, {"org:turkey", "group:french-authorities"}} {
		if !slices.ContainsFunc(g.Counterparts(p[0]), func(e graph.Edge) bool { return e.Source == p[1] || e.Target == p[1] }) {
			miss = append(miss, "counterparts "+p[0]+" - "+p[1])
		}
	}
	return miss
}

// stopWords are words no topic may be, whatever the lists say.
var stopWords = strings.Fields(`i me we us our you he him his she her it its they them their this that these those
the a an and or of in on to for with not no one two three join st telegram channel monday sunday june`)

func assertNoStopTopic(t *testing.T, g *graph.Graph, id string) {
	t.Helper()
	v, _ := g.Vertex(id)
	assert.NotContains(t, stopWords, strings.ToLower(v.Label), "topic %s is a stop word", id)
	assert.NotRegexp(t, `^[0-9.,]+$`, v.Label, "topic %s is a number", id)
}

// TestSeedGolden pins the whole graph of the seed article, in DOT and JSON,
// for the gold annotation's attributions and for the pipeline's. Refresh
// with go test ./graph -update.
func TestSeedGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		art  func(testing.TB) graph.Article
	}{
		{"g20-antalya-gold", handmadeSeed},
		{"g20-antalya", pipelineSeed},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := build(t, c.art(t))
			var dot, js bytes.Buffer
			require.NoError(t, g.WriteDOT(&dot))
			require.NoError(t, g.WriteJSON(&js))
			golden.Check(t, filepath.Join("testdata", c.name+".golden.dot"), dot.Bytes(), "go test ./graph -update")
			golden.Check(t, filepath.Join("testdata", c.name+".golden.json"), js.Bytes(), "go test ./graph -update")
		})
	}
}
