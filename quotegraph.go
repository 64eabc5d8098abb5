package quotegraph

import (
	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

// Article is everything quotegraph finds in one news article.
type Article struct {
	ID       string                `json:"id"`
	Quotes   []speaker.Attribution `json:"quotes"`
	Speakers []speaker.Entity      `json:"speakers"`
	// Warnings lists unbalanced quotation marks and other oddities of the input.
	Warnings quote.ErrorList `json:"warnings,omitempty"`
}

// Analyze finds the quotes of one article and who said them.
func Analyze(text string, opts ...Option) (*Article, error) {
	return New(opts...).Analyze(text)
}
