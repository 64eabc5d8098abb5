package testdata

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBundled(t *testing.T) {
	files, err := filepath.Glob("fixtures/*.txt")
	require.NoError(t, err)
	arts := Bundled()
	require.Len(t, arts, len(files)+1, "the seed and every fixture")
	assert.Equal(t, SeedID, arts[0].ID, "the seed comes first")
	for _, a := range arts[1:] {
		b, err := os.ReadFile(filepath.Join("fixtures", a.ID+".txt"))
		require.NoError(t, err)
		assert.Equal(t, string(b), a.Text, "the embedded copy is the file")
	}
	assert.NotEmpty(t, Newswire)
}
