package wine

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// terminal is actwiz.exe under Wine in a tmux window of a fixed size: what
// a user sees in a console of that size, read back with capture-pane.
type terminal struct {
	t      *testing.T
	socket string
	w, h   int
}

// exitMark is printed after actwiz.exe ends, with its exit status; the
// pane stays open so a crash's last words can still be read.
const exitMark = "[actwiz.exe exited "

// openTerminal starts actwiz.exe with args in a new tmux server of its own,
// in a window of w columns and h rows. The server ends with the test.
func openTerminal(t *testing.T, env *winetest.Env, w, h int, args ...string) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		msg := "tmux not found on PATH (Debian: apt-get install tmux)"
		if os.Getenv(winetest.RequireEnv) == "1" {
			t.Fatal(msg + "; " + winetest.RequireEnv + "=1 requires the Wine tests to run")
		}
		t.Skip(msg)
	}
	// A short directory: the socket's path must stay under 108 bytes.
	dir, err := os.MkdirTemp("", "tmux-")
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, socket: filepath.Join(dir, "s"), w: w, h: h}
	t.Cleanup(func() {
		exec.Command("tmux", "-S", term.socket, "kill-server").Run()
		os.RemoveAll(dir)
	})
	// The wine command as winetest would run it, with its environment
	// (private prefix, HOME, TMPDIR): the tmux server started here passes
	// that environment on to the window.
	wine := env.Command(context.Background(), args...)
	quoted := make([]string, len(wine.Args))
	for i, a := range wine.Args {
		quoted[i] = shellQuote(a)
	}
	script := fmt.Sprintf("cd %s && %s; echo \"%s$?]\"; exec sleep 3600", shellQuote(wine.Dir), strings.Join(quoted, " "), exitMark)
	cmd := exec.Command("tmux", "-S", term.socket, "-f", "/dev/null", "new-session", "-d", "-s", "w",
		"-x", fmt.Sprint(w), "-y", fmt.Sprint(h), script)
	cmd.Env = wine.Env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("starting tmux: %v\n%s", err, out)
	}
	return term
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// screen is what the window shows now, one string per row.
func (term *terminal) screen() []string {
	term.t.Helper()
	out, err := exec.Command("tmux", "-S", term.socket, "capture-pane", "-p", "-t", "w").Output()
	if err != nil {
		term.t.Fatalf("tmux capture-pane: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// press sends keys as tmux names them ("Enter", "Down", "j"), or text
// with literal set.
func (term *terminal) press(literal bool, keys ...string) {
	term.t.Helper()
	args := []string{"-S", term.socket, "send-keys", "-t", "w"}
	if literal {
		args = append(args, "-l")
	}
	if out, err := exec.Command("tmux", append(args, keys...)...).CombinedOutput(); err != nil {
		term.t.Fatalf("tmux send-keys %q: %v %s", keys, err, out)
	}
}

// waitFor waits until the screen holds every one of want and returns it.
func (term *terminal) waitFor(timeout time.Duration, want ...string) []string {
	term.t.Helper()
	return term.waitUntil(timeout, fmt.Sprintf("%q", want), func(rows []string) bool {
		text := strings.Join(rows, "\n")
		for _, w := range want {
			if !strings.Contains(text, w) {
				return false
			}
		}
		return true
	})
}

// waitUntil waits until ok holds for the screen and returns it. A panic or
// an early exit on screen ends the test at once.
func (term *terminal) waitUntil(timeout time.Duration, what string, ok func(rows []string) bool) []string {
	term.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		rows := term.screen()
		if ok(rows) {
			return rows
		}
		text := strings.Join(rows, "\n")
		if strings.Contains(text, "panic") || (strings.Contains(text, exitMark) && !strings.Contains(what, exitMark)) {
			term.t.Fatalf("waiting for %s, actwiz.exe crashed or exited; the %d×%d window shows:\n%s", what, term.w, term.h, text)
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("after %s the %d×%d window does not show %s; it shows:\n%s", timeout, term.w, term.h, what, text)
		}
		time.Sleep(150 * time.Millisecond)
	}
}
