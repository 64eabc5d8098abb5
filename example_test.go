package quotegraph_test

import (
	"fmt"
	"strings"

	"github.com/quotegraph/quotegraph"
	"github.com/quotegraph/quotegraph/lexicon"
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

func ExampleAnalyzer_Analyze() {
	a := quotegraph.New()
	art, _ := a.Analyze("According to the ministry, the border will reopen on Monday.")
	q := art.Quotes[0]
	fmt.Printf("%q by %s (%s)\n", q.Text, q.Speaker.Name, q.Speaker.Kind)
	// Output: "the border will reopen on Monday" by ministry (organization)
}

func ExampleWithCues() {
	house, _ := lexicon.Parse(strings.NewReader("harrumphed\n"), "house-cues.txt")
	text := "The committee was a farce, the senator harrumphed."
	plain, _ := quotegraph.Analyze(text)
	extended, _ := quotegraph.Analyze(text, quotegraph.WithCues(lexicon.Builtin("cues"), house))
	fmt.Println(len(plain.Quotes), len(extended.Quotes))
	// Output: 0 1
}

func ExampleWithBeliefs() {
	text := "Officials believe that the talks will fail."
	speech, _ := quotegraph.Analyze(text)
	all, _ := quotegraph.Analyze(text, quotegraph.WithBeliefs(true))
	fmt.Println(len(speech.Quotes), len(all.Quotes))
	// Output: 0 1
}

func ExampleWithCarryOver() {
	text := "“We will rebuild,” Ann Lee said.\n\n“Nobody will be left behind.”"
	art, _ := quotegraph.Analyze(text, quotegraph.WithCarryOver(0))
	fmt.Println(art.Quotes[1].Speaker.Kind, art.Quotes[1].Method)
	// Output: unknown none
}
