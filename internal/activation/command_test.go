package activation

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/serial"
)

var (
	helperOnce sync.Once
	helperPath string
	helperErr  error
)

// helper builds testdata/cmdhelper once per test run.
func helper(t *testing.T) string {
	t.Helper()
	helperOnce.Do(func() {
		dir, err := os.MkdirTemp("", "actwiz-cmdhelper")
		if err != nil {
			helperErr = err
			return
		}
		helperPath = filepath.Join(dir, "cmdhelper")
		if runtime.GOOS == "windows" {
			helperPath += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", helperPath, "./testdata/cmdhelper").CombinedOutput()
		if err != nil {
			helperErr = err
			t.Logf("%s", out)
		}
	})
	if helperErr != nil {
		t.Fatalf("building the helper program: %v", helperErr)
	}
	return helperPath
}

func TestCommandDriver(t *testing.T) {
	h := helper(t)
	const key = "AA02210025590"
	configured := []Message{{Pattern: `序列号无效`, Meaning: i18n.T("序列号无效。", "The serial is invalid."), Hint: i18n.T("核对序列号。", "Check the serial.")}}
	cases := []struct {
		name     string
		args     []string
		status   checks.Status
		observed string
		detail   string // part of the English detail
		hintZH   string
	}{
		{"success", []string{"ok"}, checks.Pass, "exit 0: 激活成功", "finished (exit code 0)", ""},
		{"server error (UTF-8)", []string{"server-error"}, checks.Fail, "exit 3: 在线激活失败，服务器错误，请联系客服", "never sends the request", "硬件检查"},
		{"server error (GBK)", []string{"server-error-gbk"}, checks.Fail, "exit 3: 在线激活失败，服务器错误，请联系客服", "never sends the request", "硬件检查"},
		{"configured message", []string{"invalid"}, checks.Fail, "exit 2: 错误：序列号无效", "The serial is invalid.", "核对序列号"},
		{"known code", []string{"code", "0xC004F074"}, checks.Fail, "exit 1: Error: 0xC004F074", "No key management server", "1688"},
		{"unknown code", []string{"code", "0xC004FFFF"}, checks.Fail, "exit 1: Error: 0xC004FFFF", "not in actwiz's table", "slui.exe 0x2a 0xC004FFFF"},
		{"unexplained output", []string{"odd"}, checks.Fail, "exit 5: something odd happened", "Last output: something odd happened", "客服"},
		{"serial masked in output", []string{"echo", "{serial}"}, checks.Pass, "exit 0: 使用序列号 AA*****025590 激活成功", "", ""},
		// The output decides over the exit code.
		{"server error with exit 0", []string{"say", "0", "正在激活…", "在线激活失败，服务器错误，请联系客服"}, checks.Fail,
			"exit 0: 在线激活失败，服务器错误，请联系客服", "exited with code 0, which means success, but its output says activation failed", "硬件检查"},
		{"activation failed with exit 0", []string{"say", "0", "激活失败"}, checks.Fail, "exit 0: 激活失败", "output says activation failed", "日志"},
		{"serial mismatch prompt with exit 0", []string{"say", "0", "上次激活使用的序列号FF*****700209跟当前输入的序列号不一致，是否继续使用当前输入的序列号进行激活"}, checks.Fail,
			"exit 0: 上次激活使用的序列号FF*****700209跟当前输入的序列号不一致，是否继续使用当前输入的序列号进行激活", "stopped to ask", "序列号"},
		{"configured message with exit 0", []string{"say", "0", "错误：序列号无效"}, checks.Fail, "exit 0: 错误：序列号无效", "The serial is invalid.", "核对序列号"},
		{"failure beats success in the same run", []string{"say", "0", "激活成功", "服务器错误"}, checks.Fail, "exit 0: 服务器错误", "output says activation failed", ""},
		{"success message with a failing code", []string{"say", "4", "激活成功"}, checks.Warn, "exit 4: 激活成功", "says activation succeeded (激活成功), but it exited with code 4", "success_codes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Command{Argv: append([]string{h}, c.args...), Timeout: 20 * time.Second, SuccessCodes: []int{0},
				Messages: configured, Mask: serial.CMGE.Mask}
			r := d.Attempt(context.Background(), key)
			if r.Status != c.status || r.Observed != c.observed || !strings.Contains(r.Detail.EN, c.detail) || !strings.Contains(r.Hint.ZH, c.hintZH) {
				t.Errorf("got %s %q\n  detail %q\n  hint %q", r.Status, r.Observed, r.Detail.EN, r.Hint.ZH)
			}
			if strings.Contains(r.Observed+r.Detail.EN+r.Detail.ZH, key) {
				t.Error("the serial must never appear unmasked")
			}
		})
	}
}

// The program may print the serial grouped, spaced or full-width; the
// result never holds its hidden digits in any form.
func TestCommandMasksEveryFormOfTheSerial(t *testing.T) {
	h := helper(t)
	const key = "AA02210025590"
	for _, form := range []string{"dashes", "spaces", "each", "fullwidth", "lower"} {
		t.Run(form, func(t *testing.T) {
			d := Command{Argv: []string{h, "echo-as", form, "{serial}"}, Timeout: 20 * time.Second, SuccessCodes: []int{0}, Mask: serial.CMGE.Mask}
			r := d.Attempt(context.Background(), key)
			if r.Status != checks.Pass || r.Observed != "exit 0: 使用序列号 AA*****025590 激活成功" {
				t.Errorf("got %s %q", r.Status, r.Observed)
			}
			all := serial.Normalise(r.Observed + r.Detail.EN + r.Detail.ZH + r.Hint.EN + r.Hint.ZH)
			if strings.Contains(all, "0221") || strings.Contains(all, serial.Normalise(key)) {
				t.Errorf("the hidden digits show: %q %q", r.Observed, r.Detail.EN)
			}
		})
	}
}

func TestCommandMissing(t *testing.T) {
	d := Command{Argv: []string{filepath.Join(t.TempDir(), "CmitClient.exe")}, Timeout: time.Second, SuccessCodes: []int{0}}
	r := d.Attempt(context.Background(), "AA02210025590")
	if r.Status != checks.Fail || !strings.Contains(r.Detail.EN, "was not found") || !strings.Contains(r.Hint.EN, "activation.command") {
		t.Errorf("missing program = %s %q %q", r.Status, r.Detail.EN, r.Hint.EN)
	}
}

func TestExplainEveryCode(t *testing.T) {
	for _, code := range []uint32{0xC004F025, 0x80070005, 0xC004F074, 0xC004C003, 0xC004C008, 0xC004C020, 0xC004F050, 0x8007232B, 0x8007007B,
		0xC004F069, 0xC004F038, 0xC004E003, 0x80072EE7, 0xC004F00F, 0xC004F211, 0xC004F06C} {
		m, ok := Codes[code]
		if !ok || m.What.ZH == "" || m.What.EN == "" || m.Do.ZH == "" || m.Do.EN == "" {
			t.Errorf("0x%08X needs a meaning and a remedy in both languages", code)
		}
	}
	if m := Explain(0xDEADBEEF); !strings.Contains(m.Do.EN, "slui.exe 0x2a 0xDEADBEEF") {
		t.Errorf("an unknown code must say how to look it up: %q", m.Do.EN)
	}
}

// TestCommandElevationRequired: Windows refuses to start a client whose
// manifest asks for administrator rights with ERROR_ELEVATION_REQUIRED;
// the attempt says so and the step can offer the elevated restart.
func TestCommandElevationRequired(t *testing.T) {
	d := Command{Argv: []string{`C:\Program Files\CMITActivation\CmitClient.exe`}, Timeout: time.Second, SuccessCodes: []int{0},
		start: func(c *exec.Cmd) error {
			return &os.PathError{Op: "fork/exec", Path: c.Path, Err: errorElevationRequired}
		}}
	r := d.Attempt(context.Background(), "AA02210025590")
	if r.Status != checks.Fail || !strings.Contains(r.Detail.EN, "administrator rights") || !strings.Contains(r.Hint.ZH, "管理员") || !NeedsElevation(r) {
		t.Errorf("740 at start = %s %q %q %q", r.Status, r.Observed, r.Detail.EN, r.Hint.EN)
	}
	// A launcher may exit with 740 instead (exit codes above 255 exist
	// only on Windows, so the verdict is tested directly).
	if r := d.judge(740, []string{"starting"}); r.Status != checks.Fail || r.Observed != "needs administrator rights; exit 740: starting" || !NeedsElevation(r) {
		t.Errorf("exit 740 = %s %q", r.Status, r.Observed)
	}
	if NeedsElevation(checks.Result{ID: AttemptID, Status: checks.Fail, Observed: "exit 1"}) {
		t.Error("an ordinary failure does not need elevation")
	}
}
