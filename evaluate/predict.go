package evaluate

import (
	"encoding/json"
	"io"
)

// Prediction is one line of a prediction file: the quotes found in the
// article with the same ID. It is the JSON the quotegraph command prints.
type Prediction struct {
	ID     string      `json:"id"`
	Quotes []PredQuote `json:"quotes"`
}

// PredQuote is one predicted quote. Only the span, the cue's text, the
// speaker's name and the speaker mention's span are scored; the rest helps
// error analysis.
type PredQuote struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind,omitempty"`
	Text  string `json:"text,omitempty"`
	// Cue is the reporting phrase; nil when there is none. A cue given as a
	// bare string is read as a mention with that text and no offsets.
	Cue     *Mention     `json:"cue,omitempty"`
	Speaker *PredSpeaker `json:"speaker,omitempty"`
	// Method names the rule that found the quote.
	Method     string  `json:"method,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
}

// PredSpeaker is who a prediction says spoke.
type PredSpeaker struct {
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
	// Mention is the phrase at the quote that names the speaker; nil when
	// the file gives none or gives it without an end offset.
	Mention *Mention `json:"mention,omitempty"`
}

// Mention is a stretch of the article: a cue or a speaker mention. Start
// and End are zero when the file gives none.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// ReadPredictions reads predictions the way score.py does: one JSON object
// per line (or one object for the whole input), blank lines skipped. Fields
// are read as score.py reads them: a null or empty speaker, cue or mention
// is none; a mention without an end offset is none; a cue may be a bare
// string; offsets go through Python's int(), so 3.7 reads as 3; unknown
// fields are ignored. Every malformed line is reported in an ErrorList
// naming name and the line.
//
// The predictions come back in input order, duplicates included; Score
// keeps the last line of an ID, as score.py does.
func ReadPredictions(r io.Reader, name string) ([]Prediction, error) {
	return readAll[Prediction](r, name)
}

// LoadPredictions reads the prediction file at path with ReadPredictions.
func LoadPredictions(path string) ([]Prediction, error) {
	return openAndRead(path, ReadPredictions)
}

// UnmarshalJSON decodes one prediction line with score.py's reading of each
// field (see ReadPredictions).
func (p *Prediction) UnmarshalJSON(data []byte) error {
	var d decoder
	o := d.object("", data)
	if d.err != nil {
		return d.err
	}
	*p = Prediction{ID: d.requiredString(o, "id")}
	if raw := o["quotes"]; truthy(raw) {
		p.Quotes = items(&d, "quotes", raw, (*decoder).predQuote)
	}
	return d.done(p.ID)
}

// UnmarshalJSON decodes one predicted quote with score.py's reading of each
// field (see ReadPredictions).
func (q *PredQuote) UnmarshalJSON(data []byte) error {
	var d decoder
	return d.predQuote("quote", data, q)
}

func (d *decoder) predQuote(path string, raw json.RawMessage, q *PredQuote) error {
	o := d.object(path, raw)
	if d.err != nil {
		return d.err
	}
	*q = PredQuote{}
	at := func(key string) string { return path + "." + key }
	q.Start, q.End = d.span(o, path, true)
	q.Kind = lenientString(o["kind"])
	q.Text = lenientString(o["text"])
	q.Method = lenientString(o["method"])
	q.Confidence, _ = asNumber(o["confidence"])
	if raw := o["cue"]; truthy(raw) {
		if s, ok := asString(raw); ok {
			q.Cue = &Mention{Text: s}
		} else if raw[0] == '{' {
			c := d.object(at("cue"), raw)
			q.Cue = &Mention{Text: d.text(at("cue.text"), c["text"])}
			if n := lenientInteger(c["start"]); n != nil {
				q.Cue.Start = *n
			}
			if n := lenientInteger(c["end"]); n != nil {
				q.Cue.End = *n
			}
		} else {
			d.fail(at("cue"), "want an object, a string or null, got %s", describe(raw))
		}
	}
	if raw := o["speaker"]; truthy(raw) {
		sp := d.object(at("speaker"), raw)
		q.Speaker = &PredSpeaker{
			Name: d.text(at("speaker.name"), sp["name"]),
			Kind: lenientString(sp["kind"]),
		}
		if raw := sp["mention"]; truthy(raw) {
			m := d.object(at("speaker.mention"), raw)
			if end := m["end"]; !isNull(end) {
				q.Speaker.Mention = &Mention{Text: lenientString(m["text"])}
				if start, ok := d.required(m, at("speaker.mention"), "start"); ok {
					q.Speaker.Mention.Start = d.integer(at("speaker.mention.start"), start, true)
				}
				q.Speaker.Mention.End = d.integer(at("speaker.mention.end"), end, true)
			}
		}
	}
	return d.err
}
