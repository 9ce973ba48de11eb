package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/rivo/uniseg"
	"github.com/spf13/pflag"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/report/supportcode"
)

// maxCodeEcho bounds how much of the typed code a message repeats.
const maxCodeEcho = 40

type decodeCmd struct{ format string }

func (*decodeCmd) Name() string { return "decode" }
func (*decodeCmd) Summary() i18n.Text {
	return i18n.T("把用户读出的支持代码还原成每一项的结果", "Turn a support code read out by a user back into each check's status")
}
func (*decodeCmd) Usage() string { return "decode CODE" }
func (c *decodeCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.format, "format", "text", "text or json")
	metavar(fs, "format", "text|json")
}

var (
	msgDecodeNeedsCode = i18n.T("请给出支持代码，例如：actwiz decode 010 466 554", "Give the support code, for example: actwiz decode 010 466 554")
	msgCodeMistyped    = i18n.T("支持代码 %s 有误（%s）。请让用户再读一遍。", "The support code %s is mistyped (%s). Ask the user to read it again.")
	msgCodeNewer       = i18n.T("支持代码 %s 来自更新版本的 actwiz（目录版本 %d）。请用最新版本解码。", "The support code %s comes from a newer actwiz (catalogue version %d). Decode it with the latest version.")
	msgDecodedHeader   = i18n.T("支持代码 %s（目录版本 %d）：", "Support code %s (catalogue version %d):")
	msgNotRunWord      = i18n.T("未运行", "NOT RUN")
)

func (c *decodeCmd) Run(_ context.Context, app *App, args []string) (int, error) {
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return 0, err
	}
	if len(args) == 0 {
		return 0, usagef(msgDecodeNeedsCode)
	}
	// A code read aloud is often typed with spaces: "010 466 554".
	input := strings.Join(args, " ")
	// The input is repeated in messages: escaped, and cut short (a
	// code is about 20 digits; a pasted log is not).
	echo := machinetext.Escape(machinetext.Clip(input, maxCodeEcho))
	entries, version, err := supportcode.Decode(input)
	switch {
	case errors.Is(err, supportcode.ErrVersion):
		return 0, inputError{msgCodeNewer.F(echo, version)}
	case err != nil:
		why := strings.TrimPrefix(err.Error(), supportcode.ErrMistyped.Error()+": ")
		return 0, inputError{msgCodeMistyped.F(echo, i18n.T("有数字听错、前后颠倒、多读或少读，或混进了字母", machinetext.Escape(machinetext.Clip(why, 2*maxCodeEcho))))}
	}
	// Grouped from its digits alone: "011-814-407" is 011 814 407.
	code, _ := supportcode.Digits(input)
	if c.format == "json" {
		return writeDecodeJSON(app, code, version, entries)
	}
	fmtLine(app.Stdout, msgDecodedHeader.F(supportcode.Format(code), version).In(app.Lang))
	width := 0
	for _, e := range entries {
		width = max(width, uniseg.StringWidth(statusWord(e.Status).In(app.Lang)))
	}
	var results []checks.Result
	for _, e := range entries {
		title := e.ID
		if def, ok := checks.Lookup(e.ID); ok {
			title = def.Title.In(app.Lang)
		}
		word := statusWord(e.Status).In(app.Lang)
		symbol := app.Glyphs.For(e.Status)
		if e.Status == supportcode.NotRun {
			symbol = " "
		}
		fmtLine(app.Stdout, fmt.Sprintf(" %s %s  %-13s %s", symbol, pad(word, width), e.ID, title))
		if e.Status != supportcode.NotRun {
			results = append(results, checks.Result{ID: e.ID, Status: e.Status})
		}
	}
	return checks.ExitCode(results), nil
}

func statusWord(s checks.Status) i18n.Text {
	if s == supportcode.NotRun {
		return msgNotRunWord
	}
	return s.Word()
}

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-uniseg.StringWidth(s)))
}
