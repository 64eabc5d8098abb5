package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// isTerminal reports whether w is a terminal, where a progress bar may be
// drawn: a character device other than the null device.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(fi, null) {
		return false
	}
	return os.Getenv("TERM") != "dumb"
}

// progress draws a one-line progress bar on a terminal: articles done, bytes
// read, speed, and with a known total size the share done and the time left.
type progress struct {
	rep   *reporter
	src   *source
	start time.Time
	total atomic.Int64 // input bytes in all; -1 while unknown, -2 if unknowable
	drawn bool         // a line is on the screen (guarded by rep.mu)
	quit  chan struct{}
	wg    sync.WaitGroup
}

// startProgress starts drawing; stop ends it.
func startProgress(rep *reporter, src *source) *progress {
	p := &progress{rep: rep, src: src, start: time.Now(), quit: make(chan struct{})}
	p.total.Store(-1)
	rep.mu.Lock()
	rep.bar = p
	rep.mu.Unlock()
	p.wg.Add(2)
	go func() { // the total size, for the ETA, without delaying the work
		defer p.wg.Done()
		p.total.Store(totalSize(src.paths, src.stdin, p.quit))
	}()
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw(false)
			case <-p.quit:
				return
			}
		}
	}()
	return p
}

// stop draws the final figures and ends the line.
func (p *progress) stop() {
	close(p.quit)
	p.wg.Wait()
	p.draw(true)
	p.rep.mu.Lock()
	p.rep.bar = nil
	p.rep.mu.Unlock()
}

func (p *progress) draw(final bool) {
	line := progressLine(p.rep.articles.Load(), p.src.bytes.Load(), p.total.Load(), time.Since(p.start), final)
	p.rep.mu.Lock()
	defer p.rep.mu.Unlock()
	p.clear(p.rep.w)
	io.WriteString(p.rep.w, line)
	p.drawn = true
	if final {
		io.WriteString(p.rep.w, "\n")
		p.drawn = false
	}
}

// clear erases the bar's line; the caller holds rep.mu.
func (p *progress) clear(w io.Writer) {
	if p.drawn {
		io.WriteString(w, "\r\x1b[K")
		p.drawn = false
	}
}

// progressLine is the text of the bar. total < 0 means the size is unknown.
func progressLine(articles, bytes, total int64, elapsed time.Duration, final bool) string {
	var b strings.Builder
	mb := float64(bytes) / 1e6
	fmt.Fprintf(&b, "%d articles  %.1f MB", articles, mb)
	if s := elapsed.Seconds(); s > 0 {
		fmt.Fprintf(&b, "  %.1f MB/s", mb/s)
	}
	switch {
	case final:
		fmt.Fprintf(&b, "  in %s", elapsed.Round(100*time.Millisecond))
	case total > 0:
		frac := min(float64(bytes)/float64(total), 1)
		const width = 20
		full := int(frac * width)
		fmt.Fprintf(&b, "  [%s%s] %3.0f%%", strings.Repeat("#", full), strings.Repeat(".", width-full), frac*100)
		if bytes > 0 && elapsed > time.Second {
			left := time.Duration(float64(elapsed) * (1/frac - 1))
			fmt.Fprintf(&b, "  ETA %s", clock(left))
		}
	}
	return b.String()
}

// clock formats a duration as h:mm:ss or m:ss.
func clock(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// totalSize adds up the sizes of the input files, or says it cannot be
// known (-2): stdin from a pipe. It gives up when quit is closed.
func totalSize(paths []string, stdin io.Reader, quit <-chan struct{}) int64 {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	var total int64
	for _, p := range paths {
		if p == "-" {
			f, ok := stdin.(*os.File)
			if !ok {
				return -2
			}
			fi, err := f.Stat()
			if err != nil || !fi.Mode().IsRegular() {
				return -2
			}
			total += fi.Size()
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			select {
			case <-quit:
				return fs.SkipAll
			default:
			}
			if err != nil {
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
				total += fi.Size()
			}
			return nil
		})
	}
	return total
}
