//go:build !windows

package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/report"
)

// writePackage writes a package with the real collect code: the report,
// the facts and a client log that says 「服务器错误」.
func writePackage(t *testing.T, dir, host, board string, at time.Time) {
	t.Helper()
	s := facts.New()
	s.Host = facts.Host{Name: host, OSFamily: "windows"}
	s.BIOS = &facts.BIOS{SerialNumber: facts.Str("PF2XK7QW-" + host)}
	s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str(board)}
	s.Disks = []facts.Disk{{Index: facts.Int(0), SerialNumber: facts.Str("0025_3881"), InLocalMachineContainer: facts.Bool(true), System: facts.Bool(true)}}
	s.NICs = []facts.NIC{{Name: facts.Str("Intel"), MACAddress: facts.Str("54:E1:AD:12:34:56"), PhysicalAdapter: facts.Bool(true), NetEnabled: facts.Bool(true), ConfigManagerErrorCode: facts.Int(0), PNPDeviceID: facts.Str(`PCI\VEN_8086`), InLocalMachineContainer: facts.Bool(true)}}
	rep, err := report.Build(report.Input{Results: checks.RunAll(checks.Hardware, s, checks.DefaultRules()), Facts: s, Lang: i18n.ZH, Version: "1.0.0", Source: report.Source{Kind: "machine"}, Now: at})
	if err != nil {
		t.Fatal(err)
	}
	repJSON, _ := rep.JSON()
	factsJSON, _ := facts.Marshal(s)
	logDir := t.TempDir()
	os.WriteFile(filepath.Join(logDir, "CMGE_Active.log"), []byte("2026-11-26 09:00:00 在线激活失败，服务器错误，请联系客服\n"), 0o644)
	_, err = collect.Write(context.Background(), collect.Options{
		Dir: dir, Prefix: "CMGE_Log", Host: host, Version: "1.0.0", Now: at, GOOS: "linux",
		Collectors: []collect.Collector{{Name: "client-logs", Category: "activation-log", Files: []string{filepath.Join(logDir, "*.log")}}},
		Own:        []collect.Own{{Name: parcel.ReportName, Data: repJSON}, {Name: parcel.FactsName, Data: factsJSON}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The real binary in tmux: the inbox lists, typing filters, Enter opens
// the package on the step screen, Esc goes back, Esc quits.
func TestInboxInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("builds actwiz")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tmp := t.TempDir()
	exe := filepath.Join(tmp, "actwiz")
	build := exec.Command("go", "build", "-o", exe, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building actwiz: %v\n%s", err, out)
	}
	inboxDir := filepath.Join(tmp, "inbox")
	os.MkdirAll(inboxDir, 0o755)
	at := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	writePackage(t, inboxDir, "PC-GOOD", "L1HF0AB03XZ", at)
	writePackage(t, inboxDir, "PC-BAD", "Default string", at.Add(time.Hour))

	session := "actwiz-inbox-" + filepath.Base(tmp)
	exitFile := filepath.Join(tmp, "exit")
	script := "cd " + tmp + " && TERM=xterm-256color " + exe + " open " + inboxDir + " --lang en --config " + hermeticConfig(t) + "; echo $? > " + exitFile + "; sleep 30"
	if out, err := exec.Command("tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", script).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	defer exec.Command("tmux", "kill-session", "-t", session).Run()
	screen := func() string {
		out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", session).Output()
		return string(out)
	}
	waitFor := func(want string) string {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if s := screen(); strings.Contains(s, want) {
				return s
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the screen never showed %q; it showed:\n%s", want, screen())
		return ""
	}
	keys := func(k ...string) {
		exec.Command("tmux", append([]string{"send-keys", "-t", session}, k...)...).Run()
	}
	s := waitFor("PC-GOOD")
	if strings.Index(s, "PC-BAD") > strings.Index(s, "PC-GOOD") {
		t.Errorf("the newest package is not first:\n%s", s)
	}
	keys("G", "O", "O", "D")
	waitFor("Filter: GOOD")
	keys("Enter")
	s = waitFor("client-server-error")
	if !strings.Contains(s, "Integrity: intact") || !strings.Contains(s, "Board serial number") {
		t.Errorf("package screen:\n%s", s)
	}
	keys("Escape")
	waitFor("Inbox")
	keys("Escape")
	keys("Escape")
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(exitFile); err == nil && len(data) > 0 {
			// PC-BAD fails: the inbox exits 1.
			if strings.TrimSpace(string(data)) != "1" {
				t.Errorf("exit %s; want 1", data)
			}
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("actwiz did not quit on Esc:\n%s", screen())
}
