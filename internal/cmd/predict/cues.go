package main

import (
	"os"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/lexicon"
)

// opts lets a development run try another cue list (QG_CUES=file).
func opts(id string) []quotegraph.Option {
	o := []quotegraph.Option{quotegraph.WithID(id)}
	if p := os.Getenv("QG_CUES"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			panic(err)
		}
		defer f.Close()
		es, err := lexicon.Parse(f, p)
		if err != nil {
			panic(err)
		}
		o = append(o, quotegraph.WithCues(es))
	}
	return o
}
