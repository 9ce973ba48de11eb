package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-isatty"
	"github.com/muesli/termenv"

	"actwiz/checks"
	"actwiz/internal/machinetext"
	"actwiz/internal/report/supportcode"
)

var timeNow = time.Now

// ModeEnv is what decides between the wizard and the plain mode.
type ModeEnv struct {
	Plain   bool // --plain
	Getenv  func(string) string
	Stdin   io.Reader
	Stdout  io.Writer
	Windows bool
}

// PlainReason says why the plain mode is used; ok is false when the
// full-screen wizard can run. Only the Git Bash case needs saying: the
// others were asked for, or have no screen to say it on.
func PlainReason(env ModeEnv) (plain bool, why string) {
	switch {
	case env.Plain:
		return true, ""
	case env.Getenv("ACCESSIBLE") != "" && env.Getenv("ACCESSIBLE") != "0":
		return true, ""
	case env.Getenv("TERM") == "dumb":
		return true, ""
	case !isTerminal(env.Stdin) || !isTerminal(env.Stdout):
		return true, ""
	case env.Windows && env.Getenv("MSYSTEM") != "" && env.Getenv("WT_SESSION") == "":
		// mintty is not a console: Bubble Tea shows a blank screen there.
		return true, "mintty"
	}
	return false, ""
}

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	return isatty.IsTerminal(file.Fd()) || isatty.IsCygwinTerminal(file.Fd())
}

// Run runs the full-screen wizard until the user quits and returns the exit
// status: that of the results once the summary was reached (spec §5), 130
// when the user left before, 0 when a step handed the work to an actwiz
// restarted as administrator.
func Run(ctx context.Context, opts Options, getenv func(string) string) (int, error) {
	AgreeOnWidths()
	if getenv("NO_COLOR") != "" {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	m := New(ctx, opts)
	// A signal (ctx done) quits as a confirmed q does: the runs are
	// cancelled and waited for, so the log step removes its partial
	// package and temporary folder and ends its commands before actwiz
	// exits. Bubble Tea's own handler would quit at once on SIGTERM, and
	// WithContext would kill the program without waiting.
	p := tea.NewProgram(stopOnSignal{m}, tea.WithAltScreen(), tea.WithoutSignalHandler())
	ended := make(chan struct{})
	defer close(ended)
	go func() {
		select {
		case <-ctx.Done():
			p.Send(signalledMsg{})
		case <-ended:
		}
	}()
	final, err := p.Run()
	if err != nil && err != tea.ErrProgramKilled {
		return 0, fmt.Errorf("running the wizard: %w", err)
	}
	var fm *Model
	if w, ok := final.(stopOnSignal); ok {
		fm = w.Model
	}
	if fm != nil && !fm.HandedOver().Empty() {
		// The alternate screen is gone: the line stays in the terminal.
		fmt.Fprintln(os.Stdout, fm.sh.t(fm.HandedOver()))
		return 0, nil
	}
	if fm == nil || !fm.Finished() {
		if ctx.Err() != nil {
			return 130, ctx.Err()
		}
		return 130, nil
	}
	// The alternate screen is gone: leave the code and the report's place
	// in the terminal, where the user can still read them.
	if fm.summary.code != "" {
		fmt.Fprintln(os.Stdout, fm.sh.t(msgPlainCode.F(supportcode.Format(fm.summary.code))))
	}
	if fm.summary.savedPath != "" {
		fmt.Fprintln(os.Stdout, fm.sh.t(msgSavedTo)+" "+machinetext.Escape(fm.summary.savedPath))
	}
	return checks.ExitCode(fm.Results()), nil
}

// signalledMsg says a signal ended the run (see Run).
type signalledMsg struct{}

// stopOnSignal is the wizard, quitting on signalledMsg without asking.
type stopOnSignal struct{ *Model }

func (w stopOnSignal) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(signalledMsg); ok {
		return w, w.quit()
	}
	_, cmd := w.Model.Update(msg)
	return w, cmd
}
