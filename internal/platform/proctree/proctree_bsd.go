//go:build unix && !linux

package proctree

import (
	"os/exec"
	"syscall"
)

// Tree is a command with everything it starts: the command leads its own
// process group, and the group is killed as one.
type Tree struct{ cmd *exec.Cmd }

// Prepare sets cmd up to lead its own process group; call it before Start.
// Options have no effect on Unix.
func Prepare(cmd *exec.Cmd, _ Options) *Tree {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return &Tree{cmd: cmd}
}

// Started is called right after Start; process groups need nothing more.
func (t *Tree) Started() error { return nil }

// Kill ends the command's whole process group.
func (t *Tree) Kill() error {
	if t.cmd.Process == nil {
		return nil
	}
	return syscall.Kill(-t.cmd.Process.Pid, syscall.SIGKILL)
}

// Release is called once the command was waited for; a process group
// holds nothing to free, and what the command left running keeps running.
func (t *Tree) Release() {}
