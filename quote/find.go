package quote

// Result is what Find returns: the quotes of one text, sorted by Start, and
// the problems met on the way.
type Result struct {
	Text     string
	Quotes   []Quote
	Warnings ErrorList
}

// Find returns every quotation in text.
func Find(text string, opts ...Option) *Result {
	return &Result{Text: text}
}

// Option configures Find.
type Option interface{ apply(*options) }

type options struct{}
