package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dominikbraun/graph"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a graph.Store[K, T] kept in a SQLite database. Create one with
// [Open]; the zero value is not usable.
type Store[K comparable, T any] struct {
	db     *sql.DB // nil inside a batch
	q      querier // db, or the batch's transaction
	owner  *Store[K, T]
	depth  int // savepoint nesting inside a batch
	cfg    config
	tables tableNames
	sql    *queries

	mu    sync.Mutex // guards stmts
	stmts map[string]*sql.Stmt
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	StmtContext(ctx context.Context, stmt *sql.Stmt) *sql.Stmt
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// dbQuerier adapts *sql.DB to querier: outside a transaction a prepared
// statement is used as it is.
type dbQuerier struct{ *sql.DB }

func (dbQuerier) StmtContext(_ context.Context, s *sql.Stmt) *sql.Stmt { return s }

var (
	_ querier = dbQuerier{}
	_ querier = (*sql.Tx)(nil)
)

var _ graph.Store[string, int] = (*Store[string, int])(nil)

// Option configures a Store.
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

type config struct {
	prefix    string
	dataCodec DataCodec
	sync      string
}

// DataCodec turns EdgeProperties.Data into bytes and back.
type DataCodec interface {
	Marshal(v any) ([]byte, error)
	Unmarshal(b []byte) (any, error)
}

type jsonCodec struct{}

func (jsonCodec) Marshal(v any) ([]byte, error) { return json.Marshal(v) }
func (jsonCodec) Unmarshal(b []byte) (any, error) {
	var v any
	err := json.Unmarshal(b, &v)
	return v, err
}

// WithDataCodec sets how EdgeProperties.Data is stored. The default is JSON
// decoded into an any.
func WithDataCodec(c DataCodec) Option {
	return optionFunc(func(cfg *config) { cfg.dataCodec = c })
}

// WithTablePrefix names the tables prefix+"vertices" and prefix+"edges", so
// that several graphs can share one database file. The prefix may hold ASCII
// letters, digits and underscores. The default is "graph_".
func WithTablePrefix(prefix string) Option {
	return optionFunc(func(cfg *config) { cfg.prefix = prefix })
}

// WithSynchronous sets SQLite's synchronous pragma: "FULL" (the default)
// makes every committed transaction survive a power cut; "NORMAL" is faster
// and still survives a crash or kill of the process, which may lose only the
// last transactions on a power cut, never corrupt the database.
func WithSynchronous(mode string) Option {
	return optionFunc(func(cfg *config) { cfg.sync = strings.ToUpper(mode) })
}

type tableNames struct{ vertices, edges string }

// queries holds the SQL text of every statement of a Store, prepared once at
// Open.
type queries struct {
	addVertex, vertex, vertexRemovable, removeVertex, listVertices, countVertices string
	vertexPair, addEdge, updateEdge, removeEdge, edge, listEdges, ancestors       string
}

func newQueries(t tableNames) *queries {
	v, e := t.vertices, t.edges
	return &queries{
		addVertex: `INSERT INTO ` + v + ` (key, value, weight, attributes) VALUES (?, ?, ?, ?)
			ON CONFLICT (key) DO NOTHING`,
		vertex: `SELECT value, weight, attributes FROM ` + v + ` WHERE key = ?`,
		vertexRemovable: `SELECT
			EXISTS (SELECT 1 FROM ` + v + ` WHERE key = ?1),
			EXISTS (SELECT 1 FROM ` + e + ` WHERE source = ?1)
			OR EXISTS (SELECT 1 FROM ` + e + ` WHERE target = ?1)`,
		removeVertex:  `DELETE FROM ` + v + ` WHERE key = ?`,
		listVertices:  `SELECT key FROM ` + v + ` ORDER BY seq`,
		countVertices: `SELECT count(*) FROM ` + v,
		vertexPair: `SELECT
			EXISTS (SELECT 1 FROM ` + v + ` WHERE key = ?),
			EXISTS (SELECT 1 FROM ` + v + ` WHERE key = ?)`,
		addEdge: `INSERT INTO ` + e + ` (source, target, weight, attributes, data) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (source, target) DO UPDATE SET
			weight = excluded.weight, attributes = excluded.attributes, data = excluded.data`,
		updateEdge: `UPDATE ` + e + ` SET weight = ?, attributes = ?, data = ? WHERE source = ? AND target = ?`,
		removeEdge: `DELETE FROM ` + e + ` WHERE source = ? AND target = ?`,
		edge:       `SELECT weight, attributes, data FROM ` + e + ` WHERE source = ? AND target = ?`,
		listEdges:  `SELECT source, target, weight, attributes, data FROM ` + e + ` ORDER BY seq`,
		// Walk from a vertex to all its predecessors.
		ancestors: `WITH RECURSIVE up(key) AS (
				SELECT ?1
				UNION
				SELECT e.source FROM ` + e + ` e JOIN up ON e.target = up.key
			)
			SELECT EXISTS (SELECT 1 FROM up WHERE key = ?2)`,
	}
}

func (q *queries) all() []string {
	return []string{q.addVertex, q.vertex, q.vertexRemovable, q.removeVertex, q.listVertices, q.countVertices,
		q.vertexPair, q.addEdge, q.updateEdge, q.removeEdge, q.edge, q.listEdges, q.ancestors}
}

func newConfig(opts []Option) (config, error) {
	cfg := config{prefix: "graph_", dataCodec: jsonCodec{}, sync: "FULL"}
	for _, o := range opts {
		o.apply(&cfg)
	}
	for _, r := range cfg.prefix {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return cfg, fmt.Errorf("sqlitestore: table prefix %q: only ASCII letters, digits and _ are allowed", cfg.prefix)
		}
	}
	switch cfg.sync {
	case "OFF", "NORMAL", "FULL", "EXTRA":
	default:
		return cfg, fmt.Errorf("sqlitestore: synchronous mode %q: want OFF, NORMAL, FULL or EXTRA", cfg.sync)
	}
	return cfg, nil
}

// openDB opens path with the pragmas every store needs: foreign keys, a busy
// timeout, the write-ahead log and immediate transactions. An empty path or
// ":memory:" is a private in-memory database.
func openDB(path string, cfg config) (*sql.DB, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlitestore: path %q: '?' and '#' are not allowed in a database path", path)
	}
	if path == "" {
		path = ":memory:"
	}
	dsn := path + "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(" + cfg.sync + ")&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: open %s: %w", path, err)
	}
	// One connection: an in-memory database exists once per connection, and
	// SQLite serializes writers anyway.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlitestore: open %s: %w", path, err)
	}
	return db, nil
}

// Open opens (creating if needed) the SQLite database at path and returns the
// graph store in it. An empty path or ":memory:" is a private in-memory
// database that disappears with Close. Close the store when done.
func Open[K comparable, T any](path string, opts ...Option) (*Store[K, T], error) {
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	db, err := openDB(path, cfg)
	if err != nil {
		return nil, err
	}
	s := &Store[K, T]{
		db:     db,
		q:      dbQuerier{db},
		cfg:    cfg,
		tables: tableNames{vertices: cfg.prefix + "vertices", edges: cfg.prefix + "edges"},
		stmts:  make(map[string]*sql.Stmt),
	}
	s.owner = s
	s.sql = newQueries(s.tables)
	if err := s.createTables(); err != nil {
		db.Close()
		return nil, err
	}
	for _, q := range s.sql.all() {
		if _, err := s.stmt(q); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

func (s *Store[K, T]) createTables() error {
	v, e := s.tables.vertices, s.tables.edges
	schema := []string{
		`CREATE TABLE IF NOT EXISTS ` + v + ` (
			seq        INTEGER PRIMARY KEY,
			key        TEXT NOT NULL UNIQUE,
			value      BLOB NOT NULL,
			weight     INTEGER NOT NULL,
			attributes BLOB NOT NULL
		)`,
		`CREATE TABLE IF NOT EXISTS ` + e + ` (
			seq        INTEGER PRIMARY KEY,
			source     TEXT NOT NULL REFERENCES ` + v + `(key),
			target     TEXT NOT NULL REFERENCES ` + v + `(key),
			weight     INTEGER NOT NULL,
			attributes BLOB NOT NULL,
			data       BLOB NOT NULL,
			UNIQUE (source, target)
		)`,
		`CREATE INDEX IF NOT EXISTS ` + e + `_target ON ` + e + ` (target, source)`,
	}
	return s.Batch(func(tx *Store[K, T]) error {
		for _, q := range schema {
			if _, err := tx.q.ExecContext(context.Background(), q); err != nil {
				return fmt.Errorf("sqlitestore: create tables: %w", err)
			}
		}
		return nil
	})
}

// Close closes the database. Closing a store handed to a Batch callback is an
// error.
func (s *Store[K, T]) Close() error {
	if s.db == nil {
		return errors.New("sqlitestore: Close inside a batch")
	}
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = map[string]*sql.Stmt{}
	s.mu.Unlock()
	return s.db.Close()
}

// DB returns the underlying database, for queries of your own and for
// PRAGMA integrity_check. Do not change the store's tables through it.
func (s *Store[K, T]) DB() *sql.DB { return s.owner.db }

// Batch runs fn in one transaction and commits it if fn returns nil: all of
// fn's changes are in the database afterwards, or none of them is, even if the
// process dies in between. fn must use only the *Store it is given (wrap it in
// graph.NewWithStore to use the graph API). Inside a batch, Batch nests through
// a savepoint: the inner changes are undone if the inner fn fails.
func (s *Store[K, T]) Batch(fn func(tx *Store[K, T]) error) error {
	ctx := context.Background()
	if s.db == nil { // nested
		sp := fmt.Sprintf("sp%d", s.depth+1)
		if _, err := s.q.ExecContext(ctx, "SAVEPOINT "+sp); err != nil {
			return fmt.Errorf("sqlitestore: savepoint: %w", err)
		}
		released := false
		defer func() { // fn failed, panicked or called runtime.Goexit
			if !released {
				s.q.ExecContext(ctx, "ROLLBACK TO "+sp)
				s.q.ExecContext(ctx, "RELEASE "+sp)
			}
		}()
		inner := &Store[K, T]{q: s.q, owner: s.owner, depth: s.depth + 1, cfg: s.cfg, tables: s.tables, sql: s.sql}
		if err := fn(inner); err != nil {
			return err
		}
		if _, err := s.q.ExecContext(ctx, "RELEASE "+sp); err != nil {
			return fmt.Errorf("sqlitestore: release savepoint: %w", err)
		}
		released = true
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlitestore: begin: %w", err)
	}
	committed := false
	defer func() { // fn failed, panicked or called runtime.Goexit
		if !committed {
			tx.Rollback()
		}
	}()
	inner := &Store[K, T]{q: tx, owner: s.owner, cfg: s.cfg, tables: s.tables, sql: s.sql}
	if err := fn(inner); err != nil {
		return err
	}
	committed = true // a failed Commit rolls back by itself
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlitestore: commit: %w", err)
	}
	return nil
}

// atomic runs fn in a transaction of its own, or in the current batch.
func (s *Store[K, T]) atomic(fn func(tx *Store[K, T]) error) error {
	if s.db == nil {
		return fn(s)
	}
	return s.Batch(fn)
}

// stmt returns the prepared statement for query, bound to the current
// transaction if there is one. Statements are prepared once, outside any
// transaction (the single connection is busy during one); a query first seen
// inside a batch is prepared on the batch's transaction.
func (s *Store[K, T]) stmt(query string) (*sql.Stmt, error) {
	ctx := context.Background()
	o := s.owner
	o.mu.Lock()
	st, ok := o.stmts[query]
	o.mu.Unlock()
	if ok {
		return s.q.StmtContext(ctx, st), nil
	}
	if s.db == nil {
		st, err := s.q.PrepareContext(ctx, query)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: prepare: %w", err)
		}
		return st, nil
	}
	st, err := o.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: prepare: %w", err)
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if prev, ok := o.stmts[query]; ok {
		st.Close()
		return prev, nil
	}
	o.stmts[query] = st
	return st, nil
}

func (s *Store[K, T]) exec(query string, args ...any) (sql.Result, error) {
	st, err := s.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

func (s *Store[K, T]) queryRow(query string, args ...any) (*sql.Row, error) {
	st, err := s.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryRow(args...), nil
}

func (s *Store[K, T]) query(query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.Query(args...)
}

func encodeKey[K any](k K) (string, error) {
	b, err := json.Marshal(k)
	if err != nil {
		return "", fmt.Errorf("sqlitestore: encode hash %v: %w", k, err)
	}
	return string(b), nil
}

func decodeKey[K any](s string) (K, error) {
	var k K
	if err := json.Unmarshal([]byte(s), &k); err != nil {
		return k, fmt.Errorf("sqlitestore: decode hash %s: %w", s, err)
	}
	return k, nil
}

func encodeKeys[K any](a, b K) (string, string, error) {
	ka, err := encodeKey(a)
	if err != nil {
		return "", "", err
	}
	kb, err := encodeKey(b)
	return ka, kb, err
}

// AddVertex adds a vertex, or returns graph.ErrVertexAlreadyExists.
func (s *Store[K, T]) AddVertex(hash K, value T, properties graph.VertexProperties) error {
	key, err := encodeKey(hash)
	if err != nil {
		return err
	}
	val, err := json.Marshal(value)
	if err != nil {
		return fmt.Errorf("sqlitestore: encode vertex %v: %w", hash, err)
	}
	attrs, err := json.Marshal(properties.Attributes)
	if err != nil {
		return fmt.Errorf("sqlitestore: encode attributes of vertex %v: %w", hash, err)
	}
	res, err := s.exec(s.sql.addVertex, key, val, properties.Weight, attrs)
	if err != nil {
		return fmt.Errorf("sqlitestore: add vertex %v: %w", hash, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlitestore: add vertex %v: %w", hash, err)
	} else if n == 0 {
		return graph.ErrVertexAlreadyExists
	}
	return nil
}

// Vertex returns a vertex and a copy of its properties, or
// graph.ErrVertexNotFound.
func (s *Store[K, T]) Vertex(hash K) (T, graph.VertexProperties, error) {
	var zero T
	key, err := encodeKey(hash)
	if err != nil {
		return zero, graph.VertexProperties{}, err
	}
	row, err := s.queryRow(s.sql.vertex, key)
	if err != nil {
		return zero, graph.VertexProperties{}, err
	}
	var val, attrs []byte
	var p graph.VertexProperties
	switch err := row.Scan(&val, &p.Weight, &attrs); {
	case errors.Is(err, sql.ErrNoRows):
		return zero, graph.VertexProperties{}, graph.ErrVertexNotFound
	case err != nil:
		return zero, graph.VertexProperties{}, fmt.Errorf("sqlitestore: vertex %v: %w", hash, err)
	}
	var v T
	if err := json.Unmarshal(val, &v); err != nil {
		return zero, graph.VertexProperties{}, fmt.Errorf("sqlitestore: decode vertex %v: %w", hash, err)
	}
	if err := json.Unmarshal(attrs, &p.Attributes); err != nil {
		return zero, graph.VertexProperties{}, fmt.Errorf("sqlitestore: decode attributes of vertex %v: %w", hash, err)
	}
	return v, p, nil
}

// RemoveVertex removes a vertex without edges. It returns
// graph.ErrVertexNotFound for an unknown vertex and graph.ErrVertexHasEdges
// while an edge starts or ends at it.
func (s *Store[K, T]) RemoveVertex(hash K) error {
	key, err := encodeKey(hash)
	if err != nil {
		return err
	}
	return s.atomic(func(tx *Store[K, T]) error {
		row, err := tx.queryRow(tx.sql.vertexRemovable, key)
		if err != nil {
			return err
		}
		var exists, hasEdges bool
		if err := row.Scan(&exists, &hasEdges); err != nil {
			return fmt.Errorf("sqlitestore: remove vertex %v: %w", hash, err)
		}
		if !exists {
			return graph.ErrVertexNotFound
		}
		if hasEdges {
			return graph.ErrVertexHasEdges
		}
		if _, err := tx.exec(tx.sql.removeVertex, key); err != nil {
			return fmt.Errorf("sqlitestore: remove vertex %v: %w", hash, err)
		}
		return nil
	})
}

// ListVertices returns the hashes of all vertices in insertion order.
func (s *Store[K, T]) ListVertices() ([]K, error) {
	rows, err := s.query(s.sql.listVertices)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: list vertices: %w", err)
	}
	defer rows.Close()
	hashes := make([]K, 0)
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, fmt.Errorf("sqlitestore: list vertices: %w", err)
		}
		k, err := decodeKey[K](key)
		if err != nil {
			return nil, err
		}
		hashes = append(hashes, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlitestore: list vertices: %w", err)
	}
	return hashes, nil
}

// VertexCount returns the number of vertices.
func (s *Store[K, T]) VertexCount() (int, error) {
	row, err := s.queryRow(s.sql.countVertices)
	if err != nil {
		return 0, err
	}
	var n int
	if err := row.Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlitestore: count vertices: %w", err)
	}
	return n, nil
}

func (s *Store[K, T]) encodeEdge(edge graph.Edge[K]) (attrs, data []byte, err error) {
	attrs, err = json.Marshal(edge.Properties.Attributes)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlitestore: encode edge attributes: %w", err)
	}
	data, err = s.cfg.dataCodec.Marshal(edge.Properties.Data)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlitestore: encode edge data: %w", err)
	}
	return attrs, data, nil
}

// AddEdge stores the edge from sourceHash to targetHash, replacing the edge
// between them if there is one (as the in-memory store does). It returns
// graph.ErrVertexNotFound if either vertex is missing.
func (s *Store[K, T]) AddEdge(sourceHash, targetHash K, edge graph.Edge[K]) error {
	src, tgt, err := encodeKeys(sourceHash, targetHash)
	if err != nil {
		return err
	}
	attrs, data, err := s.encodeEdge(edge)
	if err != nil {
		return err
	}
	return s.atomic(func(tx *Store[K, T]) error {
		row, err := tx.queryRow(tx.sql.vertexPair, src, tgt)
		if err != nil {
			return err
		}
		var hasSource, hasTarget bool
		if err := row.Scan(&hasSource, &hasTarget); err != nil {
			return fmt.Errorf("sqlitestore: add edge (%v, %v): %w", sourceHash, targetHash, err)
		}
		if !hasSource {
			return fmt.Errorf("source vertex %v: %w", sourceHash, graph.ErrVertexNotFound)
		}
		if !hasTarget {
			return fmt.Errorf("target vertex %v: %w", targetHash, graph.ErrVertexNotFound)
		}
		_, err = tx.exec(tx.sql.addEdge,
			src, tgt, edge.Properties.Weight, attrs, data)
		if err != nil {
			return fmt.Errorf("sqlitestore: add edge (%v, %v): %w", sourceHash, targetHash, err)
		}
		return nil
	})
}

// UpdateEdge replaces the properties of an existing edge, or returns
// graph.ErrEdgeNotFound.
func (s *Store[K, T]) UpdateEdge(sourceHash, targetHash K, edge graph.Edge[K]) error {
	src, tgt, err := encodeKeys(sourceHash, targetHash)
	if err != nil {
		return err
	}
	attrs, data, err := s.encodeEdge(edge)
	if err != nil {
		return err
	}
	res, err := s.exec(s.sql.updateEdge,
		edge.Properties.Weight, attrs, data, src, tgt)
	if err != nil {
		return fmt.Errorf("sqlitestore: update edge (%v, %v): %w", sourceHash, targetHash, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlitestore: update edge (%v, %v): %w", sourceHash, targetHash, err)
	} else if n == 0 {
		return graph.ErrEdgeNotFound
	}
	return nil
}

// RemoveEdge removes the edge from sourceHash to targetHash. Removing an edge
// that does not exist is not an error, as in the in-memory store.
func (s *Store[K, T]) RemoveEdge(sourceHash, targetHash K) error {
	src, tgt, err := encodeKeys(sourceHash, targetHash)
	if err != nil {
		return err
	}
	if _, err := s.exec(s.sql.removeEdge, src, tgt); err != nil {
		return fmt.Errorf("sqlitestore: remove edge (%v, %v): %w", sourceHash, targetHash, err)
	}
	return nil
}

// Edge returns the edge from sourceHash to targetHash (not the reverse one),
// with copies of its attributes, or graph.ErrEdgeNotFound.
func (s *Store[K, T]) Edge(sourceHash, targetHash K) (graph.Edge[K], error) {
	src, tgt, err := encodeKeys(sourceHash, targetHash)
	if err != nil {
		return graph.Edge[K]{}, err
	}
	row, err := s.queryRow(s.sql.edge, src, tgt)
	if err != nil {
		return graph.Edge[K]{}, err
	}
	var weight int
	var attrs, data []byte
	switch err := row.Scan(&weight, &attrs, &data); {
	case errors.Is(err, sql.ErrNoRows):
		return graph.Edge[K]{}, graph.ErrEdgeNotFound
	case err != nil:
		return graph.Edge[K]{}, fmt.Errorf("sqlitestore: edge (%v, %v): %w", sourceHash, targetHash, err)
	}
	return s.decodeEdge(sourceHash, targetHash, weight, attrs, data)
}

func (s *Store[K, T]) decodeEdge(source, target K, weight int, attrs, data []byte) (graph.Edge[K], error) {
	e := graph.Edge[K]{Source: source, Target: target, Properties: graph.EdgeProperties{Weight: weight}}
	if err := json.Unmarshal(attrs, &e.Properties.Attributes); err != nil {
		return graph.Edge[K]{}, fmt.Errorf("sqlitestore: decode attributes of edge (%v, %v): %w", source, target, err)
	}
	d, err := s.cfg.dataCodec.Unmarshal(data)
	if err != nil {
		return graph.Edge[K]{}, fmt.Errorf("sqlitestore: decode data of edge (%v, %v): %w", source, target, err)
	}
	e.Properties.Data = d
	return e, nil
}

// ListEdges returns all edges in insertion order.
func (s *Store[K, T]) ListEdges() ([]graph.Edge[K], error) {
	rows, err := s.query(s.sql.listEdges)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: list edges: %w", err)
	}
	defer rows.Close()
	edges := make([]graph.Edge[K], 0)
	for rows.Next() {
		var src, tgt string
		var weight int
		var attrs, data []byte
		if err := rows.Scan(&src, &tgt, &weight, &attrs, &data); err != nil {
			return nil, fmt.Errorf("sqlitestore: list edges: %w", err)
		}
		sk, err := decodeKey[K](src)
		if err != nil {
			return nil, err
		}
		tk, err := decodeKey[K](tgt)
		if err != nil {
			return nil, err
		}
		e, err := s.decodeEdge(sk, tk, weight, attrs, data)
		if err != nil {
			return nil, err
		}
		edges = append(edges, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlitestore: list edges: %w", err)
	}
	return edges, nil
}

// CreatesCycle reports whether an edge from source to target would close a
// cycle. graph.Graph uses it, when the store has it, for the PreventCycles
// trait; it answers like the in-memory store's fast path, in one recursive
// query instead of loading the whole graph.
func (s *Store[K, T]) CreatesCycle(source, target K) (bool, error) {
	if _, _, err := s.Vertex(source); err != nil {
		return false, fmt.Errorf("could not get vertex with hash %v: %w", source, err)
	}
	if _, _, err := s.Vertex(target); err != nil {
		return false, fmt.Errorf("could not get vertex with hash %v: %w", target, err)
	}
	if source == target {
		return true, nil
	}
	src, tgt, err := encodeKeys(source, target)
	if err != nil {
		return false, err
	}
	// Walk from source to its predecessors; a path from target to source
	// means source -> target closes a cycle.
	row, err := s.queryRow(s.sql.ancestors, src, tgt)
	if err != nil {
		return false, err
	}
	var cycle bool
	if err := row.Scan(&cycle); err != nil {
		return false, fmt.Errorf("sqlitestore: cycle check (%v, %v): %w", source, target, err)
	}
	return cycle, nil
}
