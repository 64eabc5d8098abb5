package qgbeam

import (
	"bytes"
	"encoding/gob"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/graph"
)

// graphInput is what one article gives the corpus graph: the article's text
// and its attributions, as the graph package reads them.
//
// It travels between workers with gob, not JSON: the graph package reads the
// entities' mentions (speaker.Entity.Mentions), which their JSON form leaves
// out.
type graphInput struct {
	A graph.Article
}

func newGraphInput(d quotegraph.Doc, a *quotegraph.Article) graphInput {
	return graphInput{graph.Article{ID: d.ID, Text: d.Text, Attributions: a.Quotes, Entities: a.Speakers}}
}

func encodeGob(v any) ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(v)
	return b.Bytes(), err
}

func decodeGob[T any](b []byte) (T, error) {
	var v T
	err := gob.NewDecoder(bytes.NewReader(b)).Decode(&v)
	return v, err
}

// The coder functions are plain functions, not instances of one generic
// function: Beam registers functions by name, and encodeGob[graphInput] and
// encodeGob[accum] have the same one.
func encodeGraphInput(v graphInput) ([]byte, error) { return encodeGob(v) }
func decodeGraphInput(b []byte) (graphInput, error) { return decodeGob[graphInput](b) }

// encodeAccum and decodeAccum carry a partial graph in its lossless binary
// form. A nil graph (no accumulator yet) is the empty one.
func encodeAccum(v accum) ([]byte, error) {
	if v.G == nil {
		v.G = graph.New()
	}
	return v.G.MarshalBinary()
}

func decodeAccum(b []byte) (accum, error) {
	g := graph.New()
	if err := g.UnmarshalBinary(b); err != nil {
		return accum{}, err
	}
	return accum{G: g}, nil
}

func init() {
	beam.RegisterCoder(reflect.TypeOf(graphInput{}), encodeGraphInput, decodeGraphInput)
	beam.RegisterCoder(reflect.TypeOf(accum{}), encodeAccum, decodeAccum)
}

// GraphOptions are the graph package's options that the pipeline passes on.
// They are plain fields so that Beam can ship them to the workers.
type GraphOptions struct {
	// MinConfidence leaves out attributions below it (graph.WithMinConfidence).
	MinConfidence float64 `json:"min_confidence,omitempty"`
	// WithoutText keeps only article and span in the evidence
	// (graph.WithoutText).
	WithoutText bool `json:"without_text,omitempty"`
}

func (o GraphOptions) options() []graph.Option {
	var opts []graph.Option
	if o.MinConfidence > 0 {
		opts = append(opts, graph.WithMinConfidence(o.MinConfidence))
	}
	if o.WithoutText {
		opts = append(opts, graph.WithoutText())
	}
	return opts
}

// graphJSON is the graph as WriteJSON (and `quotegraph graph -format json`)
// writes it.
func graphJSON(g *graph.Graph) (string, error) {
	var b bytes.Buffer
	if err := g.WriteJSON(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}
