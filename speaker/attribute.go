package speaker

import "github.com/quotegraph/quotegraph/quote"

// Attribute says who said each quote of r.
func Attribute(r *quote.Result, opts ...Option) *Result {
	res := &Result{}
	for _, q := range r.Quotes {
		res.Attributions = append(res.Attributions, Attribution{Quote: q, Method: NoSpeaker})
	}
	return res
}

// Option configures Attribute.
type Option interface{ apply(*options) }

type options struct{}
