package evaluate

import (
	"fmt"
	"github.com/quotegraph/quotegraph/internal/errlist"
)

// Error is a problem in an input file: the file, the line (1-based) and what
// is wrong, with a path into the JSON object ("quotes[2].start: …").
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.File != "":
		return e.File + ": " + e.Msg
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// ErrorList is every problem found in one file, in the order of the file.
// The zero value is an empty list ready to use.
type ErrorList []*Error

// Add appends a problem at a line of file.
func (l *ErrorList) Add(file string, line int, msg string) {
	*l = append(*l, &Error{File: file, Line: line, Msg: msg})
}

// Error gives the first problem and how many more there are.
func (l ErrorList) Error() string { return errlist.Summary(l, "errors") }

// Err returns nil when the list is empty, and the list itself otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
