package quotegraph

import (
	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// Option configures an Analyzer.
type Option interface{ apply(*options) }

type options struct {
	id      string
	workers int
	quote   []quote.Option
	speaker []speaker.Option
}

type optionFunc func(*options)

func (f optionFunc) apply(o *options) { f(o) }

// WithID sets the Article.ID of the result.
func WithID(id string) Option { return optionFunc(func(o *options) { o.id = id }) }

// WithCues replaces the reporting cues by the given lists (see quote.WithCues);
// include lexicon.Builtin("cues") to extend the built-in list instead.
func WithCues(lists ...[]lexicon.Entry) Option {
	q := quote.WithCues(lists...)
	return optionFunc(func(o *options) { o.quote = append(o.quote, q) })
}

// WithBeliefs also reports attributions of belief and knowledge ("officials
// believe that …"), which are not speech (see quote.WithBeliefs).
func WithBeliefs(on bool) Option {
	q := quote.WithBeliefs(on)
	return optionFunc(func(o *options) { o.quote = append(o.quote, q) })
}

// WithCarryOver sets how many paragraphs a speaker carries over to quotes
// with no cue of their own (see speaker.WithCarryOver).
func WithCarryOver(paragraphs int) Option {
	s := speaker.WithCarryOver(paragraphs)
	return optionFunc(func(o *options) { o.speaker = append(o.speaker, s) })
}
