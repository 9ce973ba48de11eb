//go:build !windows

package activation

import (
	"errors"
	"io/fs"
	"os/exec"
	"syscall"
)

// processTree is the program and everything it starts: a process group,
// so a timeout can end them all (an installer's helpers included).
type processTree struct{}

func prepareTree(cmd *exec.Cmd) processTree {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return processTree{}
}

func (processTree) attach(cmd *exec.Cmd) (kill func()) {
	pgid := cmd.Process.Pid
	return func() { syscall.Kill(-pgid, syscall.SIGKILL) }
}

func (processTree) release() {}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
