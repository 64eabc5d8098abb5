package graph

import (
	"fmt"
	"github.com/quotegraph/quotegraph/internal/errlist"
)

// Error is a problem with one part of the input: an attribution whose span
// lies outside its article, a malformed node of a JSON graph. Where names the
// part ("g20-antalya: attribution 3", "edge 12").
type Error struct {
	Where string
	Msg   string
}

func (e Error) Error() string { return e.Where + ": " + e.Msg }

// ErrorList collects problems; the parts they concern are left out and the
// rest of the input is used. The zero value is an empty list.
type ErrorList []Error

// Add appends a problem.
func (l *ErrorList) Add(where, format string, args ...any) {
	*l = append(*l, Error{Where: where, Msg: fmt.Sprintf(format, args...)})
}

// Error returns the first problem and how many more there are.
func (l ErrorList) Error() string { return errlist.Summary(l, "") }

// Err returns nil when the list is empty, and the list itself otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
