package cli

import (
	"context"
	"io"

	"github.com/spf13/pflag"

	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/probe"
)

type snapshotCmd struct{ output string }

func (*snapshotCmd) Name() string { return "snapshot" }
func (*snapshotCmd) Summary() i18n.Text {
	return i18n.T("记录这台电脑的硬件信息，供别处检查", "Record this machine's facts so they can be checked anywhere")
}
func (*snapshotCmd) Usage() string { return "snapshot" }

func (c *snapshotCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVarP(&c.output, "output", "o", "", "write to FILE instead of standard output")
	metavar(fs, "output", "FILE")
}

var msgSnapshotSaved = i18n.T("快照已保存到 %s。", "Snapshot saved to %s.")

func (c *snapshotCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if err := noArgs(c.Name(), args); err != nil {
		return 0, err
	}
	var out output
	if c.output != "" {
		var err error
		if out, err = resolveOutput(app, c.output, "snapshot.json"); err != nil {
			return 0, err
		}
	}
	snap := probe.Take(ctx, app.Machine(), app.Config.Probe.Timeout, app.Now)
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	data, err := facts.Marshal(snap)
	if err != nil {
		return 0, err
	}
	if c.output == "" {
		return ExitOK, writeJSON(app, data)
	}
	if err := out.write(func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return 0, err
	}
	fmtLine(app.Stderr, msgSnapshotSaved.F(machinetext.Escape(c.output)).In(app.Lang))
	return ExitOK, nil
}
