//go:build unix

package collect

import (
	"os/exec"
	"syscall"
)

// procTree kills a command with everything it started: the command leads
// its own process group, and the group is killed as one.
type procTree struct{ cmd *exec.Cmd }

func newTree(cmd *exec.Cmd) *procTree {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return &procTree{cmd: cmd}
}

// started is called right after Start; process groups need nothing more.
func (t *procTree) started() error { return nil }

func (t *procTree) kill() error {
	if t.cmd.Process == nil {
		return nil
	}
	return syscall.Kill(-t.cmd.Process.Pid, syscall.SIGKILL)
}

func (t *procTree) release() {}
