package cli

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"actwiz/internal/files"
	"actwiz/internal/fleet"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

type fleetCmd struct {
	format    string
	keepGoing bool
	output    string
}

func (*fleetCmd) Name() string { return "fleet" }
func (*fleetCmd) Summary() i18n.Text {
	return i18n.T("比对多台电脑的报告：找出重复的序列号和 MAC 地址、出厂占位值和不通过的检查项", "Compare many machines' reports: duplicated serials and MAC addresses, placeholder serials, failing checks")
}

// Usage stays short for the help table; "help fleet" lists every option.
func (*fleetCmd) Usage() string { return "fleet PATH…" }

func (c *fleetCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.format, "format", "text", "text, json or csv")
	metavar(fs, "format", "text|json|csv")
	fs.BoolVar(&c.keepGoing, "keep-going", false, "read on past unreadable files and list them")
	fs.StringVarP(&c.output, "output", "o", "", "write to FILE instead of standard output")
	metavar(fs, "output", "FILE")
}

var (
	msgFleetNeedsPaths = i18n.T("请给出报告文件或文件夹，例如：actwiz fleet E:\\reports", "Give report files or folders, for example: actwiz fleet E:\\reports")
	msgFleetSaved      = i18n.T("比对结果已保存到 %s。", "Fleet result saved to %s.")
)

// Run exits 0 when nothing is duplicated or failing, 1 when something is,
// and 2 when an input could not be read (after printing the findings, with
// --keep-going).
func (c *fleetCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if len(args) == 0 {
		return 0, usagef(msgFleetNeedsPaths)
	}
	if err := checkFormat(c.format, "text", "json", "csv"); err != nil {
		return 0, err
	}
	var out output
	if c.output != "" {
		inputs := make([]files.Input, len(args))
		for i, a := range args {
			inputs[i] = files.Input{Path: a, Match: fleetReads}
		}
		var err error
		if out, err = resolveOutput(app, c.output, map[string]string{"text": "fleet.txt", "json": "fleet.json", "csv": "fleet.csv"}[c.format], inputs...); err != nil {
			return 0, err
		}
	}
	res, err := fleet.Scan(ctx, args, fleet.Options{Rules: app.Rules, KeepGoing: c.keepGoing})
	if text, ok := fleet.ErrorText(err); ok {
		return 0, inputError{text}
	}
	if err != nil {
		return 0, err
	}
	// Unreadable files are named on stderr too, so they are not lost
	// when the output goes to a file or a program.
	for _, u := range res.Unreadable {
		fmtLine(app.Stderr, machinetext.Escape(u.Problem.In(app.Lang)))
	}
	write := func(w io.Writer) error {
		switch c.format {
		case "json":
			return fleet.WriteJSON(w, res)
		case "csv":
			return fleet.WriteCSV(w, res, app.Lang)
		}
		return fleet.WriteText(w, res, app.Lang)
	}
	if c.output == "" {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return 0, err
		}
		data := buf.Bytes()
		if c.format == "json" {
			return res.ExitCode(), writeJSON(app, data)
		}
		if _, err := app.Stdout.Write(data); err != nil {
			return 0, err
		}
		return res.ExitCode(), nil
	}
	if err := out.write(write); err != nil {
		return 0, err
	}
	fmtLine(app.Stderr, msgFleetSaved.F(machinetext.Escape(c.output)).In(app.Lang))
	return res.ExitCode(), nil
}

// fleetReads is the rule by which fleet.Scan picks files in a folder
// (internal/fleet/scan.go): *.json, dot files excepted. An output that
// would replace such a file would replace one of the reports compared.
func fleetReads(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".json") && !strings.HasPrefix(name, ".")
}
