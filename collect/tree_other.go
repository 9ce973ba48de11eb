//go:build !unix && !windows

package collect

import "os/exec"

// procTree on systems without process groups or job objects kills the
// command itself.
type procTree struct{ cmd *exec.Cmd }

func newTree(cmd *exec.Cmd) *procTree { return &procTree{cmd: cmd} }
func (t *procTree) started() error    { return nil }
func (t *procTree) kill() error {
	if t.cmd.Process == nil {
		return nil
	}
	return t.cmd.Process.Kill()
}
func (t *procTree) release() {}
