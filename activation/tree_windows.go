package activation

import (
	"errors"
	"io/fs"
	"os/exec"

	"golang.org/x/sys/windows"
)

// processTree is a job object holding the program and every process it
// starts, so a timeout can end them all. A process the program starts in
// the instant before it joins the job escapes; Go cannot start a process
// suspended and resume it.
type processTree struct{ job windows.Handle }

func prepareTree(*exec.Cmd) processTree {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return processTree{}
	}
	return processTree{job: job}
}

func (t processTree) attach(cmd *exec.Cmd) (kill func()) {
	if t.job != 0 {
		if h, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(cmd.Process.Pid)); err == nil {
			windows.AssignProcessToJobObject(t.job, h)
			windows.CloseHandle(h)
		}
	}
	return func() {
		if t.job != 0 {
			windows.TerminateJobObject(t.job, 1)
		}
		cmd.Process.Kill()
	}
}

// release closes the job. Processes the program left running after it
// finished on its own (a tray icon, say) keep running: only a timeout ends
// the tree.
func (t processTree) release() {
	if t.job != 0 {
		windows.CloseHandle(t.job)
	}
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
