package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// recorder is a testing.TB that notes failures instead of failing.
type recorder struct {
	testing.TB
	errors []string
	failed bool
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, format)
	r.failed = true
}
func (r *recorder) FailNow() { r.failed = true; panic(r) }

func check(t *testing.T, path string, got []byte) (r *recorder) {
	r = &recorder{TB: t}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	Check(r, path, got, "go generate")
	return r
}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "table.go")
	assert.True(t, check(t, path, []byte("x\n")).failed, "a missing file fails")
	assert.NoError(t, os.WriteFile(path, []byte("a\nb\n"), 0o644))
	assert.False(t, check(t, path, []byte("a\nb\n")).failed, "the same bytes pass")
	assert.True(t, check(t, path, []byte("a\nc\n")).failed, "other bytes fail")
	*update = true
	defer func() { *update = false }()
	assert.False(t, check(t, path, []byte("a\nc\n")).failed, "under -update the file is written")
	b, err := os.ReadFile(path)
	assert.NoError(t, err)
	assert.Equal(t, "a\nc\n", string(b))
}

func TestLineDiff(t *testing.T) {
	assert.Equal(t, "- b\n+ c", lineDiff("a\nb\n", "a\nc\n"))
	var want []string
	for i := range 30 {
		want = append(want, fmt.Sprint("line ", i))
	}
	d := lineDiff(strings.Join(want, "\n"), "line 0")
	assert.Equal(t, 21, strings.Count(d, "\n")+1, "twenty lines and a count")
	assert.Contains(t, d, "... and 9 more")
}
