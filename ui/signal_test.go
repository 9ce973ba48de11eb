//go:build linux

package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"actwiz/internal/platform/proctree/proctreetest"

	"github.com/creack/pty"
)

// The real wizard in a pseudo-terminal, ended by a real kill in the log
// step while a collector hangs with a grandchild that left its process
// group (setsid): it ends as Ctrl+C ends it, promptly, with 128 + the
// signal's number, leaving no partial package, no temporary folder with
// raw output, no process of the collector's tree and a usable terminal.
func TestSignalInLogStep(t *testing.T) {
	if testing.Short() {
		t.Skip("builds actwiz")
	}
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("setsid is not installed")
	}
	tmp := t.TempDir()
	exe := filepath.Join(tmp, "actwiz")
	build := exec.Command("go", "build", "-o", exe, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building actwiz: %v\n%s", err, out)
	}
	for _, sc := range []struct {
		signal string
		status int
	}{
		{"TERM", 143},
		{"HUP", 129},
		// The terminal itself goes away (its window or ssh session
		// closed): the kernel sends SIGHUP and reads fail from then on.
		{"hangup", 129},
	} {
		t.Run(sc.signal, func(t *testing.T) {
			dir := t.TempDir()
			desktop, stage := filepath.Join(dir, "Desktop"), filepath.Join(dir, "tmp")
			for _, d := range []string{desktop, stage} {
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			escaped, hanging := proctreetest.Token(), proctreetest.Token()
			cfg := filepath.Join(dir, "actwiz.yaml")
			if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`probe:
  timeout: 5s
activation:
  driver: none
  endpoints: ["tcp://127.0.0.1:9"]
  timeout: 1s
logs:
  builtin: false
  collectors:
    - {name: hang, category: processes, timeout: 10m, command: [sh, -c, "setsid sleep %s & echo started; sleep %s"]}
`, escaped, hanging)), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(exe, "--config", cfg)
			cmd.Dir = dir
			cmd.Env = []string{
				"TERM=xterm-256color", "HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
				"ACTWIZ_LANG=en", "ACTWIZ_REPORT_DIR=" + filepath.Join(dir, "reports"), "XDG_DESKTOP_DIR=" + desktop,
				"TMPDIR=" + stage, "PATH=" + os.Getenv("PATH"), "NO_COLOR=1",
			}
			ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
			if err != nil {
				t.Fatalf("starting actwiz in a pseudo-terminal: %v", err)
			}
			defer ptmx.Close()
			var screen screenLog
			copied := make(chan struct{})
			go func() {
				io.Copy(&screen, ptmx)
				close(copied)
			}()
			proctreetest.KillAtCleanup(t, escaped, hanging)
			press := func(keys string) {
				t.Helper()
				if _, err := ptmx.Write([]byte(keys)); err != nil {
					t.Fatalf("typing %q: %v", keys, err)
				}
				time.Sleep(100 * time.Millisecond)
			}

			screen.waitFor(t, "Press Enter to start the check.")
			press("\r")
			screen.waitFor(t, "Press Enter to continue:") // the hardware check is done
			press("\r")
			screen.waitFor(t, "Type the serial to activate with")
			press("AA02210025590\r")
			screen.waitFor(t, "AA*****025590")
			press("\r")
			for deadline := time.Now().Add(20 * time.Second); len(proctreetest.With(hanging)) == 0; time.Sleep(100 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("the log step never started the collector; the screen showed:\n%s", screen.text())
				}
				press("\r") // through the activation step and the log categories
			}
			proctreetest.WaitFor(t, escaped, 5*time.Second) // the collector's setsid grandchild
			if m, _ := filepath.Glob(filepath.Join(desktop, "*.zip.partial")); len(m) != 1 {
				t.Fatalf("while collecting, the Desktop holds %v; want one .zip.partial", m)
			}

			if sc.signal == "hangup" {
				ptmx.Close()
			} else if out, err := exec.Command("kill", "-"+sc.signal, strconv.Itoa(cmd.Process.Pid)).CombinedOutput(); err != nil {
				t.Fatalf("kill: %v %s", err, out)
			}
			killed := time.Now()
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			status := -1
			select {
			case err := <-done:
				var ee *exec.ExitError
				switch {
				case err == nil:
					status = 0
				case errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signaled():
					status = 128 + int(ee.Sys().(syscall.WaitStatus).Signal())
				case errors.As(err, &ee):
					status = ee.ExitCode()
				}
			case <-time.After(6 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("actwiz still runs 6 s after SIG%s", sc.signal)
			}
			t.Logf("actwiz exited %s after %s", time.Since(killed).Round(time.Millisecond), sc.signal)
			ptmx.Close()
			<-copied
			if status != sc.status {
				t.Errorf("exit status %d after SIG%s; want %d", status, sc.signal, sc.status)
			}
			if left, _ := os.ReadDir(desktop); len(left) != 0 {
				t.Errorf("the Desktop keeps %v; want no partial package", names(left))
			}
			if left, _ := os.ReadDir(stage); len(left) != 0 {
				t.Errorf("the temporary folder with raw output is left: %v", names(left))
			}
			proctreetest.Gone(t, "after actwiz ended", 2*time.Second, escaped, hanging)
			screen.mu.Lock()
			raw := screen.buf.String()
			screen.mu.Unlock()
			if sc.signal != "hangup" && !strings.Contains(raw, "\x1b[?1049l") {
				t.Errorf("the alternate screen was not left: the terminal is not restored")
			}
		})
	}
}

func names(es []os.DirEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}
