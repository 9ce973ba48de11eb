//go:build linux

package proctree

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// token is a sleep duration no other process uses: GNU sleep takes
// fractions, so "300.<random>" marks the process in /proc/PID/cmdline.
func token() string { return fmt.Sprintf("300.%09d", rand.IntN(1e9)) }

// withArg lists the running processes that have arg among their arguments.
func withArg(arg string) []int {
	dirs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var pids []int
	for _, d := range dirs {
		data, err := os.ReadFile(d)
		if err != nil {
			continue
		}
		for _, a := range bytes.Split(data, []byte{0}) {
			if string(a) == arg {
				pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(d)))
				if alive(pid) {
					pids = append(pids, pid)
				}
				break
			}
		}
	}
	return pids
}

// waitFor waits until a process with arg runs and returns its pid.
func waitFor(t *testing.T, arg string) int {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if pids := withArg(arg); len(pids) > 0 {
			t.Cleanup(func() {
				for _, p := range withArg(arg) {
					syscall.Kill(p, syscall.SIGKILL)
				}
			})
			return pids[0]
		}
	}
	t.Fatalf("no process with argument %s started", arg)
	return 0
}

// gone waits a little for every process with one of args to end.
func gone(t *testing.T, what string, args ...string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for _, arg := range args {
		for len(withArg(arg)) > 0 {
			if time.Now().After(deadline) {
				t.Errorf("%s: sleep %s (pid %v) still runs", what, arg, withArg(arg))
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// A grandchild that left the process group (setsid) or was orphaned and
// adopted is still part of the tree: Kill ends it.
func TestKillEndsEscapedGrandchildren(t *testing.T) {
	tests := []struct {
		name   string
		script string // %[1]s and %[2]s are two sleep tokens
	}{
		{"setsid grandchild, the shell still waiting", "setsid sleep %[1]s & sleep %[2]s"},
		{"orphaned setsid grandchild", "(setsid sleep %[1]s &); sleep %[2]s"},
		{"orphan in the same group", "(sleep %[1]s &); sleep %[2]s"},
		{"setsid chain three deep", "setsid sh -c 'setsid sleep %[1]s & wait' & sleep %[2]s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			escaped, hanging := token(), token()
			cmd := exec.Command("sh", "-c", fmt.Sprintf(tc.script, escaped, hanging))
			tree := Prepare(cmd, Options{})
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			_ = tree.Started()
			grandchild := waitFor(t, escaped)
			waitFor(t, hanging)
			if err := tree.Kill(); err != nil {
				t.Errorf("Kill: %v", err)
			}
			cmd.Wait()
			tree.Release()
			gone(t, "after Kill", escaped, hanging)
			// Adopted by this process (a subreaper), its zombie is reaped.
			if p, ok := readStat(grandchild); ok && p.zombie {
				t.Errorf("the grandchild %d is left a zombie of %d", grandchild, p.ppid)
			}
		})
	}
}

// What a command leaves running when it ends by itself is ended at
// Release only with KillLeftovers.
func TestReleaseEndsLeftovers(t *testing.T) {
	for _, kill := range []bool{true, false} {
		t.Run(fmt.Sprintf("KillLeftovers=%v", kill), func(t *testing.T) {
			left := token()
			cmd := exec.Command("sh", "-c", fmt.Sprintf("setsid sleep %s & exit 0", left))
			tree := Prepare(cmd, Options{KillLeftovers: kill})
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			_ = tree.Started()
			waitFor(t, left)
			if err := cmd.Wait(); err != nil {
				t.Fatalf("sh: %v", err)
			}
			tree.Release()
			if kill {
				gone(t, "after Release", left)
				return
			}
			time.Sleep(200 * time.Millisecond)
			if len(withArg(left)) == 0 {
				t.Errorf("without KillLeftovers the leftover must keep running")
			}
		})
	}
}

// A process that merely shares the environment of actwiz is not part of a
// tree: each tree has its own marker.
func TestKillSparesOtherTrees(t *testing.T) {
	mine, other := token(), token()
	a := exec.Command("sleep", mine)
	b := exec.Command("sleep", other)
	ta, tb := Prepare(a, Options{}), Prepare(b, Options{})
	for _, c := range []*exec.Cmd{a, b} {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	defer func() { tb.Kill(); b.Wait() }()
	waitFor(t, mine)
	waitFor(t, other)
	ta.Kill()
	a.Wait()
	gone(t, "after Kill", mine)
	if len(withArg(other)) == 0 {
		t.Errorf("killing one tree ended another")
	}
}
