package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/activation"
	"actwiz/internal/i18n"
	"actwiz/internal/serial"
	"actwiz/steps"
)

// The wizard goes past an empty serial to the summary: Enter on the empty
// field asks whether to skip, Enter takes the default (yes), and the
// summary still has its support code.
func TestWizardSkipsAnEmptySerialToTheSummary(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(lang), func(t *testing.T) {
			d := fullFlow(t, variant{lang: lang, w: 100, h: 30})
			d.next()
			d.untilQuestion(1, steps.SerialQuestion)
			d.key("enter")
			d.untilQuestion(1, steps.SkipSerialQuestion)
			prompt := map[i18n.Lang]string{i18n.EN: "Skip the serial check?", i18n.ZH: "跳过序列号核对吗？"}[lang]
			if !strings.Contains(d.view(), prompt) {
				t.Fatalf("the skip question is not on screen:\n%s", d.view())
			}
			d.key("enter")
			d.until(func() bool { return d.m.stepsV[1].state == finished })
			// The sidebar says the step was skipped, not that it passed
			// (only the hardware step, which passes here, says "all pass").
			skipped := map[i18n.Lang]string{i18n.EN: "skipped", i18n.ZH: "已跳过"}[lang]
			allPass := map[i18n.Lang]string{i18n.EN: "all pass", i18n.ZH: "全部通过"}[lang]
			if view := d.view(); !strings.Contains(view, skipped) || strings.Count(view, allPass) != 1 {
				t.Errorf("after skipping, the sidebar should say %q for the serial step and %q only for the hardware step:\n%s", skipped, allPass, view)
			}
			d.key("enter")
			d.until(func() bool { return d.m.stepsV[2].state == finished })
			d.key("enter")
			d.untilQuestion(3, "logs.categories")
			d.key("enter")
			d.untilQuestion(3, "logs.open-folder")
			d.key("n")
			d.until(func() bool { return d.m.stepsV[3].state == finished })
			d.key("enter")
			d.drain()
			if !d.m.Finished() || d.m.summary.code == "" || !strings.Contains(d.view(), spacedCode(d.m.summary.code)) {
				t.Fatalf("no summary with a support code:\n%s", d.view())
			}
			assertSkippedWithoutSerial(t, d.m.sess)
		})
	}
}

// Plain mode offers the same: an empty line at the serial prompt, Enter at
// "Skip the serial check? [Y/n]", and on to the summary.
func TestPlainSkipsAnEmptySerialToTheSummary(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(lang), func(t *testing.T) {
			var opened string
			list := []steps.Step{
				&steps.Serial{Profile: serial.CMGE, Timeout: time.Second},
				&steps.Activation{Profile: serial.CMGE, Preflight: activation.Preflight{Profile: "cmge", Network: fixedNetwork(),
					Service: func(context.Context, string) activation.ServiceState {
						return activation.ServiceState{Name: "CmitClientSVC", Installed: true, Running: true}
					}}, NeedsSerial: true, Driver: neverDriver{t}},
				tinyLogs(t, &opened),
			}
			opts, _ := plainOptions(t, lang, "lenovo-good.json", list...)
			opts.Session.Source = steps.Source{} // this machine: the activation step runs
			input := strings.Join([]string{
				"",  // no case number
				"",  // no serial
				"",  // skip it: yes, the default
				"",  // log categories: the default
				"n", // do not open the folder
			}, "\n") + "\n"
			var out bytes.Buffer
			code, err := RunPlain(context.Background(), opts, strings.NewReader(input), &out)
			if err != nil {
				t.Fatal(err)
			}
			got := out.String()
			want := map[i18n.Lang][]string{
				i18n.EN: {"Press Enter without typing to skip.", "No serial was typed. Skip the serial check?\n", "[Y/n] \n",
					"SKIP Serial format: -", "Skipped: no serial given.", "Not attempted: no serial given", "== Summary ==", "Support code: "},
				i18n.ZH: {"直接按回车跳过。", "没有输入序列号。跳过序列号核对吗？\n", "[Y/n] \n",
					"没有提供序列号，跳过此项。", "没有尝试激活：没有提供序列号", "== 总结 ==", "支持代码："},
			}[lang]
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			if strings.Count(got, "> ") != 1 {
				t.Errorf("the serial was asked %d times; once is enough:\n%s", strings.Count(got, "> "), got)
			}
			if code != checks.ExitCode(opts.Session.All()) || code == 2 {
				t.Errorf("exit %d", code)
			}
			assertSkippedWithoutSerial(t, opts.Session)
		})
	}
}

func assertSkippedWithoutSerial(t *testing.T, sess *steps.Session) {
	t.Helper()
	for _, r := range sess.Results(steps.SerialID) {
		if r.Status != checks.Skip || r.Detail.EN != "Skipped: no serial given." {
			t.Errorf("%s: %s %q; want skip, no serial given", r.ID, r.Status, r.Detail.EN)
		}
	}
	var attempt checks.Result
	for _, r := range sess.Results(steps.ActivationID) {
		if r.ID == activation.AttemptID {
			attempt = r
		}
	}
	if attempt.Status != checks.Skip || attempt.Observed != string(activation.SerialNone) {
		t.Errorf("attempt %s %q; want skipped, no serial given", attempt.Status, attempt.Observed)
	}
	if sess.LogPackage == "" {
		t.Error("the log step wrote no package")
	}
}

// neverDriver fails the test if an attempt is made.
type neverDriver struct{ t *testing.T }

func (d neverDriver) Attempt(context.Context, string) checks.Result {
	d.t.Error("no activation may be attempted without a serial")
	return checks.Result{ID: activation.AttemptID, Status: checks.Fail}
}
