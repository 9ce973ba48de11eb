//go:build !windows

package ui

import (
	"bytes"
	"errors"
	"io"
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
	reports := filepath.Join(tmp, "reports")
	snapshot, err := filepath.Abs(filepath.Join("testdata", "snapshots", "whitebox-placeholders.json"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "--snapshot", snapshot, "--case", "cas-04851-r7r3x9")
	cmd.Dir = tmp
	cmd.Env = []string{
		"TERM=xterm-256color", "HOME=" + tmp, "XDG_CONFIG_HOME=" + filepath.Join(tmp, "config"),
		"ACTWIZ_LANG=en", "ACTWIZ_REPORT_DIR=" + reports, "PATH=" + os.Getenv("PATH"), "NO_COLOR=1",
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
	screen.waitFor(t, "Press Enter for the summary.")
	screen.waitFor(t, "✗ FAIL")
	press("j") // onto the board serial: its rule shows
	screen.waitFor(t, "The baseboard serial is unique and not empty")
	press("?")
	screen.waitFor(t, "All keys")
	press("?")
	press("\r")
	screen.waitFor(t, "0 1 1   8 1 9   6 4 5")
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
	for _, want := range []string{`"schema": "actwiz.report/v1"`, `"code": "011819645"`, `"case": "CAS-04851-R7R3X9"`, `"kind": "snapshot"`} {
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
}
