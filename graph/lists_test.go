package graph

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/lexicon"
)

// TestLists: every embedded list parses, which is what keeps list from
// panicking, and the lists agree with each other.
func TestLists(t *testing.T) {
	names, err := fs.Glob(data, "data/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, n := range names {
		n = strings.TrimSuffix(strings.TrimPrefix(n, "data/"), ".txt")
		require.NotPanics(t, func() { list(n) }, n)
		assert.NotEmpty(t, list(n), n)
	}
	stop := lexicon.NewTable(list("stopwords"))
	for _, e := range list("topics") {
		label := e.Value
		if label == "" {
			label = e.Phrase
		}
		_, isStop := stop.Lookup(strings.ToLower(label))
		assert.False(t, isStop, "topic %q is a stop word", label)
	}
	for _, e := range list("stopwords") {
		assert.NotEmpty(t, e.Value, "stop word %q has a class", e.Phrase)
	}
	known := map[string]bool{"mutual": true, "with": true, "between": true}
	for _, e := range list("relations") {
		fs := strings.Fields(e.Value)
		require.NotEmpty(t, fs, "relation phrase %q names its relation", e.Phrase)
		for _, f := range fs[1:] {
			assert.True(t, known[f], "relation phrase %q: unknown flag %q", e.Phrase, f)
		}
	}
}

// TestSharedListsMayBeMissing: a list package lexicon does not ship yet
// reads as empty instead of panicking.
func TestSharedListsMayBeMissing(t *testing.T) {
	assert.Nil(t, shared("no-such-list"))
}
