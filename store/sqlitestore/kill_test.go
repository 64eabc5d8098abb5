package sqlitestore

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The kill tests re-run this test binary as a child process that writes to a
// database and is killed (SIGKILL, no chance to clean up) in the middle of a
// batch. The parent then opens the database and checks it.
const (
	childEnv = "SQLITESTORE_KILL_CHILD" // mode:path
	// padding makes rows big enough that a batch spills pages into the
	// write-ahead log before it commits.
	padding = 2000
)

func TestMain(m *testing.M) {
	if v := os.Getenv(childEnv); v != "" {
		mode, path, _ := strings.Cut(v, ":")
		if err := child(mode, path); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// addChain adds n vertices prefix-0..n-1 linked by n-1 edges.
func addChain(tx *Store[string, city], prefix string, n int, after func(i int)) error {
	pad := []string{strings.Repeat("x", padding)}
	for i := range n {
		k := fmt.Sprintf("%s-%d", prefix, i)
		if err := tx.AddVertex(k, city{Name: k, Tags: pad}, props(i, map[string]string{"batch": prefix})); err != nil {
			return err
		}
		if i > 0 {
			prev := fmt.Sprintf("%s-%d", prefix, i-1)
			if err := tx.AddEdge(prev, k, edge(prev, k, 1, nil, nil)); err != nil {
				return err
			}
		}
		if after != nil {
			after(i)
		}
	}
	return nil
}

func child(mode, path string) error {
	s, err := Open[string, city](path)
	if err != nil {
		return err
	}
	switch mode {
	case "mid-batch":
		// One committed batch, then a big one that stops half way: the
		// parent kills the process while the transaction is open and its
		// pages are already in the log.
		if err := s.Batch(func(tx *Store[string, city]) error { return addChain(tx, "committed", 50, nil) }); err != nil {
			return err
		}
		return s.Batch(func(tx *Store[string, city]) error {
			return addChain(tx, "doomed", 4000, func(i int) {
				if i == 2000 {
					fmt.Println("MID")
					time.Sleep(time.Hour)
				}
			})
		})
	case "corpus":
		// A committed Add of three articles, then an Add of the others that
		// is killed after writing two of them.
		arts := graphArticles(panicTB{}, bundledDocs(panicTB{}))
		c, err := OpenCorpus(path)
		if err != nil {
			return err
		}
		if _, err := c.Add(arts[:3]...); err != nil {
			return err
		}
		c.afterArticle = func(i int) {
			if i == 1 {
				fmt.Println("MID")
				time.Sleep(time.Hour)
			}
		}
		_, err = c.Add(arts[3:]...)
		return err
	case "loop":
		// Batches of 100 back to back until killed at a random moment.
		for b := 0; ; b++ {
			prefix := fmt.Sprintf("p%d-b%d", os.Getpid(), b)
			if err := s.Batch(func(tx *Store[string, city]) error { return addChain(tx, prefix, 100, nil) }); err != nil {
				return err
			}
			fmt.Println("COMMITTED", b)
		}
	}
	return fmt.Errorf("unknown mode %q", mode)
}

// startChild runs the child and returns once it has printed a line with
// prefix ready.
func startChild(t *testing.T, mode, path, ready string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode+":"+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill() }) // never leave a sleeping child behind
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if strings.HasPrefix(lines.Text(), ready) {
			go func() { // keep draining so the child never blocks on stdout
				for lines.Scan() {
				}
			}()
			return cmd
		}
	}
	cmd.Wait()
	t.Fatalf("child exited before printing %q", ready)
	return nil
}

func kill(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	require.NoError(t, cmd.Process.Kill())
	err := cmd.Wait()
	require.Error(t, err, "the child must have died of the signal, not finished")
	assert.Contains(t, err.Error(), "killed")
}

// checkDB opens the database after a crash and checks SQLite's integrity and
// foreign keys; it returns the vertex and edge counts.
func checkDB(t *testing.T, path string) (vertices, edges int) {
	t.Helper()
	s, err := Open[string, city](path)
	require.NoError(t, err)
	defer s.Close()
	var res string
	require.NoError(t, s.DB().QueryRow("PRAGMA integrity_check").Scan(&res))
	assert.Equal(t, "ok", res)
	rows, err := s.DB().Query("PRAGMA foreign_key_check")
	require.NoError(t, err)
	assert.False(t, rows.Next(), "an edge points to a missing vertex")
	rows.Close()
	vertices, err = s.VertexCount()
	require.NoError(t, err)
	es, err := s.ListEdges()
	require.NoError(t, err)
	// The store is writable again after recovery.
	require.NoError(t, s.AddVertex(fmt.Sprint("probe-", time.Now().UnixNano()), city{}, props(0, nil)))
	return vertices, len(es)
}

func TestKillMidBatch(t *testing.T) {
	path := t.TempDir() + "/kill.db"
	cmd := startChild(t, "mid-batch", path, "MID")
	// Premise: the open batch has really written to the log already.
	st, err := os.Stat(path + "-wal")
	require.NoError(t, err)
	require.Greater(t, st.Size(), int64(1<<20), "the doomed batch should have spilled into the WAL (the committed one takes ~0.1 MB)")
	t.Logf("WAL holds %d bytes at the kill", st.Size())
	kill(t, cmd)

	v, e := checkDB(t, path)
	assert.Equal(t, 50, v, "the committed batch is all there, the doomed one not at all")
	assert.Equal(t, 49, e)
}

func TestKillAtRandom(t *testing.T) {
	path := t.TempDir() + "/kill.db"
	batches := 0
	for round := range 3 {
		cmd := startChild(t, "loop", path, "COMMITTED")
		time.Sleep(time.Duration(rand.IntN(200)) * time.Millisecond)
		kill(t, cmd)
		v, e := checkDB(t, path)
		v -= round // probes of the earlier rounds
		assert.Zero(t, v%100, "round %d: %d vertices is not a whole number of batches", round, v)
		assert.Equal(t, 99*(v/100), e, "round %d: edges of a partial batch", round)
		assert.Greater(t, v/100, batches, "round %d: no batch was committed", round)
		batches = v / 100
	}
	t.Logf("%d batches committed over 3 kills", batches)
}

// panicTB lets the test helpers run in the child, where there is no test.
type panicTB struct{ testing.TB }

func (panicTB) Helper()                           {}
func (panicTB) Errorf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (panicTB) FailNow()                          { panic("FailNow") }

func TestKillCorpusMidAdd(t *testing.T) {
	arts := graphArticles(t, bundledDocs(t))
	require.Greater(t, len(arts), 5, "premise: enough bundled articles for two batches")
	path := t.TempDir() + "/corpus.db"
	kill(t, startChild(t, "corpus", path, "MID"))

	checkDB(t, path) // integrity and foreign keys
	c, err := OpenCorpus(path)
	require.NoError(t, err)
	defer c.Close()
	ids, err := c.IDs()
	require.NoError(t, err)
	want := []string{arts[0].ID, arts[1].ID, arts[2].ID}
	slices.Sort(want)
	assert.Equal(t, want, ids, "the killed Add left nothing behind")
	assert.Equal(t, buildJSON(t, arts[:3]), corpusJSON(t, c))
}
