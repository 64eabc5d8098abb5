// Package testdata makes the seed article available to programs, so that it
// has one copy only: the file next to this one, which the tests read too.
package testdata

import _ "embed"

// Seed is the seed article, testdata/g20-antalya.txt: an AFP report of the
// G-20 summit in Antalya, November 2015.
//
//go:embed g20-antalya.txt
var Seed string

// SeedID is the seed article's ID, its file name without the extension.
const SeedID = "g20-antalya"
