//go:build windows

package proctree

import (
	"fmt"
	"os/exec"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Tree is a job object holding the command and every process it starts,
// so Kill ends them all. Windows has no process groups that a kill
// reaches; a job's members are ended together by TerminateJobObject.
type Tree struct {
	cmd  *exec.Cmd
	opts Options
	// mu guards job: exec calls Kill (as cmd.Cancel) from its own
	// goroutine, possibly while Started is still filling job in.
	mu  sync.Mutex
	job windows.Handle
}

// Prepare returns the command's tree; call it before Start. With Hidden
// the command starts without a window, so no console flashes up.
func Prepare(cmd *exec.Cmd, opts Options) *Tree {
	if opts.Hidden {
		cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: windows.CREATE_NO_WINDOW}
	}
	return &Tree{cmd: cmd, opts: opts}
}

// Started puts the fresh process in a job; call it right after Start. A
// child it spawned in the microseconds before is not in the job: Go gives
// no way to start a process suspended and resume it. On an error the
// command is in no job, and Kill still ends the command itself.
func (t *Tree) Started() error {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return fmt.Errorf("creating a job object: %w", err)
	}
	if t.opts.KillLeftovers {
		info := windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION{
			BasicLimitInformation: windows.JOBOBJECT_BASIC_LIMIT_INFORMATION{
				LimitFlags: windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
			},
		}
		if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
			uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
			windows.CloseHandle(job)
			return fmt.Errorf("setting the job to kill on close: %w", err)
		}
	}
	proc, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(t.cmd.Process.Pid))
	if err != nil {
		windows.CloseHandle(job)
		return fmt.Errorf("opening process %d: %w", t.cmd.Process.Pid, err)
	}
	defer windows.CloseHandle(proc)
	if err := windows.AssignProcessToJobObject(job, proc); err != nil {
		windows.CloseHandle(job)
		return fmt.Errorf("putting process %d in a job: %w", t.cmd.Process.Pid, err)
	}
	t.mu.Lock()
	t.job = job
	t.mu.Unlock()
	return nil
}

// Kill terminates the job with every process in it, or, when the command
// is in no job, the command itself. A process created by one in the job
// is in the job too (nobody here allows breaking away), however deep, and
// also once its parent has ended.
func (t *Tree) Kill() error {
	t.mu.Lock()
	job := t.job
	t.mu.Unlock()
	if job != 0 {
		err := windows.TerminateJobObject(job, 1)
		waitEmpty(job, killWait)
		return err
	}
	if t.cmd.Process != nil {
		return t.cmd.Process.Kill()
	}
	return nil
}

// Release closes the job; call it once the command was waited for. With
// KillLeftovers the processes the command left running die with the job
// (a collector's stray helper must not outlive the wizard); without, they
// keep running (a tray icon the activation client started on purpose):
// then only Kill ends the tree.
func (t *Tree) Release() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.job != 0 {
		windows.CloseHandle(t.job)
		t.job = 0
	}
}

// killWait bounds how long Kill waits for the job's processes to be gone.
const killWait = 2 * time.Second

// jobAccounting is JOBOBJECT_BASIC_ACCOUNTING_INFORMATION.
type jobAccounting struct {
	totalUserTime, totalKernelTime, periodUserTime, periodKernelTime int64
	totalPageFaults, totalProcesses, activeProcesses, terminated     uint32
}

// waitEmpty waits until no process of the job runs. TerminateJobObject
// only starts the ending: until a process is gone it keeps its working
// directory open (a collector's is in actwiz's temporary folder, which
// cannot be removed before) and its files.
func waitEmpty(job windows.Handle, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for {
		var info jobAccounting
		err := windows.QueryInformationJobObject(job, windows.JobObjectBasicAccountingInformation,
			uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info)), nil)
		if err != nil || info.activeProcesses == 0 || time.Now().After(deadline) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}
