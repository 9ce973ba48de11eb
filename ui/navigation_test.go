package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/steps"
)

func TestLanguageSwitchOnWelcome(t *testing.T) {
	d := newDriver(t, setup{lang: i18n.ZH, snapshot: "lenovo-good.json"})
	if !strings.Contains(d.view(), "案件编号（可不填）") {
		t.Fatalf("welcome in Chinese:\n%s", d.view())
	}
	d.key("tab", "right")
	if v := d.view(); !strings.Contains(v, "Case number (optional)") || !strings.Contains(v, "[English]") {
		t.Fatalf("after switching, the welcome must be in English:\n%s", v)
	}
	d.key("l")
	if !strings.Contains(d.view(), "[中文]") {
		t.Fatalf("l switches back:\n%s", d.view())
	}
	d.key("left", "enter")
	d.until(func() bool { return d.hardware().state == finished })
	if !strings.Contains(d.view(), "BIOS serial number") {
		t.Errorf("the check must follow the chosen language:\n%s", d.view())
	}
}

func TestBackForwardAndRerun(t *testing.T) {
	d := newDriver(t, setup{lang: i18n.EN, snapshot: "whitebox-placeholders.json"})
	d.key("enter")
	d.until(func() bool { return d.hardware().state == finished })
	gen := d.hardware().gen

	// Back to the welcome and forward again: the results stay, nothing reruns.
	d.key("esc")
	if d.m.screen != 0 {
		t.Fatalf("esc: screen %d; want the welcome", d.m.screen)
	}
	d.key("enter")
	if d.m.screen != 1 || d.hardware().gen != gen || d.hardware().state != finished {
		t.Fatalf("forward again must show the same results without running again")
	}
	d.key("enter")
	d.drain()
	first := d.m.summary.savedPath
	if d.m.screen != d.m.summaryIndex() || first == "" {
		t.Fatalf("enter: want the summary with the report saved; screen %d, path %q", d.m.screen, first)
	}

	// r on the summary runs the step again; its new results are saved anew.
	d.key("r")
	if d.m.screen != 1 || d.hardware().gen != gen+1 {
		t.Fatalf("r must run the hardware step again (screen %d, gen %d)", d.m.screen, d.hardware().gen)
	}
	d.until(func() bool { return d.hardware().state == finished })
	d.key("backspace")
	if d.m.screen != 0 {
		t.Fatalf("backspace goes back too")
	}
	d.key("enter", "enter")
	d.drain()
	if d.m.summary.savedPath == "" || d.m.resultsGen != 2 {
		t.Fatalf("the summary after a rerun must save the new results (gen %d, path %q)", d.m.resultsGen, d.m.summary.savedPath)
	}
	files, _ := filepath.Glob(filepath.Join(d.dir, "*.json"))
	if len(files) != 2 { // same clock in tests: the rerun's report is kept beside the first, never over it
		t.Errorf("report files: %v", files)
	}
	if _, err := os.Stat(files[0]); err != nil {
		t.Error(err)
	}

	d.key("q")
	d.drain()
	if !d.quit {
		t.Error("q on the summary quits at once: nothing is running")
	}
}

// Every kind of question through the full-screen view: keys answer, the
// validator keeps the question open, and the step gets the answers.
func TestQuestionsInTheWizard(t *testing.T) {
	ask := &askingStep{}
	d := newDriver(t, setup{lang: i18n.EN, snapshot: "lenovo-good.json", extra: []steps.Step{ask}})
	d.key("enter")
	d.until(func() bool { return d.hardware().state == finished })
	d.key("enter")
	s := d.m.stepsV[1]
	waitQ := func(id string) {
		t.Helper()
		d.until(func() bool { return s.question != nil && s.question.q.ID == id })
	}
	waitQ("continue")
	if !strings.Contains(d.view(), "Continue? [y/N]") {
		t.Errorf("confirm shows [y/N]:\n%s", d.view())
	}
	d.key("enter") // the default: no
	waitQ("client")
	d.key("up", "enter")
	waitQ("logs")
	d.key("space", "down", "down", "space", "enter") // untick policy, tick activation
	waitQ("serial")
	d.send(keyMsg("AA022"))
	d.key("enter")
	if s.question == nil || !strings.Contains(d.view(), "A serial has 13 characters.") {
		t.Fatalf("the validator must keep the question open and say why:\n%s", d.view())
	}
	d.send(keyMsg("10025590"))
	d.key("enter")
	d.until(func() bool { return s.state == finished })
	want := []string{"n", "v20", "network,activation", "AA02210025590"}
	for i, a := range ask.answers {
		if a.Text != want[i] {
			t.Errorf("answer %d = %q; want %q", i+1, a.Text, want[i])
		}
	}
}

// An unusual case number is pointed out once and kept on a second Enter.
func TestUnusualCaseNumberIsExplainedThenKept(t *testing.T) {
	d := newDriver(t, setup{lang: i18n.EN, snapshot: "lenovo-good.json"})
	d.send(keyMsg("20211015-001"))
	d.key("enter")
	if d.m.screen != 0 || !strings.Contains(d.view(), "does not look like support's usual") {
		t.Fatalf("first Enter must explain:\n%s", d.view())
	}
	d.key("enter")
	if d.m.screen != 1 || d.m.sess.Case != "20211015-001" {
		t.Fatalf("second Enter keeps it: screen %d, case %q", d.m.screen, d.m.sess.Case)
	}
}

// Going back while the step runs, switching the language and typing a case
// number leave the running step alone; its results arrive and the report
// carries the case number typed meanwhile. Run with -race.
func TestBackWhileRunning(t *testing.T) {
	release := make(chan struct{})
	snap := loadSnapshot(t, "lenovo-good.json")
	d := newDriver(t, setup{lang: i18n.ZH, reader: gatedReader{snap: snap, release: release}})
	d.key("enter")
	d.until(func() bool { return d.resultsIn() == 2 })
	d.key("esc", "tab", "right", "tab")
	d.send(keyMsg("CAS-04851-R7R3X9"))
	d.key("enter")
	if d.m.screen != 1 || d.hardware().gen != 1 {
		t.Fatalf("forward again must return to the running step, not start another (gen %d)", d.hardware().gen)
	}
	close(release)
	d.until(func() bool { return d.hardware().state == finished })
	d.key("enter")
	d.drain()
	data, err := os.ReadFile(filepath.Join(d.dir, "PC-0097_20261126-093000.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"case": "CAS-04851-R7R3X9"`, `"lang": "en"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("report lacks %s", want)
		}
	}
}

// A finished step names where Enter goes: the next step by its title, and
// the summary only from the last step.
func TestDoneHintNamesTheNextScreen(t *testing.T) {
	for _, lang := range i18n.Langs {
		d := newDriver(t, setup{lang: lang, w: 130, h: 40, snapshot: "lenovo-good.json", extra: []steps.Step{&quietStep{}}})
		d.key("enter")
		d.until(func() bool { return d.hardware().state == finished })
		next := i18n.T("按 Enter 继续：确认信息。", "Press Enter to continue: Confirm details.").In(lang)
		last := msgDoneLast.In(lang)
		if v := d.view(); !strings.Contains(v, next) || strings.Contains(v, last) {
			t.Errorf("%s: the first of two steps must lead on to the second:\n%s", lang, v)
		}
		d.key("enter")
		d.until(func() bool { return d.m.stepsV[1].state == finished })
		if v := d.view(); !strings.Contains(v, last) {
			t.Errorf("%s: the last step must lead to the summary:\n%s", lang, v)
		}
	}
}

// quietStep finishes at once, with nothing to report.
type quietStep struct{}

func (*quietStep) ID() string                 { return "quiet" }
func (*quietStep) Title() i18n.Text           { return i18n.T("确认信息", "Confirm details") }
func (*quietStep) Items() []checks.Definition { return nil }
func (*quietStep) Run(_ context.Context, s *steps.Session, emit func(steps.Event)) {
	emit(steps.Finished{Step: "quiet"})
}

// The header keeps the PC's name while a later step runs: it was read by
// the hardware step and does not vanish until the next step finishes.
func TestHeaderKeepsTheHostWhileAStepRuns(t *testing.T) {
	d := newDriver(t, setup{lang: i18n.EN, w: 120, h: 40, snapshot: "lenovo-good.json", extra: []steps.Step{&askingStep{}}})
	d.key("enter")
	d.until(func() bool { return d.hardware().state == finished })
	d.key("enter")
	d.until(func() bool { return d.m.stepsV[1].question != nil })
	if d.m.stepsV[1].state != running {
		t.Fatal("the asking step should be running")
	}
	if header := strings.SplitN(d.view(), "\n", 2)[0]; !strings.Contains(header, "PC-0097") {
		t.Errorf("header while the second step runs: %q", header)
	}
}
