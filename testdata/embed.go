// Package testdata makes the project's own articles available to programs
// and to the tests of every module, so that each has one copy only: the
// files next to this one.
package testdata

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Seed is the seed article, testdata/g20-antalya.txt: an AFP report of the
// G-20 summit in Antalya, November 2015.
//
//go:embed g20-antalya.txt
var Seed string

// SeedID is the seed article's ID, its file name without the extension.
const SeedID = "g20-antalya"

// Newswire is testdata/bench/newswire.txt: about 50 KB of varied news prose
// of our own writing, for benchmarks.
//
//go:embed bench/newswire.txt
var Newswire string

//go:embed fixtures/*.txt
var fixtures embed.FS

// Article is a bundled article and its ID, the file name without extension.
type Article struct {
	ID, Text string
}

// Bundled returns the seed article and then every fixture article of
// testdata/fixtures, in file-name order.
func Bundled() []Article {
	out := []Article{{ID: SeedID, Text: Seed}}
	names, _ := fs.Glob(fixtures, "fixtures/*.txt")
	sort.Strings(names)
	for _, n := range names {
		b, _ := fixtures.ReadFile(n)
		out = append(out, Article{ID: strings.TrimSuffix(path.Base(n), ".txt"), Text: string(b)})
	}
	return out
}
