// Package proctreetest finds, for tests, the processes a command tree left
// behind. A test starts `sleep TOKEN` somewhere deep in the tree (a setsid
// grandchild, say); TOKEN is a sleep duration no other process uses, so
// /proc/PID/cmdline names exactly the processes of that test, and a test
// can wait for them to start and assert that none outlived what should
// have ended them.
//
// It reads /proc, so it finds nothing off Linux. It imports no actwiz
// package.
package proctreetest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// Token is a sleep duration no other process uses: GNU sleep takes
// fractions, so "300.<random>" marks the process in /proc/PID/cmdline.
func Token() string { return fmt.Sprintf("300.%09d", rand.IntN(1e9)) }

// With lists the living processes that have arg among their arguments; a
// zombie waiting for its reaper is not living.
func With(arg string) []int {
	files, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var pids []int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, a := range bytes.Split(data, []byte{0}) {
			if string(a) == arg {
				pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
				if !zombie(pid) {
					pids = append(pids, pid)
				}
				break
			}
		}
	}
	return pids
}

// zombie reports whether /proc says pid has ended and waits for its reaper.
func zombie(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] == 'Z'
	}
	return false
}

// KillAtCleanup ends, when the test is over, whatever still runs with one
// of args, so a failing test leaves no sleeping processes behind.
func KillAtCleanup(t testing.TB, args ...string) {
	t.Cleanup(func() {
		for _, arg := range args {
			for _, pid := range With(arg) {
				if p, err := os.FindProcess(pid); err == nil {
					_ = p.Kill()
				}
			}
		}
	})
}

// WaitFor waits up to within for a process with arg to run and returns its
// pid; the test fails when none starts. Such processes are killed when the
// test is over.
func WaitFor(t testing.TB, arg string, within time.Duration) int {
	t.Helper()
	KillAtCleanup(t, arg)
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if pids := With(arg); len(pids) > 0 {
			return pids[0]
		}
	}
	t.Fatalf("no process with argument %s started within %s", arg, within)
	return 0
}

// Gone waits up to within, for all args together, for every process with
// one of args to end; the test fails, naming what, for each that still runs.
func Gone(t testing.TB, what string, within time.Duration, args ...string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for _, arg := range args {
		for len(With(arg)) > 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if pids := With(arg); len(pids) > 0 {
			t.Errorf("%s: sleep %s (pid %v) still runs", what, arg, pids)
		}
	}
}
