package quotegraph

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime/debug"
)

// Doc is one article of a corpus: the text to analyse and the ID its Article
// carries.
type Doc struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// DocError is the failure of one document of a corpus: the source could not
// read it, or its analysis failed. It never affects the other documents.
type DocError struct {
	// Index is the document's position in the input, counting from 0; every
	// pair the source yields, failed or not, takes one position.
	Index int
	// ID is the document's ID, when the source gave one.
	ID string
	// Err is what went wrong: the source's error, or the analysis's.
	Err error
}

func (e *DocError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("document %d (%s): %v", e.Index, e.ID, e.Err)
	}
	return fmt.Sprintf("document %d: %v", e.Index, e.Err)
}

// Unwrap returns the underlying error.
func (e *DocError) Unwrap() error { return e.Err }

// inFlight is how many documents per worker AnalyzeAll holds at most: read
// and waiting, being analysed, or analysed and waiting for their turn.
const inFlight = 4

// AnalyzeAll analyses a stream of documents on several goroutines (see
// WithWorkers) and yields their articles in input order, each with the ID of
// its document.
//
// Memory stays bounded whatever the size of the corpus: AnalyzeAll reads
// ahead at most a few documents per worker, and reads no further until the
// loop has taken the oldest result.
//
// Failures are per document. When the source yields an error, or the
// analysis of a document fails (a panic in the pipeline is caught and
// reported with its stack), the loop gets a nil article and a *DocError at
// that document's position, and goes on with the next one. The article is
// non-nil exactly when the error is nil.
//
// When ctx is cancelled, the loop gets a nil article and ctx.Err() once and
// ends at once, without waiting for documents being analysed or for a source
// blocked in a read; the goroutines it started end on their own, and the
// source's next yield returns false. Breaking out of the loop stops the same
// way. The source is called from a goroutine of AnalyzeAll's, one call at a
// time.
func (a *Analyzer) AnalyzeAll(ctx context.Context, docs iter.Seq2[Doc, error]) iter.Seq2[*Article, error] {
	return AnalyzeAllFunc(ctx, a, docs, func(d Doc) (Doc, error) { return d, nil })
}

// AnalyzeAllFunc is AnalyzeAll for a source whose items take work to become
// documents: lines of JSON to decode, files to read. load runs on the
// workers, so that this work is spread over the cores with the analysis
// instead of holding up the one goroutine that reads the source. An error
// from load (or a panic in it) is the item's *DocError; everything else is
// as with AnalyzeAll.
func AnalyzeAllFunc[T any](ctx context.Context, a *Analyzer, items iter.Seq2[T, error], load func(T) (Doc, error)) iter.Seq2[*Article, error] {
	return AnalyzeAllMap(ctx, a, items, load, keep)
}

// keep is the finish of AnalyzeAll and AnalyzeAllFunc: the article itself.
func keep(_ Doc, art *Article) (*Article, error) { return art, nil }

// AnalyzeAllMap is AnalyzeAllFunc with a last step on the workers: finish
// turns each article into the value the loop gets, such as its encoding as
// a line of JSON. Whatever finish does is spread over the cores with the
// analysis, rather than done one article at a time on the goroutine of the
// loop; the loop is left with only what must be done in order, such as
// writing the bytes out.
//
// finish gets the document and its article, the ID set, and may change the
// article (the document is there for what needs the text beside it). An
// error from finish (or a panic in it) is the item's *DocError, and the loop
// gets the zero R with it; the other items go on. Results come in input
// order, memory stays bounded, and cancelling or breaking stops at once,
// all as with AnalyzeAll.
func AnalyzeAllMap[T, R any](ctx context.Context, a *Analyzer, items iter.Seq2[T, error], load func(T) (Doc, error), finish func(Doc, *Article) (R, error)) iter.Seq2[R, error] {
	return func(yield func(R, error) bool) {
		var zero R
		if err := ctx.Err(); err != nil {
			yield(zero, err)
			return
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		workers := a.workers()
		// order holds the jobs in input order; its capacity bounds the
		// items in memory. jobs feeds the workers.
		order := make(chan *job[T, R], inFlight*workers)
		jobs := make(chan *job[T, R], workers)
		go read(ctx, items, order, jobs)
		for range workers {
			go work(ctx, a, load, finish, jobs)
		}
		for {
			var j *job[T, R]
			select {
			case j = <-order:
			case <-ctx.Done():
			}
			if j == nil { // order closed: the source is done
				if err := ctx.Err(); err != nil {
					yield(zero, err)
				}
				return
			}
			select {
			case <-j.done:
			case <-ctx.Done():
			}
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			if !yield(j.res, j.err) {
				return
			}
		}
	}
}

// job is one item on its way through AnalyzeAllMap.
type job[T, R any] struct {
	index int
	item  T
	res   R
	err   error
	done  chan struct{} // closed when res or err is set
}

// read takes items from the source and queues them in order and for the
// workers, until the source ends or ctx is done.
func read[T, R any](ctx context.Context, items iter.Seq2[T, error], order, jobs chan<- *job[T, R]) {
	defer close(order)
	defer close(jobs)
	index := 0
	defer func() {
		if r := recover(); r != nil {
			j := &job[T, R]{index: index, done: make(chan struct{})}
			j.err = &DocError{Index: index, Err: fmt.Errorf("the source panicked: %v\n%s", r, debug.Stack())}
			close(j.done)
			select {
			case order <- j:
			case <-ctx.Done():
			}
		}
	}()
	for it, err := range items {
		j := &job[T, R]{index: index, item: it, done: make(chan struct{})}
		index++
		if err != nil {
			var zero T
			j.item = zero
			de := &DocError{Index: j.index, Err: err}
			if d, ok := any(it).(Doc); ok {
				de.ID = d.ID
			}
			j.err = de
			close(j.done)
		}
		select {
		case order <- j:
		case <-ctx.Done():
			return
		}
		if err != nil {
			continue
		}
		select {
		case jobs <- j:
		case <-ctx.Done():
			return
		}
	}
}

// work loads, analyses and finishes the items of jobs until it is closed or
// ctx is done.
func work[T, R any](ctx context.Context, a *Analyzer, load func(T) (Doc, error), finish func(Doc, *Article) (R, error), jobs <-chan *job[T, R]) {
	for {
		select {
		case j, ok := <-jobs:
			if !ok {
				return
			}
			j.res, j.err = analyzeItem(a, j.index, j.item, load, finish)
			var zero T
			j.item = zero // let the text go as soon as it is analysed
			close(j.done)
		case <-ctx.Done():
			return
		}
	}
}

// analyze is the analysis of one document; tests replace it.
var analyze = (*Analyzer).Analyze

// analyzeItem loads, analyses and finishes one item, turning a failure or a
// panic into a *DocError.
func analyzeItem[T, R any](a *Analyzer, index int, item T, load func(T) (Doc, error), finish func(Doc, *Article) (R, error)) (res R, err error) {
	var d Doc
	defer func() {
		if r := recover(); r != nil {
			var zero R
			res, err = zero, &DocError{Index: index, ID: d.ID, Err: fmt.Errorf("quotegraph panicked: %v\n%s", r, debug.Stack())}
		}
	}()
	fail := func(err error) (R, error) {
		var zero R
		return zero, &DocError{Index: index, ID: d.ID, Err: err}
	}
	d, err = load(item)
	if err != nil {
		return fail(err)
	}
	art, err := analyze(a, d.Text)
	switch {
	case err != nil:
		return fail(err)
	case art == nil:
		return fail(errors.New("the analysis returned no article"))
	}
	art.ID = d.ID
	if res, err = finish(d, art); err != nil {
		return fail(err)
	}
	return res, nil
}
