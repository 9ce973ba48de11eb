package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"actwiz/checks"
	"actwiz/internal/activation"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/probe"
	"actwiz/internal/serial"
	"actwiz/steps"
)

// Resuming at a step (issue 10 part 4): the actwiz restarted as
// administrator has no Welcome, checks the hardware again, asks the serial
// again saying why, and carries on at the step that offered the restart.

// recordingDriver passes and remembers the serials it was given.
type recordingDriver struct{ serials *[]string }

func (d recordingDriver) Attempt(_ context.Context, s string) checks.Result {
	*d.serials = append(*d.serials, s)
	return checks.Result{ID: activation.AttemptID, Status: checks.Pass, Observed: "activated"}
}

// resumedOptions is the real step list (a good PC read live, not a
// snapshot: the activation step really asks) resumed at the activation step.
func resumedOptions(t *testing.T, lang i18n.Lang, serials *[]string) Options {
	t.Helper()
	list := []steps.Step{
		&steps.Hardware{Reader: probe.FromSnapshot(loadSnapshot(t, "lenovo-good.json")), Timeout: 5 * time.Second,
			Rules: checks.DefaultRules(), Now: func() time.Time { return fixedNow }},
		&steps.Serial{Profile: serial.CMGE, Timeout: time.Second},
		&steps.Activation{Profile: serial.CMGE, Driver: recordingDriver{serials}, NeedsSerial: true, Preflight: activation.Preflight{
			Profile: serial.CMGE.Name, Endpoints: fixedEndpoints(t), Network: fixedNetwork(),
			Service: func(context.Context, string) activation.ServiceState {
				return activation.ServiceState{Name: "CmitClientSVC", Installed: true, Running: true}
			},
		}},
	}
	return Options{Steps: steps.Resume(list, steps.ActivationID), Resume: steps.ActivationID,
		Session: &steps.Session{Case: "CAS-04851-R7R3X9", Lang: lang, Started: fixedNow},
		Lang:    lang, Glyphs: display.Plain, ReportDir: t.TempDir(), Version: "test", Now: func() time.Time { return fixedNow }}
}

func TestPlainResumeAtActivation(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		var serials []string
		opts := resumedOptions(t, lang, &serials)
		var out bytes.Buffer
		// The only input: the serial, then yes to "activate now?".
		if _, err := RunPlain(context.Background(), opts, strings.NewReader("xy98765432100\ny\n"), &out); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		sh := &shared{lang: lang, glyphs: display.Plain, styles: newStyles(display.Plain)}
		for _, never := range []string{msgPlainCasePrompt.In(lang), msgWelcomeIntro.In(lang)} {
			if strings.Contains(got, never) {
				t.Errorf("%s: a resumed wizard shows Welcome's %q:\n%s", lang, never, got)
			}
		}
		stepLine := func(i int, title i18n.Text) string { return sh.t(msgPlainStep.F(i, 3, title)) }
		// In this order: where it resumes, the hardware again, the serial
		// with the reason first, then the activation asking to activate.
		order := []string{
			sh.t(msgResumed.F(i18n.T("激活", "Activation"))),
			stepLine(1, (&steps.Hardware{}).Title()),
			stepLine(2, (&steps.Serial{}).Title()),
			sh.t(steps.MsgSerialAgain),
			"> *************", // the serial, never echoed
			stepLine(3, (&steps.Activation{}).Title()),
			serial.CMGE.Mask("XY98765432100"), // in "activate now with …?"
		}
		at := 0
		for _, want := range order {
			i := strings.Index(got[at:], want)
			if i < 0 {
				t.Fatalf("%s: after offset %d the output lacks %q:\n%s", lang, at, want, got)
			}
			at += i + len(want)
		}
		if len(serials) != 1 {
			t.Errorf("%s: activation attempted %d times, want once", lang, len(serials))
		}
	}
}

// TestModelResumeAtActivation: the Bubble Tea wizard, started as the
// restarted actwiz starts it (Init, no key), opens on the hardware step,
// goes on by itself to the serial question with the reason on screen,
// and after the serial to the activation step's question.
func TestModelResumeAtActivation(t *testing.T) {
	var serials []string
	opts := resumedOptions(t, i18n.EN, &serials)
	opts.Glyphs = display.Unicode
	d := &driver{t: t, dir: opts.ReportDir, msgs: make(chan tea.Msg, 64)}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d.m = New(ctx, opts)
	d.send(tea.WindowSizeMsg{Width: 200, Height: 50})
	if d.m.screen != 1 {
		t.Fatalf("a resumed wizard starts on screen %d, want 1 (the hardware step, no Welcome)", d.m.screen)
	}
	d.launch(d.m.Init())
	if d.m.stepsV[0].state != running {
		t.Fatalf("Init did not start the hardware check: state %v", d.m.stepsV[0].state)
	}
	if v := d.view(); !strings.Contains(v, msgResumed.F(i18n.T("激活", "Activation")).EN) {
		t.Errorf("the header does not say where the wizard resumes:\n%s", v)
	}
	d.untilQuestion(1, steps.SerialQuestion)
	if d.m.screen != 2 {
		t.Errorf("the serial question is asked on screen %d, want 2", d.m.screen)
	}
	if v := d.view(); !strings.Contains(v, steps.MsgSerialAgain.EN) {
		t.Errorf("the serial screen does not say why it asks again:\n%s", v)
	}
	d.send(keyMsg("xy98765432100"))
	d.key("enter")
	d.untilQuestion(2, steps.ActivateQuestion)
	if d.m.screen != 3 {
		t.Errorf("the activation question is asked on screen %d, want 3", d.m.screen)
	}
	d.key("y")
	d.until(func() bool { return d.m.stepsV[2].state == finished })
	if len(serials) != 1 {
		t.Errorf("activation attempted %d times, want once", len(serials))
	}
	if d.m.screen != 3 {
		t.Errorf("after the resumed step the wizard moved on by itself to screen %d; it waits for Enter as usual", d.m.screen)
	}
}

// TestModelResumeAtLogs: resumed at the logs step, the wizard checks the
// hardware, passes the serial and activation as done in the first window
// (no question, no attempt) and stops at the logs step's first question.
func TestModelResumeAtLogs(t *testing.T) {
	var opened string
	list := []steps.Step{
		&steps.Hardware{Reader: probe.FromSnapshot(loadSnapshot(t, "lenovo-good.json")), Timeout: 5 * time.Second,
			Rules: checks.DefaultRules(), Now: func() time.Time { return fixedNow }},
		&steps.Serial{Profile: serial.CMGE, Timeout: time.Second},
		&steps.Activation{Profile: serial.CMGE, Driver: neverDriver{t}},
		tinyLogs(t, &opened),
	}
	opts := Options{Steps: steps.Resume(list, steps.LogsID), Resume: steps.LogsID,
		Session: &steps.Session{Case: "CAS-04851-R7R3X9", Lang: i18n.ZH, Started: fixedNow},
		Lang:    i18n.ZH, Glyphs: display.Unicode, ReportDir: t.TempDir(), Version: "test", Now: func() time.Time { return fixedNow }}
	d := &driver{t: t, dir: opts.ReportDir, msgs: make(chan tea.Msg, 64)}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d.m = New(ctx, opts)
	d.send(tea.WindowSizeMsg{Width: 200, Height: 50})
	d.launch(d.m.Init())
	d.untilQuestion(3, "logs.categories")
	if d.m.screen != 4 {
		t.Errorf("the logs question is asked on screen %d, want 4", d.m.screen)
	}
	for _, id := range []string{steps.SerialID, steps.ActivationID} {
		rs := d.m.sess.Results(id)
		if len(rs) == 0 {
			t.Errorf("%s: no results", id)
		}
		for _, r := range rs {
			if r.Status != checks.Skip || r.Detail != steps.MsgDoneFirstWindow {
				t.Errorf("%s: %s %s %q; want skipped as done in the first window", id, r.ID, r.Status, r.Detail.ZH)
			}
		}
	}
}
