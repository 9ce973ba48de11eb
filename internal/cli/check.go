package cli

import (
	"context"
	"errors"
	"os"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/probe"
	"actwiz/internal/report"
)

type checkCmd struct {
	snapshot string
	format   string
	save     saveFlag
}

func (*checkCmd) Name() string { return "check" }
func (*checkCmd) Summary() i18n.Text {
	return i18n.T("检查这台电脑（或快照）的硬件是否符合激活要求", "Check this machine's (or a snapshot's) hardware against the activation rules")
}
func (*checkCmd) Usage() string { return "check" }

func (c *checkCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.snapshot, "snapshot", "", "judge a recorded snapshot instead of this machine")
	metavar(fs, "snapshot", "FILE")
	fs.StringVar(&c.format, "format", "text", "text or json")
	metavar(fs, "format", "text|json")
	c.save.add(fs)
}

func (c *checkCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	args = c.save.takeFolder(args)
	if err := noArgs(c.Name(), args); err != nil {
		return 0, err
	}
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return 0, err
	}
	snap, source, err := gatherFacts(ctx, app, c.snapshot)
	if err != nil {
		return 0, err
	}
	results := checks.RunAll(checks.Hardware, snap, app.Rules)
	rep, err := report.Build(report.Input{
		Results: results, Facts: snap, Lang: app.Lang, Version: version(),
		Source: source, Now: app.Now(),
	})
	if err != nil {
		return 0, err
	}
	if err := writeReport(app, rep, c.format); err != nil {
		return 0, err
	}
	if err := c.save.save(app, rep); err != nil {
		return 0, err
	}
	return checks.ExitCode(results), nil
}

// gatherFacts reads the snapshot file if one is given, else this machine.
func gatherFacts(ctx context.Context, app *App, snapshotFile string) (facts.Snapshot, report.Source, error) {
	if snapshotFile != "" && parcel.IsZip(snapshotFile) {
		return packageFacts(snapshotFile)
	}
	if snapshotFile != "" {
		snap, err := facts.LoadContext(ctx, snapshotFile)
		var ierr *facts.InputError
		if errors.As(err, &ierr) {
			return facts.Snapshot{}, report.Source{}, inputError{ierr.Text()}
		}
		return snap, report.Source{Kind: "snapshot", File: snapshotFile}, err
	}
	snap := probe.Take(ctx, app.Machine(), app.Config.Probe.Timeout, app.Now)
	if err := ctx.Err(); err != nil {
		return facts.Snapshot{}, report.Source{}, err
	}
	return snap, report.Source{Kind: "machine"}, nil
}

func writeReport(app *App, rep report.Report, format string) error {
	if format == "json" {
		data, err := rep.JSON()
		if err != nil {
			return err
		}
		return writeJSON(app, data)
	}
	return report.WriteTextWidth(app.Stdout, rep, app.Lang, app.Glyphs, terminalWidth(app.Stdout))
}

// terminalWidth is the width to fold text to: a terminal's, less its last
// column (some consoles wrap on writing it), or 0 for a file or a pipe,
// where one line per item reads and greps best.
func terminalWidth(w any) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil || cols < 2 {
		return 0
	}
	return cols - 1
}

func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	list := ""
	for i, a := range allowed {
		if i > 0 {
			list += ", "
		}
		list += a
	}
	return usagef(msgBadFormat, format, list)
}
