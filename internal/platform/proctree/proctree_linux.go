//go:build linux

package proctree

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Tree is a command with everything it starts. A process group alone
// misses too much on Linux: a grandchild that calls setsid (a daemon,
// `setsid sleep`) leaves the group, and one whose parent exits is adopted
// by init, out of reach of a walk down the parent links. So three things
// find the tree's members:
//
//   - the parent links down from the command, and its process group;
//   - a marker, markerVar=<actwiz pid>-<n>, in the environment the command
//     and everything it starts inherit: it still names an orphan after
//     adoption, when its parent link says only "actwiz";
//   - actwiz is a child subreaper (prctl PR_SET_CHILD_SUBREAPER): an
//     orphan is adopted by actwiz rather than init, so it stays below
//     actwiz and its zombie can be reaped here.
//
// Kill stops every member it finds with SIGSTOP until a scan finds no new
// one (a stopped process cannot fork), then kills them all with SIGKILL.
// A program that clears its environment and then double-forks still
// escapes; a cgroup would hold it, but needs a delegated cgroup that an
// ordinary user's session may not have.
type Tree struct {
	cmd    *exec.Cmd
	opts   Options
	marker string
	// started is the command's start time (clock ticks after boot): a
	// process that started before it cannot be of the tree, and its
	// environment need not be read. Atomic: exec's context watcher may
	// call Kill while Started is still noting it; until then it is 0 and
	// every process's environment is read.
	started atomic.Uint64
}

// markerVar is the environment variable that marks a tree's processes. It
// does not start with ACTWIZ_, which config reads as settings.
const markerVar = "_ACTWIZ_TREE"

var (
	treeSeq       atomic.Uint64
	subreaperOnce sync.Once
)

// Prepare sets cmd up to lead its own process group and to pass the
// tree's marker on; call it before Start.
func Prepare(cmd *exec.Cmd, opts Options) *Tree {
	// Without it orphans go to init: the marker still finds them, but
	// their zombies are not ours to reap. Failing is not fatal.
	subreaperOnce.Do(func() { _ = unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) })
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	t := &Tree{cmd: cmd, opts: opts, marker: fmt.Sprintf("%s=%d-%d", markerVar, os.Getpid(), treeSeq.Add(1))}
	cmd.Env = append(cmd.Environ(), t.marker)
	return t
}

// Started is called right after Start; it notes when the command started.
func (t *Tree) Started() error {
	if p, ok := readStat(t.cmd.Process.Pid); ok {
		t.started.Store(p.started)
	}
	return nil
}

// Kill ends the command and every process of its tree.
func (t *Tree) Kill() error {
	if t.cmd.Process == nil {
		return nil
	}
	return t.end(true)
}

// Release is called once the command was waited for. With KillLeftovers
// it ends what the command left running (a collector's stray helper must
// not outlive the wizard); without, the leftovers keep running.
func (t *Tree) Release() {
	if t.opts.KillLeftovers && t.cmd.Process != nil {
		_ = t.end(false)
	}
}

// end stops and kills the tree. fromRoot says the command has not been
// waited for, so its pid still names it and the parent links below it can
// be followed; after Wait the pid may belong to someone else.
func (t *Tree) end(fromRoot bool) error {
	root := t.cmd.Process.Pid
	self := os.Getpid()
	groupErr := syscall.Kill(-root, syscall.SIGSTOP)
	stopped := map[int]bool{}
	for range 100 {
		fresh := 0
		for pid := range t.members(root, fromRoot) {
			if pid != self && !stopped[pid] {
				_ = syscall.Kill(pid, syscall.SIGSTOP)
				stopped[pid] = true
				fresh++
			}
		}
		if fresh == 0 {
			break
		}
	}
	_ = syscall.Kill(-root, syscall.SIGKILL)
	for pid := range stopped {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	delete(stopped, root) // exec's Wait reaps the command itself
	reap(stopped, self)
	if groupErr != nil && !errors.Is(groupErr, syscall.ESRCH) && len(stopped) == 0 {
		return fmt.Errorf("ending process group %d: %w", root, groupErr)
	}
	return nil
}

// process is what /proc/PID/stat says of one process.
type process struct {
	pid, ppid, pgid int
	zombie          bool
	started         uint64
}

// members is every process of the tree now running: the root and what
// descends from it (fromRoot only), its process group, and whoever carries
// the marker, with all their descendants.
func (t *Tree) members(root int, fromRoot bool) map[int]bool {
	procs := listProcesses()
	started := t.started.Load()
	children := map[int][]int{}
	found := map[int]bool{}
	var queue []int
	add := func(pid int) {
		if !found[pid] {
			found[pid] = true
			queue = append(queue, pid)
		}
	}
	for _, p := range procs {
		children[p.ppid] = append(children[p.ppid], p.pid)
		if p.zombie {
			continue
		}
		if p.pgid == root || p.started >= started && hasMarker(p.pid, t.marker) {
			add(p.pid)
		}
	}
	if fromRoot {
		add(root)
	}
	for len(queue) > 0 {
		pid := queue[0]
		queue = queue[1:]
		for _, c := range children[pid] {
			add(c)
		}
	}
	return found
}

func listProcesses() []process {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []process
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if p, ok := readStat(pid); ok {
			out = append(out, p)
		}
	}
	return out
}

// readStat parses /proc/PID/stat: "pid (comm) state ppid pgrp …", where
// comm may itself hold spaces and parentheses.
func readStat(pid int) (process, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return process{}, false
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return process{}, false
	}
	// After the name: state ppid pgrp session tty tpgid flags minflt
	// cminflt majflt cmajflt utime stime cutime cstime priority nice
	// num_threads itrealvalue starttime …
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return process{}, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	pgid, err2 := strconv.Atoi(f[2])
	started, err3 := strconv.ParseUint(f[19], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return process{}, false
	}
	return process{pid: pid, ppid: ppid, pgid: pgid, zombie: f[0] == "Z" || f[0] == "X", started: started}, true
}

// hasMarker reports whether the process started with the marker in its
// environment; another user's processes cannot be read and are not ours.
func hasMarker(pid int, marker string) bool {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ")
	if err != nil {
		return false
	}
	for _, kv := range strings.Split(string(data), "\x00") {
		if kv == marker {
			return true
		}
	}
	return false
}

// reap waits, for a second at most, for the killed processes to be gone,
// collecting those adopted by actwiz: as a subreaper it is their parent
// now, and nobody else will wait for them. A process whose own parent
// was killed too is adopted only once that parent is gone.
func reap(pids map[int]bool, self int) {
	deadline := time.Now().Add(time.Second)
	for len(pids) > 0 && time.Now().Before(deadline) {
		for pid := range pids {
			p, ok := readStat(pid)
			switch {
			case !ok:
				delete(pids, pid)
			case p.zombie && p.ppid == self:
				var ws syscall.WaitStatus
				if n, err := syscall.Wait4(pid, &ws, syscall.WNOHANG, nil); n == pid || err != nil {
					delete(pids, pid)
				}
			}
		}
		if len(pids) > 0 {
			time.Sleep(10 * time.Millisecond)
		}
	}
}
