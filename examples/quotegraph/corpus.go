package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/quotegraph/quotegraph"
)

// corpus is the input of a command that analyses many articles: files,
// folders (read recursively) and stdin, as plain text (one article a file)
// or as JSON Lines (one {"id", "text"} object a line).
//
// Folders are walked in lexical order; files and folders whose names begin
// with "." are skipped there, but a file named on the command line is always
// read. Symbolic links to files are read, links to folders are not followed.
type corpus struct {
	cmd     string   // the command, for messages: "quotegraph extract"
	paths   []string // files, folders and "-" for stdin; none means stdin
	jsonl   bool
	workers int // 0: one per core
	stdin   io.Reader
	stderr  io.Writer
}

// corpusFlags adds the flags of every command that reads a corpus, -jsonl
// and -workers, to fs, and returns the corpus they fill in; parseCorpus
// completes it.
func corpusFlags(fs *flag.FlagSet, cmd string) *corpus {
	c := &corpus{cmd: cmd}
	fs.BoolVar(&c.jsonl, "jsonl", false, "read JSON Lines: one {\"id\", \"text\"} object a line")
	fs.IntVar(&c.workers, "workers", 0, "analyse `N` articles at once (default: one per core)")
	return c
}

// parseCorpus parses args with fs and completes c with the inputs the
// arguments name. When ok is false, the command is over and code is its exit
// status: 0 after -h, 2 on bad usage, which fs or parseCorpus reported.
func parseCorpus(fs *flag.FlagSet, args []string, c *corpus, stdin io.Reader, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if c.workers < 0 {
		fmt.Fprintf(stderr, "%s: -workers %d: want 0 (one per core) or more\n", c.cmd, c.workers)
		return 2, false
	}
	c.paths, c.stdin, c.stderr = fs.Args(), stdin, stderr
	return 0, true
}

// analyzeCorpus runs the pipeline over the corpus, turns each article into
// an R with finish, and hands the Rs to emit in input order. A problem with
// one input (a missing file, a malformed line, a failed analysis, an error
// from finish) is reported on stderr, naming the file or the line, and the
// others go on; invalid UTF-8 is reported and analysed as it is. An error
// from emit stops the run. Reading files, decoding lines and finish happen
// on the workers, with the analysis; only emit runs on the caller's
// goroutine, one article at a time.
//
// It returns the exit status: 1 when nothing could be read or emit failed,
// 0 otherwise.
func analyzeCorpus[R any](ctx context.Context, c *corpus, finish func(quotegraph.Doc, *quotegraph.Article) (R, error), emit func(R) error) int {
	rep := &reporter{w: c.stderr, cmd: c.cmd}
	src := &source{corpus: c, rep: rep, free: make(chan []byte, 64)}
	if isTerminal(c.stderr) {
		bar := startProgress(rep, src)
		defer bar.stop()
	}
	a := quotegraph.New(quotegraph.WithWorkers(c.workers))
	read, failed := 0, 0
	for res, err := range quotegraph.AnalyzeAllMap(ctx, a, src.items(), src.load, finish) {
		it := rep.next()
		if err != nil {
			failed++
			rep.fail(it, err)
			continue
		}
		rep.notes(it)
		if err := emit(res); err != nil {
			rep.printf("%s: %v\n", c.cmd, err)
			return 1
		}
		read++
		rep.articles.Add(1)
	}
	if read == 0 && failed > 0 {
		return 1
	}
	return 0
}

// item is one input on its way to becoming an article.
type item struct {
	name string // the file, or "stdin", for messages
	line int    // the line of a JSON Lines input, 0 for a whole file
	path string // a file to read, on a worker; "" when data holds the input
	data []byte // a JSON line, or an article read from stdin
	// lineBuf is set when data is a buffer of the source's, for load to
	// hand back once the line is decoded.
	lineBuf bool
	// id and notes are set by the source, or by load on a worker before the
	// loop takes the item.
	id    string
	notes []string // warnings, printed when the article is
}

// pos is where the item is, for messages: "FILE" or "FILE:LINE".
func (it *item) pos() string {
	if it.line == 0 {
		return it.name
	}
	return fmt.Sprintf("%s:%d", it.name, it.line)
}

// inputError is a problem of the input; its message follows item.pos.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

func inputErrorf(format string, args ...any) error {
	return &inputError{fmt.Sprintf(format, args...)}
}

// reporter writes to stderr for the loop and the progress bar, one at a
// time. The source queues each item it yields; the loop takes them back in
// the same order with the results, and prints what there is to say of each
// in input order.
type reporter struct {
	cmd      string
	articles atomic.Int64 // articles emitted, for the progress bar

	mu    sync.Mutex
	w     io.Writer
	queue []*item // the items yielded whose results the loop has not taken
	head  int
	bar   *progress // nil when there is none
}

// push queues an item the source is about to yield.
func (r *reporter) push(it *item) {
	r.mu.Lock()
	r.queue = append(r.queue, it)
	r.mu.Unlock()
}

// next takes the item of the result the loop has reached.
func (r *reporter) next() *item {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.head == len(r.queue) {
		return &item{}
	}
	it := r.queue[r.head]
	r.queue[r.head] = nil
	r.head++
	if r.head > 64 && r.head*2 > len(r.queue) { // as short as the read-ahead
		n := copy(r.queue, r.queue[r.head:])
		clear(r.queue[n:])
		r.queue = r.queue[:n]
		r.head = 0
	}
	return it
}

// notes prints the warnings of an item.
func (r *reporter) notes(it *item) {
	for _, n := range it.notes {
		r.printf("%s: %s: %s\n", r.cmd, it.pos(), n)
	}
}

// fail prints why an item has no article.
func (r *reporter) fail(it *item, err error) {
	var ie *inputError
	var de *quotegraph.DocError
	switch {
	case errors.As(err, &ie):
		r.notes(it)
		r.printf("%s: %s: %s\n", r.cmd, it.pos(), ie.msg)
	case errors.As(err, &de) && it.name != "":
		r.notes(it)
		r.printf("%s: %s (id %q): %v\n", r.cmd, it.pos(), it.id, de.Err)
	default:
		r.printf("%s: %v\n", r.cmd, err)
	}
}

// printf writes a message, clearing the progress bar's line first.
func (r *reporter) printf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bar != nil {
		r.bar.clear(r.w)
	}
	fmt.Fprintf(r.w, format, args...)
}

// source reads the items of a corpus.
type source struct {
	*corpus
	rep   *reporter
	bytes atomic.Int64 // input bytes read, for the progress bar
	free  chan []byte  // line buffers load has done with
}

type yieldFunc = func(*item, error) bool

// items yields the inputs in order: a file to read for each plain-text
// file, the bytes of each JSON line, stdin's article.
func (s *source) items() iter.Seq2[*item, error] {
	return func(yield yieldFunc) {
		paths := s.paths
		if len(paths) == 0 {
			paths = []string{"-"}
		}
		for _, p := range paths {
			if !s.input(p, yield) {
				return
			}
		}
	}
}

// emit yields one item, after queueing it for the loop.
func (s *source) emit(yield yieldFunc, it *item, err error) bool {
	s.rep.push(it)
	return yield(it, err)
}

// fail yields an input error at line of file name (0: the whole file).
func (s *source) fail(yield yieldFunc, name string, line int, err error) bool {
	var pe *fs.PathError
	if errors.As(err, &pe) { // the message names the file already
		err = pe.Err
	}
	return s.emit(yield, &item{name: name, line: line}, inputErrorf("%v", err))
}

// input yields the items of one command-line argument.
func (s *source) input(path string, yield yieldFunc) bool {
	if path == "-" {
		return s.stream("stdin", s.stdin, yield)
	}
	info, err := os.Stat(path)
	if err != nil {
		return s.fail(yield, path, 0, err)
	}
	if !info.IsDir() {
		return s.file(path, yield)
	}
	ok := true
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if ok = s.fail(yield, p, 0, err); !ok {
				return fs.SkipAll
			}
			return nil
		}
		hidden := p != path && strings.HasPrefix(d.Name(), ".")
		switch {
		case d.IsDir() && hidden:
			return fs.SkipDir
		case d.IsDir() || hidden:
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		case !d.Type().IsRegular():
			return nil
		}
		if ok = s.file(p, yield); !ok {
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		ok = s.fail(yield, path, 0, err)
	}
	return ok
}

// file yields the items of one file: the file itself, for a worker to read,
// or its lines.
func (s *source) file(path string, yield yieldFunc) bool {
	if !s.jsonl {
		return s.emit(yield, &item{name: path, path: path, id: fileID(path)}, nil)
	}
	f, err := os.Open(path)
	if err != nil {
		return s.fail(yield, path, 0, err)
	}
	defer f.Close()
	return s.stream(path, f, yield)
}

// stream yields the items of a reader: its lines with -jsonl, else the whole
// of it as one article.
func (s *source) stream(name string, r io.Reader, yield yieldFunc) bool {
	if s.jsonl {
		return s.lines(name, r, yield)
	}
	b, err := io.ReadAll(r)
	s.bytes.Add(int64(len(b)))
	if err != nil {
		return s.fail(yield, name, 0, err)
	}
	return s.emit(yield, &item{name: name, data: b, id: name}, nil)
}

// lines yields the lines of a JSON Lines input, skipping blank lines. Each
// line is copied into a buffer that load hands back once it has decoded
// the line, so that a long corpus is read through a few warm buffers.
func (s *source) lines(name string, r io.Reader, yield yieldFunc) bool {
	br := bufio.NewReaderSize(r, 256<<10)
	for n := 1; ; n++ {
		line := s.lineBuffer()
		var err error
		for {
			var part []byte
			part, err = br.ReadSlice('\n')
			line = append(line, part...)
			if err != bufio.ErrBufferFull {
				break
			}
		}
		s.bytes.Add(int64(len(line)))
		if err != nil && err != io.EOF {
			return s.fail(yield, name, n, err)
		}
		data := line
		if n == 1 {
			data = bytes.TrimPrefix(data, []byte("\uFEFF"))
		}
		if len(bytes.TrimSpace(data)) > 0 {
			if !s.emit(yield, &item{name: name, line: n, data: data, lineBuf: true}, nil) {
				return false
			}
		} else {
			s.recycle(line)
		}
		if err == io.EOF {
			return true
		}
	}
}

// lineBuffer is an empty buffer for a line: one that load handed back, or
// a new one.
func (s *source) lineBuffer() []byte {
	select {
	case b := <-s.free:
		return b[:0]
	default:
		return make([]byte, 0, 16<<10)
	}
}

// recycle hands a line's buffer back, unless enough are waiting.
func (s *source) recycle(b []byte) {
	if cap(b) > 1<<20 { // an outsize line: let it go
		return
	}
	select {
	case s.free <- b[:0]:
	default:
	}
}

// load turns an item into a document, on a worker: it reads the file, or
// decodes the JSON line.
func (s *source) load(it *item) (quotegraph.Doc, error) {
	data := it.data
	it.data = nil
	if it.lineBuf {
		// The document holds copies of what it takes from the line.
		defer s.recycle(data)
	}
	if it.path != "" {
		var err error
		if data, err = os.ReadFile(it.path); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return quotegraph.Doc{}, inputErrorf("%v", err)
		}
		s.bytes.Add(int64(len(data)))
	}
	if !s.jsonl {
		if off := invalidUTF8(data); off >= 0 {
			it.notes = append(it.notes, fmt.Sprintf("invalid UTF-8 at byte %d: analysed as it is; offsets index the original bytes, and texts in the output show U+FFFD for bad bytes", off))
		}
		return quotegraph.Doc{ID: it.id, Text: string(data)}, nil
	}
	d, msg := parseLine(data)
	it.id = d.ID
	if msg != "" {
		return quotegraph.Doc{}, inputErrorf("%s", msg)
	}
	if !utf8.Valid(data) {
		it.notes = append(it.notes, "invalid UTF-8 in the line: each bad byte is read as U+FFFD, and offsets index the text so read")
	}
	return d, nil
}

// fileID is a file's name without folder and extension: the ID of the
// article it holds.
func fileID(path string) string {
	base := filepath.Base(path)
	if id := strings.TrimSuffix(base, filepath.Ext(base)); id != "" {
		return id
	}
	return base
}

// invalidUTF8 is the offset of the first byte of b that is not UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
