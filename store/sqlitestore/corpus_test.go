package sqlitestore

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	dg "github.com/dominikbraun/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/graph"
	"github.com/quotegraph/quotegraph/testdata"
)

// bundledDocs returns the project's own articles: the seed article and the
// fixtures, with the CLI's IDs (file name without extension).
func bundledDocs(t testing.TB) []quotegraph.Doc {
	t.Helper()
	var docs []quotegraph.Doc
	for _, a := range testdata.Bundled() {
		docs = append(docs, quotegraph.Doc{ID: a.ID, Text: a.Text})
	}
	return docs
}

func graphArticles(t testing.TB, docs []quotegraph.Doc) []graph.Article {
	t.Helper()
	var arts []graph.Article
	for _, d := range docs {
		a, err := quotegraph.Analyze(d.Text, quotegraph.WithID(d.ID))
		require.NoError(t, err)
		arts = append(arts, graph.Article{ID: d.ID, Text: d.Text, Attributions: a.Quotes, Entities: a.Speakers})
	}
	return arts
}

// buildJSON is the reference: the graph package's own graph of the articles.
func buildJSON(t testing.TB, arts []graph.Article) string {
	t.Helper()
	g, _ := graph.Build(arts) // its error lists attributions left out; the graph is whole
	require.NotNil(t, g)
	var b strings.Builder
	require.NoError(t, g.WriteJSON(&b))
	return b.String()
}

func corpusJSON(t testing.TB, c *Corpus) string {
	t.Helper()
	var b strings.Builder
	require.NoError(t, c.WriteJSON(&b))
	return b.String()
}

func totalWeight(t testing.TB, js string) int {
	t.Helper()
	g, err := graph.ReadJSON(strings.NewReader(js))
	require.NoError(t, err)
	w := 0
	for _, e := range g.Edges() {
		w += e.Weight
	}
	return w
}

func TestCorpusSameArticleTwice(t *testing.T) {
	docs := bundledDocs(t)
	arts := graphArticles(t, docs)
	want := buildJSON(t, arts)
	require.NotZero(t, totalWeight(t, want), "premise: the bundled articles make edges")

	c, err := OpenCorpus(filepath.Join(t.TempDir(), "corpus.db"))
	require.NoError(t, err)
	defer c.Close()
	n, err := c.AddDocs(docs...)
	require.NoError(t, err)
	assert.Equal(t, len(docs), n)
	n, err = c.AddDocs(docs...)
	require.NoError(t, err)
	assert.Zero(t, n, "the same articles again change nothing")
	n, err = c.Add(arts[0], arts[0])
	require.NoError(t, err)
	assert.Zero(t, n, "twice in one call neither")

	got := corpusJSON(t, c)
	assert.Equal(t, totalWeight(t, want), totalWeight(t, got), "weights are not doubled")
	assert.Equal(t, want, got)
}

// TestCorpusGrowsAcrossRuns: articles added over several runs of a program,
// in any order and with repeats, make the graph of all of them at once.
func TestCorpusGrowsAcrossRuns(t *testing.T) {
	arts := graphArticles(t, bundledDocs(t))
	require.Greater(t, len(arts), 2, "premise: several bundled articles")
	want := buildJSON(t, arts)
	path := filepath.Join(t.TempDir(), "corpus.db")
	half := len(arts) / 2
	runs := [][]graph.Article{
		slices.Clone(arts[half:]),
		{arts[0]},
		append(slices.Clone(arts[:half]), arts[len(arts)-1]), // one repeat from the first run
	}
	slices.Reverse(runs[0])
	for i, run := range runs {
		c, err := OpenCorpus(path)
		require.NoError(t, err)
		_, err = c.Add(run...)
		require.NoError(t, err, "run %d", i)
		require.NoError(t, c.Close())
	}
	c, err := OpenCorpus(path)
	require.NoError(t, err)
	defer c.Close()
	ids, err := c.IDs()
	require.NoError(t, err)
	assert.Len(t, ids, len(arts))
	assert.Equal(t, want, corpusJSON(t, c))
}

func TestCorpusReplaceAndRemove(t *testing.T) {
	docs := bundledDocs(t)
	c, err := OpenCorpus(filepath.Join(t.TempDir(), "corpus.db"))
	require.NoError(t, err)
	defer c.Close()
	_, err = c.AddDocs(docs...)
	require.NoError(t, err)

	// New content under an old ID replaces the article.
	edited := slices.Clone(docs)
	edited[0].Text = strings.Replace(edited[0].Text, "Cameron", "Camerone", 1) + "\n\n\"We will win,\" said Jane Doe, the mayor.\n"
	n, err := c.AddDocs(edited[0])
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, buildJSON(t, graphArticles(t, edited)), corpusJSON(t, c))
	assert.NotEqual(t, buildJSON(t, graphArticles(t, docs)), corpusJSON(t, c), "premise: the edit shows in the graph")

	n, err = c.Remove(docs[0].ID, "no-such-article")
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	has, err := c.Has(docs[0].ID)
	require.NoError(t, err)
	assert.False(t, has)
	assert.Equal(t, buildJSON(t, graphArticles(t, docs[1:])), corpusJSON(t, c))
}

func TestCorpusAddIsAllOrNothing(t *testing.T) {
	arts := graphArticles(t, bundledDocs(t)[:2])
	c, err := OpenCorpus(filepath.Join(t.TempDir(), "corpus.db"))
	require.NoError(t, err)
	defer c.Close()
	_, err = c.Add(arts[0], graph.Article{Text: "no ID"}, arts[1])
	require.Error(t, err)
	ids, err := c.IDs()
	require.NoError(t, err)
	assert.Empty(t, ids, "the article before the bad one is not kept either")
}

// TestCorpusMaterialized: after Sync, the graph.Store holds the corpus graph,
// for dominikbraun/graph's algorithms.
func TestCorpusMaterialized(t *testing.T) {
	docs := bundledDocs(t)
	c, err := OpenCorpus(filepath.Join(t.TempDir(), "corpus.db"))
	require.NoError(t, err)
	defer c.Close()

	stale, err := c.Stale()
	require.NoError(t, err)
	assert.False(t, stale, "an empty corpus is current")
	_, err = c.AddDocs(docs...)
	require.NoError(t, err)
	stale, err = c.Stale()
	require.NoError(t, err)
	assert.True(t, stale)
	synced, err := c.Sync()
	require.NoError(t, err)
	assert.True(t, synced)
	synced, err = c.Sync()
	require.NoError(t, err)
	assert.False(t, synced, "nothing changed since")

	want, _ := c.Graph()
	require.NotNil(t, want)
	g := dg.NewWithStore(func(v graph.Vertex) string { return v.ID }, dg.Store[string, graph.Vertex](c.Store()), dg.Directed())
	order, err := g.Order()
	require.NoError(t, err)
	assert.Equal(t, want.Order(), order)
	for _, v := range want.Vertices() {
		got, p, err := g.VertexWithProperties(v.ID)
		require.NoError(t, err)
		assert.Equal(t, v, got)
		assert.Equal(t, v.Quotes, p.Weight)
		assert.Equal(t, string(v.Kind), p.Attributes["kind"])
	}
	var edges []graph.Edge
	stored, err := g.Edges()
	require.NoError(t, err)
	for _, e := range stored {
		es, ok := e.Properties.Data.([]graph.Edge)
		require.True(t, ok, "edge data is %T", e.Properties.Data)
		w := 0
		for _, x := range es {
			w += x.Weight
		}
		assert.Equal(t, w, e.Properties.Weight)
		edges = append(edges, es...)
	}
	slices.SortFunc(edges, func(a, b graph.Edge) int {
		return strings.Compare(a.Source+"\x00"+a.Target+"\x00"+string(a.Relation), b.Source+"\x00"+b.Target+"\x00"+string(b.Relation))
	})
	assert.Equal(t, want.Edges(), edges)

	// Removing everything empties the store at the next Sync.
	ids, err := c.IDs()
	require.NoError(t, err)
	_, err = c.Remove(ids...)
	require.NoError(t, err)
	_, err = c.Sync()
	require.NoError(t, err)
	order, err = g.Order()
	require.NoError(t, err)
	assert.Zero(t, order)
}
