package quotegraph_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/internal/golden"
)

// TestSeedArticle checks the hand-made gold annotation of the seed article:
// of its 18 attributions at least 16 must be found with the right speaker.
func TestSeedArticle(t *testing.T) {
	text := readArticle(t, "testdata/g20-antalya.txt")
	want := loadExpectation(t, "testdata/g20-antalya.want.json")
	require.Len(t, want.Quotes, 18)
	art, err := quotegraph.Analyze(text, quotegraph.WithID("g20-antalya"))
	require.NoError(t, err)
	right := 0
	for i, o := range check(text, art, want) {
		w := want.Quotes[i]
		switch {
		case !o.found:
			t.Logf("not found: %q (%s)", abbreviate(w.Text), w.Speaker)
		case !o.speakerOK:
			t.Logf("wrong speaker: %q: want %s, got %q", abbreviate(w.Text), w.Speaker, o.got.Speaker.Name)
		default:
			right++
		}
	}
	t.Logf("%d of %d attributions found with the right speaker", right, len(want.Quotes))
	assert.GreaterOrEqual(t, right, 16)
	for _, nq := range want.NotQuotes {
		for _, q := range art.Quotes {
			assert.NotContains(t, q.Text, nq, "not a quote")
		}
	}
}

// TestSeedGolden pins the whole output on the seed article.
func TestSeedGolden(t *testing.T) {
	text := readArticle(t, "testdata/g20-antalya.txt")
	art, err := quotegraph.Analyze(text, quotegraph.WithID("g20-antalya"))
	require.NoError(t, err)
	golden.Check(t, "testdata/g20-antalya.golden.json", marshal(t, art), "go test -update")
}

func abbreviate(s string) string {
	if len(s) > 60 {
		return strings.TrimSpace(s[:57]) + "..."
	}
	return s
}
