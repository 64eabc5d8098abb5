package errlist

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSummary(t *testing.T) {
	a, b := errors.New("a"), errors.New("b")
	assert.Equal(t, "no errors", Summary([]error{}, ""))
	assert.Equal(t, "a", Summary([]error{a}, ""), "one error is itself")
	assert.Equal(t, "a (and 1 more)", Summary([]error{a, b}, ""))
	assert.Equal(t, "a (and 1 more errors)", Summary([]error{a, b}, "errors"), "the caller names the rest")
}
