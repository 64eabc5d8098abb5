package quote

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/quotegraph/quotegraph/internal/errlist"
)

// Kind says how much of a quotation is in the speaker's own words.
type Kind string

const (
	// Direct quotes are entirely inside quotation marks.
	Direct Kind = "direct"
	// Mixed quotes are reported speech that carries a quoted fragment.
	Mixed Kind = "mixed"
	// Indirect quotes are reported speech with no quotation marks.
	Indirect Kind = "indirect"
)

// Span is a half-open byte range [Start, End) into the original input.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Quote is one quoted statement.
//
// Start and End cover the whole statement as it stands in the text: with its
// quotation marks for a direct quote, the reported clause for mixed and
// indirect speech. Text is always text[Start:End] of the input.
type Quote struct {
	Span
	Text string `json:"text"`
	Kind Kind   `json:"kind"`
	// Inner is the span without the outer quotation marks (direct quotes only).
	Inner *Span `json:"inner,omitempty"`
	// Pieces lists the parts of a quote that is not one run of text: one per
	// paragraph of a multi-paragraph quote, or the two halves of a quote that a
	// cue interrupts ("The plan," she said, "is dead."). Nil for a single run.
	Pieces []Span `json:"pieces,omitempty"`
}

// Error is a problem found at a byte offset of the input, such as a quotation
// mark that never closes. It never stops the analysis.
type Error struct {
	Offset int    `json:"offset"`
	Msg    string `json:"message"`
}

func (e Error) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

// ErrorList is a list of positioned problems, sorted by offset.
// The zero value is an empty list ready to use.
type ErrorList []Error

// Add appends a problem at offset.
func (l *ErrorList) Add(offset int, msg string) { *l = append(*l, Error{Offset: offset, Msg: msg}) }

// Sort orders the list by offset, then by message.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b Error) int {
		if a.Offset != b.Offset {
			return cmp.Compare(a.Offset, b.Offset)
		}
		return strings.Compare(a.Msg, b.Msg)
	})
}

// Error joins the messages: the first one, and how many more there are.
func (l ErrorList) Error() string { return errlist.Summary(l, "") }

// Err returns nil when the list is empty, and the list itself otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
