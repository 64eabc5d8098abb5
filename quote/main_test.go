package quote

import (
	"os"
	"testing"
)

// TestMain lets the tables of the word lists be built before any test
// reads them: Find waits for them, but the package's own tests read them
// directly too.
func TestMain(m *testing.M) {
	<-tablesBuilt
	os.Exit(m.Run())
}
