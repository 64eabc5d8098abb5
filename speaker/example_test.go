package speaker_test

import (
	"fmt"

	"github.com/quotegraph/quotegraph/quote"
	"github.com/quotegraph/quotegraph/speaker"
)

func ExampleAttribute() {
	text := `"We must not let this gap between us be the altar," British Prime Minister David Cameron told BBC radio.

"We are prepared to make compromises," he added.`
	r := speaker.Attribute(quote.Find(text))
	for _, a := range r.Attributions {
		fmt.Printf("%s | mention %q | %s %.2f\n", a.Speaker.Name, a.Speaker.Mention.Text, a.Method, a.Confidence)
	}
	e := r.Entities[0]
	fmt.Println(e.Name, "/", e.Title, "/", e.Affiliation, "/", e.Quotes, "quotes")
	// Output:
	// David Cameron | mention "British Prime Minister David Cameron" | cue-after-quote 0.90
	// David Cameron | mention "he" | cue-after-quote+pronoun 0.75
	// David Cameron / Prime Minister / British / 2 quotes
}

func ExampleWithCarryOver() {
	text := "“We will rebuild,” Ann Lee said.\n\n“Nobody will be left behind.”"
	on := speaker.Attribute(quote.Find(text))
	off := speaker.Attribute(quote.Find(text), speaker.WithCarryOver(0))
	fmt.Println(on.Attributions[1].Speaker.Name, on.Attributions[1].Method)
	fmt.Println(off.Attributions[1].Speaker.Kind, off.Attributions[1].Method)
	// Output:
	// Ann Lee carry-over
	// unknown none
}
