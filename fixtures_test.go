package quotegraph_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/internal/golden"
	"github.com/quotegraph/quotegraph/testdata"
)

// TestFixtures runs every article of testdata/fixtures, one phenomenon each
// (its "why" says which), against its hand-made expectations. Each fixture's
// full output is pinned in NAME.golden.json, and the scoreboard of all of
// them in testdata/fixtures/scoreboard.golden: a fixture that gets better or
// worse shows up as a diff to accept with -update.
func TestFixtures(t *testing.T) {
	wants, err := filepath.Glob("testdata/fixtures/*.want.json")
	require.NoError(t, err)
	require.NotEmpty(t, wants)
	sort.Strings(wants)
	var board strings.Builder
	totalWant, totalFound, totalRight, totalViolations := 0, 0, 0, 0
	for _, wpath := range wants {
		name := strings.TrimSuffix(filepath.Base(wpath), ".want.json")
		t.Run(name, func(t *testing.T) {
			want := loadExpectation(t, wpath)
			require.NotEmpty(t, want.Why, "every fixture says why it exists")
			text := readArticle(t, filepath.Join("testdata/fixtures", name+".txt"))
			art, err := quotegraph.Analyze(text, quotegraph.WithID(name))
			require.NoError(t, err)
			for _, q := range art.Quotes {
				require.Equal(t, text[q.Start:q.End], q.Text, "spans index the input")
			}
			found, right := 0, 0
			for i, o := range check(text, art, want) {
				w := want.Quotes[i]
				switch {
				case !o.found:
					t.Logf("%s: not found: %q", want.Why[:min(40, len(want.Why))], abbreviate(w.Text))
				case !o.speakerOK:
					found++
					t.Logf("wrong speaker for %q: want %s, got %q", abbreviate(w.Text), w.Speaker, o.got.Speaker.Name)
				default:
					found++
					right++
				}
			}
			violations := 0
			for _, nq := range want.NotQuotes {
				for _, q := range art.Quotes {
					if strings.Contains(q.Text, nq) {
						violations++
						t.Logf("reported as a quote: %q", abbreviate(nq))
						break
					}
				}
			}
			fmt.Fprintf(&board, "%-32s found %2d/%-2d  right speaker %2d  not-quotes broken %d\n", name, found, len(want.Quotes), right, violations)
			totalWant += len(want.Quotes)
			totalFound += found
			totalRight += right
			totalViolations += violations
			golden.Check(t, filepath.Join("testdata/fixtures", name+".golden.json"), marshal(t, art), "go test -update")
		})
	}
	fmt.Fprintf(&board, "%-32s found %d/%d  right speaker %d  not-quotes broken %d\n", "TOTAL", totalFound, totalWant, totalRight, totalViolations)
	t.Log("\n" + board.String())
	golden.Check(t, "testdata/fixtures/scoreboard.golden", []byte(board.String()), "go test -update")
	// The floor under the whole set: most quotes found, most speakers right.
	assert.GreaterOrEqual(t, totalFound*100, totalWant*85, "share of expected quotes found")
	assert.GreaterOrEqual(t, totalRight*100, totalWant*70, "share with the right speaker")
}

// TestFixtureFilesPair keeps every fixture article with its expectations.
func TestFixtureFilesPair(t *testing.T) {
	txts, _ := filepath.Glob("testdata/fixtures/*.txt")
	for _, p := range txts {
		_, err := os.Stat(strings.TrimSuffix(p, ".txt") + ".want.json")
		assert.NoError(t, err, "%s has no .want.json", p)
	}
}

// TestBundledArticles checks the embedded copies that package testdata hands
// to programs and to the other modules' tests (go test ./... skips testdata
// folders, so the check lives here).
func TestBundledArticles(t *testing.T) {
	files, err := filepath.Glob("testdata/fixtures/*.txt")
	require.NoError(t, err)
	arts := testdata.Bundled()
	require.Len(t, arts, len(files)+1, "the seed and every fixture")
	assert.Equal(t, testdata.SeedID, arts[0].ID, "the seed comes first")
	for _, a := range arts[1:] {
		b, err := os.ReadFile(filepath.Join("testdata/fixtures", a.ID+".txt"))
		require.NoError(t, err)
		assert.Equal(t, string(b), a.Text, "the embedded copy is the file")
	}
	assert.NotEmpty(t, testdata.Newswire)
}
