//go:build linux

package wine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// The real actwiz.exe, stopped while a collector hangs with a grandchild
// that outlived its parent (cmd's `start /b` runs ping from start.exe,
// which exits): the run ends as Ctrl+C ends it, with no partial package,
// no temporary folder of raw output and no process of the collector's job.
//
//   - Ctrl+C: Wine turns SIGINT into CTRL_C_EVENT, which Go delivers as
//     os.Interrupt; exit 130.
//   - End of session (log off, shut down): `wineboot --end-session` sends
//     WM_QUERYENDSESSION and WM_ENDSESSION to every top-level window, as
//     Windows does; actwiz hears them through its hidden window (a program
//     that loaded user32.dll gets no CTRL_LOGOFF_EVENT or
//     CTRL_SHUTDOWN_EVENT); exit 143, as for SIGTERM. Wine creates windows
//     only with a display, so this case needs Xvfb and skips without it.
//
// CTRL_CLOSE_EVENT (the console window closed) cannot be sent under Wine:
// its SIGTERM ends a Windows process at once. Go documents that it
// delivers the event as SIGTERM (runtime/os_windows.go, ctrlHandler),
// which the same code path handles.
func TestStopUnderWine(t *testing.T) {
	cases := []struct {
		name   string
		status int
		xvfb   bool
		stop   func(t *testing.T, env *winetest.Env, extra []string, pid int)
	}{
		{"Ctrl+C", 130, false, func(t *testing.T, _ *winetest.Env, _ []string, pid int) {
			if err := syscall.Kill(pid, syscall.SIGINT); err != nil {
				t.Fatalf("kill -INT %d: %v", pid, err)
			}
		}},
		{"end of session", 143, true, func(t *testing.T, env *winetest.Env, extra []string, _ int) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := env.Command(ctx)
			cmd.Path, cmd.Args = mustLookPath(t, "wine"), []string{"wine", "wineboot", "--end-session"}
			cmd.Env = append(cmd.Env, extra...)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("wineboot --end-session: %v\n%s", err, out)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var extra []string
			if tc.xvfb {
				extra = []string{"DISPLAY=" + startXvfb(t)}
			}
			env := winetest.Start(t)
			if tc.xvfb {
				// wineboot --init started the prefix's desktop without a
				// display; a desktop started anew gets the one given here.
				for _, arg := range []string{"-k", "-w"} {
					ws := env.Command(context.Background())
					ws.Path, ws.Args = mustLookPath(t, "wineserver"), []string{"wineserver", arg}
					ws.Run()
				}
			}
			out := env.HostPath(`C:\sig-out`)
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			left, hanging := strconv.Itoa(3000+rand.IntN(999)), strconv.Itoa(4000+rand.IntN(999))
			cfgName := fmt.Sprintf("sig-%d.yaml", rand.Int64())
			if err := os.WriteFile(env.HostPath(`C:\`+cfgName), []byte(fmt.Sprintf(`logs:
  builtin: false
  collectors:
    - {name: hang, category: processes, timeout: 10m, command: [cmd, /c, "start /b ping -n %s 127.0.0.1 & ping -n %s 127.0.0.1"]}
`, left, hanging)), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
			defer cancel()
			cmd := env.Command(ctx, "collect", "--config", `C:\`+cfgName, "--output", `C:\sig-out`, "--lang", "en")
			cmd.Env = append(cmd.Env, extra...)
			var output bytes.Buffer
			cmd.Stdout, cmd.Stderr = &output, &output
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			pings := []string{"-n " + left + " ", "-n " + hanging + " "}
			for deadline := time.Now().Add(3 * time.Minute); len(winProcesses("ping", pings[0])) == 0 || len(winProcesses("ping", pings[1])) == 0; time.Sleep(200 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("the collector's pings never both ran\n%s", output.String())
				}
				select {
				case err := <-done:
					t.Fatalf("actwiz.exe ended before the collector ran: %v\n%s", err, output.String())
				default:
				}
			}
			if m, _ := filepath.Glob(filepath.Join(out, "*.zip.partial")); len(m) != 1 {
				t.Fatalf("while collecting, %s holds %v; want one .zip.partial", out, m)
			}
			if m := stages(env); len(m) != 1 {
				t.Fatalf("while collecting, the temporary folders are %v; want one", m)
			}
			actwiz := winProcesses(cfgName)
			if len(actwiz) != 1 {
				t.Fatalf("processes running actwiz.exe with %s: %v", cfgName, actwiz)
			}

			stopped := time.Now()
			tc.stop(t, env, extra, actwiz[0])
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatalf("actwiz.exe still runs 20 s after the stop\n%s", output.String())
			}
			t.Logf("actwiz.exe ended %s after the stop", time.Since(stopped).Round(time.Millisecond))
			status := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				status = ee.ExitCode()
			} else if err != nil {
				t.Fatalf("waiting for actwiz.exe: %v", err)
			}
			if status != tc.status {
				t.Errorf("exit status %d; want %d\n%s", status, tc.status, output.String())
			}
			if m, _ := os.ReadDir(out); len(m) != 0 {
				t.Errorf("%s keeps %d entries (%s…); want no partial package", out, len(m), m[0].Name())
			}
			if m := stages(env); len(m) != 0 {
				t.Errorf("the temporary folder with raw output is left: %v", m)
			}
			for _, p := range pings {
				if pids := winProcesses("ping", p); len(pids) > 0 {
					t.Errorf("ping %s(pid %v) outlived actwiz.exe", p, pids)
				}
			}
		})
	}
}

// stages lists actwiz's temporary folders in the prefix (%TEMP%).
func stages(env *winetest.Env) []string {
	m, _ := filepath.Glob(filepath.Join(env.DriveC, "users", "*", "Temp", "actwiz-collect-*"))
	n, _ := filepath.Glob(filepath.Join(env.DriveC, "users", "*", "AppData", "Local", "Temp", "actwiz-collect-*"))
	return append(m, n...)
}

// winProcesses lists the host processes whose command line (a Wine
// process shows its Windows one) holds every part.
func winProcesses(parts ...string) []int {
	files, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var pids []int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || len(data) == 0 {
			continue
		}
		line := strings.ReplaceAll(string(data), "\x00", " ") + " "
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
			pids = append(pids, pid)
		}
	}
	return pids
}

func mustLookPath(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// startXvfb starts a virtual display for Wine's windows and returns its
// name; the test skips when Xvfb is not installed.
func startXvfb(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed (Debian: apt-get install xvfb): Wine makes windows only on a display")
	}
	for n := 90 + rand.IntN(100); ; n++ {
		display := ":" + strconv.Itoa(n)
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		x := exec.Command("Xvfb", display, "-screen", "0", "800x600x24", "-nolisten", "tcp")
		if err := x.Start(); err != nil {
			t.Fatalf("starting Xvfb: %v", err)
		}
		t.Cleanup(func() { x.Process.Kill(); x.Wait() })
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				return display
			}
		}
		t.Fatalf("Xvfb %s did not start", display)
	}
}
