package cli

import (
	"context"
	"time"

	"github.com/spf13/pflag"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/report"
	"actwiz/internal/serial"
)

type serialCmd struct {
	serial string
	format string
}

func (*serialCmd) Name() string { return "serial" }
func (*serialCmd) Summary() i18n.Text {
	return i18n.T("检查序列号格式，并与这台电脑上次激活用的序列号对比", "Check a serial's format and compare it with the one this PC was last activated with")
}
func (*serialCmd) Usage() string { return "serial" }

func (c *serialCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.serial, "serial", "", "the serial to use (else typed at a prompt without echo, or read from standard input)")
	fs.StringVar(&c.format, "format", "text", "text or json")
	metavar(fs, "format", "text|json")
	metavar(fs, "serial", "SERIAL")
}

var (
	msgSerialPrompt = i18n.T("请输入序列号（输入时不显示）：", "Type the serial (it is not shown): ")
	msgSerialTitle  = i18n.T("actwiz 序列号检查", "actwiz serial check")
	msgNoSerial     = i18n.T("没有给出序列号。用 --serial 给出，或者在提示时输入。", "No serial was given. Give it with --serial or type it at the prompt.")
)

// lastSerialTimeout bounds reading the last serial (a registry value, a
// file, or WMI, which has no timeout of its own).
const lastSerialTimeout = 10 * time.Second

func (c *serialCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if err := noSerialArgs(c.Name(), args); err != nil {
		return 0, err
	}
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return 0, err
	}
	input, err := currentSerial(ctx, app, c.serial)
	if err != nil {
		return 0, err
	}
	results, _ := judgeSerial(ctx, app, input)
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := writeResults(app, results, msgSerialTitle, c.format); err != nil {
		return 0, err
	}
	return checks.ExitCode(results), nil
}

var msgSerialAsArg = i18n.T("actwiz %s 不接受参数。序列号请用 --serial 给出，或者在提示时输入。", "actwiz %s takes no arguments. Give the serial with --serial, or type it at the prompt.")

// noSerialArgs refuses positional arguments without repeating them: the
// one most likely there is a serial, which must not reach the screen.
func noSerialArgs(name string, args []string) error {
	if len(args) > 0 {
		return usagef(msgSerialAsArg, name)
	}
	return nil
}

// maskIfSerial hides a word that has the shape of a serial of any
// profile, for messages that repeat what was typed.
func maskIfSerial(word string) string {
	for _, p := range serial.Profiles {
		if p.CheckFormat(word).OK {
			return p.Mask(word)
		}
	}
	return word
}

// currentSerial is --serial, or else a line typed or piped in.
func currentSerial(ctx context.Context, app *App, flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	s, err := readSecret(ctx, app.Stdin, app.Stderr, msgSerialPrompt.In(app.Lang))
	if err != nil {
		return "", err
	}
	if serial.Normalise(s) == "" {
		return "", usagef(msgNoSerial)
	}
	return s, nil
}

// judgeSerial runs serial.format and serial.match on input, returning the
// results and whether the serial is well formed.
func judgeSerial(ctx context.Context, app *App, input string) ([]checks.Result, bool) {
	profile, _ := serial.ByName(app.Config.Serial.Profile)
	format := profile.JudgeFormat(input, true)
	ok := format.Status == checks.Pass
	var last serial.Last
	if ok {
		sources := app.Config.Serial.LastSources
		if len(sources) == 0 {
			sources = serial.DefaultSources(profile.Name)
		}
		ctx, cancel := context.WithTimeout(ctx, lastSerialTimeout)
		last = serial.ReadLast(ctx, sources, serial.NativeReaders())
		cancel()
	}
	return []checks.Result{format, profile.JudgeMatch(input, ok, last)}, ok
}

// writeResults prints results that judge no hardware facts, as a report
// without a facts section.
func writeResults(app *App, results []checks.Result, title i18n.Text, format string) error {
	return writeResultsWith(app, results, title, format, facts.New())
}

func writeResultsWith(app *App, results []checks.Result, title i18n.Text, format string, snap facts.Snapshot) error {
	rep, err := report.Build(report.Input{
		Results: results, Facts: snap, Lang: app.Lang, Version: version(),
		Source: report.Source{Kind: "machine"}, Now: app.Now(),
	})
	if err != nil {
		return err
	}
	rep.Title = title
	if snap.BIOS == nil && snap.Baseboard == nil && snap.Disks == nil && snap.NICs == nil {
		rep.Facts = nil
	}
	return writeReport(app, rep, format)
}
