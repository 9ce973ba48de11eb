// Package cli is actwiz's command line: it parses flags, loads the
// configuration, and runs one command. Commands are listed in commands.go;
// each lives in its own file.
//
// It is the top: it may import every package; only main imports it.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/spf13/pflag"

	"actwiz/checks"
	"actwiz/config"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/probe"
)

// Version is stamped at build time with -ldflags "-X actwiz/cli.Version=…".
var Version = ""

// Env is the outside world a command touches, so tests can supply their own.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// Machine returns the reader for this machine's facts.
	Machine func() probe.Reader
	// ConfigDirs are searched for a config file when --config is not given.
	ConfigDirs []string
	// ConsoleCodePage is the Windows console's output code page, 0 elsewhere.
	ConsoleCodePage uint32
}

// OSEnv is the real process environment.
func OSEnv() Env {
	return Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Getenv: os.Getenv, Now: time.Now, Machine: probe.Native,
		ConfigDirs: config.DefaultDirs(), ConsoleCodePage: consoleCodePage(),
	}
}

// App is what a command runs with: the environment, the settings and the
// choices made from them.
type App struct {
	Env
	Config     config.Config
	ConfigFile string
	// Loaded is the whole load: the paths searched and each key's source.
	Loaded config.Loaded
	Lang   i18n.Lang
	Glyphs display.Set
	Rules  checks.Rules
}

// Exit statuses shared by every command that judges checks (spec §5).
const (
	ExitOK      = 0
	ExitFail    = 1
	ExitUsage   = 2
	ExitUnknown = 3
	// ExitRuntime: the command could not finish for a reason that is not
	// the user's input (a network or disk failure, a broken system).
	ExitRuntime = 4
)

// usageError is a problem with what the user typed: exit status 2.
type usageError struct{ text i18n.Text }

func (e usageError) Error() string { return e.text.EN }

func usagef(t i18n.Text, args ...any) error { return usageError{t.F(args...)} }

// globalFlags are accepted by every command.
type globalFlags struct {
	configFile string
	lang       string
	theme      string
	help       bool
}

func (g *globalFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&g.configFile, "config", "", "config file")
	metavar(fs, "config", "FILE")
	fs.StringVar(&g.lang, "lang", "", "zh or en")
	metavar(fs, "lang", "zh|en")
	fs.StringVar(&g.theme, "theme", "", "auto, unicode or plain")
	metavar(fs, "theme", "auto|unicode|plain")
	fs.BoolVarP(&g.help, "help", "h", false, "show help")
}

// Run executes the command line args (without the program name) and returns
// the exit status. The command tree is cobra's (root.go); Run picks the
// command itself first, so a global flag's value is never taken for a
// command name and no command means the wizard.
func Run(ctx context.Context, args []string, env Env) int {
	// A run ended by a signal exits as the shell reports it (128 + signal).
	return signalStatus(ctx, runCobra(ctx, args, env))
}

func newApp(ctx context.Context, g globalFlags, fs *pflag.FlagSet, env Env) (*App, error) {
	flags := map[string]string{}
	if fs.Changed("lang") {
		flags["lang"] = g.lang
	}
	if fs.Changed("theme") {
		flags["ui.theme"] = g.theme
	}
	loaded, err := config.LoadContext(ctx, config.Options{
		File: g.configFile, Dirs: env.ConfigDirs, Flags: flags,
		FlagNames: map[string]string{"lang": "--lang", "ui.theme": "--theme"},
		Getenv:    env.Getenv,
	})
	if err != nil {
		return nil, err
	}
	cfg := loaded.Config
	app := &App{Env: env, Config: cfg, ConfigFile: loaded.File, Loaded: loaded}
	app.Lang = chooseLang(cfg.Lang)
	app.Glyphs = display.Choose(cfg.UI.Theme, display.Env{Getenv: env.Getenv, Windows: runtime.GOOS == "windows", ConsoleCodePage: env.ConsoleCodePage})
	app.Rules = checks.Rules{Placeholders: checks.NewPlaceholders(cfg.Checks.Placeholders)}
	return app, nil
}

func chooseLang(configured string) i18n.Lang {
	if l, ok := i18n.Parse(configured); ok {
		return l
	}
	if l, ok := i18n.FromOS(); ok {
		return l
	}
	return i18n.ZH
}

// preliminaryLang picks the language for errors raised before the
// configuration is loaded: --lang if given and valid, else the OS's.
func preliminaryLang(args []string, env Env) i18n.Lang {
	for i, a := range args {
		v := ""
		switch {
		case a == "--lang" && i+1 < len(args):
			v = args[i+1]
		case len(a) > 7 && a[:7] == "--lang=":
			v = a[7:]
		}
		if l, ok := i18n.Parse(v); ok {
			return l
		}
	}
	if l, ok := i18n.Parse(env.Getenv("ACTWIZ_LANG")); ok {
		return l
	}
	return chooseLang("")
}

func reportError(env Env, lang i18n.Lang, err error) int {
	var cerr *config.Error
	var uerr usageError
	var ierr inputError
	msg, code := msgFailed.F(err.Error()).In(lang), ExitRuntime
	switch {
	case errors.As(err, &cerr):
		msg, code = cerr.Text.In(lang), ExitUsage
	case errors.As(err, &uerr):
		msg, code = uerr.text.In(lang), ExitUsage
	case errors.As(err, &ierr):
		msg, code = ierr.text.In(lang), ExitUsage
	case errors.Is(err, context.Canceled):
		msg, code = msgCancelled.In(lang), exitInterrupted
	}
	// Messages name paths, values and OS errors that came from the machine
	// or the command line; every one is printed here, so it is escaped here.
	fmt.Fprintln(env.Stderr, machinetext.EscapeLines(msg))
	return code
}

// inputError is a bad input file: exit status 2, message in both languages.
type inputError struct{ text i18n.Text }

func (e inputError) Error() string { return e.text.EN }

func version() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
