package wordindex

import "testing"

// TestChunk holds chunk's overlapping loads to packing byte by byte, for
// every length and offset.
func TestChunk(t *testing.T) {
	const w = "abcdefghijklmnopqrstuvwxyz"
	for i := 0; i < 8; i++ {
		for n := 0; n <= 8; n++ {
			var want uint64
			for j := n - 1; j >= 0; j-- {
				want = want<<8 | uint64(w[i+j])
			}
			if got := chunk(w, i, n); got != want {
				t.Errorf("chunk(%q, %d, %d) = %#x, want %#x", w, i, n, got, want)
			}
		}
	}
}
