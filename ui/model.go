// Package ui is actwiz's wizard: one Bubble Tea program that walks through
// the steps (welcome, each step of the step list, summary), and a plain
// line-by-line mode for screen readers, slow remote shells and logs. Both
// are views of the same steps.Event stream; neither knows how a check works.
//
// It may import steps, checks, internal/report and the text helpers; it never reads a machine or runs a command itself.
package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/report"
	"actwiz/steps"
)

// Options is everything the wizard runs with.
type Options struct {
	// Steps is the step list, in order. Adding a step is one line there.
	Steps   []steps.Step
	Session *steps.Session
	Lang    i18n.Lang
	Glyphs  display.Set
	// ReportDir is where the report JSON is saved.
	ReportDir string
	Version   string
	Now       func() time.Time
	// Notice is one line shown first (why the plain mode was chosen).
	Notice i18n.Text
	// UploadURL is the configured upload address: with a log package
	// written but not uploaded, the summary says how to upload it.
	UploadURL string
	// OSFamily of the machine judged ("windows", "linux"), for the verify
	// commands shown before the step has read the host.
	OSFamily string
	// Resume is the ID of the step an actwiz restarted as administrator
	// carries on at (--resume); Steps is then already steps.Resume's list.
	// Welcome is skipped (the case number and language came as flags) and
	// the steps before it run one after another without Enter, stopping
	// only for their questions (the serial, asked again).
	Resume string
}

var msgResumed = i18n.T("已经以管理员身份重新启动：先重新检查硬件，然后从“%s”这一步接着做。",
	"Restarted as administrator: the hardware is checked again, then the wizard carries on at \"%s\".")

// resumeIndex is the index in Steps of the step to resume at, or -1.
func (o Options) resumeIndex() int {
	if o.Resume == "" {
		return -1
	}
	for i, s := range o.Steps {
		if s.ID() == o.Resume {
			return i
		}
	}
	return -1
}

// withResumeNotice puts the line saying where the wizard resumes first.
func (o Options) withResumeNotice() Options {
	if i := o.resumeIndex(); i >= 0 {
		o.Notice = i18n.Join([]i18n.Text{msgResumed.F(o.Steps[i].Title()), o.Notice}, "", " ")
	}
	return o
}

// Model is the root: it holds the screens and the shared context, routes
// keys to the screen in front, and step events to the step they belong to.
type Model struct {
	sh      *shared
	opts    Options
	sess    *steps.Session
	ctx     context.Context
	screen  int // 0 welcome, 1…len(Steps) a step, then the summary
	welcome welcomeModel
	stepsV  []*stepModel
	summary summaryModel
	spinner spinner.Model
	help    help.Model

	spinning    bool
	showHelp    bool
	confirmQuit bool
	quitting    bool
	finished    bool // the user reached the summary
	// caseNo is the case number as last confirmed on the welcome screen.
	// It is copied into the session only when no run holds the session,
	// so a step running in the background never races with the screen.
	caseNo string
	// resultsGen counts completed runs; savedGen is the one last saved.
	resultsGen, savedGen int
	// host is the machine's name as last read while no step held the
	// session, so the header keeps it while a later step runs.
	host string
	// handover is set when a step handed the work to another actwiz
	// (restarted as administrator): the wizard ends and says so.
	handover i18n.Text
	// resumeAt is the index of the step a resumed wizard carries on at,
	// until it is reached; -1 otherwise.
	resumeAt int
}

// New builds the wizard's root model.
func New(ctx context.Context, opts Options) *Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	sess := opts.Session
	if sess == nil {
		sess = &steps.Session{}
	}
	opts = opts.withResumeNotice()
	plain := opts.Glyphs.Name == display.Plain.Name
	sh := &shared{width: 80, height: 24, lang: opts.Lang, glyphs: opts.Glyphs, styles: newStyles(opts.Glyphs), keys: newKeyMap(opts.Lang, plain)}
	m := &Model{sh: sh, opts: opts, sess: sess, ctx: ctx, welcome: newWelcome(sess.Case), help: help.New(), caseNo: sess.Case}
	m.help.ShortSeparator = "  "
	if m.resumeAt = opts.resumeIndex(); m.resumeAt >= 0 {
		m.screen = 1 // Init starts it
	}
	if plain {
		m.help.Ellipsis = "..."
	}
	for i, s := range opts.Steps {
		var next i18n.Text
		if i+1 < len(opts.Steps) {
			next = opts.Steps[i+1].Title()
		}
		m.stepsV = append(m.stepsV, newStepModel(s, next))
	}
	m.spinner = spinner.New(spinner.WithSpinner(spinner.MiniDot))
	if plain {
		m.spinner.Spinner = spinner.Line
	}
	return m
}

// Init starts the first step of a resumed wizard, which has no Welcome.
func (m *Model) Init() tea.Cmd {
	if m.resumeAt >= 0 {
		return m.goTo(1)
	}
	return nil
}

// resumeOn moves a resumed wizard on once the step shown has finished,
// until the step it resumes at is on screen.
func (m *Model) resumeOn(index int, f steps.Finished) tea.Cmd {
	if m.resumeAt < 0 || index >= m.resumeAt || m.screen != index+1 {
		return nil
	}
	if f.Err != nil { // cancelled: the user takes over
		m.resumeAt = -1
		return nil
	}
	if index+1 == m.resumeAt {
		m.resumeAt = -1
	}
	return m.goTo(m.screen + 1)
}

func (m *Model) summaryIndex() int { return len(m.stepsV) + 1 }

func (m *Model) anyActive() bool {
	for _, s := range m.stepsV {
		if s.active {
			return true
		}
	}
	return false
}

func (m *Model) anyRunning() bool {
	for _, s := range m.stepsV {
		if s.state == running {
			return true
		}
	}
	return false
}

type forceQuitMsg struct{}

type reportSavedMsg struct {
	gen  int
	path string
	err  error
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sh.width, m.sh.height = msg.Width, msg.Height
		return m, nil
	case spinner.TickMsg:
		if !m.anyRunning() {
			m.spinning = false
			return m, nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return m, cmd
	case stepEventMsg:
		return m, m.onStepEvent(msg)
	case reportSavedMsg:
		if msg.gen == m.resultsGen {
			m.summary.saving = false
			m.summary.savedPath, m.summary.saveErr = msg.path, msg.err
		}
		return m, nil
	case forceQuitMsg:
		return m, tea.Quit
	case tea.KeyMsg:
		return m, m.onKey(msg)
	}
	return m, nil
}

func (m *Model) onStepEvent(msg stepEventMsg) tea.Cmd {
	if msg.index < 0 || msg.index >= len(m.stepsV) {
		return nil
	}
	s := m.stepsV[msg.index]
	if msg.gen != s.gen {
		return nil // a late event of an abandoned run
	}
	if msg.closed {
		s.active = false
		if s.state == running { // the step returned without saying Finished
			s.state = cancelled
		}
		if m.quitting && !m.anyActive() {
			return tea.Quit
		}
		return nil
	}
	s.handle(msg.event)
	var resume tea.Cmd
	if f, ok := msg.event.(steps.Finished); ok {
		if f.Err == nil {
			m.resultsGen++
		}
		resume = m.resumeOn(msg.index, f)
	}
	m.noteHost()
	if h, ok := msg.event.(steps.Handover); ok {
		// Another actwiz carries on; this one ends as if the user quit,
		// once the step has let go.
		m.handover = h.Text
		return tea.Batch(s.run.next(msg.index, msg.gen), m.quit())
	}
	if resume != nil {
		return tea.Batch(s.run.next(msg.index, msg.gen), resume)
	}
	return s.run.next(msg.index, msg.gen)
}

func (m *Model) onKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys()
	if m.confirmQuit {
		switch msg.String() {
		case "y", "Y", "ctrl+c":
			return m.quit()
		}
		m.confirmQuit = false
		return nil
	}
	if msg.String() == "ctrl+c" {
		return m.requestQuit()
	}
	if m.quitting {
		return nil
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, k.Quit):
			return m.requestQuit()
		case key.Matches(msg, k.Help), key.Matches(msg, k.Back):
			m.showHelp = false
		}
		return nil
	}
	switch {
	case m.screen == 0:
		action, cmd := m.welcome.update(msg, k)
		switch action {
		case welcomeStart:
			m.caseNo = m.welcome.caseNumber()
			return tea.Batch(cmd, m.goTo(1))
		case welcomeSwitchLang:
			m.setLang(otherLang(m.sh.lang))
		case welcomeQuit:
			return m.requestQuit()
		}
		if msg.String() == "?" && m.welcome.focus != focusCase {
			m.showHelp = true
		}
		return cmd
	case m.screen == m.summaryIndex():
		switch {
		case key.Matches(msg, k.Up):
			m.summary.scroll = max(0, m.summary.scroll-1)
		case key.Matches(msg, k.Down):
			m.summary.scroll++
		case key.Matches(msg, k.Back):
			return m.goTo(m.screen - 1)
		case key.Matches(msg, k.Rerun):
			return m.goTo(m.screen-1, true)
		case key.Matches(msg, k.Enter), key.Matches(msg, k.Quit):
			return m.requestQuit()
		case key.Matches(msg, k.Help):
			m.showHelp = true
		}
		return nil
	}
	idx := m.screen - 1
	action, cmd := m.stepsV[idx].update(msg, k)
	switch action {
	case stepNext:
		return m.goTo(m.screen + 1)
	case stepBack:
		return m.goTo(m.screen - 1)
	case stepRerun:
		return m.goTo(m.screen, true)
	case stepQuit:
		return m.requestQuit()
	case stepHelp:
		m.showHelp = true
	}
	return cmd
}

// goTo shows screen i, starting its step if it has not run (or rerun is
// asked), and saving the report when the summary opens on new results.
func (m *Model) goTo(i int, rerun ...bool) tea.Cmd {
	m.screen = max(0, min(i, m.summaryIndex()))
	m.showHelp = false
	if m.screen == m.summaryIndex() {
		m.finished = true
		return m.saveIfNew()
	}
	if m.screen == 0 {
		m.welcome.caseInput.Focus()
		m.welcome.focus = focusCase
		return nil
	}
	s := m.stepsV[m.screen-1]
	if s.active && s.state == running {
		return nil
	}
	if s.state == notStarted || len(rerun) > 0 && rerun[0] {
		if s.active { // a cancelled run still letting go: wait for it
			return nil
		}
		m.sess.Lang, m.sess.Case = m.sh.lang, m.caseNo
		m.noteHost()
		cmd := s.start(m.ctx, m.screen-1, m.sess)
		if !m.spinning {
			m.spinning = true
			return tea.Batch(cmd, m.spinner.Tick)
		}
		return cmd
	}
	return nil
}

// saveIfNew builds the report from the session and saves it in the
// background; the summary says where, or why not.
func (m *Model) saveIfNew() tea.Cmd {
	all := m.sess.All()
	if len(all) == 0 || m.savedGen == m.resultsGen && (m.summary.savedPath != "" || m.summary.saving) {
		return nil
	}
	source := report.Source{Kind: "machine"}
	if m.sess.Source.Snapshot {
		source = report.Source{Kind: "snapshot", File: m.sess.Source.File}
	}
	now := m.opts.Now()
	rep, err := report.Build(report.Input{Results: all, Facts: m.sess.Facts, Lang: m.sh.lang,
		Version: m.opts.Version, Source: source, Case: m.caseNo, Now: now})
	m.summary.code, m.summary.savedPath, m.summary.saveErr = rep.Code, "", err
	m.savedGen = m.resultsGen
	if err != nil {
		return nil
	}
	m.summary.saving = true
	gen, dir := m.resultsGen, m.opts.ReportDir
	return func() tea.Msg {
		path, err := report.Save(dir, rep)
		return reportSavedMsg{gen: gen, path: path, err: err}
	}
}

func (m *Model) requestQuit() tea.Cmd {
	if m.anyRunning() {
		m.confirmQuit = true
		return nil
	}
	return m.quit()
}

// quit cancels every run and ends the program once they have returned, or
// after a grace period: a probe stuck in a driver cannot be waited for.
func (m *Model) quit() tea.Cmd {
	m.confirmQuit = false
	m.quitting = true
	for _, s := range m.stepsV {
		if s.run != nil {
			s.run.cancel()
		}
	}
	if !m.anyActive() {
		return tea.Quit
	}
	return tea.Tick(3*time.Second, func(time.Time) tea.Msg { return forceQuitMsg{} })
}

func (m *Model) setLang(l i18n.Lang) {
	m.sh.lang = l
	m.sh.keys = newKeyMap(l, m.sh.plainGlyphs())
}

func otherLang(l i18n.Lang) i18n.Lang {
	if l == i18n.ZH {
		return i18n.EN
	}
	return i18n.ZH
}

// HandedOver is what to say when a step handed the work to another
// actwiz; empty otherwise.
func (m *Model) HandedOver() i18n.Text { return m.handover }

// Finished reports whether the user reached the summary.
func (m *Model) Finished() bool { return m.finished }

// Results is every result of the session.
func (m *Model) Results() []checks.Result { return m.sess.All() }

// keys returns the key map with only the keys of the current screen on.
func (m *Model) keys() keyMap {
	k := m.sh.keys // a copy: enabling keys here leaves the shared map alone
	switch {
	case m.confirmQuit:
		k.only(&k.Yes, &k.No)
	case m.showHelp:
		k.only(&k.Help, &k.Back, &k.Quit)
	case m.screen == 0:
		m.welcome.enabledKeys(&k)
	case m.screen == m.summaryIndex():
		k.only(&k.Up, &k.Down, &k.Back, &k.Rerun, &k.Help, &k.Quit)
		k.Enter.SetEnabled(true)
		k.Enter.SetHelp("enter", helpQuit.In(m.sh.lang))
	default:
		m.stepsV[m.screen-1].enabledKeys(&k)
	}
	return k
}

// hostName is the machine's name once a step has read it. The session is
// the running step's until it finishes, so while one runs the name last
// read is shown: the header does not flicker as steps come and go.
func (m *Model) hostName() string {
	m.noteHost()
	return m.host
}

// noteHost copies the host name from the session while no step holds it.
func (m *Model) noteHost() {
	if !m.anyRunning() {
		m.host = m.sess.Facts.Host.Name
	}
}
