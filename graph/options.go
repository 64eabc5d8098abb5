package graph

import "github.com/quotegraph/quotegraph/lexicon"

// Option configures a Graph.
type Option interface{ apply(*options) }

type options struct {
	topics        [][]lexicon.Entry // vocabulary lists, later ones win
	replaceTopics bool
	stop          [][]lexicon.Entry
	minConfidence float64
	noText        bool
	workers       int // articles Build reads at once; 0: one per core

	lists *lists // built from the above on first use
}

type optionFunc func(*options)

func (f optionFunc) apply(o *options) { f(o) }

func newOptions(opts []Option) *options {
	o := &options{}
	for _, op := range opts {
		op.apply(o)
	}
	o.lists = buildLists(o)
	return o
}

// WithTopics extends the default topic vocabulary with a user's own lists:
// each entry maps a phrase, as it may appear in a quote, to the topic it
// stands for (its Value), or to itself when the Value is empty. Read the lists
// with lexicon.Parse; a later entry for the same phrase wins.
func WithTopics(lists ...[]lexicon.Entry) Option {
	return optionFunc(func(o *options) { o.topics = append(o.topics, lists...) })
}

// WithOnlyTopics replaces the default topic vocabulary by the given lists.
// Names still become topics from their capitals.
func WithOnlyTopics(lists ...[]lexicon.Entry) Option {
	return optionFunc(func(o *options) {
		o.topics = append([][]lexicon.Entry(nil), lists...)
		o.replaceTopics = true
	})
}

// WithStopWords adds words and phrases that are never a topic to the default
// list (data/stopwords.txt).
func WithStopWords(lists ...[]lexicon.Entry) Option {
	return optionFunc(func(o *options) { o.stop = append(o.stop, lists...) })
}

// WithMinConfidence leaves out attributions whose confidence is below c.
// The default, 0, keeps them all.
func WithMinConfidence(c float64) Option {
	return optionFunc(func(o *options) { o.minConfidence = c })
}

// WithWorkers sets how many articles Build reads at once; 0, the default,
// is one per core (GOMAXPROCS). The graph is the same whatever the number.
func WithWorkers(n int) Option {
	return optionFunc(func(o *options) { o.workers = max(n, 0) })
}

// WithoutText leaves the text out of the evidence: edges keep the article
// and byte span of each quote or sentence, which is smaller for a corpus.
func WithoutText() Option {
	return optionFunc(func(o *options) { o.noText = true })
}
