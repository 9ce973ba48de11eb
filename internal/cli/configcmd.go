package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"actwiz/config"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// configCmd shows the settings in force and where each came from, or
// checks a config file before it goes on a technician's stick.
type configCmd struct{ check string }

func (*configCmd) Name() string { return "config" }
func (*configCmd) Summary() i18n.Text {
	return i18n.T("显示正在使用的配置文件、每个设置项的值和来源；--check 检查一个配置文件",
		"Show the config file in use and each setting's value and source; --check a file")
}
func (*configCmd) Usage() string { return "config" }

func (c *configCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.check, "check", "", "check FILE and say whether actwiz accepts it")
	metavar(fs, "check", "FILE")
}

var (
	msgConfigInUse = i18n.T("配置文件：%s", "Config file: %s")
	msgConfigNone  = i18n.T("配置文件：无。找过这些位置：", "Config file: none. Looked for:")
	msgConfigOK    = i18n.T("配置文件 %s 没有问题：actwiz 可以使用。", "Config file %s is fine: actwiz accepts it.")
	msgSrcDefault  = i18n.T("默认值", "default")
	msgSrcFile     = i18n.T("配置文件", "config file")
	msgSrcEnv      = i18n.T("环境变量 %s", "environment variable %s")
	msgSrcFlag     = i18n.T("参数 %s", "flag %s")
)

func (c *configCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if err := noArgs(c.Name(), args); err != nil {
		return 0, err
	}
	if c.check != "" {
		// The file alone: no variables, flags or other files, so what is
		// checked is what the stick will carry.
		_, err := config.LoadContext(ctx, config.Options{File: c.check, Getenv: func(string) string { return "" }})
		if err != nil {
			return 0, err
		}
		fmtLine(app.Stdout, msgConfigOK.F(machinetext.Escape(c.check)).In(app.Lang))
		return ExitOK, nil
	}
	w, lang, loaded := app.Stdout, app.Lang, app.Loaded
	switch {
	case loaded.File != "":
		fmtLine(w, msgConfigInUse.F(machinetext.Escape(loaded.File)).In(lang))
	default:
		// One path a line: a path is never broken across lines.
		fmtLine(w, msgConfigNone.In(lang))
		for _, p := range loaded.Searched {
			fmtLine(w, "  "+machinetext.Escape(p))
		}
	}
	fmtLine(w, "")
	keys := config.Keys()
	width := 0
	for _, k := range keys {
		width = max(width, len(k))
	}
	for _, k := range keys {
		val := machinetext.Escape(showValue(app.Config.Value(k)))
		fmtLine(w, fmt.Sprintf("%-*s = %s  (%s)", width, k, val, sourceText(loaded.Sources[k]).In(lang)))
	}
	return ExitOK, nil
}

func showValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case time.Duration:
		return v.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func sourceText(s config.Source) i18n.Text {
	switch s.Kind {
	case config.FromFile:
		return msgSrcFile
	case config.FromEnv:
		return msgSrcEnv.F(s.Name)
	case config.FromFlag:
		return msgSrcFlag.F(s.Name)
	}
	return msgSrcDefault
}
