package ui

import (
	"strings"
	"testing"

	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/steps"
)

// The serial is masked as it is typed; Tab shows it and hides it again,
// and whatever is shown, the results carry it masked.
func TestSecretRevealKey(t *testing.T) {
	d := fullFlow(t, variant{lang: i18n.EN, glyphs: display.Unicode, w: 120, h: 40})
	d.next()
	d.untilQuestion(1, steps.SerialQuestion)
	d.send(keyMsg("AA02210025590"))
	if v := d.view(); strings.Contains(v, "AA02210025590") || !strings.Contains(v, "*************") {
		t.Fatalf("the serial must be masked while typed:\n%s", v)
	}
	if !strings.Contains(d.view(), "tab show/hide what is typed") {
		t.Errorf("the footer must offer the reveal key:\n%s", d.view())
	}
	d.key("tab")
	if v := d.view(); !strings.Contains(v, "AA02210025590") {
		t.Fatalf("tab must show the serial:\n%s", v)
	}
	d.key("tab")
	if v := d.view(); strings.Contains(v, "AA02210025590") {
		t.Fatalf("a second tab must hide it again:\n%s", v)
	}
	d.key("tab", "enter")
	d.until(func() bool { return d.m.stepsV[1].state == finished })
	if v := d.view(); strings.Contains(v, "AA02210025590") || !strings.Contains(v, "AA*****025590") {
		t.Fatalf("after answering, only the masked serial may be shown:\n%s", v)
	}
}
