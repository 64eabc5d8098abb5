// Package golden compares what a test makes with a file kept beside it, an
// expected output or a generated table, and rewrites the file instead when
// the tests run with -update:
//
//	go test ./... -update
//
// It is for tests only; every package's golden files and generated tables
// go through it, so that one flag refreshes them all.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files and generated tables instead of comparing with them")

// Check compares got with the file at path, or, under -update, writes got
// there. refresh is the command that rewrites the file, for the message of
// a failure.
func Check(t testing.TB, path string, got []byte, refresh string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "%s is missing: %s writes it", path, refresh)
	if !bytes.Equal(want, got) {
		t.Errorf("%s is not what the test makes; if the change is right, %s rewrites it\n%s", path, refresh, lineDiff(string(want), string(got)))
	}
}

// lineDiff lists the lines of want that got lacks and the lines of got that
// want lacks, twenty at most: enough to see what changed in a file of
// thousands of lines.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	inW, inG := map[string]bool{}, map[string]bool{}
	for _, l := range w {
		inW[l] = true
	}
	for _, l := range g {
		inG[l] = true
	}
	var out []string
	for _, l := range w {
		if !inG[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if !inW[l] {
			out = append(out, "+ "+l)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("... and %d more", len(out)-20))
	}
	return strings.Join(out, "\n")
}
