package quotegraph

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docsOf is a source that yields the given documents, and errs[i] (if any) in
// place of document i.
func docsOf(docs []Doc, errs map[int]error) iter.Seq2[Doc, error] {
	return func(yield func(Doc, error) bool) {
		for i, d := range docs {
			if err := errs[i]; err != nil {
				if !yield(Doc{}, err) {
					return
				}
				continue
			}
			if !yield(d, nil) {
				return
			}
		}
	}
}

// corpus makes n documents of very different sizes, so that workers finish
// them out of order.
func corpus(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		var b strings.Builder
		for k := range 1 + (i*7919)%23 {
			fmt.Fprintf(&b, "\"We will finish the job %d,\" Minister Jane Smith told reporters. Officials said talks would resume on day %d.\n\n", k, i)
		}
		docs[i] = Doc{ID: fmt.Sprintf("doc-%03d", i), Text: b.String()}
	}
	return docs
}

// collect runs AnalyzeAll to the end.
func collect(t *testing.T, a *Analyzer, ctx context.Context, src iter.Seq2[Doc, error]) ([]*Article, []error) {
	t.Helper()
	var arts []*Article
	var errs []error
	for art, err := range a.AnalyzeAll(ctx, src) {
		assert.True(t, (art == nil) != (err == nil), "an article exactly when there is no error")
		arts = append(arts, art)
		errs = append(errs, err)
	}
	return arts, errs
}

func TestAnalyzeAllOrderAndContent(t *testing.T) {
	docs := corpus(60)
	seq := New()
	for _, workers := range []int{1, 2, 7} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			// Why: results must come in input order and equal what Analyze
			// gives alone, whatever the number of workers.
			arts, errs := collect(t, New(WithWorkers(workers)), context.Background(), docsOf(docs, nil))
			require.Len(t, arts, len(docs))
			for i, d := range docs {
				require.NoError(t, errs[i])
				want, err := seq.Analyze(d.Text)
				require.NoError(t, err)
				want.ID = d.ID
				assert.Equal(t, want, arts[i], "document %d", i)
			}
		})
	}
}

func TestAnalyzeAllIDOverridesWithID(t *testing.T) {
	// Why: each article carries its own document's ID, not the Analyzer's.
	arts, _ := collect(t, New(WithID("fixed")), context.Background(), docsOf([]Doc{{ID: "a", Text: "x"}, {ID: "", Text: "y"}}, nil))
	require.Len(t, arts, 2)
	assert.Equal(t, "a", arts[0].ID)
	assert.Equal(t, "", arts[1].ID)
}

func TestAnalyzeAllErrorsArePerDocument(t *testing.T) {
	docs := corpus(20)
	readErr := errors.New("line 6: malformed JSON")
	defer func(f func(*Analyzer, string) (*Article, error)) { analyze = f }(analyze)
	analyze = func(a *Analyzer, text string) (*Article, error) {
		switch {
		case strings.Contains(text, "day 9."):
			panic("boom")
		case strings.Contains(text, "day 12."):
			return nil, errors.New("refused")
		case strings.Contains(text, "day 15."):
			return nil, nil
		}
		return a.Analyze(text)
	}
	arts, errs := collect(t, New(WithWorkers(3)), context.Background(), docsOf(docs, map[int]error{5: readErr}))
	require.Len(t, arts, len(docs), "no document is lost")
	for _, tc := range []struct {
		index int
		why   string
		want  string
	}{
		{5, "a source error keeps its position", "line 6: malformed JSON"},
		{9, "a panic in the pipeline becomes the document's error, with the stack", "quotegraph panicked: boom"},
		{12, "an analysis error becomes the document's error", "refused"},
		{15, "an analysis that returns nothing is an error, not a nil article", "no article"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			var de *DocError
			require.ErrorAs(t, errs[tc.index], &de)
			assert.Equal(t, tc.index, de.Index)
			assert.Contains(t, de.Error(), tc.want)
			if tc.index == 5 {
				assert.ErrorIs(t, errs[tc.index], readErr)
			} else {
				assert.Equal(t, docs[tc.index].ID, de.ID)
			}
		})
	}
	for i, art := range arts {
		if i == 5 || i == 9 || i == 12 || i == 15 {
			continue
		}
		require.NoError(t, errs[i], "document %d", i)
		assert.Equal(t, docs[i].ID, art.ID)
	}
}

func TestAnalyzeAllFuncLoad(t *testing.T) {
	// The items are "id|text" lines that load splits, on the workers.
	lines := []string{"a|\"Fine,\" he said.", "b", "c|boom", "d|Officials said talks would resume."}
	src := func(yield func(string, error) bool) {
		for _, l := range lines {
			if !yield(l, nil) {
				return
			}
		}
	}
	load := func(l string) (Doc, error) {
		id, text, ok := strings.Cut(l, "|")
		switch {
		case !ok:
			return Doc{ID: id}, errors.New("no text")
		case text == "boom":
			panic("load failed")
		}
		return Doc{ID: id, Text: text}, nil
	}
	var arts []*Article
	var errs []error
	for art, err := range AnalyzeAllFunc(context.Background(), New(WithWorkers(2)), src, load) {
		arts, errs = append(arts, art), append(errs, err)
	}
	require.Len(t, arts, 4, "no item is lost")
	for _, tc := range []struct {
		index int
		why   string
		want  string // the error, or "" for an article
	}{
		{0, "a loaded item is analysed with its ID", ""},
		{1, "an error from load is the item's error, with the ID load gave", "document 1 (b): no text"},
		{2, "a panic in load is the item's error too", "quotegraph panicked: load failed"},
		{3, "the items after a failure go on", ""},
	} {
		t.Run(tc.why, func(t *testing.T) {
			if tc.want == "" {
				require.NoError(t, errs[tc.index])
				assert.Equal(t, lines[tc.index][:1], arts[tc.index].ID)
				assert.NotEmpty(t, arts[tc.index].Quotes)
				return
			}
			var de *DocError
			require.ErrorAs(t, errs[tc.index], &de)
			assert.Equal(t, tc.index, de.Index)
			assert.ErrorContains(t, de, tc.want)
		})
	}
}

func TestAnalyzeAllMap(t *testing.T) {
	docs := corpus(40)
	seq := New()
	// finish turns each article into its ID and number of quotes, fails on
	// one document and panics on another.
	type summary struct {
		id     string
		quotes int
	}
	finish := func(_ Doc, art *Article) (summary, error) {
		switch art.ID {
		case "doc-007":
			return summary{id: "ignored"}, errors.New("cannot encode")
		case "doc-011":
			panic("finish failed")
		}
		return summary{art.ID, len(art.Quotes)}, nil
	}
	load := func(d Doc) (Doc, error) { return d, nil }
	for _, workers := range []int{1, 2, 7} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var got []summary
			var errs []error
			for s, err := range AnalyzeAllMap(context.Background(), New(WithWorkers(workers)), docsOf(docs, nil), load, finish) {
				got, errs = append(got, s), append(errs, err)
			}
			require.Len(t, got, len(docs), "no document is lost")
			for i, d := range docs {
				switch i {
				case 7, 11:
					// Why: an error or a panic in finish is the document's
					// *DocError, with the zero value, at its position.
					var de *DocError
					require.ErrorAs(t, errs[i], &de, "document %d", i)
					assert.Equal(t, i, de.Index)
					assert.Equal(t, d.ID, de.ID)
					assert.Zero(t, got[i])
					if i == 7 {
						assert.ErrorContains(t, de, "cannot encode")
					} else {
						assert.ErrorContains(t, de, "quotegraph panicked: finish failed")
					}
					continue
				}
				// Why: the results of finish come in input order, made from
				// the article Analyze gives and the document's ID.
				require.NoError(t, errs[i], "document %d", i)
				want, err := seq.Analyze(d.Text)
				require.NoError(t, err)
				assert.Equal(t, summary{d.ID, len(want.Quotes)}, got[i], "document %d", i)
			}
		})
	}
}

func TestAnalyzeAllMapFinishesOnTheWorkers(t *testing.T) {
	// Why: finish must run on the workers, several at once, not one at a
	// time on the loop's goroutine: that is what it is for. Each call waits
	// until a second one has started; called one at a time, the first
	// would wait in vain.
	var started atomic.Int32
	finish := func(Doc, *Article) (bool, error) {
		started.Add(1)
		deadline := time.Now().Add(10 * time.Second)
		for started.Load() < 2 {
			if time.Now().After(deadline) {
				return false, nil
			}
			time.Sleep(time.Millisecond)
		}
		return true, nil
	}
	load := func(d Doc) (Doc, error) { return d, nil }
	n := 0
	for overlapped, err := range AnalyzeAllMap(context.Background(), New(WithWorkers(2)), docsOf(corpus(4), nil), load, finish) {
		require.NoError(t, err)
		assert.True(t, overlapped, "result %d: finish ran alone", n)
		n++
	}
	assert.Equal(t, 4, n)
}

func TestAnalyzeAllSourcePanic(t *testing.T) {
	// Why: a panicking source must not crash the program from a goroutine
	// the caller cannot guard; it ends the stream with an error instead.
	src := func(yield func(Doc, error) bool) {
		yield(Doc{ID: "a", Text: "x"}, nil)
		panic("bad source")
	}
	arts, errs := collect(t, New(WithWorkers(2)), context.Background(), src)
	require.Len(t, arts, 2)
	assert.NoError(t, errs[0])
	assert.ErrorContains(t, errs[1], "the source panicked: bad source")
}

func TestAnalyzeAllEmpty(t *testing.T) {
	// Why: an empty corpus yields nothing, not an error.
	arts, errs := collect(t, New(), context.Background(), docsOf(nil, nil))
	assert.Empty(t, arts)
	assert.Empty(t, errs)
}

// endless is a source that never ends, counting what it produced.
func endless(produced *atomic.Int64) iter.Seq2[Doc, error] {
	return func(yield func(Doc, error) bool) {
		for i := 0; ; i++ {
			produced.Add(1)
			if !yield(Doc{ID: fmt.Sprint(i), Text: `"Fine," he said.`}, nil) {
				return
			}
		}
	}
}

func TestAnalyzeAllBoundedMemory(t *testing.T) {
	// Why: a corpus larger than memory must stream: the source may run
	// ahead of the loop by a few documents per worker, never more.
	const workers = 3
	var produced atomic.Int64
	limit := int64(inFlight*workers + workers + 2)
	consumed := int64(0)
	for _, err := range New(WithWorkers(workers)).AnalyzeAll(context.Background(), endless(&produced)) {
		require.NoError(t, err)
		consumed++
		if consumed == 5 {
			// Give the reader every chance to run ahead.
			for range 100 {
				runtime.Gosched()
			}
			time.Sleep(20 * time.Millisecond)
		}
		require.LessOrEqual(t, produced.Load()-consumed, limit)
		if consumed == 50 {
			break
		}
	}
	assert.EqualValues(t, 50, consumed)
}

func TestAnalyzeAllStops(t *testing.T) {
	for _, tc := range []struct {
		why    string
		cancel bool // cancel the context rather than break
	}{
		{"breaking out of the loop stops the source and the workers", false},
		{"cancelling the context ends the loop with ctx.Err()", true},
	} {
		t.Run(tc.why, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stopped := make(chan struct{})
			// The source yields three documents and then blocks, as a read
			// from a quiet pipe would, until the test ends it.
			release := make(chan struct{})
			src := func(yield func(Doc, error) bool) {
				defer close(stopped)
				for i := range 3 {
					if !yield(Doc{ID: fmt.Sprint(i), Text: `"Fine," he said.`}, nil) {
						return
					}
				}
				<-release
				yield(Doc{ID: "late"}, nil)
			}
			var got []error
			n := 0
			done := make(chan struct{})
			go func() {
				defer close(done)
				for art, err := range New(WithWorkers(2)).AnalyzeAll(ctx, src) {
					if err != nil {
						got = append(got, err)
						continue
					}
					n++
					require.NotNil(t, art)
					if n == 3 {
						if !tc.cancel {
							break
						}
						cancel()
					}
				}
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("AnalyzeAll did not stop while the source was blocked")
			}
			assert.Equal(t, 3, n)
			if tc.cancel {
				require.Len(t, got, 1)
				assert.ErrorIs(t, got[0], context.Canceled)
			} else {
				assert.Empty(t, got)
			}
			assert.Eventually(t, func() bool { return !running("quotegraph.work[") },
				30*time.Second, 10*time.Millisecond, "the workers end while the source is still blocked")
			close(release) // the source's next yield must return false
			select {
			case <-stopped:
			case <-time.After(30 * time.Second):
				t.Fatal("the source was not stopped")
			}
			assert.Eventually(t, func() bool { return !running("quotegraph.read[") },
				30*time.Second, 10*time.Millisecond, "AnalyzeAll's goroutines end")
		})
	}
}

// running reports whether a goroutine is running fn.
func running(fn string) bool {
	buf := make([]byte, 1<<20)
	return strings.Contains(string(buf[:runtime.Stack(buf, true)]), fn)
}

func TestAnalyzeAllCancelledBefore(t *testing.T) {
	// Why: a context cancelled before the start reads nothing at all.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var produced atomic.Int64
	arts, errs := collect(t, New(), ctx, endless(&produced))
	require.Len(t, errs, 1)
	assert.Nil(t, arts[0])
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.Zero(t, produced.Load())
}

func TestWithWorkers(t *testing.T) {
	for _, tc := range []struct {
		why  string
		n    int
		want int
	}{
		{"the default is one worker per core", 0, runtime.GOMAXPROCS(0)},
		{"a negative count means the default", -3, runtime.GOMAXPROCS(0)},
		{"an explicit count is kept", 5, 5},
	} {
		t.Run(tc.why, func(t *testing.T) {
			assert.Equal(t, tc.want, New(WithWorkers(tc.n)).workers())
		})
	}
}

func TestDocErrorMessage(t *testing.T) {
	// Why: the message names the document by position and, when known, ID.
	assert.EqualError(t, &DocError{Index: 3, ID: "a", Err: errors.New("x")}, "document 3 (a): x")
	assert.EqualError(t, &DocError{Index: 3, Err: errors.New("x")}, "document 3: x")
}
