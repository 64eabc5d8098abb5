package quote

import (
	"strings"
	"testing"

	"github.com/quotegraph/quotegraph/internal/segment"
)

// TestPhotoWithin checks the one-pass search against a search of each
// paragraph, asked in order and then out of order.
func TestPhotoWithin(t *testing.T) {
	text := strings.Join([]string{"PHOTO: AFP", "no credit", "Pictures by P. Photo", "PHOT", "O Photographs",
		"P", "PPHOTO", "plain", "Photo", "end PHOTO"}, "\n")
	d := segment.New(text)
	f := &finder{doc: d}
	ask := func(p int) {
		para := d.Paras[p]
		s := text[para.Start:para.End]
		want := strings.Contains(s, "PHOTO") || strings.Contains(s, "Photo")
		if got := f.photoWithin(para); got != want {
			t.Errorf("paragraph %q: got %v, want %v", s, got, want)
		}
	}
	f.photo, f.photoFrom, f.photoAsked = -1, 0, 0
	for p := range d.Paras {
		ask(p)
	}
	for _, p := range []int{9, 2, 0, 4, 3, 8, 1} {
		ask(p)
	}
}
