package ui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/report"
	"actwiz/steps"
)

type runState int

const (
	notStarted runState = iota
	running
	finished
	cancelled
)

// itemRow is one check on a step's screen: pending until its result comes.
type itemRow struct {
	def     checks.Definition
	started bool
	result  *checks.Result
}

// stepModel shows one step: its checks streaming in, the selected one's
// rule, hint and verify commands, and any question the step asks.
type stepModel struct {
	step  steps.Step
	rows  []itemRow
	state runState
	note  i18n.Text
	// kept are the notes to keep in view (the files the step wrote).
	kept   []i18n.Text
	cursor int
	scroll int
	// listTop is the first item shown when the list is longer than the
	// rows it gets.
	listTop  int
	question *questionModel
	run      *run
	gen      int
	// active: the run's goroutine has not returned yet (a cancelled run
	// stays active until it has let go of the session).
	active bool
	// next is the title of the step Enter leads to; empty for the last
	// step, whose Enter leads to the summary.
	next i18n.Text
}

func newStepModel(step steps.Step, next i18n.Text) *stepModel {
	m := &stepModel{step: step, next: next}
	m.reset()
	return m
}

func (m *stepModel) reset() {
	m.rows = m.rows[:0]
	for _, d := range m.step.Items() {
		m.rows = append(m.rows, itemRow{def: d})
	}
	m.note, m.kept, m.question, m.scroll, m.listTop = i18n.Text{}, nil, nil, 0, 0
}

// start begins a (new) run of the step and returns the command that waits
// for its first event.
func (m *stepModel) start(ctx context.Context, index int, sess *steps.Session) tea.Cmd {
	m.reset()
	m.gen++
	m.state = running
	m.active = true
	m.run = startRun(ctx, m.step, sess)
	return m.run.next(index, m.gen)
}

// handle applies one event of the current run.
func (m *stepModel) handle(ev steps.Event) {
	switch e := ev.(type) {
	case steps.ItemStarted:
		m.row(e.ID).started = true
	case steps.ItemDone:
		r := e.Result
		m.row(r.ID).result = &r
	case steps.Note:
		m.note = e.Text
		if e.Keep {
			m.kept = append(m.kept, e.Text)
		}
	case *steps.Question:
		m.question = newQuestion(e)
	case steps.Finished:
		m.question = nil
		if e.Err != nil {
			m.state = cancelled
		} else {
			m.state = finished
		}
	}
}

func (m *stepModel) row(id string) *itemRow {
	for i := range m.rows {
		if m.rows[i].def.ID == id {
			return &m.rows[i]
		}
	}
	def, ok := checks.Lookup(id)
	if !ok {
		def = checks.Definition{ID: id, Title: i18n.T(id, id)}
	}
	m.rows = append(m.rows, itemRow{def: def})
	return &m.rows[len(m.rows)-1]
}

func (m *stepModel) results() []checks.Result {
	var out []checks.Result
	for _, r := range m.rows {
		if r.result != nil {
			out = append(out, *r.result)
		}
	}
	return out
}

func (m *stepModel) enabledKeys(k *keyMap) {
	if m.question != nil {
		m.question.enabledKeys(k)
		return
	}
	enabled := []*key.Binding{&k.Up, &k.Down, &k.PageDown, &k.PageUp, &k.Back, &k.Help, &k.Quit}
	if m.state != running {
		enabled = append(enabled, &k.Rerun)
	}
	if m.state == finished {
		enabled = append(enabled, &k.Enter)
	}
	k.only(enabled...)
}

type stepAction int

const (
	stepStay stepAction = iota
	stepNext
	stepBack
	stepRerun
	stepQuit
	stepHelp
)

func (m *stepModel) update(msg tea.KeyMsg, k keyMap) (stepAction, tea.Cmd) {
	if m.question != nil {
		if msg.String() == "q" && !m.question.takesText() {
			return stepQuit, nil
		}
		done, cmd := m.question.update(msg, k)
		if done {
			m.question = nil
		}
		return stepStay, cmd
	}
	switch {
	case key.Matches(msg, k.Up):
		if m.cursor > 0 {
			m.cursor--
			m.scroll = 0
		}
	case key.Matches(msg, k.Down):
		if m.cursor < len(m.rows)-1 {
			m.cursor++
			m.scroll = 0
		}
	case key.Matches(msg, k.PageDown):
		m.scroll += 5
	case key.Matches(msg, k.PageUp):
		m.scroll = max(0, m.scroll-5)
	case key.Matches(msg, k.Enter):
		if m.state == finished {
			return stepNext, nil
		}
	case key.Matches(msg, k.Back):
		return stepBack, nil
	case key.Matches(msg, k.Rerun):
		if m.state != running {
			return stepRerun, nil
		}
	case key.Matches(msg, k.Help):
		return stepHelp, nil
	case key.Matches(msg, k.Quit):
		return stepQuit, nil
	}
	return stepStay, nil
}

// counts tallies the results by status.
func counts(results []checks.Result) map[checks.Status]int {
	c := map[checks.Status]int{}
	for _, r := range results {
		c[r.Status]++
	}
	return c
}

// view lays the step out in height rows: the head (title, kept notes,
// what is happening), the list of items, a separator, and the selected
// item's details or the open question. When they do not all fit, the list
// and the details share the rows and each shows a window that follows its
// cursor: the list keeps at least half while nothing is asked, a question
// gets what it needs first.
func (m *stepModel) view(sh *shared, width, height int, spinner, osFamily string) string {
	if height <= 0 {
		return ""
	}
	head := m.headLines(sh, width, spinner)
	if len(head) >= height {
		return strings.Join(head[:height], "\n")
	}
	var detail []string
	focus := 0
	if m.question != nil {
		detail, focus = m.question.view(sh, width)
	} else {
		detail = m.detailLines(sh, width, osFamily)
	}
	avail := height - len(head) - 1 // the separator takes one
	listH := listHeight(len(m.rows), avail, len(detail), m.question != nil)
	items, top := m.listWindow(sh, width, spinner, listH)
	lines := append(head, items...)
	lines = append(lines, m.separator(sh, width, top, len(items)))
	lines = append(lines, m.detailWindow(sh, detail, focus, width, avail-listH)...)
	return strings.Join(lines, "\n")
}

// headLines: the title, the kept notes and what the step is doing, then a
// blank line.
func (m *stepModel) headLines(sh *shared, width int, spinner string) []string {
	top := []string{truncate(sh.styles.title.Render(sh.t(m.step.Title())), width, sh.glyphs.Ellipsis)}
	// Kept notes name files: a path has no spaces to wrap at, so it is
	// broken anywhere rather than cut.
	for _, k := range m.kept {
		top = append(top, wrapPath(sh.fit(sh.t(k)), width)...)
	}
	switch {
	case m.question != nil:
	case m.state == running:
		hint := msgRunningHint
		if !m.note.Empty() && !m.noteKept() {
			hint = i18n.Join([]i18n.Text{m.note, msgRunningHint}, " ", " ")
		}
		top = append(top, wrap(spinner+" "+sh.t(hint), width)...)
	case m.state == finished:
		c := counts(m.results())
		then := msgDoneLast
		if !m.next.Empty() {
			then = msgDoneNext.F(m.next)
		}
		hint := i18n.Join([]i18n.Text{msgDoneHint.F(c[checks.Pass], c[checks.Warn], c[checks.Fail], c[checks.Unknown], c[checks.Skip]), then}, "", " ")
		top = append(top, wrap(sh.t(hint), width)...)
	case m.state == cancelled:
		top = append(top, wrap(sh.t(msgCancelledRun), width)...)
	}
	return append(top, "")
}

// listHeight is how many of rows items to show in avail rows beside
// detail lines of details or question.
func listHeight(rows, avail, detail int, asking bool) int {
	floor := (avail + 1) / 2
	if asking {
		floor = min(3, avail/4)
	}
	return max(0, min(rows, avail, max(avail-detail, floor)))
}

// listWindow is the part of the item list that fits in n rows, moved only
// as far as needed to keep the cursor in it; top is its first item.
func (m *stepModel) listWindow(sh *shared, width int, spinner string, n int) (lines []string, top int) {
	if n <= 0 {
		return nil, 0
	}
	if len(m.rows) <= n {
		m.listTop = 0
		return m.itemLines(sh, width, spinner, 0, len(m.rows)), 0
	}
	top = min(m.listTop, m.cursor)
	if m.cursor >= top+n {
		top = m.cursor - n + 1
	}
	top = max(0, min(top, len(m.rows)-n))
	m.listTop = top
	return m.itemLines(sh, width, spinner, top, top+n), top
}

// separator closes the list; when the list shows only part of the items,
// it says which.
func (m *stepModel) separator(sh *shared, width, top, shown int) string {
	line := sh.styles.border.Render(strings.Repeat(sh.glyphs.Separator, width))
	if shown == 0 || shown >= len(m.rows) {
		return line
	}
	label := " " + sh.t(msgListPosition.F(top+1, top+shown, len(m.rows))) + " "
	lead := 2
	rest := width - lead - cellWidth(label)
	if rest < 0 {
		return line
	}
	return sh.styles.border.Render(strings.Repeat(sh.glyphs.Separator, lead)) + sh.styles.faint.Render(label) +
		sh.styles.border.Render(strings.Repeat(sh.glyphs.Separator, rest))
}

// detailWindow is the part of detail that fits in n rows. The details of
// an item scroll with PgDn/PgUp and say how much is left below; a question
// keeps its focus line (the field, the choice under the cursor) in view.
func (m *stepModel) detailWindow(sh *shared, detail []string, focus, width, n int) []string {
	if n <= 0 {
		return nil
	}
	if len(detail) <= n {
		return detail
	}
	if m.question != nil {
		start := max(0, min(focus-n+1, len(detail)-n))
		return detail[start : start+n]
	}
	// The last row says how many lines are left below.
	m.scroll = max(0, min(m.scroll, len(detail)-n+1))
	window := detail[m.scroll:]
	if len(window) > n {
		more := len(window) - (n - 1)
		window = append(window[:n-1:n-1], truncate(sh.styles.faint.Render(sh.t(msgMore.F(more))), width, sh.glyphs.Ellipsis))
	}
	return window
}

// noteKept: the latest note is already shown as a kept one.
func (m *stepModel) noteKept() bool {
	return len(m.kept) > 0 && m.kept[len(m.kept)-1] == m.note
}

// itemLines: cursor, symbol and word (never colour alone), name, value,
// for the items from up to to. The columns are as wide as all items need,
// so they stay put while the list scrolls.
func (m *stepModel) itemLines(sh *shared, width int, spinner string, from, to int) []string {
	wordW, titleW := 0, 0
	for _, st := range checks.Statuses {
		wordW = max(wordW, cellWidth(sh.t(st.Word())))
	}
	wordW = max(wordW, cellWidth(sh.t(msgChecking)), cellWidth(sh.t(msgWaiting)))
	for _, r := range m.rows {
		titleW = max(titleW, cellWidth(sh.t(r.def.Title)))
	}
	fixed := 2 + 2 + wordW + 2
	titleW = min(titleW, max(10, width-fixed-2-14))
	var lines []string
	for i := from; i < to; i++ {
		r := m.rows[i]
		cursor := "  "
		if i == m.cursor {
			cursor = sh.glyphs.Cursor + " "
		}
		var sym, word, value string
		switch {
		case r.result != nil:
			st := sh.styles.status[r.result.Status]
			sym = st.Render(sh.glyphs.For(r.result.Status))
			word = st.Render(padRight(sh.t(r.result.Status.Word()), wordW))
			value = observedText(sh, *r.result)
		case m.state == running && r.started:
			sym, word = spinner, padRight(sh.t(msgChecking), wordW)
		default:
			sym, word = sh.glyphs.Pending, padRight(sh.styles.faint.Render(sh.t(msgWaiting)), wordW)
		}
		name := padRight(truncate(sh.t(r.def.Title), titleW, sh.glyphs.Ellipsis), titleW)
		name = styleIf(i == m.cursor, sh.styles.bold, name)
		left := cursor + sym + " " + word + "  " + name + "  "
		value = truncate(value, max(0, width-cellWidth(left)), sh.glyphs.Ellipsis)
		lines = append(lines, truncate(left+value, width, ""))
	}
	return lines
}

// observedText is the value read as report.Shown words it, on one line.
func observedText(sh *shared, r checks.Result) string {
	return sh.t(report.Shown(r.ID, r.Status, oneLine(r.Observed)))
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

// detailLines explain the selected item: its rule, what was found, what to
// do, and the commands that show the same value by hand.
func (m *stepModel) detailLines(sh *shared, width int, osFamily string) []string {
	if len(m.rows) == 0 {
		return nil
	}
	r := m.rows[min(m.cursor, len(m.rows)-1)]
	var lines []string
	head := sh.styles.bold.Render(sh.t(r.def.Title))
	if r.result != nil {
		st := sh.styles.status[r.result.Status]
		head += "  " + st.Render(sh.glyphs.For(r.result.Status)+" "+sh.t(r.result.Status.Word()))
	}
	lines = append(lines, truncate(head, width, sh.glyphs.Ellipsis))
	if !r.def.Rule.Empty() {
		lines = append(lines, wrap(sh.styles.faint.Render(sh.t(msgDetailRule))+sh.t(r.def.Rule), width)...)
	}
	if r.result == nil {
		lines = append(lines, wrap(sh.t(msgDetailWait), width)...)
	} else {
		if r.result.Observed != "" {
			lines = append(lines, wrap(sh.styles.faint.Render(sh.t(msgDetailValue))+sh.fit(safeText(r.result.Observed)), width)...)
		}
		if !r.result.Detail.Empty() {
			lines = append(lines, wrap(sh.styles.faint.Render(sh.t(msgDetailFound))+sh.fit(safeText(r.result.Detail.In(sh.lang))), width)...)
		}
		if !r.result.Hint.Empty() {
			lines = append(lines, sh.styles.bold.Render(sh.t(msgDetailTodo)))
			lines = append(lines, wrapIndented(sh.fit(safeText(r.result.Hint.In(sh.lang))), "  ", width)...)
		}
	}
	if verify := r.def.VerifyFor(osFamily); len(verify) > 0 {
		lines = append(lines, sh.styles.faint.Render(sh.t(msgDetailVerify)))
		for _, v := range verify {
			lines = append(lines, wrapCommandIndented(sh.fit(v), "  ", width)...)
		}
	}
	return lines
}

// safeText escapes each line of a multi-line text: the line breaks are
// ours, anything else that moves the cursor is not.
func safeText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = machinetext.Escape(l)
	}
	return strings.Join(lines, "\n")
}
