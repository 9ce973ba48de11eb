//go:build !windows

package activation

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"actwiz/checks"
)

func TestCommandHangKilledWithChildren(t *testing.T) {
	h := helper(t)
	pidFile := filepath.Join(t.TempDir(), "child.pid")
	d := Command{Argv: []string{h, "hang", pidFile}, Timeout: 1500 * time.Millisecond, SuccessCodes: []int{0}}
	start := time.Now()
	r := d.Attempt(context.Background(), "AA02210025590")
	took := time.Since(start)
	if r.Status != checks.Fail || !strings.Contains(r.Detail.EN, "did not finish within 1.5s") {
		t.Fatalf("hanging program = %s %q", r.Status, r.Detail.EN)
	}
	if took > 6*time.Second {
		t.Errorf("took %s; the timeout is 1.5s", took)
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatalf("the helper did not start its child: %v", err)
	}
	pid, _ := strconv.Atoi(string(data))
	deadline := time.Now().Add(3 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the child %d still runs after the timeout", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// alive reports whether pid runs; a zombie waiting for its reaper is dead.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

// TestCommandLeftChildHoldsOutput: a client that succeeds and leaves a
// child holding its output (a tray icon; here sleep 20) is judged by its
// own exit, at once, not failed after waiting for the child.
func TestCommandLeftChildHoldsOutput(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "sleep.pid")
	d := Command{Argv: []string{"sh", "-c", "sleep 20 & echo $! > " + pidFile + "; echo 激活成功; exit 0"}, Timeout: 30 * time.Second, SuccessCodes: []int{0}}
	start := time.Now()
	r := d.Attempt(context.Background(), "")
	took := time.Since(start)
	if data, err := os.ReadFile(pidFile); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil {
			defer syscall.Kill(pid, syscall.SIGKILL)
		}
	}
	if r.Status != checks.Pass || r.Observed != "exit 0: 激活成功" {
		t.Errorf("got %s %q %q; want pass, exit 0", r.Status, r.Observed, r.Detail.EN)
	}
	if took > 3*time.Second {
		t.Errorf("took %s; the client exited at once", took)
	}
}
