package ui

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/steps"
)

// manyStep is a step of n items, for screens with more items than rows
// (the Windows log step has 23).
type manyStep struct{ n int }

func (*manyStep) ID() string       { return "many" }
func (*manyStep) Title() i18n.Text { return i18n.T("收集日志", "Collect logs") }
func (s *manyStep) Items() []checks.Definition {
	out := make([]checks.Definition, s.n)
	for i := range out {
		title := strings.Repeat("长", i%7) + fmt.Sprintf("项目 %d", i)
		out[i] = checks.Definition{ID: fmt.Sprintf("many.%d", i), Title: i18n.T(title, fmt.Sprintf("Item %d %s", i, strings.Repeat("long ", i%7))),
			Rule: i18n.T("每一项都要有规则说明，这一条比较长，需要折行显示才能看全。", "Every item has a rule; this one is long enough to need wrapping on a narrow screen.")}
	}
	return out
}
func (*manyStep) Run(context.Context, *steps.Session, func(steps.Event)) {}

var statusCycle = []checks.Status{checks.Pass, checks.Warn, checks.Fail, checks.Unknown, checks.Skip}

// result of item i of a manyStep: every status, values of every length,
// Chinese in the value, and a multi-line hint.
func manyResult(i int) checks.Result {
	return checks.Result{ID: fmt.Sprintf("many.%d", i), Status: statusCycle[i%len(statusCycle)],
		Observed: strings.Repeat("值WINEHDISK-", i%9),
		Detail:   i18n.T("发现的情况写在这里，可能很长很长很长很长很长很长很长很长。", "What was found goes here, and it may be rather long indeed."),
		Hint:     i18n.T("1. 第一步。\n2. 第二步，写得比较长一些，需要折行。\n3. 再检查一次。", "1. First do this.\n2. Then this, which takes a longer sentence to say.\n3. Check again.")}
}

// sizeScenario puts the model in front of one screen with n items.
type sizeScenario struct {
	name string
	set  func(m *Model, n int)
}

func onStep(m *Model, n int, state runState) *stepModel {
	s := m.stepsV[0]
	s.state = state
	for i := range s.rows {
		s.rows[i].started = true
		if state != running || i%2 == 0 {
			r := manyResult(i)
			s.rows[i].result = &r
		}
	}
	s.cursor = max(0, n-1) // the last item: the list must scroll to it
	m.screen = 1
	return s
}

func asking(question steps.Question) func(m *Model, n int) {
	return func(m *Model, n int) {
		q := question // each model its own: the model keeps a pointer
		s := onStep(m, n, running)
		s.cursor = n / 2
		q.Choices = nil
		for i := 0; i < n && (q.Kind == steps.Choose || q.Kind == steps.ChooseMany); i++ {
			q.Choices = append(q.Choices, steps.Choice{Value: fmt.Sprint(i), Label: i18n.T(fmt.Sprintf("类别 %d", i), fmt.Sprintf("Category %d", i)), Selected: i%2 == 0})
		}
		s.question = newQuestion(&q)
		s.question.cursor = max(0, len(q.Choices)-1)
		if q.Kind == steps.Secret {
			s.question.problem = i18n.T("序列号应为 13 位：2 个字母加 11 个数字。", "A serial has 13 characters: two letters and eleven digits.")
		}
	}
}

var sizeScenarios = []sizeScenario{
	{"welcome", func(m *Model, n int) {}},
	{"help", func(m *Model, n int) { onStep(m, n, finished); m.showHelp = true }},
	{"step-running", func(m *Model, n int) {
		s := onStep(m, n, running)
		s.note = i18n.T("正在读取…", "Reading…")
	}},
	{"step-finished", func(m *Model, n int) {
		s := onStep(m, n, finished)
		s.kept = []i18n.Text{i18n.T("日志包已保存：C:\\Users\\张三\\Desktop\\CMGE_Log_PC-0097_20261126-093000.zip", "Log package saved: C:\\Users\\someone\\Desktop\\CMGE_Log_PC-0097_20261126-093000.zip")}
		s.scroll = 1000 // scrolled past the end of the details
	}},
	{"step-cancelled", func(m *Model, n int) { onStep(m, n, cancelled); m.confirmQuit = true }},
	{"confirm", asking(steps.Question{ID: "c", Kind: steps.Confirm, Default: "y",
		Prompt: i18n.T("上次激活使用的序列号与当前输入的不一致，是否继续？", "The serial used last time differs from the one entered now. Continue?"),
		Help:   i18n.T("选“否”可以先核对序列号。", "Choose no to check the serial first.")})},
	{"choose", asking(steps.Question{ID: "ch", Kind: steps.Choose, Prompt: i18n.T("选哪一个？", "Which one?")})},
	{"choose-many", asking(steps.Question{ID: "cm", Kind: steps.ChooseMany, Prompt: i18n.T("选择要收集的日志类别：", "Choose the kinds of logs to collect:"),
		Help: i18n.T("空格勾选或取消，回车开始收集。", "Space ticks or unticks, Enter starts.")})},
	{"input", asking(steps.Question{ID: "in", Kind: steps.Input, Default: "CAS-04851-R7R3X9", Prompt: i18n.T("案件编号：", "Case number:")})},
	{"secret", asking(steps.Question{ID: "se", Kind: steps.Secret, Prompt: i18n.T("请输入激活用的序列号", "Type the serial to activate with"),
		Help: i18n.T("格式：13 位：2 个字母加 11 个数字，例如 AB01234567890。", "Format: 13 characters: two letters and eleven digits, for example AB01234567890.")})},
	{"summary", func(m *Model, n int) {
		var rs []checks.Result
		for i := 0; i < n; i++ {
			rs = append(rs, manyResult(i))
		}
		m.sess.Record("many", rs)
		m.sess.LogPackage = `C:\Users\张三\Desktop\CMGE_Log_PC-0097_20261126-093000_CAS-04851-R7R3X9.zip`
		m.sess.LogMap = `C:\Users\张三\Desktop\CMGE_Log_PC-0097_20261126-093000_CAS-04851-R7R3X9.map.txt`
		m.summary.code = "023056250113290"
		m.summary.savedPath = `C:\Users\张三\Desktop\PC-0097_20261126-093000.json`
		m.summary.scroll = n // somewhere down, or past the end
		m.screen = m.summaryIndex()
	}},
}

// sizeModel is the wizard with one step of n items, in front of sc's
// screen. Odd n also give the header a snapshot banner and a notice, which
// take rows from the body.
func sizeModel(sc sizeScenario, n int, lang i18n.Lang, g display.Set) *Model {
	sess := &steps.Session{Case: "CAS-04851-R7R3X9", Lang: lang, Started: fixedNow,
		Facts: facts.Snapshot{Host: facts.Host{Name: "PC-0097-一个很长的电脑名字"}}}
	var notice i18n.Text
	if n%2 == 1 {
		sess.Source = steps.Source{Snapshot: true, File: `C:\Users\张三\snapshots\whitebox-placeholders.json`}
		notice = msgMintty
	}
	m := New(context.Background(), Options{Steps: []steps.Step{&manyStep{n: n}}, Session: sess, Lang: lang, Glyphs: g,
		Now: func() time.Time { return fixedNow }, Notice: notice})
	sc.set(m, n)
	return m
}

// Every screen renders at every size without a panic, and its frame fits:
// no line reaches into the right margin (a Windows console wraps at the
// last column, Wine's near it: see rightMargin), and no more lines than
// the terminal has. Below the usable size the frame is the one line that
// asks for a bigger window. Sizes: every
// width at some heights, every height at some widths, and random ones
// (fixed seed); item counts and languages/themes rotate over them, so that
// each combination meets many sizes while the test stays fast.
func TestEverySizeRenders(t *testing.T) {
	t.Parallel()
	lastGuard = false // the layout must fit on its own
	t.Cleanup(func() { lastGuard = true })
	type size = struct{ w, h int }
	var sizes []size
	for _, h := range []int{1, 9, 10, 11, 24, 30, 80} {
		for w := 1; w <= 250; w++ {
			sizes = append(sizes, size{w, h})
		}
	}
	for _, w := range []int{1, 39, 40, 41, 59, 60, 80, 110, 120, 250} {
		for h := 1; h <= 80; h++ {
			sizes = append(sizes, size{w, h})
		}
	}
	rnd := rand.New(rand.NewSource(9))
	const random = 300
	for i := 0; i < random; i++ {
		sizes = append(sizes, size{1 + rnd.Intn(250), 1 + rnd.Intn(80)})
	}
	// Two halves on two cores: every other size each.
	for half := 0; half < 2; half++ {
		t.Run(fmt.Sprint("half-", half), func(t *testing.T) {
			t.Parallel()
			var mine []int
			for i := half; i < len(sizes); i += 2 {
				if !raceBuild || (i/2)%6 == 0 {
					mine = append(mine, i)
				}
			}
			renderSizes(t, sizes, mine, len(sizes)-random, rand.New(rand.NewSource(int64(half))))
		})
	}
}

// renderSizes draws the scenarios at sizes[i] for i in which; from
// randomFrom on, item counts are random.
func renderSizes(t *testing.T, sizes []struct{ w, h int }, which []int, randomFrom int, rnd *rand.Rand) {
	counts := []int{0, 1, 2, 6, 7, 23, 24, 60}
	langs := []i18n.Lang{i18n.ZH, i18n.EN}
	themes := []display.Set{display.Unicode, display.Plain}
	renders := 0
	// A model is made once per kind and then resized, as a window is: the
	// list's and the details' scroll positions carry over between sizes.
	type kind struct {
		sc    string
		n     int
		lang  i18n.Lang
		theme string
	}
	models := map[kind]*Model{}
	for _, i := range which {
		sz := sizes[i]
		for j, sc := range sizeScenarios {
			k := i + j
			// Near the minimum every screen is drawn at every size; above
			// it each size draws every third screen, in turn.
			if sz.w > minWidth+1 && sz.h > minHeight+1 && k%3 != 0 {
				continue
			}
			n := counts[k%len(counts)]
			if i >= randomFrom {
				n = rnd.Intn(61)
			}
			lang, theme := langs[k%2], themes[(k/2)%2]
			name := fmt.Sprintf("%s/%d-items/%s/%s/%dx%d", sc.name, n, lang, theme.Name, sz.w, sz.h)
			view := renderSafely(t, name, func() string {
				m := models[kind{sc.name, n, lang, theme.Name}]
				if m == nil {
					m = sizeModel(sc, n, lang, theme)
					models[kind{sc.name, n, lang, theme.Name}] = m
				}
				m.Update(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
				return m.View()
			})
			renders++
			lines := strings.Split(view, "\n")
			if len(lines) > sz.h {
				t.Errorf("%s: %d lines on a %d-line terminal:\n%s", name, len(lines), sz.h, view)
			}
			for l, line := range lines {
				if ansi.StringWidth(line) > max(0, sz.w-rightMargin) {
					t.Errorf("%s: line %d is %d cells wide on a %d-column terminal (its last %d columns must stay empty): %q", name, l+1, ansi.StringWidth(line), sz.w, rightMargin, line)
				}
			}
			if small := sz.w < minWidth || sz.h < minHeight; small != (len(lines) == 1 && strings.HasPrefix((&shared{lang: lang, glyphs: theme}).t(msgTooSmall.F(sz.w, sz.h, minWidth, minHeight)), view)) {
				t.Errorf("%s: below %dx%d (and only there) the frame is the one line asking for a bigger window; got:\n%s", name, minWidth, minHeight, view)
			}
			if t.Failed() {
				t.FailNow() // one broken size says enough
			}
		}
	}
	t.Logf("%d frames rendered", renders)
}

// Each screen's own view at every small size, below the frame's minimum
// too (a header with a notice and a banner leaves few rows to the body):
// no panic, and never more rows than it is given.
func TestScreensAtAnySize(t *testing.T) {
	t.Parallel()
	for _, sc := range sizeScenarios {
		counts := []int{0, 23, 60}
		if raceBuild {
			counts = []int{23}
		}
		for _, n := range counts {
			m := sizeModel(sc, n, i18n.ZH, display.Unicode)
			for w := 1; w <= 60; w += 1 + w/4 {
				for h := 1; h <= 24; h += 1 + h/8 {
					name := fmt.Sprintf("%s/%d-items/%dx%d", sc.name, n, w, h)
					view := renderSafely(t, name, func() string {
						m.sh.width, m.sh.height = w, h
						switch {
						case m.showHelp:
							return m.fullHelp(w, h)
						case m.screen == 0:
							return m.welcome.view(m.sh, w, h)
						case m.screen == m.summaryIndex():
							return m.summary.view(m.sh, summaryFor(m.opts.Steps, m.sess, m.caseNo, ""), w, h)
						}
						return m.stepsV[0].view(m.sh, w, h, "*", "windows")
					})
					if got := len(strings.Split(view, "\n")); got > h {
						t.Fatalf("%s: %d rows in %d:\n%s", name, got, h, view)
					}
				}
			}
		}
	}
}

// renderSafely turns a panic while rendering into a test failure naming
// the case.
func renderSafely(t *testing.T, name string, render func() string) (view string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: panic while rendering: %v", name, r)
		}
	}()
	return render()
}

// The Windows log step has 23 collectors, more items than the default
// console (120×30) or 80×24 shows: it crashed with "slice bounds out of
// range [::-1]" when the list left no row for the details. The list now
// scrolls: every item can be reached with the cursor and is then in view,
// with the checklist open as while running and when done.
func TestLongListAtConsoleSizes(t *testing.T) {
	const items = 23
	for _, size := range [][2]int{{120, 30}, {100, 30}, {80, 24}, {80, 25}} {
		for _, lang := range i18n.Langs {
			for _, sc := range []sizeScenario{sizeScenarios[4], sizeScenarios[7]} { // step-cancelled is done; choose-many asks
				name := fmt.Sprintf("%s/%s/%dx%d", sc.name, lang, size[0], size[1])
				m := sizeModel(sc, items, lang, display.Unicode)
				m.confirmQuit = false
				m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				s := m.stepsV[0]
				s.cursor = 0
				for i := 0; i < items; i++ {
					view := renderSafely(t, name, m.View)
					title := s.rows[s.cursor].def.Title.In(lang)
					if s.question == nil && !strings.Contains(view, m.sh.glyphs.Cursor+" ") {
						t.Fatalf("%s: no cursor in view:\n%s", name, view)
					}
					if !strings.Contains(view, truncate(title, 10, "")) {
						t.Fatalf("%s: item %d (%s) under the cursor is not in view:\n%s", name, s.cursor, title, view)
					}
					if s.question == nil {
						m.Update(keyMsg("down"))
					} else {
						s.cursor++ // the question takes the keys
					}
				}
			}
		}
	}
}
