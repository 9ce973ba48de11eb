package collect

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"actwiz/internal/i18n"
	"actwiz/internal/platform/proctree"
)

// source is one future zip entry: a file on disk (a tail of it when
// capped) or bytes actwiz made itself.
type source struct {
	name      string // path in the zip, before redaction
	path      string // file to read; empty when data is set
	data      []byte
	offset    int64
	length    int64 // bytes to read from offset; -1 to the end
	truncated bool
}

// batch is what one collector gathered, packed together so the collector's
// line can be shown as soon as its files are in the zip.
type batch struct {
	result  *Result // nil for actwiz's own files
	sources []source
}

var (
	problemOtherOS     = i18n.T("只适用于 %s", "applies to %s only")
	problemNoCommand   = i18n.T("找不到命令 %s", "command %s not found")
	problemStage       = i18n.T("无法创建临时文件夹：%v", "cannot create a temporary folder: %v")
	problemStart       = i18n.T("无法启动：%v", "cannot start: %v")
	problemExit        = i18n.T("退出码 %d", "exited with status %d")
	problemTimedOut    = i18n.T("超过 %s 未结束，已连同子进程一起终止；已保留之前的输出", "still running after %s: stopped with its child processes; what it printed so far is kept")
	problemOutputCap   = i18n.T("输出超过 %d 字节：保留开头部分，命令已终止", "printed more than %d bytes: the start is kept and the command was stopped")
	problemNoFiles     = i18n.T("没有匹配的文件：%s", "no file matches %s")
	problemNoOutput    = i18n.T("命令成功结束，但没有任何输出", "the command succeeded but printed nothing")
	problemNoOutFile   = i18n.T("命令成功结束，但没有写出文件", "the command succeeded but wrote no file")
	problemNoKey       = i18n.T("注册表项 %s 不存在", "the registry key %s does not exist")
	problemRegistryWin = i18n.T("注册表和事件日志只在 Windows 上存在", "the registry and event logs exist only on Windows")
	problemArchive     = i18n.T("已导出，但 wevtutil al 没有成功（%s）：在别的电脑上打开时，部分事件可能没有说明文字", "exported, but wevtutil al did not succeed (%s): on another PC some events may show without their descriptions")
)

// gatherer runs collectors; its fields are the outside world, for tests.
type gatherer struct {
	goos   string
	stage  string
	getenv func(string) string
	// elevated is whether actwiz runs with administrator rights, which
	// decides what a denial means (see AccessProblem).
	elevated bool
}

func (g *gatherer) run(ctx context.Context, c Collector) batch {
	res := &Result{Collector: c, Status: Pass, started: time.Now(), elevated: g.elevated}
	b := batch{result: res}
	switch {
	case !c.AppliesTo(g.goos):
		res.Status, res.Problem = Skip, problemOtherOS.F(c.OS)
	case (c.Registry != "" || c.EventLog != "") && g.goos != "windows":
		res.Status, res.Problem = Skip, problemRegistryWin
	case c.Registry != "" && !g.keyExists(c.Registry):
		res.Status, res.Problem = Skip, problemNoKey.F(c.Registry)
	case len(c.Files) > 0:
		b.sources = g.files(res)
	default:
		b.sources = g.command(ctx, res)
	}
	return b
}

func (g *gatherer) keyExists(key string) bool {
	exists, err := registryKeyExists(key)
	return exists || err != nil
}

func (g *gatherer) folder(c Collector) string {
	cat, _ := LookupCategory(c.Category)
	return cat.folder()
}

func (g *gatherer) files(res *Result) []source {
	c := res.Collector
	seen := map[string]bool{}
	var out []source
	var globs []string
	for _, pattern := range c.Files {
		pattern = expandEnv(pattern, g.getenv)
		globs = append(globs, pattern)
		matches, denied := expandGlob(pattern)
		for _, p := range denied {
			res.Skipped = append(res.Skipped, SkippedFile{Source: p, Reason: reasonDenied, Denied: true})
		}
		for _, p := range matches {
			if seen[p] {
				continue
			}
			seen[p] = true
			s := source{name: g.folder(c) + "/" + c.Name + "/" + entryPath(p), path: p, length: -1}
			info, err := os.Stat(p)
			if err == nil && info.Size() > c.maxBytes() {
				s.offset, s.length, s.truncated = info.Size()-c.maxBytes(), c.maxBytes(), true
			}
			out = append(out, s)
		}
	}
	if len(out) == 0 && len(res.Skipped) == 0 {
		res.Status, res.Problem = Skip, problemNoFiles.F(strings.Join(globs, ", "))
	}
	return out
}

// reasonDenied is the manifest's reason for a path the account may not read.
const reasonDenied = "access denied"

// entryPath turns an absolute path into a relative zip path that keeps
// where the file came from: C:\Windows\x.log → C/Windows/x.log.
func entryPath(p string) string {
	p = filepath.ToSlash(p)
	p = strings.Replace(p, ":", "", 1)
	return strings.TrimLeft(p, "/")
}

// capWriter keeps the first max bytes written to it and calls full once
// when more arrive, so the command can be stopped rather than left to fill
// the disk.
type capWriter struct {
	mu        sync.Mutex
	f         *os.File
	max, n    int64
	truncated bool
	full      func()
	err       error
}

func (w *capWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	room := w.max - w.n
	keep := p
	if int64(len(keep)) > room {
		keep = keep[:max(room, 0)]
		if !w.truncated {
			w.truncated = true
			w.full()
		}
	}
	if len(keep) > 0 && w.err == nil {
		n, err := w.f.Write(keep)
		w.n += int64(n)
		w.err = err
	}
	return len(p), nil
}

var errOutputCap = errors.New("output cap reached")

func (g *gatherer) command(ctx context.Context, res *Result) []source {
	c := res.Collector
	dir := filepath.Join(g.stage, c.Name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		res.Status, res.Problem = Fail, problemStage.F(err)
		return nil
	}
	argv := make([]string, len(c.argv()))
	for i, a := range c.argv() {
		argv[i] = strings.ReplaceAll(expandEnv(a, g.getenv), "{out}", filepath.Join(dir, c.Name))
	}
	prog, err := exec.LookPath(argv[0])
	if err != nil {
		res.Status, res.Problem = Fail, problemNoCommand.F(argv[0])
		return nil
	}
	outPath := filepath.Join(g.stage, c.Name+".output")
	out, err := os.Create(outPath)
	if err != nil {
		res.Status, res.Problem = Fail, problemStage.F(err)
		return nil
	}
	defer out.Close()

	sink := &capWriter{f: out, max: c.maxBytes()}
	stdout, stderr := &denialWatch{next: sink}, &denialWatch{next: sink}
	waitErr, cause := runTree(ctx, prog, argv[1:], dir, c.timeout(), stdout, stderr, sink)

	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		res.Status, res.Problem = Fail, i18n.T("已取消", "cancelled")
	case errors.Is(cause, errOutputCap):
		res.Status, res.Truncated, res.Problem = Warn, true, problemOutputCap.F(c.maxBytes())
	case errors.Is(cause, context.DeadlineExceeded):
		res.Status, res.Truncated, res.Problem = Warn, true, problemTimedOut.F(c.timeout())
	case errors.As(waitErr, &exitErr):
		code := exitErr.ExitCode()
		res.ExitCode = &code
		res.Status, res.Problem = Fail, problemExit.F(code)
	case waitErr != nil:
		res.Status = Fail
		res.Problem, res.NeedsAdmin = AccessProblem(g.elevated, waitErr, argv[0], problemStart.F(waitErr))
	default:
		code := 0
		res.ExitCode = &code
	}
	if sink.err != nil && res.Status == Pass {
		res.Status, res.Problem = Fail, problemStage.F(sink.err)
	}
	g.judgeDenial(res, c.String(), stderr.said(), stdout.said())
	if c.EventLog != "" && res.Status == Pass {
		g.archive(ctx, res, filepath.Join(dir, c.Name)+".evtx", sink)
	}

	srcs := g.staged(c, dir)
	// A diagnostic command that succeeds without output is more likely a
	// stub (as Wine's wevtutil is) than a clean bill; say so.
	if res.Status == Pass && len(srcs) == 0 && usesOut(c.argv()) {
		res.Status, res.Problem = Warn, problemNoOutFile
	}
	if res.Status == Pass && sink.n == 0 && len(srcs) == 0 {
		res.Status, res.Problem = Warn, problemNoOutput
	}
	if sink.n > 0 || len(srcs) == 0 {
		srcs = append([]source{{name: g.folder(c) + "/" + c.Name + ".txt", path: outPath, length: -1, truncated: sink.truncated || res.Truncated}}, srcs...)
	}
	return srcs
}

// runTree runs prog in dir until it ends, its timeout passes or its
// output fills sink; then it is killed with its whole process tree (a job
// object on Windows, a process group elsewhere). cause says why it was
// stopped: context.DeadlineExceeded, errOutputCap or nil.
func runTree(ctx context.Context, prog string, args []string, dir string, timeout time.Duration, stdout, stderr io.Writer, sink *capWriter) (waitErr, cause error) {
	cctx, cancel := context.WithTimeoutCause(ctx, timeout, context.DeadlineExceeded)
	defer cancel()
	cctx, stop := context.WithCancelCause(cctx)
	defer stop(nil)
	sink.mu.Lock()
	sink.full = func() { stop(errOutputCap) }
	sink.mu.Unlock()

	cmd := exec.CommandContext(cctx, prog, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	// Hidden: no console flashes up for each collector. KillLeftovers: a
	// collector's stray helper must not outlive the wizard.
	tree := proctree.Prepare(cmd, proctree.Options{Hidden: true, KillLeftovers: true})
	cmd.Cancel = tree.Kill
	// The pipes close when the whole tree is dead; this bounds the wait if
	// a process escaped the tree and holds them.
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		return err, nil
	}
	// Without a job object the timeout still kills the command itself.
	_ = tree.Started()
	waitErr = cmd.Wait()
	tree.Release()
	return waitErr, context.Cause(cctx)
}

// judgeDenial reads what the command said: "Access is denied" on its error
// stream, or anywhere in the output of a command that failed, means it
// was refused (partly, when it still succeeded). Standard output alone is
// not trusted on success: an event log dump may quote those words.
func (g *gatherer) judgeDenial(res *Result, what string, inErrors, inOutput bool) {
	switch {
	case res.Status == Fail && res.ExitCode != nil && (inErrors || inOutput):
		res.Problem, res.NeedsAdmin = AccessProblem(g.elevated, ErrAccessDenied, what, res.Problem)
	case res.Status == Pass && inErrors:
		res.Status = Warn
		res.Problem, res.NeedsAdmin = AccessProblem(g.elevated, ErrAccessDenied, what, problemDeniedOutput)
	}
}

// archive runs wevtutil al on an exported log, which stores the events'
// descriptions beside it (LocaleMetaData) so the log reads on a PC without
// the same providers (../shared/notes/windows.md). The export is what
// matters: a failure here is a warning on the item, never a failure.
func (g *gatherer) archive(ctx context.Context, res *Result, evtx string, sink *capWriter) {
	if _, err := os.Stat(evtx); err != nil {
		return // nothing exported: the item says so already
	}
	prog, err := exec.LookPath("wevtutil")
	if err != nil {
		res.Status, res.Problem = Warn, problemArchive.F(problemNoCommand.F("wevtutil"))
		return
	}
	waitErr, cause := runTree(ctx, prog, []string{"al", evtx}, filepath.Dir(evtx), res.Collector.timeout(), sink, sink, sink)
	var why i18n.Text
	switch {
	case ctx.Err() != nil:
		res.Status, res.Problem = Fail, i18n.T("已取消", "cancelled")
		return
	case errors.Is(cause, context.DeadlineExceeded):
		why = problemTimedOut.F(res.Collector.timeout())
	case waitErr != nil:
		why = problemStart.F(waitErr)
		var exitErr *exec.ExitError
		if errors.As(waitErr, &exitErr) {
			why = problemExit.F(exitErr.ExitCode())
		}
	}
	if !why.Empty() {
		res.Status, res.Problem = Warn, problemArchive.F(why)
	}
}

// staged lists the files a command wrote in its private folder, sub-folders
// included (wevtutil al writes LocaleMetaData\), in name order.
func (g *gatherer) staged(c Collector, dir string) []source {
	var srcs []source
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		rel, rerr := filepath.Rel(dir, p)
		if rerr != nil {
			return nil
		}
		srcs = append(srcs, source{name: g.folder(c) + "/" + filepath.ToSlash(rel), path: p, length: -1})
		return nil
	})
	return srcs
}

// String names the collector's source for a line of progress.
func (c Collector) String() string {
	switch {
	case len(c.Files) > 0:
		return strings.Join(c.Files, " ")
	case c.Registry != "":
		return "reg export " + c.Registry
	case c.EventLog != "":
		return "wevtutil epl " + c.EventLog
	}
	return strings.Join(c.Command, " ")
}

func usesOut(argv []string) bool {
	for _, a := range argv {
		if strings.Contains(a, "{out}") {
			return true
		}
	}
	return false
}
