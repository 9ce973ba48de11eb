package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/spf13/pflag"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/elevation"
	"actwiz/steps"
)

type collectCmd struct {
	only   string
	output string
	oldO   string
	caseID string
	redact bool
	format string
}

func (*collectCmd) Name() string { return "collect" }
func (*collectCmd) Summary() i18n.Text {
	return i18n.T("把七类日志打包成一个 zip（默认放在桌面）", "Pack the seven kinds of logs into one zip (on the Desktop by default)")
}
func (*collectCmd) Usage() string {
	return "collect"
}

func (c *collectCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.only, "only", "", "comma-separated categories: "+strings.Join(collect.CategoryIDs(), ", "))
	metavar(fs, "only", "IDS")
	fs.StringVar(&c.output, "output", "", "folder for the package (default: the Desktop)")
	metavar(fs, "output", "DIR")
	// -o means a file in every other command; here it once meant the
	// folder, so it is kept hidden only to say so.
	fs.StringVarP(&c.oldO, "output-folder-o", "o", "", "no longer used: -o means a file; use --output DIR")
	fs.Lookup("output-folder-o").Hidden = true
	fs.StringVar(&c.caseID, "case", "", "support case id, added to the package name")
	metavar(fs, "case", "ID")
	fs.BoolVar(&c.redact, "redact", false, "replace host and user names, serials, IP and MAC addresses")
	fs.StringVar(&c.format, "format", "text", "text or json")
	metavar(fs, "format", "text|json")
}

// isElevated is elevation.Elevated; tests replace it.
var isElevated = elevation.Elevated

var (
	msgCollectAdminWin  = i18n.T("注意：%s 需要管理员权限，而 actwiz 现在不是以管理员身份运行，这些项目可能不完整。要收集完整，请在“以管理员身份运行”打开的命令提示符中再运行 actwiz collect。", "Note: %s need administrator rights and actwiz is not running as administrator, so these items may be incomplete. To collect them in full, run actwiz collect again from a Command Prompt opened with \"Run as administrator\".")
	msgCollectAdminSudo = i18n.T("注意：%s 需要 root 权限，这些项目可能不完整。要收集完整，请用 sudo 再运行：sudo actwiz collect", "Note: %s need root rights, so these items may be incomplete. To collect them in full, run it again with sudo: sudo actwiz collect")
	msgBadCategory      = i18n.T("--only 中的类别 %q 不存在；可用：%s。", "--only: there is no category %q; use %s.")
	msgCollectNoO       = i18n.T("collect 没有 -o 参数：-o 在 actwiz 中表示文件。要把日志包放到文件夹 %s，请用 --output %s。", "collect has no -o: in actwiz -o names a file. To put the package in the folder %s, use --output %s.")
	msgCollectLine      = i18n.T(" %s %s  %s  %s", " %s %s  %s  %s")
)

func (c *collectCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if err := noArgs(c.Name(), args); err != nil {
		return 0, err
	}
	if c.oldO != "" {
		return 0, usagef(msgCollectNoO, c.oldO, c.oldO)
	}
	if err := checkFormat(c.format, "text", "json"); err != nil {
		return 0, err
	}
	categories, err := parseCategories(c.only)
	if err != nil {
		return 0, err
	}
	snap, source, err := gatherFacts(ctx, app, "")
	if err != nil {
		return 0, err
	}
	session := &steps.Session{Facts: snap, Source: steps.Source{Snapshot: source.Kind == "snapshot"}, Case: c.caseID, Lang: app.Lang, Started: app.Now()}
	session.Record(steps.HardwareID, checks.RunAll(checks.Hardware, snap, app.Rules))

	step := &steps.Logs{
		Builtin: app.Config.Logs.Builtin, Extra: app.Config.Logs.Collectors, Prefix: app.Config.Logs.Prefix,
		Dir: c.output, Redact: c.redact, Categories: categories, Version: version(),
		Glyphs: app.Glyphs, Now: app.Now,
	}
	// Progress goes to standard error when standard output carries JSON.
	progress := app.Stdout
	if c.format == "json" {
		progress = app.Stderr
	}
	// Said once, before the work: the command never restarts by itself.
	if !session.Source.Snapshot && !isElevated() {
		selected := collect.Select(runtime.GOOS, step.Builtin, step.Extra, categories)
		if names := steps.AdminNames(selected, runtime.GOOS); len(names) > 0 {
			msg := msgCollectAdminSudo
			if runtime.GOOS == "windows" {
				msg = msgCollectAdminWin
			}
			fmtLine(progress, msg.F(strings.Join(names, ", ")).In(app.Lang))
		}
	}
	titles := map[string]i18n.Text{}
	for _, d := range step.Items() {
		titles[d.ID] = d.Title
	}
	step.Run(ctx, session, func(e steps.Event) {
		switch e := e.(type) {
		case steps.ItemDone:
			fmtLine(progress, collectLine(app, titles[e.Result.ID], e.Result))
		case steps.Note:
			fmtLine(progress, e.Text.In(app.Lang))
		}
	})
	if step.Err != nil {
		return writeFailed(app, step.Err)
	}
	if c.format == "json" {
		if err := writeCollectJSON(app, step.Outcome); err != nil {
			return 0, err
		}
	}
	if step.Outcome.Failed() {
		return ExitFail, nil
	}
	return ExitOK, nil
}

func parseCategories(only string) ([]string, error) {
	if strings.TrimSpace(only) == "" {
		return collect.CategoryIDs(), nil
	}
	var out []string
	for _, id := range strings.Split(only, ",") {
		id = strings.TrimSpace(id)
		if _, ok := collect.LookupCategory(id); !ok {
			return nil, usagef(msgBadCategory, id, i18n.T(strings.Join(collect.CategoryIDs(), "、"), strings.Join(collect.CategoryIDs(), ", ")))
		}
		out = append(out, id)
	}
	return out, nil
}

func collectLine(app *App, title i18n.Text, r checks.Result) string {
	name := machinetext.Escape(title.In(app.Lang))
	if title.Empty() {
		name = machinetext.Escape(strings.TrimPrefix(r.ID, steps.LogsID+"."))
	}
	detail := r.Observed
	if d := r.Detail.In(app.Lang); d != "" && detail != "" {
		detail += " · " + d
	} else if d != "" {
		detail = d
	}
	return msgCollectLine.F(app.Glyphs.For(r.Status), r.Status.Word(), name, detail).In(app.Lang)
}

// writeFailed reports a package that could not be written: exit 2, or 130
// when the user interrupted it.
func writeFailed(app *App, err error) (int, error) {
	var we *collect.WriteError
	if errors.As(err, &we) {
		fmt.Fprintln(app.Stderr, steps.EscapePath(we.Text().In(app.Lang)))
		if errors.Is(err, context.Canceled) {
			return exitInterrupted, nil
		}
		return ExitUsage, nil
	}
	return 0, err
}

func writeCollectJSON(app *App, out *collect.Outcome) error {
	doc := struct {
		Schema     string                    `json:"schema"`
		Path       string                    `json:"path"`
		SHA256     string                    `json:"sha256"`
		SumFile    string                    `json:"sha256_file"`
		MapFile    string                    `json:"redaction_map,omitempty"`
		Collectors []collect.CollectorRecord `json:"collectors"`
	}{"actwiz.collect/v1", out.Path, out.SHA256, out.SumPath, out.MapPath, out.Manifest.Collectors}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return writeJSON(app, append(data, '\n'))
}
