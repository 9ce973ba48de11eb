package wine

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"actwiz/internal/logs/collect"
	"actwiz/internal/winetest"
)

// wizardWords are the words of the wizard's screens the walk waits for,
// in one language, as the spec's message pairs give them.
type wizardWords struct {
	lang        string
	start       string // the welcome screen's last line
	step        string // the header's "step N of M", a Printf format
	doneWord    string // a finished step's hint begins with it
	done        *regexp.Regexp
	serialAsk   string
	logsAsk     string
	openFolder  string
	codeLabel   string
	quit        string    // in the footer on every screen
	titles      [6]string // of the screens, as the sidebar lists them
	printedCode string    // left in the terminal after the wizard
}

var wizardLangs = []wizardWords{
	{
		lang: "en", start: "Press Enter to start the check.", step: "step %d of %d", doneWord: "Done: ",
		done:      regexp.MustCompile(`Done: (\d+) pass, (\d+) warn, (\d+) fail, (\d+) unknown, (\d+) skipped\.`),
		serialAsk: "Type the serial to activate with", logsAsk: "Choose the kinds of logs to collect:",
		openFolder: "Open the folder with the package selected?", codeLabel: "Support code",
		quit: "quit", printedCode: "Support code: ",
		titles: [6]string{"Welcome", "Hardware check", "Serial check", "Activation", "Collect logs", "Summary"},
	},
	{
		lang: "zh", start: "按 Enter 开始检查。", step: "第 %d/%d 步", doneWord: "检查完成：",
		done:      regexp.MustCompile(`检查完成：(\d+) 项通过，(\d+) 项注意，(\d+) 项不通过，(\d+) 项未知，(\d+) 项跳过。`),
		serialAsk: "请输入激活用的序列号", logsAsk: "选择要收集的日志类别：",
		openFolder: "打开文件夹并选中日志包？", codeLabel: "支持代码",
		quit: "退出", printedCode: "支持代码：",
		titles: [6]string{"欢迎", "硬件检查", "序列号核对", "激活", "收集日志", "总结"},
	},
}

// spacedCode is the support code as the summary spaces it for reading
// aloud: "0 1 0   4 6 6   5 5 4 …".
// screens: welcome, four steps, summary.
const screens = 6

var spacedCode = regexp.MustCompile(`\d \d \d(?:   \d \d \d)+`)

// TestWindowsWizardInConsole walks the real actwiz.exe's wizard under Wine
// in a tmux window, as a user does in the Windows console: Welcome, the
// hardware check, a cmge serial typed in, the activation step, the log
// step with the built-in Windows collector set (23 collectors: more than
// the window shows), and the summary with its support code. Once at the
// default console size (120×30) and once narrower (100×30), in each
// language. It must not crash, every item of the log step must be
// reachable, and the code on the summary must be the saved report's.
func TestWindowsWizardInConsole(t *testing.T) {
	env := winetest.Start(t)
	// The activation servers: a closed port on this machine, so the step
	// ends at once and never depends on the network.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	config := "activation:\n  endpoints: ['tcp://" + closed + "']\n  timeout: 2s\n"
	if err := os.WriteFile(env.HostPath(`C:\actwiz.yaml`), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	collectors := len(collect.Builtin("windows"))
	for _, size := range [][2]int{{120, 30}, {100, 30}} {
		for _, words := range wizardLangs {
			t.Run(fmt.Sprintf("%dx%d-%s", size[0], size[1], words.lang), func(t *testing.T) {
				start := time.Now()
				walkWizard(t, env, size[0], size[1], words, collectors)
				t.Logf("walked in %s", time.Since(start).Round(time.Millisecond))
			})
		}
	}
}

func walkWizard(t *testing.T, env *winetest.Env, w, h int, words wizardWords, collectors int) {
	const wait = 60 * time.Second
	term := openTerminal(t, env, w, h, "--lang", words.lang, "--config", `C:\actwiz.yaml`)
	// Wine's console draws some of Bubble Tea's redraws a row off: it
	// counts the characters of escape sequences (colours, erase to end of
	// line) as columns when it wraps, and the same bytes written to tmux
	// directly draw right. So a screen may keep rows of the one before:
	// the walk waits for what only the screen it expects shows, and logs
	// a lost frame without failing.
	frameNoted := false
	noteFrame := func(rows []string, n int) {
		t.Helper()
		if !frameNoted && !framed(rows, words, n) {
			frameNoted = true
			t.Logf("screen %d as Wine's console drew it (header not on the first row, or keys not on the last):\n%s", n, strings.Join(rows, "\n"))
		}
	}
	// seen are the step-end lines already met: a screen may keep the last
	// one's, and only a new one says this step has ended.
	seen := map[string]bool{}
	// done waits for step n to say it has ended and returns how many
	// items it judged.
	done := func(n int) int {
		t.Helper()
		var found []string
		rows := term.waitUntil(wait, fmt.Sprintf("the end of step %d (%s)", n, words.titles[n-1]), func(rows []string) bool {
			for _, m := range words.done.FindAllStringSubmatch(strings.Join(rows, "\n"), -1) {
				if !seen[m[0]] {
					found = m
					return true
				}
			}
			return false
		})
		seen[found[0]] = true
		noteFrame(rows, n)
		sum := 0
		for _, c := range found[1:] {
			v, _ := strconv.Atoi(c)
			sum += v
		}
		return sum
	}

	noteFrame(term.waitFor(wait, words.start), 1)
	term.press(false, "Enter")
	if got := done(2); got != 6 {
		t.Errorf("the hardware step judged %d items, want the six checks", got)
	}

	term.press(false, "Enter")
	term.waitFor(wait, words.serialAsk)
	term.press(true, "AA02210025590")
	term.press(false, "Enter")
	rows := term.waitFor(wait, "AA*****025590")
	if got := done(3); got != 2 {
		t.Errorf("the serial step judged %d items, want 2", got)
	}
	if text := strings.Join(rows, "\n"); strings.Contains(text, "AA02210025590") {
		t.Errorf("the serial is shown unmasked:\n%s", text)
	}

	term.press(false, "Enter")
	// Wine's BIOS serial is a placeholder, so the activation step asks
	// whether to try anyway; the walk takes the safe answer, no, to each
	// question it asks (the attempt is then skipped) until the step ends.
	for i := 0; i < 3; i++ {
		asked := false
		term.waitUntil(wait, "the activation step's question or its end", func(rows []string) bool {
			text := strings.Join(rows, "\n")
			for _, m := range words.done.FindAllStringSubmatch(text, -1) {
				if !seen[m[0]] {
					return true
				}
			}
			asked = strings.Contains(text, "[y/N]")
			return asked
		})
		if !asked {
			break
		}
		term.press(true, "n")
		time.Sleep(300 * time.Millisecond)
	}
	done(4)

	term.press(false, "Enter")
	term.waitFor(wait, words.logsAsk)
	term.press(false, "Enter") // every category, as preselected
	term.waitFor(wait, words.openFolder)
	term.press(true, "n")
	if got := done(5); got != collectors {
		t.Errorf("the log step judged %d items, want the %d built-in Windows collectors", got, collectors)
	}
	// The list is longer than the window: the last collector must be
	// reachable, with the cursor on it.
	for i := 1; i < collectors; i++ {
		term.press(false, "Down")
	}
	last := regexp.MustCompile(`[│|] [›>] .*windowsupdate-etl`)
	noteFrame(term.waitUntil(wait, "the cursor on the last collector", func(rows []string) bool {
		return last.MatchString(strings.Join(rows, "\n"))
	}), 5)

	term.press(false, "Enter")
	// Scroll the summary until the code shows.
	var code string
	for i := 0; i < 3*collectors && code == ""; i++ {
		rows := term.waitFor(wait, words.titles[5])
		text := strings.Join(rows, "\n")
		if strings.Contains(text, words.codeLabel) {
			code = spacedCode.FindString(text)
		}
		if code == "" {
			term.press(false, "Down")
			time.Sleep(100 * time.Millisecond)
		} else {
			noteFrame(rows, 6)
		}
	}
	if code == "" {
		t.Fatalf("the summary never showed the support code:\n%s", strings.Join(term.screen(), "\n"))
	}
	digits := strings.ReplaceAll(code, " ", "")
	saved := false
	for deadline := time.Now().Add(10 * time.Second); !saved && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		saved = reportHasCode(env, digits)
	}
	if !saved {
		t.Errorf("no report on the Desktop holds the code %s shown on the summary", digits)
	}

	term.press(true, "q")
	text := strings.Join(term.waitFor(wait, exitMark), "\n")
	if !strings.Contains(text, exitMark+"1]") {
		t.Errorf("actwiz.exe should exit with 1 (Wine's BIOS serial is a placeholder):\n%s", text)
	}
	if !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(words.printedCode, " ", "")+digits) {
		t.Errorf("the code should stay in the console after the wizard:\n%s", text)
	}
}

// framed: the header is on the first row and the keys on the last, so
// the frame neither scrolled nor wrapped.
func framed(rows []string, words wizardWords, n int) bool {
	return len(rows) > 0 && strings.HasPrefix(rows[0], "actwiz ") &&
		strings.Contains(rows[0], fmt.Sprintf(words.step, n, screens)) &&
		strings.Contains(rows[len(rows)-1], words.quit)
}

// reportHasCode: a report the wizard saved on the Desktop holds code.
func reportHasCode(env *winetest.Env, code string) bool {
	var files []string
	for _, pattern := range []string{
		filepath.Join(env.DriveC, "users", "*", "Desktop", "*.json"),
		filepath.Join(filepath.Dir(env.Prefix), "*", "Desktop", "*.json"),
		filepath.Join(filepath.Dir(env.Prefix), "home", "*.json"),
	} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var rep struct {
			Code string `json:"code"`
		}
		if json.Unmarshal(data, &rep) == nil && rep.Code == code {
			return true
		}
	}
	return false
}
