package evaluate

import (
	"encoding/json"
	"io"
)

// GoldArticle is one annotated article of a gold file.
type GoldArticle struct {
	ID     string `json:"id"`
	Source string `json:"source,omitempty"`
	// Text is the article; every offset is a byte offset into it.
	Text    string      `json:"text"`
	Offsets string      `json:"offsets,omitempty"`
	Quotes  []GoldQuote `json:"quotes"`
}

// GoldQuote is one annotated attribution: the content, who it is from and
// the cue that reports it. Offsets are half-open byte ranges into the
// article's text.
type GoldQuote struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Kind is "direct", "mixed" or "indirect".
	Kind string `json:"kind"`
	// Speaker is the mention that names the source ("he", "Cameron"); its
	// span is nil when the source is not named in the text. A span whose
	// end is null counts as a mention that no prediction overlaps.
	Speaker      string `json:"speaker"`
	SpeakerStart *int   `json:"speaker_start"`
	SpeakerEnd   *int   `json:"speaker_end"`
	// SpeakerRef is the resolved name, alternatives separated by "|".
	SpeakerRef string `json:"speaker_ref,omitempty"`
	Cue        string `json:"cue,omitempty"`
	CueStart   *int   `json:"cue_start"`
	CueEnd     *int   `json:"cue_end"`
	// CueSpeech says whether the cue is a reporting verb. ReadGold sets it
	// from Python's truth value of the field, and to true when the field is
	// absent, as score.py does; note that null is false.
	CueSpeech bool `json:"cue_speech"`
	// Segments lists the pieces of discontinuous content.
	Segments [][2]int `json:"segments,omitempty"`
}

// ReadGold reads gold annotations the way score.py does: the whole input as
// one JSON object if it is one (a pretty-printed file), else JSON Lines, one
// article per line, blank lines skipped. Unknown fields are ignored. Every
// malformed line is reported in an ErrorList naming name and the line.
//
// The articles come back in input order, duplicates included; Score keeps
// the last article of an ID, as score.py does.
//
// Where score.py would compute with non-integral offsets, ReadGold reports
// an error; and IDs must be strings.
func ReadGold(r io.Reader, name string) ([]GoldArticle, error) {
	return readAll[GoldArticle](r, name)
}

// LoadGold reads the gold file at path with ReadGold.
func LoadGold(path string) ([]GoldArticle, error) {
	return openAndRead(path, ReadGold)
}

// UnmarshalJSON decodes one gold article with score.py's reading of each
// field (see ReadGold).
func (a *GoldArticle) UnmarshalJSON(data []byte) error {
	var d decoder
	o := d.object("", data)
	if d.err != nil {
		return d.err
	}
	*a = GoldArticle{
		ID:      d.requiredString(o, "id"),
		Text:    d.requiredString(o, "text"),
		Source:  lenientString(o["source"]),
		Offsets: lenientString(o["offsets"]),
	}
	if raw, ok := d.required(o, "", "quotes"); ok {
		a.Quotes = items(&d, "quotes", raw, (*decoder).goldQuote)
	}
	return d.done(a.ID)
}

// UnmarshalJSON decodes one gold quote with score.py's reading of each field
// (see ReadGold).
func (q *GoldQuote) UnmarshalJSON(data []byte) error {
	var d decoder
	return d.goldQuote("quote", data, q)
}

func (d *decoder) goldQuote(path string, raw json.RawMessage, q *GoldQuote) error {
	o := d.object(path, raw)
	if d.err != nil {
		return d.err
	}
	*q = GoldQuote{CueSpeech: true}
	at := func(key string) string { return path + "." + key }
	q.Start, q.End = d.span(o, path, false)
	q.Text = lenientString(o["text"])
	q.Kind = d.text(at("kind"), o["kind"])
	q.Speaker = d.text(at("speaker"), o["speaker"])
	q.SpeakerStart = d.optInteger(at("speaker_start"), o["speaker_start"], false)
	if q.SpeakerStart != nil {
		if raw, ok := d.required(o, path, "speaker_end"); ok {
			q.SpeakerEnd = d.optInteger(at("speaker_end"), raw, false)
		}
	} else {
		q.SpeakerEnd = lenientInteger(o["speaker_end"])
	}
	q.SpeakerRef = d.text(at("speaker_ref"), o["speaker_ref"])
	q.Cue = d.text(at("cue"), o["cue"])
	q.CueStart = lenientInteger(o["cue_start"])
	q.CueEnd = lenientInteger(o["cue_end"])
	if raw, ok := o["cue_speech"]; ok {
		q.CueSpeech = truthy(raw)
	}
	var segs [][2]int
	if json.Unmarshal(o["segments"], &segs) == nil {
		q.Segments = segs
	}
	return d.err
}

// lenientInteger reads an offset score.py never uses: nil unless raw holds
// a whole number.
func lenientInteger(raw json.RawMessage) *int {
	var d decoder
	n := d.optInteger("", raw, false)
	if d.err != nil {
		return nil
	}
	return n
}
