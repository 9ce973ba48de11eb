//go:build linux

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"actwiz/internal/platform/proctree/proctreetest"
)

// The real actwiz, ended by a real kill while a command it started hangs
// with a grandchild that left its process group (setsid). Whatever the
// signal, the run ends as Ctrl+C ends it: promptly, with 128 + the
// signal's number, no partial package, no temporary folder and no process
// of the tree left.
var stopCases = []struct {
	signal string
	status int
}{
	{"INT", 130},
	{"TERM", 143},
	{"HUP", 129},
}

func TestSignalEndsCollect(t *testing.T) {
	exe := buildActwiz(t)
	for _, sc := range stopCases {
		t.Run(sc.signal, func(t *testing.T) {
			dir := t.TempDir()
			out, stage := filepath.Join(dir, "out"), filepath.Join(dir, "tmp")
			for _, d := range []string{out, stage} {
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			escaped, hanging := proctreetest.Token(), proctreetest.Token()
			cfg := fmt.Sprintf(`logs:
  builtin: false
  collectors:
    - {name: quick, category: network, command: [sh, -c, "echo 10.1.2.3"]}
    - {name: hang, category: processes, timeout: 10m, command: [sh, -c, "setsid sleep %s & echo started; sleep %s"]}
`, escaped, hanging)
			cmd := exec.Command(exe, "collect", "--config", writeConfig(t, dir, cfg), "--output", out, "--lang", "en")
			cmd.Env = signalTestEnv(dir, stage)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stderr, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			proctreetest.WaitFor(t, escaped, 15*time.Second)
			proctreetest.WaitFor(t, hanging, 15*time.Second)
			if m, _ := filepath.Glob(filepath.Join(out, "*.zip.partial")); len(m) != 1 {
				t.Fatalf("while collecting, %s holds %v; want one .zip.partial", out, m)
			}
			if m, _ := filepath.Glob(filepath.Join(stage, "actwiz-collect-*")); len(m) != 1 {
				t.Fatalf("while collecting, %s holds %v; want the temporary folder", stage, m)
			}
			status := killAndWait(t, cmd, sc.signal)
			if status != sc.status {
				t.Errorf("exit status %d after SIG%s; want %d\n%s", status, sc.signal, sc.status, stderr.String())
			}
			if left := entries(t, out); len(left) != 0 {
				t.Errorf("the package folder keeps %v; want nothing (no .zip.partial, no package)", left)
			}
			if left := entries(t, stage); len(left) != 0 {
				t.Errorf("the temporary folder with raw output is left: %v", left)
			}
			proctreetest.Gone(t, "after the signal", 2*time.Second, escaped, hanging)
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("stderr does not say the package was interrupted:\n%s", stderr.String())
			}
		})
	}
}

func TestSignalEndsActivate(t *testing.T) {
	exe := buildActwiz(t)
	for _, sc := range stopCases {
		t.Run(sc.signal, func(t *testing.T) {
			dir := t.TempDir()
			escaped, hanging := proctreetest.Token(), proctreetest.Token()
			cfg := fmt.Sprintf(`serial:
  profile: cmge
activation:
  driver: command
  endpoints: ['tcp://%s']
  timeout: 2s
  command: [sh, -c, "setsid sleep %s & echo trying {serial}; sleep %s"]
  command_timeout: 10m
`, closedPort(t), escaped, hanging)
			cmd := exec.Command(exe, "activate", "--config", writeConfig(t, dir, cfg), "--serial", "AA02210025590", "--yes", "--force", "--lang", "en")
			cmd.Env = signalTestEnv(dir, filepath.Join(dir))
			var output bytes.Buffer
			cmd.Stdout, cmd.Stderr = &output, &output
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			proctreetest.WaitFor(t, escaped, 15*time.Second)
			proctreetest.WaitFor(t, hanging, 15*time.Second)
			status := killAndWait(t, cmd, sc.signal)
			if status != sc.status {
				t.Errorf("exit status %d after SIG%s; want %d\n%s", status, sc.signal, sc.status, output.String())
			}
			proctreetest.Gone(t, "after the signal", 2*time.Second, escaped, hanging)
			if strings.Contains(output.String(), "AA02210025590") {
				t.Errorf("the serial appears in full:\n%s", output.String())
			}
		})
	}
}

// buildActwiz builds the real binary once per test.
func buildActwiz(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds actwiz")
	}
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("setsid is not installed")
	}
	exe := filepath.Join(t.TempDir(), "actwiz")
	build := exec.Command("go", "build", "-o", exe, ".")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building actwiz: %v\n%s", err, out)
	}
	return exe
}

func writeConfig(t *testing.T, dir, cfg string) string {
	t.Helper()
	p := filepath.Join(dir, "actwiz.yaml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// signalTestEnv keeps the run in dir; TMPDIR is where the temporary folder goes.
func signalTestEnv(dir, tmp string) []string {
	return []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"TMPDIR=" + tmp, "LANG=C.UTF-8",
	}
}

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// killAndWait sends the signal with kill(1) and returns the exit status;
// actwiz must be gone within a few seconds.
func killAndWait(t *testing.T, cmd *exec.Cmd, signal string) int {
	t.Helper()
	if out, err := exec.Command("kill", "-"+signal, strconv.Itoa(cmd.Process.Pid)).CombinedOutput(); err != nil {
		t.Fatalf("kill -%s: %v %s", signal, err, out)
	}
	killed := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		t.Logf("actwiz exited %s after SIG%s", time.Since(killed).Round(time.Millisecond), signal)
		var ee *exec.ExitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			if ws := ee.Sys().(syscall.WaitStatus); ws.Signaled() {
				return 128 + int(ws.Signal()) // died without cleaning up
			}
			return ee.ExitCode()
		}
		t.Fatalf("waiting for actwiz: %v", err)
	case <-time.After(6 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("actwiz still runs 6 s after SIG%s", signal)
	}
	return -1
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}
