//go:build !windows

package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// colourSGR matches a select-graphic-rendition sequence that sets a colour
// (30-37, 38;…, 40-47, 48;…, 90-97, 100-107); bold and reverse are allowed.
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9]+;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9]+)*m`)

// screenLog collects what the program draws.
type screenLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screenLog) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

// text is everything drawn so far, escape sequences removed.
func (s *screenLog) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.buf.String())
}

func (s *screenLog) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.text(), want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the screen never showed %q; it showed:\n%s", want, s.text())
}

// The real binary in a pseudo-terminal: start on a sample snapshot, walk to
// the summary with key presses, and find the report where the screen says.
func TestBinaryInPseudoTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds actwiz")
	}
	tmp := t.TempDir()
	exe := filepath.Join(tmp, "actwiz")
	build := exec.Command("go", "build", "-o", exe, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building actwiz: %v\n%s", err, out)
	}
	reports, desktop := filepath.Join(tmp, "reports"), filepath.Join(tmp, "Desktop")
	snapshot, err := filepath.Abs(filepath.Join("testdata", "snapshots", "whitebox-placeholders.json"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "--config", hermeticConfig(t), "--snapshot", snapshot, "--case", "cas-04851-r7r3x9")
	cmd.Dir = tmp
	cmd.Env = []string{
		"TERM=xterm-256color", "HOME=" + tmp, "XDG_CONFIG_HOME=" + filepath.Join(tmp, "config"),
		"ACTWIZ_LANG=en", "ACTWIZ_REPORT_DIR=" + reports, "XDG_DESKTOP_DIR=" + desktop,
		"PATH=" + os.Getenv("PATH"), "NO_COLOR=1",
	}
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatalf("starting actwiz in a pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	var screen screenLog
	copied := make(chan struct{})
	go func() {
		io.Copy(&screen, ptmx) // ends with EIO when the program exits
		close(copied)
	}()
	press := func(keys string) {
		t.Helper()
		if _, err := ptmx.Write([]byte(keys)); err != nil {
			t.Fatalf("typing %q: %v", keys, err)
		}
		time.Sleep(100 * time.Millisecond)
	}

	screen.waitFor(t, "Press Enter to start the check.")
	screen.waitFor(t, "Snapshot mode: showing the facts recorded in")
	screen.waitFor(t, "CAS-04851-R7R3X9")
	press("\r")
	screen.waitFor(t, "Press Enter to continue:") // the serial check is next
	screen.waitFor(t, "✗ FAIL")
	press("j") // onto the board serial: its rule shows
	screen.waitFor(t, "The baseboard serial is unique and not empty")
	press("?")
	screen.waitFor(t, "All keys")
	press("?")
	press("\r")
	screen.waitFor(t, "Type the serial to activate with")
	press("xy-9876 5432100")
	press("\r")
	screen.waitFor(t, "XY*****432100") // the serial, masked
	press("\r")
	screen.waitFor(t, "Hardware allows activation")
	press("\r")
	// On a snapshot the logs step collects nothing and says why; only the
	// last step leads to the summary (the hint may wrap after "the").
	screen.waitFor(t, "Not collected: this is a recorded")
	screen.waitFor(t, "Press Enter for the")
	press("\r")
	screen.waitFor(t, "0 2 3   0 5 6   2 5 0   1 1 3   2 9 0")
	for i := 0; i < 20; i++ { // four groups of results: scroll to the rest
		press("j")
	}
	screen.waitFor(t, "Report saved to:")
	var files []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && len(files) == 0; time.Sleep(50 * time.Millisecond) {
		files, _ = filepath.Glob(filepath.Join(reports, "PC-0142_*.json"))
	}
	if len(files) != 1 {
		t.Fatalf("report files in %s: %v", reports, files)
	}
	screen.waitFor(t, "reports/PC-0142_2") // the path may wrap further on
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"schema": "actwiz.report/v1"`, `"code": "023056250113290"`, `"case": "CAS-04851-R7R3X9"`, `"kind": "snapshot"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("report lacks %s", want)
		}
	}

	press("q")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("exit: %v; want status 1 (checks failed)", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("actwiz did not exit after q on the summary")
	}
	<-copied
	if !strings.Contains(screen.text(), "Report saved to: "+files[0]) {
		t.Errorf("after the wizard, the terminal should keep where the report is")
	}
	screen.mu.Lock()
	raw := screen.buf.String()
	screen.mu.Unlock()
	if colour := colourSGR.FindString(raw); colour != "" {
		t.Errorf("NO_COLOR is set, yet the screen holds the colour sequence %q", colour)
	}
	if strings.Contains(raw, "XY98765432100") || strings.Contains(raw, "xy-9876") {
		t.Error("the serial typed must not be shown in full")
	}
	if files, _ := os.ReadDir(desktop); len(files) != 0 {
		t.Errorf("a snapshot run must not pack logs; the Desktop got %v", files)
	}
}

// hermeticConfig writes an actwiz.yaml that keeps a wizard run on this
// machine and in temporary folders: the activation servers are a closed
// port on 127.0.0.1, and the logs step collects one small file.
func hermeticConfig(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "client.log"), []byte("activation failed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := fmt.Sprintf("activation:\n  endpoints: [\"tcp://%s\"]\n  timeout: 2s\nlogs:\n  builtin: false\n  collectors:\n    - {name: client-log, category: activation-log, files: [%q]}\n",
		closed, filepath.Join(dir, "*.log"))
	file := filepath.Join(dir, "actwiz.yaml")
	if err := os.WriteFile(file, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}
