package cli

import (
	"bytes"
	"context"
	"os"
	"runtime"

	"github.com/spf13/pflag"

	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/inbox"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/machinetext"
	"actwiz/internal/report"
	"actwiz/ui"
)

type openCmd struct {
	format string
	fs     *pflag.FlagSet
}

func (*openCmd) Name() string { return "open" }
func (*openCmd) Summary() i18n.Text {
	return i18n.T("打开用户发来的日志包（先检查完整性），或列出一个文件夹里的所有日志包", "Open a log package a user sent (integrity first), or list every package in a folder")
}
func (*openCmd) Usage() string { return "open PACKAGE.zip|FOLDER" }

func (c *openCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.format, "format", "text", "text or json; csv for a folder")
	metavar(fs, "format", "text|json|csv")
	c.fs = fs
}

// screen says whether to show the terminal view: in a terminal, when no
// format was asked for, as the wizard decides (never for screen readers,
// TERM=dumb or mintty).
func (c *openCmd) screen(app *App) bool {
	if c.fs != nil && c.fs.Changed("format") {
		return false
	}
	plain, _ := ui.PlainReason(ui.ModeEnv{Getenv: app.Getenv, Stdin: app.Stdin, Stdout: app.Stdout, Windows: runtime.GOOS == "windows"})
	return !plain
}

var (
	msgOpenNeedsPath = i18n.T("请给出一个日志包或文件夹，例如：actwiz open CMGE_Log_PC-0142_20261126-093000.zip", "Give a log package or a folder, for example: actwiz open CMGE_Log_PC-0142_20261126-093000.zip")
	msgOpenOnePath   = i18n.T("一次只能打开一个日志包或文件夹，而这里给了 %d 个。", "Open one package or folder at a time; %d were given.")
)

// Run exits 0 when the package is intact and nothing fails, 1 when a check
// fails (judged again today) or a finding says activation will fail, 2 when
// the package is unreadable, damaged or not a package.
func (c *openCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	switch len(args) {
	case 0:
		return 0, usagef(msgOpenNeedsPath)
	case 1:
	default:
		return 0, usagef(msgOpenOnePath, len(args))
	}
	if info, err := os.Stat(args[0]); err == nil && info.IsDir() {
		return c.folder(ctx, app, args[0])
	}
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return 0, err
	}
	o, err := inbox.Open(ctx, args[0], app.inboxOptions())
	if text, ok := parcel.ErrorText(err); ok {
		return 0, inputError{escapedText(text)}
	}
	if err != nil {
		return 0, err
	}
	if c.screen(app) {
		err := ui.RunInbox(ctx, ui.InboxOptions{
			Package: args[0], Lang: app.Lang, Glyphs: app.Glyphs,
			Open: func(context.Context, string) (*inbox.Opened, error) { return o, nil },
		}, app.Getenv)
		if err != nil {
			return 0, err
		}
		return o.ExitCode(), nil
	}
	if c.format == "json" {
		data, err := o.JSON(app.Lang)
		if err != nil {
			return 0, err
		}
		if err := writeJSON(app, data); err != nil {
			return 0, err
		}
		return o.ExitCode(), nil
	}
	if !o.Integrity.OK {
		// Refused: the problems go to standard error, nothing to standard
		// output, so no part of the package passes for its content.
		return ExitUsage, inbox.WriteDamaged(app.Stderr, o.Path, o.Integrity, app.Lang)
	}
	if err := o.WriteText(app.Stdout, app.Lang, app.Glyphs); err != nil {
		return 0, err
	}
	return o.ExitCode(), nil
}

func (app *App) inboxOptions() inbox.Options {
	return inbox.Options{Rules: app.Rules, Findings: inbox.BuiltinRules().WithMessages(app.Config.Activation.Messages)}
}

// escapedText is a message with a path from outside, made safe to print.
func escapedText(t i18n.Text) i18n.Text {
	return i18n.T(machinetext.Escape(t.ZH), machinetext.Escape(t.EN))
}

var msgInboxUnreadable = i18n.T("无法读取文件夹 %s：%v。", "Cannot read the folder %s: %v.")

// folder lists the packages in dir: exit 0 when none fails, 1 when one
// fails or is damaged, 2 when the folder cannot be read.
func (c *openCmd) folder(ctx context.Context, app *App, dir string) (int, error) {
	if err := checkFormat(c.format, "text", "json", "csv"); err != nil {
		return 0, err
	}
	items, err := inbox.List(ctx, dir, app.Rules)
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, inputError{escapedText(msgInboxUnreadable.F(dir, err))}
	}
	if c.screen(app) {
		opts := app.inboxOptions()
		err := ui.RunInbox(ctx, ui.InboxOptions{
			Dir: dir, Items: items, Lang: app.Lang, Glyphs: app.Glyphs,
			Open: func(ctx context.Context, path string) (*inbox.Opened, error) { return inbox.Open(ctx, path, opts) },
		}, app.Getenv)
		if err != nil {
			return 0, err
		}
		return inbox.ListExitCode(items), nil
	}
	var buf bytes.Buffer
	switch c.format {
	case "json":
		data, err := inbox.ListJSON(dir, items, app.Lang)
		if err != nil {
			return 0, err
		}
		buf.Write(data)
	case "csv":
		err = inbox.WriteListCSV(&buf, items, app.Lang)
	default:
		err = inbox.WriteListText(&buf, dir, items, app.Lang, app.Glyphs)
	}
	if err != nil {
		return 0, err
	}
	if c.format == "json" {
		err = writeJSON(app, buf.Bytes())
	} else {
		_, err = app.Stdout.Write(buf.Bytes())
	}
	if err != nil {
		return 0, err
	}
	return inbox.ListExitCode(items), nil
}

var msgPackageNoFacts = i18n.T("日志包 %s 里没有可用的硬件信息快照（actwiz-facts.json），也没有带快照的报告。", "The log package %s holds no usable facts snapshot (actwiz-facts.json) and no report carrying one.")

var msgPackageDamaged = i18n.T("%s 已损坏或被改动，不能使用：%s。", "%s is damaged or was changed and cannot be used: %s.")

// packageFacts reads the facts inside a log package for --snapshot, after
// checking the whole package: facts from a damaged package are not facts.
func packageFacts(path string) (facts.Snapshot, report.Source, error) {
	fail := func(t i18n.Text) (facts.Snapshot, report.Source, error) {
		return facts.Snapshot{}, report.Source{}, inputError{escapedText(t)}
	}
	o, err := inbox.Open(context.Background(), path, inbox.Options{Findings: inbox.Rules{}})
	if text, ok := parcel.ErrorText(err); ok {
		return fail(text)
	}
	if err != nil {
		return facts.Snapshot{}, report.Source{}, err
	}
	if !o.Integrity.OK {
		var parts []i18n.Text
		for _, p := range o.Integrity.Problems {
			parts = append(parts, i18n.T("%s（%s）", "%s (%s)").F(machinetext.Escape(p.Entry), p.What))
		}
		return fail(msgPackageDamaged.F(path, i18n.Join(parts, "；", "; ")))
	}
	if o.Facts == nil {
		return fail(msgPackageNoFacts.F(path))
	}
	return *o.Facts, report.Source{Kind: "snapshot", File: path}, nil
}
