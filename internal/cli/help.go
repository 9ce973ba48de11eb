package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"actwiz/internal/i18n"
)

type helpCmd struct{}

func (*helpCmd) Name() string         { return "help" }
func (*helpCmd) Summary() i18n.Text   { return i18n.T("显示帮助", "Show help") }
func (*helpCmd) Usage() string        { return "help [COMMAND]" }
func (*helpCmd) Flags(*pflag.FlagSet) {}

var (
	msgHelpIntro = i18n.T(
		"actwiz 帮助排查 Windows 激活问题：检查硬件信息是否符合激活要求，并说明每一项怎么处理。",
		"actwiz troubleshoots Windows activation: it checks the hardware identity values the activation client needs and says what to do about each.")
	msgHelpUsage    = i18n.T("用法：", "Usage:")
	msgHelpCommands = i18n.T("命令：", "Commands:")
	msgHelpGlobal   = i18n.T("所有命令都可用的参数：", "Options for every command:")
	msgHelpMore     = i18n.T("运行 actwiz help COMMAND 查看某个命令的参数；actwiz --version 显示版本。",
		"Run 'actwiz help COMMAND' for a command's options; 'actwiz --version' shows the version.")
	msgHelpExit = i18n.T(
		"退出码：0 全部通过；1 有不通过的项；3 有无法读取的项；2 命令无法运行（参数、配置或输入文件有误）；4 因输入以外的原因没能完成（例如磁盘或系统出错）。",
		"Exit status: 0 all passed; 1 a check failed; 3 a check is unknown; 2 the command could not run (bad option, config or input file); 4 it failed for a reason other than its input (a disk or system error).")
	msgHelpOptions = i18n.T("参数：", "Options:")
)

func (c *helpCmd) Run(_ context.Context, app *App, args []string) (int, error) {
	if len(args) > 0 {
		cmd, ok := lookup(args[0])
		if !ok {
			return 0, usagef(msgUnknownCommand, maskIfSerial(args[0]))
		}
		writeCommandHelp(app, cmd)
		return ExitOK, nil
	}
	w, lang := app.Stdout, app.Lang
	writeWrapped(w, msgHelpIntro.In(lang), "")
	fmtLine(w, "")
	fmtLine(w, msgHelpUsage.In(lang)+" actwiz [COMMAND] [OPTIONS]")
	fmtLine(w, "")
	fmtLine(w, msgHelpCommands.In(lang))
	const col = 14 // summary column: the longest name plus a gap
	for _, make := range commands {
		cmd := make()
		for i, l := range wrapText(cmd.Summary().In(lang), helpWidth-col) {
			name := ""
			if i == 0 {
				name = cmd.Name()
			}
			fmtLine(w, fmt.Sprintf("  %-*s%s", col-2, name, l))
		}
	}
	fmtLine(w, "")
	writeGlobals(w, lang)
	fmtLine(w, "")
	writeWrapped(w, msgHelpMore.In(lang), "")
	writeWrapped(w, msgHelpExit.In(lang), "")
	return ExitOK, nil
}

func writeCommandHelp(app *App, cmd Command) {
	w, lang := app.Stdout, app.Lang
	fmtLine(w, synopsis(cmd, msgHelpUsage.In(lang)+" "))
	writeWrapped(w, cmd.Summary().In(lang), "")
	fs := pflag.NewFlagSet(cmd.Name(), pflag.ContinueOnError)
	fs.SortFlags = false
	cmd.Flags(fs)
	if fs.HasAvailableFlags() {
		fmtLine(w, "")
		fmtLine(w, msgHelpOptions.In(lang))
		fmtLine(w, flagUsages(fs, lang))
	}
	fmtLine(w, "")
	writeGlobals(w, lang)
}

func writeGlobals(w io.Writer, lang i18n.Lang) {
	fmtLine(w, msgHelpGlobal.In(lang))
	fs := pflag.NewFlagSet("actwiz", pflag.ContinueOnError)
	fs.SortFlags = false
	var g globalFlags
	g.add(fs)
	fmtLine(w, flagUsages(fs, lang))
}

func writeWrapped(w io.Writer, s, indent string) {
	for _, l := range wrapText(s, helpWidth-len(indent)) {
		fmtLine(w, indent+l)
	}
}

func fmtLine(w io.Writer, s string) { fmt.Fprintln(w, s) }
