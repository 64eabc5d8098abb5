package quotegraph_test

import (
	"fmt"

	"github.com/quotegraph/quotegraph"
)

func ExampleAnalyze() {
	text := `"We are prepared to make compromises," British Prime Minister David Cameron told BBC radio.

Cameron said British services had foiled seven attacks.`
	art, _ := quotegraph.Analyze(text)
	for _, q := range art.Quotes {
		fmt.Printf("%s %q\n  %s (%s), cue %q, %s\n", q.Kind, q.Text, q.Speaker.Name, q.Speaker.Title, q.Cue.Text, q.Method)
	}
	// Output:
	// direct "\"We are prepared to make compromises,\""
	//   David Cameron (Prime Minister), cue "told", cue-after-quote
	// indirect "British services had foiled seven attacks"
	//   David Cameron (Prime Minister), cue "said", reported-speech
}

func ExampleNew() {
	a := quotegraph.New(quotegraph.WithID("wire-42"))
	art, _ := a.Analyze(`"It is over," the Kremlin said.`)
	fmt.Println(art.ID, art.Quotes[0].Speaker.Name, art.Quotes[0].Speaker.Kind)
	// Output: wire-42 Kremlin organization
}

func ExampleWithID() {
	art, _ := quotegraph.Analyze(`Officials said talks would resume.`, quotegraph.WithID("a1"))
	fmt.Println(art.ID, len(art.Quotes))
	// Output: a1 1
}
