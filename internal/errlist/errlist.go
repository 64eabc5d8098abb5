// Package errlist holds what the packages' positioned error lists share: the
// message of a list is its first error and how many more there are.
package errlist

import (
	"fmt"
	"strings"
)

// Summary returns "no errors" for an empty list, the only error's message for
// one, and "FIRST (and N more MORE)" for several; more names the rest
// ("errors"), or is empty.
func Summary[E error](l []E, more string) string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	b.WriteString(l[0].Error())
	if more != "" {
		more = " " + more
	}
	fmt.Fprintf(&b, " (and %d more%s)", len(l)-1, more)
	return b.String()
}
