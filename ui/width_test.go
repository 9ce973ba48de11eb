package ui

import (
	"fmt"
	"strings"
	"testing"

	"actwiz/internal/display"
	"actwiz/internal/i18n"
)

// No rendered line is wider than the terminal, in either language, at the
// smallest supported size, the golden sizes and odd ones in between, with
// the last-guard cut turned off: the layout must fit on its own.
func TestNoLineExceedsTheTerminal(t *testing.T) {
	lastGuard = false
	defer func() { lastGuard = true }()
	sizes := [][2]int{{80, 24}, {81, 25}, {99, 30}, {100, 24}, {109, 33}, {110, 35}, {120, 40}, {160, 50}, {200, 60}}
	for _, sc := range screens {
		for _, lang := range i18n.Langs {
			for _, g := range []display.Set{display.Unicode, display.Plain} {
				for _, size := range sizes {
					v := variant{lang: lang, w: size[0], h: size[1], glyphs: g}
					t.Run(fmt.Sprintf("%s/%s", sc.name, v.name()), func(t *testing.T) {
						d := sc.drive(t, v)
						view := d.view()
						checkFits(t, view, v.w, v.h)
						if g.Name == display.Plain.Name {
							checkNoAmbiguous(t, view)
						}
					})
				}
			}
		}
	}
}

// checkNoAmbiguous: the plain theme draws nothing the classic Chinese
// console would draw two cells wide while every library counts one.
func checkNoAmbiguous(t *testing.T, view string) {
	t.Helper()
	for i, l := range strings.Split(view, "\n") {
		for _, r := range l {
			if display.IsAmbiguous(r) {
				t.Errorf("line %d holds the ambiguous-width %q: %q", i+1, r, l)
				break
			}
		}
	}
}
