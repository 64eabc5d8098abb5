package sqlitestore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	dg "github.com/dominikbraun/graph"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/graph"
)

// Corpus is a quotegraph corpus graph kept in a SQLite database: it persists
// across runs and grows article by article.
//
// Articles are keyed by ID. The corpus keeps what the graph package needs of
// each one (its text, attributions and entities, as a graph.Article) in the
// table corpus_articles, and its graph is exactly graph.Build over all of
// them, whatever order and however many runs they came in. Adding an article
// again with the same ID and content changes nothing, so its weights are never
// counted twice; adding it with new content replaces the old.
//
// The graph is also kept materialized, as a graph.Store of
// dominikbraun/graph (tables corpus_vertices and corpus_edges), for SQL
// queries and the graph algorithms of that library without rebuilding
// anything: see [Corpus.Sync] and [Corpus.Store].
//
// Every call is one transaction: a crash or kill leaves the corpus as it was
// before the call or after it, never in between.
type Corpus struct {
	store *Store[string, graph.Vertex]
	opts  []graph.Option

	mu       sync.Mutex // serializes Add, Remove and Sync
	analyzer *quotegraph.Analyzer

	// afterArticle, when set (tests), runs after each article an Add has
	// written, inside its transaction.
	afterArticle func(i int)
}

// CorpusPrefix is the prefix of the corpus's tables.
const CorpusPrefix = "corpus_"

// OpenCorpus opens (creating if needed) the corpus in the SQLite database at
// path. The graph options are used for every graph the corpus builds; pass
// the same ones each time the corpus is opened (they are not stored). Close
// the corpus when done.
func OpenCorpus(path string, opts ...graph.Option) (*Corpus, error) {
	s, err := Open[string, graph.Vertex](path, WithTablePrefix(CorpusPrefix), WithDataCodec(edgesCodec{}))
	if err != nil {
		return nil, err
	}
	c := &Corpus{store: s, opts: opts}
	err = s.Batch(func(tx *Store[string, graph.Vertex]) error {
		for _, q := range []string{
			`CREATE TABLE IF NOT EXISTS ` + CorpusPrefix + `articles (
				id     TEXT PRIMARY KEY,
				digest BLOB NOT NULL,
				input  BLOB NOT NULL
			)`,
			`CREATE TABLE IF NOT EXISTS ` + CorpusPrefix + `meta (
				key   TEXT PRIMARY KEY,
				value TEXT NOT NULL
			)`,
			// A new corpus's (empty) materialized graph is current.
			`INSERT INTO ` + CorpusPrefix + `meta (key, value) VALUES ('stale', '0') ON CONFLICT (key) DO NOTHING`,
		} {
			if _, err := tx.q.ExecContext(context.Background(), q); err != nil {
				return fmt.Errorf("sqlitestore: create corpus tables: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		s.Close()
		return nil, err
	}
	return c, nil
}

// Close closes the database.
func (c *Corpus) Close() error { return c.store.Close() }

// Store returns the materialized graph: one vertex per graph.Vertex (hash:
// its ID; weight: its quote count; attribute "kind"), and one edge per
// ordered pair of vertices with relations between them (weight: the sum of
// their weights; attribute "relations": their names, space-separated; data:
// the []graph.Edge themselves, evidence included). Use it with
// dominikbraun/graph:
//
//	g := dg.NewWithStore(func(v graph.Vertex) string { return v.ID }, dg.Store[string, graph.Vertex](c.Store()), dg.Directed())
//	path, err := dg.ShortestPath(g, "person:david-cameron", "person:barack-obama")
//
// It is current after Sync. Do not change it: the next Sync overwrites it.
func (c *Corpus) Store() *Store[string, graph.Vertex] { return c.store }

// article is the stored form of an article: gob, since the graph package
// reads the entities' mentions, which their JSON form leaves out.
func encodeArticle(a graph.Article) ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(a); err != nil {
		return nil, fmt.Errorf("sqlitestore: encode article %q: %w", a.ID, err)
	}
	return b.Bytes(), nil
}

func decodeArticle(b []byte) (graph.Article, error) {
	var a graph.Article
	err := gob.NewDecoder(bytes.NewReader(b)).Decode(&a)
	return a, err
}

// Add stores articles in the corpus, in one transaction, and returns how
// many of them were new or changed. An article whose ID is already stored
// with the same content is left as it is; with other content, it replaces
// the stored one. An article without ID is an error, and nothing is stored.
//
// Add does not rebuild the materialized graph (that would cost the whole
// corpus on every call); Graph, WriteJSON and Sync see the new articles.
func (c *Corpus) Add(arts ...graph.Article) (changed int, err error) {
	return c.change(func(tx *Store[string, graph.Vertex]) (int, error) {
		changed := 0
		for i, a := range arts {
			if a.ID == "" {
				return 0, fmt.Errorf("sqlitestore: article %d has no ID", i)
			}
			in, err := encodeArticle(a)
			if err != nil {
				return 0, err
			}
			sum := sha256.Sum256(in)
			n, err := execCount(tx, `INSERT INTO `+CorpusPrefix+`articles (id, digest, input) VALUES (?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET digest = excluded.digest, input = excluded.input
				WHERE digest != excluded.digest`, a.ID, sum[:], in)
			if err != nil {
				return 0, fmt.Errorf("sqlitestore: add article %q: %w", a.ID, err)
			}
			changed += n
			if c.afterArticle != nil {
				c.afterArticle(i)
			}
		}
		return changed, nil
	})
}

// change runs fn, which changes the stored articles and says how many, in
// one transaction that also marks the materialized graph stale if any did.
func (c *Corpus) change(fn func(tx *Store[string, graph.Vertex]) (int, error)) (n int, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	err = c.store.Batch(func(tx *Store[string, graph.Vertex]) error {
		if n, err = fn(tx); err != nil || n == 0 {
			return err
		}
		return c.setStale(tx, true)
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// execCount runs a statement and returns how many rows it changed.
func execCount(tx *Store[string, graph.Vertex], query string, args ...any) (int, error) {
	res, err := tx.q.ExecContext(context.Background(), query, args...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// AddDocs analyses documents with quotegraph and adds them, as Add does.
func (c *Corpus) AddDocs(docs ...quotegraph.Doc) (changed int, err error) {
	c.mu.Lock()
	if c.analyzer == nil {
		c.analyzer = quotegraph.New()
	}
	an := c.analyzer
	c.mu.Unlock()
	arts := make([]graph.Article, 0, len(docs))
	for _, d := range docs {
		a, err := an.Analyze(d.Text)
		if err != nil {
			return 0, fmt.Errorf("sqlitestore: analyse %q: %w", d.ID, err)
		}
		arts = append(arts, graph.Article{ID: d.ID, Text: d.Text, Attributions: a.Quotes, Entities: a.Speakers})
	}
	return c.Add(arts...)
}

// Remove takes articles out of the corpus and returns how many were there.
func (c *Corpus) Remove(ids ...string) (removed int, err error) {
	return c.change(func(tx *Store[string, graph.Vertex]) (int, error) {
		removed := 0
		for _, id := range ids {
			n, err := execCount(tx, `DELETE FROM `+CorpusPrefix+`articles WHERE id = ?`, id)
			if err != nil {
				return 0, fmt.Errorf("sqlitestore: remove article %q: %w", id, err)
			}
			removed += n
		}
		return removed, nil
	})
}

func (c *Corpus) setStale(tx *Store[string, graph.Vertex], stale bool) error {
	v := "0"
	if stale {
		v = "1"
	}
	_, err := tx.q.ExecContext(context.Background(), `UPDATE `+CorpusPrefix+`meta SET value = ? WHERE key = 'stale'`, v)
	return err
}

// Stale reports whether articles were added or removed since the last Sync,
// so that the materialized graph is behind.
func (c *Corpus) Stale() (bool, error) {
	var v string
	err := c.store.DB().QueryRow(`SELECT value FROM ` + CorpusPrefix + `meta WHERE key = 'stale'`).Scan(&v)
	return v == "1", err
}

// IDs returns the IDs of the stored articles, sorted.
func (c *Corpus) IDs() ([]string, error) {
	rows, err := c.store.DB().Query(`SELECT id FROM ` + CorpusPrefix + `articles ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Has reports whether an article with the ID is stored.
func (c *Corpus) Has(id string) (bool, error) {
	var n int
	err := c.store.DB().QueryRow(`SELECT count(*) FROM `+CorpusPrefix+`articles WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

// articles reads every stored article, in ID order, through q.
func (c *Corpus) articles(q querier) ([]graph.Article, error) {
	rows, err := q.QueryContext(context.Background(), `SELECT id, input FROM `+CorpusPrefix+`articles ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var arts []graph.Article
	for rows.Next() {
		var id string
		var in []byte
		if err := rows.Scan(&id, &in); err != nil {
			return nil, err
		}
		a, err := decodeArticle(in)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: decode article %q: %w", id, err)
		}
		arts = append(arts, a)
	}
	return arts, rows.Err()
}

// Graph builds the corpus graph: graph.Build over every stored article, with
// the corpus's options. Its error, an ErrorList, lists attributions the graph
// left out; the graph holds the rest. It is a new graph on each call: adding
// to it does not change the corpus.
func (c *Corpus) Graph() (*graph.Graph, error) {
	arts, err := c.articles(dbQuerier{c.store.DB()})
	if err != nil {
		return nil, err
	}
	return graph.Build(arts, c.opts...)
}

// WriteJSON writes the corpus graph as graph.WriteJSON does, the JSON of
// `quotegraph graph -format json` over the same articles.
func (c *Corpus) WriteJSON(w io.Writer) error {
	g, err := c.Graph()
	var problems graph.ErrorList
	if g == nil || err != nil && !errors.As(err, &problems) {
		return err
	}
	return g.WriteJSON(w)
}

// Sync brings the materialized graph (Store) up to date with the stored
// articles, in one transaction, and reports whether it had to. It rebuilds
// the whole graph, so call it after a batch of Adds, not after each one.
func (c *Corpus) Sync() (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	synced := false
	err := c.store.Batch(func(tx *Store[string, graph.Vertex]) error {
		var stale string
		if err := tx.q.QueryRowContext(context.Background(), `SELECT value FROM `+CorpusPrefix+`meta WHERE key = 'stale'`).Scan(&stale); err != nil {
			return err
		}
		if stale == "0" {
			return nil
		}
		arts, err := c.articles(tx.q)
		if err != nil {
			return err
		}
		g, err := graph.Build(arts, c.opts...)
		var problems graph.ErrorList
		if g == nil || err != nil && !errors.As(err, &problems) {
			return err
		}
		if err := materialize(tx, g); err != nil {
			return err
		}
		synced = true
		return c.setStale(tx, false)
	})
	return synced, err
}

// materialize replaces the store's graph by g.
func materialize(tx *Store[string, graph.Vertex], g *graph.Graph) error {
	ctx := context.Background()
	for _, t := range []string{tx.tables.edges, tx.tables.vertices} {
		if _, err := tx.q.ExecContext(ctx, `DELETE FROM `+t); err != nil {
			return err
		}
	}
	for _, v := range g.Vertices() {
		p := dg.VertexProperties{Weight: v.Quotes, Attributes: map[string]string{"kind": string(v.Kind)}}
		if err := tx.AddVertex(v.ID, v, p); err != nil {
			return fmt.Errorf("sqlitestore: materialize vertex %s: %w", v.ID, err)
		}
	}
	es := g.Edges() // sorted by source, target, relation
	for i := 0; i < len(es); {
		j := i
		weight := 0
		var rels []string
		for j < len(es) && es[j].Source == es[i].Source && es[j].Target == es[i].Target {
			weight += es[j].Weight
			rels = append(rels, string(es[j].Relation))
			j++
		}
		e := dg.Edge[string]{Source: es[i].Source, Target: es[i].Target, Properties: dg.EdgeProperties{
			Weight:     weight,
			Attributes: map[string]string{"relations": strings.Join(rels, " ")},
			Data:       es[i:j:j],
		}}
		if err := tx.AddEdge(e.Source, e.Target, e); err != nil {
			return fmt.Errorf("sqlitestore: materialize edge %s -> %s: %w", e.Source, e.Target, err)
		}
		i = j
	}
	return nil
}

// edgesCodec stores the data of a corpus edge, its []graph.Edge, as JSON
// and reads it back as []graph.Edge.
type edgesCodec struct{}

func (edgesCodec) Marshal(v any) ([]byte, error) { return json.Marshal(v) }

func (edgesCodec) Unmarshal(b []byte) (any, error) {
	if string(b) == "null" {
		return nil, nil
	}
	var es []graph.Edge
	err := json.Unmarshal(b, &es)
	return es, err
}
