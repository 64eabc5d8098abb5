package quote

import (
	"testing"

	"github.com/quotegraph/quotegraph/internal/segment"
	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/testdata"
)

// TestPhraseLists checks that every built-in phrase list matches by word ids
// and agrees with its lexicon.Table at every token of the bundled articles,
// for every number of words the rules pass.
func TestPhraseLists(t *testing.T) {
	lists := map[string]*phraseList{"cues": builtinCues, "time_words": timeWords,
		"source_postmodifiers": postmodifiers, "claim_objects": claimObjects}
	for name, l := range lists {
		if l.trie == nil {
			t.Fatalf("%s: no word ids, matched through the table", name)
		}
	}
	tables := map[string]*lexicon.Table{}
	for name := range lists {
		tables[name] = lexicon.NewTable(lexicon.Builtin(name))
	}
	for _, a := range testdata.Bundled() {
		f := &finder{doc: segment.New(a.Text)}
		f.computeBits()
		for name, l := range lists {
			for i := range f.doc.Tokens {
				for n := 0; n <= 6; n++ {
					gotN, gotV := f.longest(l, i, n)
					wantN, value := tables[name].Longest(n, func(k int) string { return f.word(i + k) })
					if wantV := cueFlagsOf(value); gotN != wantN || gotV != wantV {
						t.Fatalf("%s: %s at %q, %d words: got %d %#x, want %d %#x",
							a.ID, name, f.word(i), n, gotN, gotV, wantN, wantV)
					}
				}
			}
		}
	}
}
