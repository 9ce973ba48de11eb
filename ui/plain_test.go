package ui

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/probe"
	"actwiz/internal/serial"
	"actwiz/steps"
)

func plainOptions(t *testing.T, lang i18n.Lang, snapshot string, extra ...steps.Step) (Options, string) {
	t.Helper()
	dir := t.TempDir()
	sess := &steps.Session{Lang: lang, Started: fixedNow,
		Source: steps.Source{Snapshot: true, File: "testdata/snapshots/" + snapshot}}
	list := []steps.Step{&steps.Hardware{Reader: probe.FromSnapshot(loadSnapshot(t, snapshot)), Timeout: 5 * time.Second,
		Rules: checks.DefaultRules(), Now: func() time.Time { return fixedNow }}}
	return Options{Steps: append(list, extra...), Session: sess, Lang: lang, Glyphs: display.Plain,
		ReportDir: dir, Version: "test", Now: func() time.Time { return fixedNow }}, dir
}

// Plain mode driven through stdin and stdout: the case number, every kind
// of question with a wrong answer first, the results and the summary.
func TestPlainModeAnswersAndAll(t *testing.T) {
	ask := &askingStep{}
	opts, dir := plainOptions(t, i18n.EN, "whitebox-placeholders.json", ask)
	input := strings.Join([]string{
		"CAS 04851",        // refused: a space
		"cas-04851-r7r3x9", // accepted, upper-cased
		"maybe",            // not y or n: asked again
		"y",                // confirm
		"7",                // out of range
		"1",                // choose V2.0
		"3 1",              // tick activation log and group policy
		"AA0221002559",     // 12 characters: the validator objects
		"AA02210025590",    // accepted
	}, "\n") + "\n"
	var out bytes.Buffer
	code, err := RunPlain(context.Background(), opts, strings.NewReader(input), &out)
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if code != 1 {
		t.Errorf("exit status %d; want 1 (a check failed)", code)
	}
	for _, want := range []string{
		"Snapshot mode: showing the facts recorded in testdata/snapshots/whitebox-placeholders.json, not this machine.",
		"A case number holds only letters, digits and dashes",
		"Case number: CAS-04851-R7R3X9",
		"== Step 1 of 2: Hardware check ==",
		"x FAIL BIOS serial number: Default string",
		"x FAIL An enabled physical network adapter: Realtek PCIe GbE Family Controller",
		"- SKIP Network adapter is not removable: -",
		"wmic bios get SerialNumber",
		"Case number (optional, press Enter to skip): CAS 04851\nA case number holds",
		"Continue?\n  Choose no to check the serial first.\n[y/N] maybe\nPlease answer y or n.\n[y/N] y\n",
		"  1) V2.0 or older\n  2) V2.1 or newer\n  3) Not sure\nChoose [1-3, Enter for 2]: 7\nPlease enter one number from 1 to 3.\nChoose [1-3, Enter for 2]: 1\n",
		"  1) Group policy (ticked)",
		"Enter numbers [Enter keeps 1,2]: ",
		"A serial has 13 characters.",
		"Support code: 011 819 645",
		"What to do next:\n1. Fix each FAIL item",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(got, "\x1b") {
		t.Error("plain mode must not send escape sequences")
	}
	// The counter counts the items done, one to six, in the order they
	// finish (which is the order the facts arrive in).
	if counters := regexp.MustCompile(`(?m)^\[\d+/\d+\]`).FindAllString(got, -1); strings.Join(counters, "") != "[1/6][2/6][3/6][4/6][5/6][6/6]" {
		t.Errorf("counters %v; want [1/6] to [6/6]", counters)
	}
	wantAnswers := []string{"y", "v20", "activation,policy", "AA02210025590"}
	if len(ask.answers) != len(wantAnswers) {
		t.Fatalf("answers = %+v", ask.answers)
	}
	for i, a := range ask.answers {
		if a.Text != wantAnswers[i] {
			t.Errorf("answer %d = %q; want %q", i+1, a.Text, wantAnswers[i])
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 1 || filepath.Base(files[0]) != "PC-0142_20261126-093000.json" {
		t.Fatalf("report files = %v", files)
	}
	data, _ := os.ReadFile(files[0])
	if !strings.Contains(string(data), `"case": "CAS-04851-R7R3X9"`) || !strings.Contains(string(data), `"code": "011819645"`) {
		t.Errorf("report lacks the case or the code:\n%s", data)
	}
	if !strings.Contains(got, "Report saved to: "+files[0]) {
		t.Errorf("output does not say where the report is:\n%s", got)
	}
}

// Input that ends early still finishes: a yes/no question is answered no,
// a choice takes its default, a typed answer is cancelled (its validator
// would refuse the empty one forever); Chinese output keeps the Chinese
// words.
func TestPlainModeEndOfInputTakesDefaults(t *testing.T) {
	ask := &askingStep{}
	opts, _ := plainOptions(t, i18n.ZH, "lenovo-good.json", ask)
	var out bytes.Buffer
	code, err := RunPlain(context.Background(), opts, strings.NewReader(""), &out)
	if err != nil || code != 0 {
		t.Fatalf("RunPlain = %d, %v\n%s", code, err, out.String())
	}
	got := out.String()
	for _, want := range []string{"== 第 1/2 步：硬件检查 ==", "] + 通过 BIOS 序列号：PF2XK7QW", "（没有更多输入，回答", "不打开、不上传、不激活任何东西", "（没有更多输入，使用默认值：V2.1 或更新）", "（没有更多输入，跳过这个问题）", "支持代码：010 000 022", "报告已保存到："} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	want := []string{"n", "v21", "policy,network", ""}
	for i, a := range ask.answers {
		if a.Text != want[i] {
			t.Errorf("default answer %d = %q; want %q", i+1, a.Text, want[i])
		}
	}
	if len(ask.answers) != 4 || !ask.answers[3].Cancelled {
		t.Errorf("the typed answer must be cancelled at the end of input: %+v", ask.answers)
	}
}

// A question whose default is yes (open the folder, upload) is answered
// no when the input has ended: nothing happens that nobody agreed to.
func TestPlainEndOfInputNeverSaysYes(t *testing.T) {
	for _, kind := range []steps.QuestionKind{steps.Confirm, steps.Secret, steps.Input} {
		var out bytes.Buffer
		p := &plainView{out: &out, in: bufio.NewReader(strings.NewReader("")), lang: i18n.EN, sh: &shared{lang: i18n.EN, glyphs: display.Plain}}
		q := &steps.Question{ID: "logs.upload", Kind: kind, Default: "y", Prompt: i18n.T("上传？", "Upload?"),
			Validate: func(string) i18n.Text { return i18n.T("不行", "no good") }}
		answered := make(chan steps.Answer, 1)
		go func() {
			a, _ := steps.Ask(context.Background(), func(ev steps.Event) { p.event(ev) }, q)
			answered <- a
		}()
		select {
		case a := <-answered:
			switch {
			case kind == steps.Confirm && (a.Text != "n" || !strings.Contains(out.String(), "answering no: nothing is opened, uploaded or activated")):
				t.Errorf("confirm at EOF: %+v\n%s", a, out.String())
			case kind != steps.Confirm && (!a.Cancelled || !strings.Contains(out.String(), "this question is skipped")):
				t.Errorf("kind %v at EOF: %+v\n%s", kind, a, out.String())
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("kind %v: no answer at the end of input", kind)
		}
	}
}

// A step's own items (log collectors, not in the checks registry) are
// named by their titles; on a snapshot the logs step says why it skips.
func TestPlainNamesAStepsOwnItems(t *testing.T) {
	var opened string
	opts, _ := plainOptions(t, i18n.EN, "lenovo-good.json", tinyLogs(t, &opened))
	var out bytes.Buffer
	if _, err := RunPlain(context.Background(), opts, strings.NewReader(""), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[1/1] - SKIP Activation log - client-log: -", "Not collected: this is a recorded snapshot"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// A serial typed into plain mode from a pipe is logged as stars, never as
// itself: logs of a phone session end up in tickets.
func TestPlainSecretIsNeverEchoed(t *testing.T) {
	opts, dir := plainOptions(t, i18n.EN, "lenovo-good.json", &steps.Serial{Profile: serial.CMGE, Timeout: time.Second})
	var out bytes.Buffer
	if _, err := RunPlain(context.Background(), opts, strings.NewReader("\nAA02210025590\n"), &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if strings.Contains(got, "AA02210025590") {
		t.Fatalf("the serial was echoed in plain mode:\n%s", got)
	}
	if !strings.Contains(got, "> *************") || !strings.Contains(got, "AA*****025590") {
		t.Errorf("want the typed serial as stars and the result masked:\n%s", got)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, f := range files {
		if data, _ := os.ReadFile(f); bytes.Contains(data, []byte("AA02210025590")) {
			t.Errorf("%s holds the unmasked serial", f)
		}
	}
}
