package serial

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// What people type is normalised once and for all, and however odd it is,
// the masked form never shows the whole serial.
func FuzzNormaliseAndMask(f *testing.F) {
	for _, s := range []string{"AA02210025590", "ａａ０２２１　００２５５９０", "aa-0221-0025590", "VK7JG-NPHTM-C97JM-9MPGT-3V66T", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := Normalise(s)
		if Normalise(n) != n {
			t.Fatalf("Normalise is not idempotent: %q -> %q -> %q", s, n, Normalise(n))
		}
		for _, p := range []Profile{CMGE, Windows} {
			m := p.Mask(s)
			// A product key's last group is what Windows itself shows as the
			// partial key, so five characters alone may stay visible.
			partial := p.Groups != nil && len([]rune(n)) <= p.Groups[len(p.Groups)-1]
			if len([]rune(n)) >= 3 && !partial && strings.Contains(m, n) {
				t.Fatalf("%s Mask(%q) = %q shows the whole serial", p.Name, s, m)
			}
			if p.CheckFormat(s).OK && !strings.Contains(m, "*") {
				t.Fatalf("%s Mask(%q) = %q hides nothing", p.Name, s, m)
			}
		}
	})
}
