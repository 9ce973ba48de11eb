package ui

import (
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
)

// A probe that never returns: the screen keeps answering keys while it
// waits, and the items it holds end unknown at the deadline.
func TestHangingProbeKeepsKeysAndEndsUnknown(t *testing.T) {
	snap := loadSnapshot(t, "lenovo-good.json")
	// A nil channel never delivers: disks and NICs never answer.
	d := newDriver(t, setup{lang: i18n.EN, reader: gatedReader{snap: snap}, timeout: 400 * time.Millisecond})
	start := time.Now()
	d.key("enter")
	d.until(func() bool { return d.resultsIn() == 2 })

	// The step is still waiting; every key is handled at once.
	keysStart := time.Now()
	d.key("down", "down", "down")
	if c := d.hardware().cursor; c != 3 {
		t.Errorf("cursor = %d after three downs; want 3", c)
	}
	if !strings.Contains(d.view(), "Still reading the facts this item needs") {
		t.Errorf("the selected pending item should say it is still being read:\n%s", d.view())
	}
	d.key("?")
	if !strings.Contains(d.view(), "All keys") {
		t.Errorf("? must show every key while a probe hangs:\n%s", d.view())
	}
	d.key("esc", "q")
	if !d.m.confirmQuit {
		t.Error("q while the step runs must ask before quitting")
	}
	d.key("n")
	if d.m.confirmQuit || d.quit {
		t.Error("answering no must keep the wizard running")
	}
	if took := time.Since(keysStart); took > time.Second {
		t.Errorf("handling keys took %s while the probe hung", took)
	}

	d.until(func() bool { return d.hardware().state == finished })
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the step ended %s after starting; the deadline was 400ms", took)
	}
	for _, r := range d.hardware().results() {
		switch r.ID {
		case "disk.serial", "disk.fixed", "nic.present":
			if r.Status != checks.Unknown || !strings.Contains(r.Detail.EN, "timed out") {
				t.Errorf("%s = %s (%s); want unknown because it timed out", r.ID, r.Status, r.Detail.EN)
			}
		case "bios.serial", "board.serial":
			if r.Status != checks.Pass {
				t.Errorf("%s = %s; the sections that answered must still be judged", r.ID, r.Status)
			}
		}
	}
	view := d.view()
	if !strings.Contains(view, "? UNKNOWN") {
		t.Errorf("the screen must show the unknown items with symbol and word:\n%s", view)
	}
}

// Quitting while a probe hangs cancels the step and ends the program.
func TestQuitWhileRunningCancels(t *testing.T) {
	snap := loadSnapshot(t, "lenovo-good.json")
	d := newDriver(t, setup{lang: i18n.ZH, reader: gatedReader{snap: snap}, timeout: time.Minute})
	d.key("enter")
	d.until(func() bool { return d.resultsIn() == 2 })
	d.key("ctrl+c")
	if !d.m.confirmQuit {
		t.Fatal("Ctrl+C while running must ask first")
	}
	d.key("y")
	start := time.Now()
	d.until(func() bool { return d.quit })
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("quitting took %s", took)
	}
	if st := d.hardware().state; st != cancelled {
		t.Errorf("state after quitting = %v; want cancelled", st)
	}
	if len(d.m.sess.All()) != 0 {
		t.Error("a cancelled step must not leave results in the session")
	}
}
