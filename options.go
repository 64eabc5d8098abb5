package quotegraph

// Option configures an Analyzer.
type Option interface{ apply(*options) }

type options struct {
	id string
}

type optionFunc func(*options)

func (f optionFunc) apply(o *options) { f(o) }

// WithID sets the Article.ID of the result.
func WithID(id string) Option { return optionFunc(func(o *options) { o.id = id }) }
