package quote

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/quotegraph/quotegraph/internal/segment"
)

// TestReleaseKeepsNoText checks that a finder handed back to the pool holds
// no quote of the texts it ran on anywhere in its buffer's capacity, after a
// long text and then shorter ones: release clears only what a run wrote, so
// that a long text does not cost every later one a clear of all of it.
func TestReleaseKeepsNoText(t *testing.T) {
	long := strings.Repeat(`"We will win," he said. `, 200)
	f := &finder{}
	for _, text := range []string{long, `"Yes," she said.`, long[:len(long)/2], ""} {
		o := options{cues: defaultCues}
		res := f.run(segment.New(text), &o)
		require.NotNil(t, res)
		if text == long {
			require.Greater(t, len(res.Quotes), 100, "the long text has quotes to clear")
		}
		f.release()
		for i, q := range f.out[:cap(f.out)] {
			require.Empty(t, q.Text, "quote %d of the capacity after %.20q", i, text)
		}
	}
}
