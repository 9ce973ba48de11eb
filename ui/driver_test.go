package ui

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/probe"
	"actwiz/internal/winetest"
	"actwiz/steps"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	AgreeOnWidths()
	os.Exit(winetest.Main(m))
}

// fixedNow is the clock of every screen test, so file names and times in
// golden files do not change.
var fixedNow = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// shownReportDir replaces the test's temporary report folder on screen, so
// golden files do not depend on it; the report is still really written.
const shownReportDir = "/home/user/Desktop"

// driver runs the wizard's model synchronously: it calls Update, keeps the
// commands it returns, and runs them one at a time when asked, so a test
// decides exactly when a step's next event arrives.
type driver struct {
	t           *testing.T
	m           *Model
	msgs        chan tea.Msg
	outstanding int
	dir         string
	quit        bool
}

type setup struct {
	lang     i18n.Lang
	glyphs   display.Set
	w, h     int
	snapshot string // file under testdata/snapshots, or ""
	reader   probe.Reader
	timeout  time.Duration
	extra    []steps.Step
	caseNo   string
}

func loadSnapshot(t *testing.T, name string) facts.Snapshot {
	t.Helper()
	s, err := facts.Load(filepath.Join("testdata", "snapshots", name))
	if err != nil {
		t.Fatalf("loading sample snapshot: %v", err)
	}
	return s
}

func newDriver(t *testing.T, s setup) *driver {
	t.Helper()
	if s.glyphs.Name == "" {
		s.glyphs = display.Unicode
	}
	if s.w == 0 {
		s.w, s.h = 80, 24
	}
	if s.timeout == 0 {
		s.timeout = 5 * time.Second
	}
	sess := &steps.Session{Case: s.caseNo, Lang: s.lang, Started: fixedNow}
	reader := s.reader
	if s.snapshot != "" {
		file := filepath.Join("testdata", "snapshots", s.snapshot)
		reader = probe.FromSnapshot(loadSnapshot(t, s.snapshot))
		sess.Source = steps.Source{Snapshot: true, File: filepath.ToSlash(file)}
	}
	list := []steps.Step{&steps.Hardware{Reader: reader, Timeout: s.timeout, Rules: checks.DefaultRules(), Now: func() time.Time { return fixedNow }}}
	list = append(list, s.extra...)
	d := &driver{t: t, dir: t.TempDir(), msgs: make(chan tea.Msg, 64)}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	d.m = New(ctx, Options{Steps: list, Session: sess, Lang: s.lang, Glyphs: s.glyphs,
		ReportDir: d.dir, Version: "test", Now: func() time.Time { return fixedNow }})
	d.send(tea.WindowSizeMsg{Width: s.w, Height: s.h})
	return d
}

// send delivers msg and queues the command Update returns.
func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	if saved, ok := msg.(reportSavedMsg); ok && saved.path != "" {
		saved.path = filepath.ToSlash(strings.Replace(saved.path, d.dir, shownReportDir, 1))
		msg = saved
	}
	_, cmd := d.m.Update(msg)
	d.launch(cmd)
}

// launch runs cmd in the background, as Bubble Tea does.
func (d *driver) launch(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	d.outstanding++
	go func() { d.msgs <- cmd() }()
}

func (d *driver) key(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// runOne waits for the next message of a running command (a step's "next
// event" returns when the event comes) and delivers it. Spinner ticks are
// dropped, so the spinner's frame stays put in golden files.
func (d *driver) runOne() bool {
	d.t.Helper()
	if d.outstanding == 0 {
		return false
	}
	var msg tea.Msg
	select {
	case msg = <-d.msgs:
		d.outstanding--
	case <-time.After(10 * time.Second):
		d.t.Fatalf("no command returned within 10s: the view would wait on it forever")
	}
	switch msg := msg.(type) {
	case nil, spinner.TickMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			d.launch(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		d.send(msg)
	}
	return true
}

// drain runs commands until none is left.
func (d *driver) drain() {
	d.t.Helper()
	for d.runOne() {
	}
}

// until runs commands until ok holds.
func (d *driver) until(ok func() bool) {
	d.t.Helper()
	for !ok() {
		if !d.runOne() {
			d.t.Fatalf("no command left and the condition does not hold; screen:\n%s", d.m.View())
		}
	}
}

func (d *driver) view() string { return d.m.View() }

// hardware is the hardware step's screen model.
func (d *driver) hardware() *stepModel { return d.m.stepsV[0] }

func (d *driver) resultsIn() int { return len(d.hardware().results()) }
