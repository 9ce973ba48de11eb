//go:build !unix && !windows

package proctree

import "os/exec"

// Tree on systems without process groups or job objects is the command
// alone: Kill ends the command itself.
type Tree struct{ cmd *exec.Cmd }

// Prepare returns the command's tree; Options have no effect here.
func Prepare(cmd *exec.Cmd, _ Options) *Tree { return &Tree{cmd: cmd} }

// Started is called right after Start; there is nothing to set up.
func (t *Tree) Started() error { return nil }

// Kill ends the command itself.
func (t *Tree) Kill() error {
	if t.cmd.Process == nil {
		return nil
	}
	return t.cmd.Process.Kill()
}

// Release is called once the command was waited for; nothing to free.
func (t *Tree) Release() {}
