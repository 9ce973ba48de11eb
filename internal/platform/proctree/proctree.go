// Package proctree runs a command so that stopping it stops everything it
// started too. A plain kill ends only the command itself: an installer's
// helper or a shell's child lives on, holds the output pipes open and keeps
// the wizard waiting. On Unix the command leads its own process group and
// the group is killed as one; on Windows it is put in a job object and the
// job is terminated.
//
// Use it around exec.Cmd.Start:
//
//	t := proctree.Prepare(cmd, proctree.Options{…})
//	if err := cmd.Start(); err != nil { … }
//	_ = t.Started() // without a job object Kill still ends the command itself
//	… on timeout: t.Kill() (or set cmd.Cancel = t.Kill)
//	cmd.Wait()
//	t.Release()
//
// It imports no actwiz package; collectors and the activation driver use it.
package proctree

// Options says how the command's window and its leftovers are treated;
// both matter on Windows only.
type Options struct {
	// Hidden starts the command with no window: no console flashes up
	// for each command the wizard runs in the background. Leave it off
	// for a program that may be a GUI the user has to see.
	Hidden bool
	// KillLeftovers ends, at Release, the processes the command left
	// running after it finished on its own (the job object is closed
	// with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE). Leave it off when they
	// must survive, say an activation client's tray icon: then only Kill
	// ends the tree. Linux ends them at Release the same way; on other
	// Unix systems leftovers keep running either way and only Kill ends
	// the process group.
	KillLeftovers bool
}
