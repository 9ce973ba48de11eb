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
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/proctree"
	"actwiz/internal/serial"
)

// Message maps lines of the activation program's output to a meaning and
// a hint, as configured in activation.messages.
type Message struct {
	Pattern string    `mapstructure:"pattern"`
	Meaning i18n.Text `mapstructure:"meaning"`
	Hint    i18n.Text `mapstructure:"hint"`
}

// BuiltinMessages are always tried after the configured ones: the case's
// 「服务器错误」.
var BuiltinMessages = []Message{
	{Pattern: `服务器错误|server error`, Meaning: ServerError.What, Hint: ServerError.Do},
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
}

// maxOutput bounds what is kept of the program's output.
const maxOutput = 1 << 20

var hresultPattern = regexp.MustCompile(`(?i)0x([0-9a-f]{8})\b`)

var (
	msgCmdOK       = i18n.T("激活程序已完成（退出码 %d）。%s", "The activation program finished (exit code %d). %s")
	msgCmdFailed   = i18n.T("激活程序失败（退出码 %d）。%s", "The activation program failed (exit code %d). %s")
	msgCmdTimeout  = i18n.T("激活程序在 %s 内没有结束，已把它和它启动的程序一起结束。", "The activation program did not finish within %s; it was stopped together with the programs it started.")
	msgCmdMissing  = i18n.T("找不到激活程序 %s。", "The activation program %s was not found.")
	msgCmdNoStart  = i18n.T("激活程序 %s 无法启动：%s。", "The activation program %s could not start: %s.")
	msgCmdLastLine = i18n.T("最后的输出：%s", "Last output: %s")
	hintCmdMissing = i18n.T("请确认激活客户端已安装，并检查配置 activation.command 中的程序路径。", "Make sure the activation client is installed, and check the program path in the setting activation.command.")
	hintCmdTimeout = i18n.T("1. 检查网络（见上面的网络检查）后重试。\n2. 如果激活程序在等待输入或弹出了窗口，请改用它的命令行参数（activation.command）。\n3. 需要更多时间时，加大 activation.command_timeout。", "1. Check the network (see the network checks above) and try again.\n2. If the program waits for input or opens a window, give it command-line options instead (activation.command).\n3. If it needs more time, raise activation.command_timeout.")
	hintCmdFailed  = i18n.T("把上面的输出和退出码告诉客服，并收集日志。", "Tell support the output and exit code above, and collect the logs.")
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
	cmd.WaitDelay = 2 * time.Second
	// No Hidden: the vendor's client may be a GUI program the user must
	// see. No KillLeftovers: what it leaves running after finishing on its
	// own (a tray icon) must survive; only a timeout ends the tree.
	tree := proctree.Prepare(cmd, proctree.Options{})
	if err := cmd.Start(); err != nil {
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
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	var waitErr error
	timedOut := false
	select {
	case waitErr = <-waited:
	case <-ctx.Done():
		timedOut = true
		_ = tree.Kill()
		waitErr = <-waited
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
	code := 0
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		code = ee.ExitCode()
	} else if waitErr != nil {
		code = -1
	}
	line, meaning, matched := c.explain(lines)
	r.Observed = "exit " + strconv.Itoa(code)
	if line != "" {
		r.Observed += ": " + line
	}
	success := false
	for _, s := range c.SuccessCodes {
		success = success || s == code
	}
	if success {
		r.Status = checks.Pass
		r.Detail = msgCmdOK.F(code, meaning.What)
		return r
	}
	r.Status = checks.Fail
	if !matched {
		meaning.Do = hintCmdFailed
		if len(lines) > 0 {
			meaning.What = msgCmdLastLine.F(lines[len(lines)-1])
		}
	}
	r.Detail, r.Hint = msgCmdFailed.F(code, meaning.What), meaning.Do
	return r
}

// explain finds the first output line a configured or built-in message
// matches, else the first Windows error code in the output.
func (c Command) explain(lines []string) (string, Meaning, bool) {
	for _, m := range append(append([]Message{}, c.Messages...), BuiltinMessages...) {
		re, err := regexp.Compile(m.Pattern)
		if err != nil {
			continue
		}
		for _, l := range lines {
			if re.MatchString(l) {
				return l, Meaning{What: m.Meaning, Do: m.Hint}, true
			}
		}
	}
	for _, l := range lines {
		if sub := hresultPattern.FindStringSubmatch(l); sub != nil {
			n, _ := strconv.ParseUint(sub[1], 16, 32)
			return l, Explain(uint32(n)), true
		}
	}
	if len(lines) > 0 {
		return lines[len(lines)-1], Meaning{}, false
	}
	return "", Meaning{}, false
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
