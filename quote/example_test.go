package quote_test

import (
	"fmt"
	"strings"

	"github.com/quotegraph/quotegraph/lexicon"
	"github.com/quotegraph/quotegraph/quote"
)

func ExampleFind() {
	text := `"We are prepared to make compromises," he added.

Putin said other disputes should be put aside to "unite our efforts".

Cameron said British services had foiled seven attacks.`
	for _, q := range quote.Find(text).Quotes {
		fmt.Printf("%-8s %d-%d %s\n", q.Kind, q.Start, q.End, q.Text)
	}
	// Output:
	// direct   0-38 "We are prepared to make compromises,"
	// mixed    61-118 other disputes should be put aside to "unite our efforts"
	// indirect 134-175 British services had foiled seven attacks
}

func ExampleWithCues() {
	house, _ := lexicon.Parse(strings.NewReader("harrumphed\n"), "house.txt")
	text := "The committee was a farce, the senator harrumphed."
	fmt.Println(len(quote.Find(text).Quotes))
	fmt.Println(len(quote.Find(text, quote.WithCues(lexicon.Builtin("cues"), house)).Quotes))
	// Output:
	// 0
	// 1
}

func ExampleWithBeliefs() {
	text := "Officials believe that the talks will fail."
	fmt.Println(len(quote.Find(text).Quotes), len(quote.Find(text, quote.WithBeliefs(true)).Quotes))
	// Output: 0 1
}

func ExampleErrorList_Err() {
	r := quote.Find("“We will win, she said.")
	if err := r.Warnings.Err(); err != nil {
		fmt.Println(err)
	}
	// Output: offset 0: quotation mark never closed; the quote ends with its paragraph
}
