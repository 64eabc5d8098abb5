package speaker

import "github.com/quotegraph/quotegraph/quote"

// Kind says what sort of source a speaker is.
type Kind string

const (
	Person       Kind = "person"       // a named or described individual: "David Cameron", "a doctor"
	Organization Kind = "organization" // a body, a country or a government: "the Kremlin", "Turkey"
	Group        Kind = "group"        // several people spoken of together: "US officials"
	Anonymous    Kind = "anonymous"    // an unnamed source: "a source close to the talks"
	Document     Kind = "document"     // a text that speaks: "the communique", "a draft statement"
	Unknown      Kind = "unknown"      // no speaker could be found
)

// Method names the rule that attributed a quote; it explains the attribution.
type Method string

const (
	CueAfterQuote  Method = "cue-after-quote"  // "…," Cameron said / "…," said Cameron
	CueBeforeQuote Method = "cue-before-quote" // Cameron said: "…"
	CueInsideQuote Method = "cue-inside-quote" // "The plan," she said, "is dead."
	ReportedSpeech Method = "reported-speech"  // Cameron said (that) CLAUSE / CLAUSE, Cameron said
	AccordingTo    Method = "according-to"     // according to X, CLAUSE
	Parenthetical  Method = "parenthetical"    // Five years ago, he said, the market was smaller
	Signature      Method = "signature"        // "…" - Jane Doe, CEO
	CarryOver      Method = "carry-over"       // a quote-only paragraph after the speaker's own
	Interview      Method = "interview"        // the answer of a Q&A interview, "A: …"
	Introduced     Method = "introduced"       // a quote after a sentence that introduces its speaker
	NoSpeaker      Method = "none"             // no rule found a speaker
)

// Mention is a stretch of the input that names something: a speaker, a cue, an addressee.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span returns the mention's byte range.
func (m Mention) Span() quote.Span { return quote.Span{Start: m.Start, End: m.End} }

// Speaker is who said a quote: the entity, and the words that name it here.
type Speaker struct {
	Name        string `json:"name"`
	Kind        Kind   `json:"kind"`
	Title       string `json:"title,omitempty"`
	Affiliation string `json:"affiliation,omitempty"`
	// Mention is the phrase at this quote that names the speaker ("he", "Cameron").
	Mention *Mention `json:"mention,omitempty"`
	// Entity indexes Result.Entities; -1 when the speaker is unknown.
	Entity int `json:"entity"`
}

// Attribution is a quote with its speaker, its cue, and how they were found.
type Attribution struct {
	quote.Quote
	Cue        *Mention `json:"cue,omitempty"`
	Speaker    *Speaker `json:"speaker,omitempty"`
	Addressee  *Mention `json:"addressee,omitempty"`
	Method     Method   `json:"method"`
	Confidence float64  `json:"confidence"`
}

// Gender is what the article's titles, honorifics, first names and pronouns say.
type Gender string

const (
	Male     Gender = "male"
	Female   Gender = "female"
	NoGender Gender = ""
)

// Entity is one person or body of an article, however it is named.
type Entity struct {
	Name        string   `json:"name"`
	Kind        Kind     `json:"kind"`
	Title       string   `json:"title,omitempty"`
	Affiliation string   `json:"affiliation,omitempty"`
	Gender      Gender   `json:"gender,omitempty"`
	Aliases     []string `json:"aliases,omitempty"`
	// Quotes counts the quotes attributed to the entity.
	Quotes int `json:"quotes"`
	// Mentions lists where the entity is named, sorted.
	Mentions []quote.Span `json:"-"`
}

// Result is the attributed quotes of one text and the entities that speak.
type Result struct {
	Attributions []Attribution `json:"quotes"`
	Entities     []Entity      `json:"speakers"`
}
