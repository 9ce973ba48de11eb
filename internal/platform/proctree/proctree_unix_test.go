//go:build unix

package proctree

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startShell starts a shell that prints the pid of a sleeping child and
// waits for it; it returns the shell's tree and the child's pid.
func startShell(t *testing.T) (*exec.Cmd, *Tree, int) {
	t.Helper()
	cmd := exec.Command("sh", "-c", "sleep 60 & echo $!; wait")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	tree := Prepare(cmd, Options{Hidden: true, KillLeftovers: true})
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting sh: %v", err)
	}
	if err := tree.Started(); err != nil {
		t.Fatalf("Started: %v", err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		tree.Kill()
		cmd.Wait()
		t.Fatalf("reading the child's pid: %v", err)
	}
	child, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		tree.Kill()
		cmd.Wait()
		t.Fatalf("child pid %q: %v", line, err)
	}
	t.Cleanup(func() { syscall.Kill(child, syscall.SIGKILL) })
	return cmd, tree, child
}

func TestKillEndsTheCommandAndItsChild(t *testing.T) {
	cmd, tree, child := startShell(t)
	if pgid, err := syscall.Getpgid(child); err != nil || pgid != cmd.Process.Pid {
		t.Errorf("child's process group = %d, %v; want the shell's own group %d", pgid, err, cmd.Process.Pid)
	}
	if err := tree.Kill(); err != nil {
		t.Fatalf("Kill: %v", err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Errorf("the shell ended with %v; want killed by SIGKILL", err)
	}
	tree.Release()
	deadline := time.Now().Add(3 * time.Second)
	for alive(child) {
		if time.Now().After(deadline) {
			t.Fatalf("the child %d still runs after Kill", child)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestReleaseAfterNormalExit(t *testing.T) {
	cmd := exec.Command("sh", "-c", "exit 3")
	tree := Prepare(cmd, Options{})
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting sh: %v", err)
	}
	if err := tree.Started(); err != nil {
		t.Fatalf("Started: %v", err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Fatalf("sh ended with %v; want exit status 3", err)
	}
	tree.Release()
	tree.Release() // twice is harmless

	// The next command runs and is killed as usual.
	next, nextTree, child := startShell(t)
	if err := nextTree.Kill(); err != nil {
		t.Fatalf("Kill after an earlier Release: %v", err)
	}
	next.Wait()
	nextTree.Release()
	deadline := time.Now().Add(3 * time.Second)
	for alive(child) {
		if time.Now().After(deadline) {
			t.Fatalf("the child %d still runs after Kill", child)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestKillBeforeStart(t *testing.T) {
	tree := Prepare(exec.Command("sh", "-c", "exit 0"), Options{})
	if err := tree.Kill(); err != nil {
		t.Errorf("Kill before Start = %v; want nil, there is nothing to kill", err)
	}
	tree.Release()
}

// alive reports whether pid runs; a zombie waiting for its reaper is dead.
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !errors.Is(err, os.ErrNotExist) || !procMounted()
	}
	if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

// procMounted tells whether /proc can say a process is a zombie (Linux);
// elsewhere a signal reaching pid is all there is to go by.
func procMounted() bool {
	_, err := os.Stat("/proc/self/stat")
	return err == nil
}
