package steps

import (
	"context"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/serial"
)

func TestSerialStep(t *testing.T) {
	readers := serial.Readers{
		Registry: func(context.Context, serial.RegistryPath) (string, error) { return "FF12345700209", nil },
	}
	step := &Serial{Profile: serial.CMGE, Sources: []serial.Source{{Registry: `HKLM\SOFTWARE\CMIT\Active\Serial`}}, Readers: readers, Timeout: time.Second}
	var sess Session
	var rejected string
	step.Run(context.Background(), &sess, func(e Event) {
		q, ok := e.(*Question)
		if !ok {
			return
		}
		if q.Kind != Secret {
			t.Errorf("the serial must be asked as a secret, got kind %d", q.Kind)
		}
		// The view checks the answer first: a look-alike letter is refused
		// with the reason, then the corrected serial is accepted.
		rejected = q.Validate("AA0221OO25590").EN
		if !q.Validate("ａａ０２２１ ００２５５９０").Empty() {
			t.Error("a full-width serial with spaces must be accepted")
		}
		go q.Reply(Answer{Text: "ａａ０２２１ ００２５５９０"})
	})
	if !strings.Contains(rejected, "the letter O") {
		t.Errorf("Validate must name the wrong character, got %q", rejected)
	}
	got := sess.Results(SerialID)
	if len(got) != 2 || got[0].Status != checks.Pass || got[1].Status != checks.Warn {
		t.Fatalf("results %+v; want format pass, match warn", got)
	}
	if sess.Serial != "AA02210025590" {
		t.Errorf("session serial %q; want the normalised serial for the activation step", sess.Serial)
	}

	var cancelled Session
	step.Run(context.Background(), &cancelled, func(e Event) {
		if q, ok := e.(*Question); ok {
			go q.Reply(Answer{Cancelled: true})
		}
	})
	if r := cancelled.Results(SerialID); len(r) != 2 || r[0].Status != checks.Skip || r[1].Status != checks.Skip || cancelled.Serial != "" {
		t.Errorf("backing out must skip both checks: %+v", r)
	}
}

func TestSerialStepOnSnapshotDoesNotReadThisMachine(t *testing.T) {
	read := false
	readers := serial.Readers{
		Registry: func(context.Context, serial.RegistryPath) (string, error) { read = true; return "FF12345700209", nil },
	}
	step := &Serial{Profile: serial.CMGE, Sources: []serial.Source{{Registry: `HKLM\SOFTWARE\CMIT\Active\Serial`}}, Readers: readers, Timeout: time.Second}
	sess := Session{Source: Source{Snapshot: true, File: "user-pc.json"}}
	step.Run(context.Background(), &sess, func(e Event) {
		if q, ok := e.(*Question); ok {
			go q.Reply(Answer{Text: "AA02210025590"})
		}
	})
	got := sess.Results(SerialID)
	if read {
		t.Error("on a snapshot the last serial must not be read from the machine actwiz runs on")
	}
	if len(got) != 2 || got[0].Status != checks.Pass || got[1].Status != checks.Skip || !strings.Contains(got[1].Detail.EN, "snapshot") {
		t.Fatalf("results %+v; want format pass, match skipped because of the snapshot", got)
	}
}
