package wordindex

import (
	"go/ast"
	"go/parser"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAppendGo checks that AppendGo writes a Go expression that holds every
// slot with a word at its index, the words that do not pack, and the
// index's constants; the stages' generated tables are tested by their
// lookups.
func TestAppendGo(t *testing.T) {
	x := New([]string{"said", "Élysée", "abcdefghijklmnopqrstuvwxyz", "he"})
	src := string(x.AppendGo(nil))
	e, err := parser.ParseExpr(src)
	require.NoError(t, err, src)
	lit := e.(*ast.UnaryExpr).X.(*ast.CompositeLit)
	fields := map[string]ast.Expr{}
	for _, f := range lit.Elts {
		kv := f.(*ast.KeyValueExpr)
		fields[kv.Key.(*ast.Ident).Name] = kv.Value
	}
	slots := fields["Slots"].(*ast.CompositeLit).Elts
	var filled []int
	for i, s := range x.Slots {
		if s.Key != (Key{}) {
			filled = append(filled, i)
		}
	}
	var written []int
	for _, s := range slots {
		i, err := strconv.Atoi(s.(*ast.KeyValueExpr).Key.(*ast.BasicLit).Value)
		require.NoError(t, err)
		if i != len(x.Slots)-1 || x.Slots[i].Key != (Key{}) {
			written = append(written, i)
		}
	}
	assert.Equal(t, filled, written, "the slots that hold a word, at their index")
	assert.Len(t, fields["Other"].(*ast.CompositeLit).Elts, 2, "élysée and the long word do not pack")
	for _, name := range []string{"M1", "M2", "Shift", "Longest"} {
		assert.Contains(t, fields, name)
	}
}
