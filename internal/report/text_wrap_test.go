package report

import (
	"bytes"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
)

// On a terminal the report is folded with the wizard's line breaker;
// expected lines worked out by hand (indent 7, so 23 cells of text at
// width 30; CJK two cells).
func TestWriteTextWidthWraps(t *testing.T) {
	r := Report{Code: "010000022", Checks: []Check{{
		ID: "bios.serial", Status: checks.Fail, Title: "BIOS 序列号", Observed: "0",
		Hint:           "软件保护服务可能卡住了。请以管理员身份运行（slmgr /dlv）查看状态。",
		VerifyCommands: []string{"Get-CimInstance Win32_BIOS | Select-Object SerialNumber"},
	}}}
	var buf bytes.Buffer
	if err := WriteTextWidth(&buf, r, i18n.ZH, display.Unicode, 30); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"       软件保护服务可能卡住",
		"       了。请以管理员身份运行",
		"       （slmgr /dlv）查看状",
		"       态。",
		"     自己查看：",
		"       Get-CimInstance",
		"       Win32_BIOS |",
		"       Select-Object",
		"       SerialNumber",
	}, "\n")
	if !strings.Contains(buf.String(), want) {
		t.Errorf("got:\n%s\nwant in it:\n%s", buf.String(), want)
	}
	// Width 0 (a file or a pipe): one line per item, as before.
	buf.Reset()
	if err := WriteText(&buf, r, i18n.ZH, display.Unicode); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\n       "+r.Checks[0].Hint+"\n") || !strings.Contains(buf.String(), "\n       "+r.Checks[0].VerifyCommands[0]+"\n") {
		t.Errorf("unwrapped report:\n%s", buf.String())
	}
}
