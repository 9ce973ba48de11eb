package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/inbox"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/machinetext"
	"actwiz/steps"
)

// InboxOptions describe the desk's terminal view: a folder's packages (the
// list) or one package.
type InboxOptions struct {
	Dir   string
	Items []inbox.Item
	// Package, when set, is opened at once and Esc quits instead of going
	// back to a list.
	Package string
	// Open reads one package in full (integrity, report, findings).
	Open   func(ctx context.Context, path string) (*inbox.Opened, error)
	Lang   i18n.Lang
	Glyphs display.Set
}

var (
	msgInboxTitle    = i18n.T("收件箱 %s：%d 个日志包，最新的在前", "Inbox %s: %d package(s), newest first")
	msgInboxOpening  = i18n.T("正在打开 %s，检查每个文件……", "Opening %s, checking every file…")
	msgInboxFilter   = i18n.T("直接输入即可筛选（主机名、案件、结论）", "type to filter (host, case, verdict)")
	msgInboxOpen     = i18n.T("打开", "open")
	msgInboxPkgTitle = i18n.T("日志包 %s", "Package %s")
	msgInboxWho      = i18n.T("电脑 %s · 案件 %s · 打包于 %s", "PC %s · case %s · packed %s")
	msgInboxIntact   = i18n.T("完整性：完好（每个文件都已核对）", "Integrity: intact (every file checked)")
	msgInboxDamaged  = i18n.T("已损坏或被改动：其中的内容都不能信任。下面是有问题的文件。", "Damaged or changed: nothing in it can be trusted. The damaged entries follow.")
	msgInboxChanged  = i18n.T("按现在的规则重新判断：%s 从 %s 变为 %s", "Judged again today: %s was %s, now %s")
	msgInboxFinding  = i18n.T("日志：%s", "Logs: %s")
	msgInboxFailed   = i18n.T("无法打开：%s", "Cannot open: %s")
	msgInboxNoItems  = i18n.T("%s 里没有日志包（*.zip）。", "%s holds no log package (*.zip).")
	msgInboxNoneWord = i18n.T("无", "none")
)

// packageStep gives a package's results the wizard's step screen: the same
// rows, symbols and detail pane, read-only.
type packageStep struct {
	title i18n.Text
}

func (s packageStep) ID() string                                             { return "package" }
func (s packageStep) Title() i18n.Text                                       { return s.title }
func (s packageStep) Items() []checks.Definition                             { return nil }
func (s packageStep) Run(context.Context, *steps.Session, func(steps.Event)) {}

type listItem struct {
	it   inbox.Item
	lang i18n.Lang
	g    display.Set
}

func (li listItem) Title() string {
	host := li.it.Host
	if host == "" {
		host = filepath.Base(li.it.Path)
	}
	caseNo := li.it.Case
	if caseNo == "" {
		caseNo = "-"
	}
	return machinetext.Escape(fmt.Sprintf("%s · %s · %s", host, caseNo, li.it.When()))
}

func (li listItem) Description() string {
	sym := li.g.For(checks.Status(li.it.Verdict))
	if li.it.Verdict == inbox.VerdictDamaged || li.it.Verdict == inbox.VerdictNotPackage {
		sym = li.g.For(checks.Fail)
	}
	return li.g.Fit(sym + " " + li.it.VerdictWord().In(li.lang) + " · " + li.it.IntegrityText().In(li.lang) + " · " + li.it.FirstFinding(li.lang))
}

func (li listItem) FilterValue() string {
	return li.it.Host + " " + li.it.Case + " " + li.it.VerdictWord().In(li.lang) + " " + filepath.Base(li.it.Path)
}

type openedMsg struct {
	path string
	o    *inbox.Opened
	err  error
}

// inboxModel is the list and, in front of it, the package opened.
type inboxModel struct {
	ctx     context.Context
	opts    InboxOptions
	sh      *shared
	list    list.Model
	help    help.Model
	pkg     *stepModel
	osFam   string
	opening string
	failed  string
}

func newInboxModel(ctx context.Context, opts InboxOptions) *inboxModel {
	plain := opts.Glyphs.Name == display.Plain.Name
	sh := &shared{width: 80, height: 24, lang: opts.Lang, glyphs: opts.Glyphs, styles: newStyles(opts.Glyphs), keys: newKeyMap(opts.Lang, plain)}
	var items []list.Item
	for _, it := range opts.Items {
		items = append(items, listItem{it: it, lang: opts.Lang, g: opts.Glyphs})
	}
	d := list.NewDefaultDelegate()
	l := list.New(items, d, 80, 20)
	l.Title = sh.t(msgInboxTitle.F(machinetext.Escape(opts.Dir), len(opts.Items)))
	l.SetShowHelp(false)
	l.SetStatusBarItemName("package", "packages")
	if len(opts.Items) == 0 {
		l.Title = sh.t(msgInboxNoItems.F(machinetext.Escape(opts.Dir)))
	}
	m := &inboxModel{ctx: ctx, opts: opts, sh: sh, list: l, help: help.New()}
	m.help.ShortSeparator = "  "
	return m
}

func (m *inboxModel) Init() tea.Cmd {
	if m.opts.Package != "" {
		return m.open(m.opts.Package)
	}
	return nil
}

func (m *inboxModel) open(path string) tea.Cmd {
	m.opening, m.failed = path, ""
	ctx, open := m.ctx, m.opts.Open
	return func() tea.Msg {
		o, err := open(ctx, path)
		return openedMsg{path: path, o: o, err: err}
	}
}

func (m *inboxModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sh.width, m.sh.height = msg.Width, msg.Height
		m.list.SetSize(msg.Width, max(3, msg.Height-2))
		return m, nil
	case openedMsg:
		if msg.path != m.opening {
			return m, nil // the user went back meanwhile
		}
		m.opening = ""
		if msg.err != nil {
			m.failed = msg.err.Error()
			if text, ok := parcel.ErrorText(msg.err); ok {
				m.failed = text.In(m.sh.lang)
			}
			return m, nil
		}
		m.pkg, m.osFam = packageScreen(msg.o), "windows"
		if msg.o.Facts != nil && msg.o.Facts.Host.OSFamily != "" {
			m.osFam = msg.o.Facts.Host.OSFamily
		}
		return m, nil
	case tea.KeyMsg:
		return m, m.onKey(msg)
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

func (m *inboxModel) onKey(msg tea.KeyMsg) tea.Cmd {
	k := m.sh.keys
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	if m.pkg != nil || m.opening != "" || m.failed != "" {
		switch {
		case key.Matches(msg, k.Back):
			if m.opts.Package != "" {
				return tea.Quit
			}
			m.pkg, m.opening, m.failed = nil, "", ""
		case key.Matches(msg, k.Quit):
			return tea.Quit
		case m.pkg != nil:
			m.pkg.update(msg, k)
		}
		return nil
	}
	switch {
	case msg.Type == tea.KeyEnter:
		if m.list.SettingFilter() {
			var cmd tea.Cmd
			m.list, cmd = m.list.Update(msg) // accept the filter, then open
			if li, ok := m.list.SelectedItem().(listItem); ok {
				return tea.Batch(cmd, m.open(li.it.Path))
			}
			return cmd
		}
		if li, ok := m.list.SelectedItem().(listItem); ok {
			return m.open(li.it.Path)
		}
		return nil
	case msg.Type == tea.KeyEsc && m.list.FilterState() == list.Unfiltered:
		return tea.Quit
	case msg.Type == tea.KeyRunes && m.list.FilterState() == list.Unfiltered:
		// Typing filters at once: no "/" to learn first.
		m.list.SetFilterState(list.Filtering)
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return cmd
}

func (m *inboxModel) View() string {
	sh := m.sh
	w, h := sh.width, sh.height
	k := sh.keys
	var body string
	switch {
	case m.opening != "":
		body = sh.t(msgInboxOpening.F(machinetext.Escape(filepath.Base(m.opening))))
		k.only(&k.Back, &k.Quit)
	case m.failed != "":
		body = strings.Join(wrap(sh.t(msgInboxFailed.F(machinetext.Escape(m.failed))), w), "\n")
		k.only(&k.Back, &k.Quit)
	case m.pkg != nil:
		body = m.pkg.view(sh, w, max(1, h-2), "", m.osFam)
		k.only(&k.Up, &k.Down, &k.PageDown, &k.PageUp, &k.Back, &k.Quit)
	default:
		body = m.list.View()
		// Letters filter here, so only the arrows move.
		up := key.NewBinding(key.WithKeys("up"), key.WithHelp(arrow(sh, "↑", "up"), helpUp.In(sh.lang)))
		down := key.NewBinding(key.WithKeys("down"), key.WithHelp(arrow(sh, "↓", "down"), helpDown.In(sh.lang)))
		k.only()
		open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", msgInboxOpen.In(sh.lang)))
		filter := key.NewBinding(key.WithKeys("a"), key.WithHelp("abc", msgInboxFilter.In(sh.lang)))
		quit := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", helpQuit.In(sh.lang)))
		m.help.Width = w
		return clip(body+"\n"+sh.styles.border.Render(strings.Repeat(sh.glyphs.Separator, w))+"\n"+m.help.ShortHelpView([]key.Binding{up, down, open, filter, quit}), w, h)
	}
	m.help.Width = w
	footer := sh.styles.border.Render(strings.Repeat(sh.glyphs.Separator, w)) + "\n" + m.help.ShortHelpView(k.ShortHelp())
	return clip(clip(body, w, max(1, h-2))+"\n"+footer, w, h)
}

// packageScreen lays a package out as a step screen: its checks (today's
// verdicts), then its findings, each a row with its detail pane. A damaged
// package shows its damaged entries and nothing else.
func packageScreen(o *inbox.Opened) *stepModel {
	base := machinetext.Escape(filepath.Base(o.Path))
	m := newStepModel(packageStep{title: msgInboxPkgTitle.F(base)}, i18n.Text{})
	if !o.Integrity.OK {
		m.kept = append(m.kept, msgInboxDamaged)
		for _, p := range o.Integrity.Problems {
			e := machinetext.Escape(p.Entry)
			r := checks.Result{ID: p.Entry, Status: checks.Fail, Detail: p.What}
			m.rows = append(m.rows, itemRow{def: checks.Definition{ID: p.Entry, Title: i18n.T(e, e)}, result: &r})
		}
		return m
	}
	caseNo := msgInboxNoneWord
	if o.Manifest.Case != "" {
		c := machinetext.Escape(o.Manifest.Case)
		caseNo = i18n.T(c, c)
	}
	host := machinetext.Escape(o.Manifest.Host)
	m.kept = append(m.kept, msgInboxWho.F(host, caseNo, o.Manifest.CreatedAt.Local().Format("2006-01-02 15:04")), msgInboxIntact)
	for _, c := range o.Changes {
		m.kept = append(m.kept, msgInboxChanged.F(c.ID, c.Was.Word(), c.Now.Word()))
	}
	rejudged := map[string]checks.Result{}
	for _, r := range o.Rejudged {
		rejudged[r.ID] = r
	}
	stored := map[string]i18n.Text{}
	if o.Report != nil {
		for _, c := range o.Report.Checks {
			stored[c.ID] = i18n.T(c.Hint, c.Hint)
		}
	}
	for _, r := range o.Statuses() {
		r := r
		if _, ok := rejudged[r.ID]; !ok && r.Hint.Empty() {
			r.Hint = stored[r.ID]
		}
		def, ok := checks.Lookup(r.ID)
		if !ok {
			def = checks.Definition{ID: r.ID, Title: i18n.T(r.ID, r.ID)}
		}
		m.rows = append(m.rows, itemRow{def: def, result: &r})
	}
	for _, f := range o.Findings {
		status := checks.Warn
		if f.Fails {
			status = checks.Fail
		}
		where := machinetext.Escape(fmt.Sprintf("%s · %s:%d", f.Code, filepath.Base(f.Source), f.Line))
		detail := f.Meaning
		if f.Time != "" || f.Event != "" {
			extra := strings.TrimSpace(machinetext.Escape(f.Time + " " + f.Event))
			detail = i18n.T(f.Meaning.ZH+"（"+extra+"）", f.Meaning.EN+" ("+extra+")")
		}
		r := checks.Result{ID: f.Code, Status: status, Observed: f.Excerpt, Detail: detail, Hint: f.Hint}
		m.rows = append(m.rows, itemRow{def: checks.Definition{ID: f.Code, Title: msgInboxFinding.F(where)}, result: &r})
	}
	return m
}

// RunInbox runs the desk's terminal view until the user quits.
func RunInbox(ctx context.Context, opts InboxOptions, getenv func(string) string) error {
	AgreeOnWidths()
	if getenv("NO_COLOR") != "" {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	p := tea.NewProgram(newInboxModel(ctx, opts), tea.WithAltScreen(), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil && err != tea.ErrProgramKilled {
		return fmt.Errorf("running the inbox: %w", err)
	}
	return nil
}

func arrow(sh *shared, glyph, word string) string {
	if sh.plainGlyphs() {
		return word
	}
	return glyph
}
