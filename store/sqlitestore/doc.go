// Package sqlitestore keeps a github.com/dominikbraun/graph graph in a SQLite
// database, so that the graph outlives the process and can grow run after run.
//
// It lives in its own Go module so that users of quotegraph who do not need it
// never compile SQLite: the driver is modernc.org/sqlite, a pure-Go
// translation of SQLite, so no cgo and no C toolchain are needed.
//
// # The store
//
// [Store] implements graph.Store[K, T] of dominikbraun/graph v0.23.0 and
// behaves like that library's default in-memory store, which the tests prove
// by running one table of behaviour cases against both:
//
//   - AddVertex returns graph.ErrVertexAlreadyExists for a known hash;
//   - Vertex returns graph.ErrVertexNotFound for an unknown one;
//   - RemoveVertex returns graph.ErrVertexNotFound, or graph.ErrVertexHasEdges
//     while an edge still starts or ends at the vertex;
//   - AddEdge replaces an edge that already exists, as the in-memory store
//     does (an undirected self-loop is stored twice under the same key, so an
//     error here would break graph.Graph.AddEdge); graph.Graph.AddEdge itself
//     returns graph.ErrEdgeAlreadyExists before it reaches the store;
//   - UpdateEdge and Edge return graph.ErrEdgeNotFound for a missing edge;
//   - RemoveEdge of a missing edge is not an error;
//   - VertexCount equals len(ListVertices());
//   - CreatesCycle, the fast path graph.Graph uses for the PreventCycles
//     trait, answers as the in-memory one does, in one recursive query.
//
// Where the two differ, this store is the stricter one, on purpose:
//
//   - AddEdge returns graph.ErrVertexNotFound when either end is missing (the
//     in-memory store accepts a dangling edge; graph.Graph never asks for one),
//     so the database never holds an edge without its vertices;
//   - attribute maps are copied in and out: changing a map after AddVertex, or
//     changing the map Vertex returned, never changes what is stored (the
//     in-memory store keeps and hands out the caller's map);
//   - ListVertices and ListEdges return insertion order instead of map order;
//   - an edge is returned with the Source and Target it is stored under.
//
// # Keys, values and edge data
//
// Hashes (K), vertex values (T) and EdgeProperties.Data are stored as JSON
// (encoding/json). K may be any comparable type whose JSON encoding is equal
// exactly when the values are equal: strings, integers, booleans, and arrays or
// structs of those. Pointers, floats (NaN) and interfaces holding such values
// are not supported. T must round-trip through encoding/json (exported fields).
// Edge data is decoded into an any, so a number comes back as float64 and a
// struct as map[string]any; use [WithDataCodec] to keep concrete types.
//
// # Transactions and crashes
//
// Every method is atomic on its own. [Store.Batch] runs many of them in one
// transaction: either all of them are in the database afterwards or none is,
// even if the process is killed half way (SQLite's write-ahead log; the tests
// kill a child process in the middle of a batch). A batch is also much faster
// than the same calls one by one, because the database is synced once per
// transaction. Batches nest through savepoints.
//
// The store holds a single connection, so it is safe for concurrent use and
// calls are serialized. Inside a Batch callback use only the *Store it passes
// in; calling the outer store there would wait for the batch forever.
//
// # The persistent corpus graph
//
// [Corpus] is quotegraph's corpus graph in the same kind of database. It is
// fed article by article, over as many runs as you like, and articles are
// keyed by ID: adding an article that is already there with the same content
// changes nothing (its weights are never counted twice), and new content
// under an old ID replaces the old article. Its graph is always exactly
// graph.Build over the stored articles, so it equals what `quotegraph graph`
// builds from the same input in one go.
//
//	c, err := sqlitestore.OpenCorpus("news.db")
//	...
//	c.AddDocs(quotegraph.Doc{ID: "g20-antalya", Text: text})   // or Add(graph.Article{...})
//	g, err := c.Graph()                                        // a *graph.Graph: TopSpeakers, Topics, ...
//	c.Sync()                                                   // refresh the materialized graph.Store
//
// The corpus stores each article's text and attributions (the input of the
// graph package) and rebuilds the graph from them when asked; the graph
// package exports no lossless form of a graph to update in place. Sync keeps
// a materialized copy in a Store (tables corpus_vertices and corpus_edges)
// for SQL and for the algorithms of dominikbraun/graph.
package sqlitestore
