// Package frame carries what the quote stage learns about each quote's
// reporting frame (its cue, the words naming the speaker, the addressee) to
// the speaker stage, without making it part of the public quote.Quote type.
package frame

import "github.com/quotegraph/quotegraph/internal/segment"

// Span is a byte range; Start < 0 means absent.
type Span struct{ Start, End int }

// None is the absent span.
var None = Span{-1, -1}

// Ok reports whether the span is present.
func (s Span) Ok() bool { return s.Start >= 0 && s.End > s.Start }

// Info is the frame of one quote.
type Info struct {
	Cue        Span
	Subject    Span // the words naming the speaker next to the cue
	Appositive Span // "a doctor" in "Hugh Hill, a doctor, said"
	Addressee  Span
	Rule       string
	// LeadIn: the speaker was introduced before the quote ("Hill said:" on the line before).
	LeadIn bool
	// Cued is false for quotes with no cue of their own (carry-over candidates).
	Cued bool
}

// Of returns the segmented document and the frames of a quote.Result; the
// quote package sets it. Results not made by quote.Find give nil.
var Of func(result any) (*segment.Doc, []Info)

// Release hands a quote.Result's working buffers back for reuse once the
// speaker stage is done with them; the quote package sets it.
var Release func(result any)
