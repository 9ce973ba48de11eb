package activation

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/proctree"
	"actwiz/internal/serial"
)

// Message maps lines of the activation program's output to a meaning and
// a hint, as configured in activation.messages. A line that matches means
// the attempt failed, whatever the exit code, unless Success says the
// line means it worked.
type Message struct {
	Pattern string    `mapstructure:"pattern"`
	Meaning i18n.Text `mapstructure:"meaning"`
	Hint    i18n.Text `mapstructure:"hint"`
	Success bool      `mapstructure:"success"`
}

// BuiltinMessages are always tried after the configured ones: the case's
// words. The client's failures come first: a run that prints both failed.
var BuiltinMessages = []Message{
	{Pattern: `服务器错误|(?i)server error`, Meaning: ServerError.What, Hint: ServerError.Do},
	{Pattern: `序列号.*不一致|(?i)serial.*(differs|does not match)`, Meaning: SerialMismatch.What, Hint: SerialMismatch.Do},
	{Pattern: `激活失败|(?i)activation failed`, Meaning: ActivationFailed.What, Hint: ActivationFailed.Do},
	{Pattern: `激活成功|(?i)activat(ed|ion) succe`, Meaning: i18n.T("激活程序报告激活成功。", "The activation program reports success."), Success: true},
}

// Command runs an activation program: the vendor's client or any tool.
type Command struct {
	// Argv is the program and its arguments; {serial} is replaced.
	Argv         []string
	Timeout      time.Duration
	SuccessCodes []int
	Messages     []Message
	// Mask hides the serial wherever the program's output repeats it.
	Mask func(string) string
	// start starts the program; nil is exec.Cmd.Start (tests put
	// Windows' answers in).
	start func(*exec.Cmd) error
}

// drainDelay is how long the output is read after the program exited.
const drainDelay = 300 * time.Millisecond

// errorElevationRequired is Windows' ERROR_ELEVATION_REQUIRED (740):
// CreateProcess refuses a program whose manifest asks for administrator
// rights, and some launchers exit with it. No errno elsewhere has this
// number.
const errorElevationRequired = syscall.Errno(740)

// ElevationObserved starts the observed value of an attempt that needs
// administrator rights; NeedsElevation looks for it.
const ElevationObserved = "needs administrator rights"

// NeedsElevation reports whether an attempt failed only for want of
// administrator rights, so that restarting elevated may help.
func NeedsElevation(r checks.Result) bool {
	return r.ID == AttemptID && r.Status != checks.Pass && strings.HasPrefix(r.Observed, ElevationObserved)
}

// maxOutput bounds what is kept of the program's output.
const maxOutput = 1 << 20

var hresultPattern = regexp.MustCompile(`(?i)0x([0-9a-f]{8})\b`)

var (
	msgCmdOK         = i18n.T("激活程序已完成（退出码 %d）。%s", "The activation program finished (exit code %d). %s")
	msgCmdFailed     = i18n.T("激活程序失败（退出码 %d）。%s", "The activation program failed (exit code %d). %s")
	msgCmdTimeout    = i18n.T("激活程序在 %s 内没有结束，已把它和它启动的程序一起结束。", "The activation program did not finish within %s; it was stopped together with the programs it started.")
	msgCmdMissing    = i18n.T("找不到激活程序 %s。", "The activation program %s was not found.")
	msgCmdNoStart    = i18n.T("激活程序 %s 无法启动：%s。", "The activation program %s could not start: %s.")
	msgCmdSaidFail   = i18n.T("激活程序虽然以表示成功的退出码 %d 结束，但它的输出说激活没有成功。%s", "The activation program exited with code %d, which means success, but its output says activation failed. %s")
	msgCmdSaidOK     = i18n.T("激活程序的输出说激活成功（%s），但它的退出码是 %d，不是表示成功的退出码。激活状态需要确认。", "The activation program's output says activation succeeded (%s), but it exited with code %d, which is not a success code. Confirm the activation state.")
	hintCmdSaidOK    = i18n.T("在激活客户端中查看激活状态；显示未激活时，把输出和退出码告诉客服。退出码确实表示成功时，把它加到 activation.success_codes。", "Check the activation state in the activation client; if it shows not activated, tell support the output and exit code. If the code does mean success, add it to activation.success_codes.")
	msgCmdElevation  = i18n.T("激活程序需要管理员权限才能运行（错误 %d，ERROR_ELEVATION_REQUIRED）。", "The activation program needs administrator rights to run (error %d, ERROR_ELEVATION_REQUIRED).")
	hintCmdElevation = i18n.T("以管理员身份重新启动 actwiz（向导会提出来），或右键单击 actwiz，选择“以管理员身份运行”，再激活。", "Restart actwiz as administrator (the wizard offers to), or right-click actwiz, choose \"Run as administrator\" and activate again.")
	msgCmdLastLine   = i18n.T("最后的输出：%s", "Last output: %s")
	hintCmdMissing   = i18n.T("请确认激活客户端已安装，并检查配置 activation.command 中的程序路径。", "Make sure the activation client is installed, and check the program path in the setting activation.command.")
	hintCmdTimeout   = i18n.T("1. 检查网络（见上面的网络检查）后重试。\n2. 如果激活程序在等待输入或弹出了窗口，请改用它的命令行参数（activation.command）。\n3. 需要更多时间时，加大 activation.command_timeout。", "1. Check the network (see the network checks above) and try again.\n2. If the program waits for input or opens a window, give it command-line options instead (activation.command).\n3. If it needs more time, raise activation.command_timeout.")
	hintCmdFailed    = i18n.T("把上面的输出和退出码告诉客服，并收集日志。", "Tell support the output and exit code above, and collect the logs.")
)

// Attempt runs the program with the serial and judges its result.
func (c Command) Attempt(ctx context.Context, serial string) checks.Result {
	r := checks.Result{ID: AttemptID}
	mask := c.Mask
	if mask == nil {
		mask = func(string) string { return "*****" }
	}
	argv := make([]string, len(c.Argv))
	for i, a := range c.Argv {
		argv[i] = strings.ReplaceAll(a, "{serial}", serial)
	}
	program := machinetext.Escape(c.Argv[0])
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()

	cmd := exec.Command(argv[0], argv[1:]...)
	var out limitedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	// The program's exit decides: once it has exited, what it left
	// running (a tray icon) may hold the pipes for ever, so reading stops
	// at once, after draining what the pipes already hold. Wait then says
	// ErrWaitDelay, and the exit code is still the program's.
	cmd.WaitDelay = drainDelay
	// No Hidden: the vendor's client may be a GUI program the user must
	// see. No KillLeftovers: what it leaves running after finishing on its
	// own (a tray icon) must survive; only a timeout ends the tree.
	tree := proctree.Prepare(cmd, proctree.Options{})
	start := c.start
	if start == nil {
		start = (*exec.Cmd).Start
	}
	if err := start(cmd); err != nil {
		if errors.Is(err, errorElevationRequired) {
			r.Status, r.Observed = checks.Fail, ElevationObserved+": "+program
			r.Detail, r.Hint = msgCmdElevation.F(int(errorElevationRequired)), hintCmdElevation
			return r
		}
		if errors.Is(err, exec.ErrNotFound) || isNotExist(err) {
			r.Status, r.Observed = checks.Fail, "not found: "+program
			r.Detail, r.Hint = msgCmdMissing.F(program), hintCmdMissing
			return r
		}
		r.Status, r.Detail, r.Hint = checks.Fail, msgCmdNoStart.F(program, machinetext.Escape(err.Error())), hintCmdMissing
		return r
	}
	// Without a job object the timeout still kills the program itself.
	_ = tree.Started()
	// Wait's error is not needed: the exit code read below is what counts.
	waited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(waited) }()
	timedOut := false
	select {
	case <-waited:
	case <-ctx.Done():
		timedOut = true
		_ = tree.Kill()
		<-waited
	}
	tree.Release()

	text := scrub(machinetext.Decode(out.Bytes()), serial, mask)
	lines := nonEmptyLines(text)
	if timedOut {
		r.Status, r.Observed = checks.Fail, "timed out after "+c.Timeout.String()
		r.Detail, r.Hint = msgCmdTimeout.F(c.Timeout.String()), hintCmdTimeout
		if ctx.Err() == context.Canceled {
			r.Status = checks.Skip
		}
		return r
	}
	code := -1
	if cmd.ProcessState != nil {
		// Also after ErrWaitDelay: the program exited and something it
		// started still holds its output; its exit code is what counts.
		code = cmd.ProcessState.ExitCode()
	}
	r = c.judge(code, lines)
	return r
}

// judge decides from the output first, then the exit code: a known
// failure message fails even with a success code; a known success message
// with another code is a warning that says both.
func (c Command) judge(code int, lines []string) checks.Result {
	r := checks.Result{ID: AttemptID, Observed: "exit " + strconv.Itoa(code)}
	success := false
	for _, s := range c.SuccessCodes {
		success = success || s == code
	}
	fail, ok, explained := c.explain(lines)
	show := func(line string) {
		if line != "" {
			r.Observed += ": " + line
		}
	}
	switch {
	case fail.line != "":
		show(fail.line)
		r.Status = checks.Fail
		if success {
			r.Detail = msgCmdSaidFail.F(code, fail.meaning.What)
		} else {
			r.Detail = msgCmdFailed.F(code, fail.meaning.What)
		}
		r.Hint = fail.meaning.Do
		if r.Hint.Empty() {
			r.Hint = hintCmdFailed
		}
	case !success && code == int(errorElevationRequired):
		show(lastLine(lines))
		r.Observed = ElevationObserved + "; " + r.Observed
		r.Status, r.Detail, r.Hint = checks.Fail, msgCmdElevation.F(code), hintCmdElevation
	case ok.line != "" && !success:
		show(ok.line)
		r.Status, r.Detail, r.Hint = checks.Warn, msgCmdSaidOK.F(ok.line, code), hintCmdSaidOK
	case success:
		show(firstNonEmpty(ok.line, explained.line, lastLine(lines)))
		r.Status, r.Detail = checks.Pass, msgCmdOK.F(code, ok.meaning.What)
	case explained.line != "":
		show(explained.line)
		r.Status, r.Detail, r.Hint = checks.Fail, msgCmdFailed.F(code, explained.meaning.What), explained.meaning.Do
	default:
		show(lastLine(lines))
		r.Status, r.Hint = checks.Fail, hintCmdFailed
		what := i18n.Text{}
		if l := lastLine(lines); l != "" {
			what = msgCmdLastLine.F(l)
		}
		r.Detail = msgCmdFailed.F(code, what)
	}
	return r
}

type finding struct {
	line    string
	meaning Meaning
}

// explain finds the first output line a failure message matches
// (configured ones first), the first a success message matches, and the
// first Windows error code in the output.
func (c Command) explain(lines []string) (fail, ok, code finding) {
	for _, m := range append(append([]Message{}, c.Messages...), BuiltinMessages...) {
		re, err := regexp.Compile(m.Pattern)
		if err != nil {
			continue
		}
		for _, l := range lines {
			if !re.MatchString(l) {
				continue
			}
			switch {
			case m.Success && ok.line == "":
				ok = finding{l, Meaning{What: m.Meaning, Do: m.Hint}}
			case !m.Success && fail.line == "":
				fail = finding{l, Meaning{What: m.Meaning, Do: m.Hint}}
			}
			break
		}
	}
	for _, l := range lines {
		if sub := hresultPattern.FindStringSubmatch(l); sub != nil {
			n, _ := strconv.ParseUint(sub[1], 16, 32)
			code = finding{l, Explain(uint32(n))}
			break
		}
	}
	return fail, ok, code
}

func lastLine(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[len(lines)-1]
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// scrub masks the serial wherever the output repeats it, in whatever form
// (grouped, spaced, full-width, any case: serial.Hide).
func scrub(text, secret string, mask func(string) string) string {
	if secret == "" {
		return text
	}
	return serial.Hide(text, secret, mask(secret))
}

func nonEmptyLines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, machinetext.Escape(l))
		}
	}
	return out
}

// limitedBuffer keeps the first maxOutput bytes; the program's stdout and
// stderr write to it from two goroutines.
type limitedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := maxOutput - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *limitedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}

// isNotExist reports a program path that names no file: exec says
// ErrNotFound only for a bare name looked up in PATH.
func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
