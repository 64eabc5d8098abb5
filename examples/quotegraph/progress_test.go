package main

import (
	"bytes"
	"io"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProgressLine(t *testing.T) {
	for _, tc := range []struct {
		why                    string
		articles, bytes, total int64
		elapsed                time.Duration
		final                  bool
		want                   string
	}{
		{"unknown size: counts and speed only", 12, 5e6, -2, 2 * time.Second, false,
			"12 articles  5.0 MB  2.5 MB/s"},
		{"known size: the share done and the time left", 10, 25e6, 100e6, 10 * time.Second, false,
			"10 articles  25.0 MB  2.5 MB/s  [#####...............]  25%  ETA 0:30"},
		{"no ETA in the first second, when the speed means little", 1, 1e6, 100e6, 500 * time.Millisecond, false,
			"1 articles  1.0 MB  2.0 MB/s  [....................]   1%"},
		{"hours in the ETA", 1, 1e6, 10e9, 10 * time.Second, false,
			"1 articles  1.0 MB  0.1 MB/s  [....................]   0%  ETA 27:46:30"},
		{"the final line gives the time taken", 840, 12e6, 12e6, 1500 * time.Millisecond, true,
			"840 articles  12.0 MB  8.0 MB/s  in 1.5s"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			assert.Equal(t, tc.want, progressLine(tc.articles, tc.bytes, tc.total, tc.elapsed, tc.final))
		})
	}
}

func TestIsTerminal(t *testing.T) {
	// Why: the bar must never reach a file, a pipe or a test's buffer.
	assert.False(t, isTerminal(&bytes.Buffer{}))
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer null.Close()
	assert.False(t, isTerminal(null), "the null device is a character device but no terminal")
	f, err := os.Create(t.TempDir() + "/log")
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f))
}

func TestTotalSize(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "12345", "sub/b.txt": "123", ".hidden": "1234567"})
	for _, tc := range []struct {
		why   string
		paths []string
		stdin io.Reader
		want  int64
	}{
		{"files and folders add up, hidden names skipped as the reader skips them", []string{dir}, nil, 8},
		{"stdin from a pipe makes the total unknowable", []string{dir, "-"}, &bytes.Buffer{}, -2},
	} {
		t.Run(tc.why, func(t *testing.T) {
			assert.Equal(t, tc.want, totalSize(tc.paths, tc.stdin, make(chan struct{})))
		})
	}
}
