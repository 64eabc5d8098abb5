package quotegraph_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/speaker"
)

// expectation is a hand-made annotation of an article: what a careful reader
// finds (testdata/*.want.json).
type expectation struct {
	Why    string `json:"why"`
	Quotes []struct {
		Text       string `json:"text"`
		Kind       string `json:"kind"`
		Speaker    string `json:"speaker"`
		SpeakerRef string `json:"speaker_ref"`
		Kind2      string `json:"speaker_kind"`
		Mention    string `json:"mention"`
		Cue        string `json:"cue"`
		Addressee  string `json:"addressee"`
	} `json:"quotes"`
	NotQuotes []string `json:"not_quotes"`
}

func loadExpectation(t *testing.T, path string) expectation {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var e expectation
	require.NoError(t, json.Unmarshal(b, &e), path)
	return e
}

var nameWords = regexp.MustCompile(`[a-z0-9]+`)

// titleWords are dropped before names are compared, as the GGT evaluation does.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms miss dr prof sir dame lord lady rev president prime minister
chancellor sen senator rep gov governor secretary gen general mayor premier king queen prince princess
chief judge justice the a an of`) {
		titleWords[w] = true
	}
}

func words(name string) map[string]bool {
	out := map[string]bool{}
	for _, w := range nameWords.FindAllString(strings.ToLower(name), -1) {
		if !titleWords[w] {
			out[w] = true
		}
	}
	return out
}

// samePerson: one name's words are all in the other's, for any of the
// alternatives of ref separated by "|".
func samePerson(ref, name string) bool {
	b := words(name)
	for _, alt := range strings.Split(ref, "|") {
		a := words(alt)
		if len(a) == 0 || len(b) == 0 {
			continue
		}
		if subset(a, b) || subset(b, a) {
			return true
		}
	}
	return false
}

func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// outcome of one expected quote.
type outcome struct {
	found, speakerOK bool
	got              *speaker.Attribution
}

// check finds each expected quote among the attributions: found when an
// attribution covers at least 80% of it, right when the speaker is the same
// person.
func check(text string, art *quotegraph.Article, e expectation) []outcome {
	out := make([]outcome, len(e.Quotes))
	used := map[int]bool{}
	for i, w := range e.Quotes {
		s := strings.Index(text, w.Text)
		if s < 0 {
			continue
		}
		gs, ge := s, s+len(w.Text)
		best, bestShare := -1, 0.8
		for k, a := range art.Quotes {
			if used[k] {
				continue
			}
			inter := min(ge, a.End) - max(gs, a.Start)
			if share := float64(inter) / float64(ge-gs); share >= bestShare {
				best, bestShare = k, share
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		a := &art.Quotes[best]
		ref := w.SpeakerRef
		if ref == "" {
			ref = w.Speaker
		}
		out[i] = outcome{found: true, got: a, speakerOK: a.Speaker != nil && samePerson(ref, a.Speaker.Name)}
	}
	return out
}

func readArticle(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

func marshal(t *testing.T, v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}
