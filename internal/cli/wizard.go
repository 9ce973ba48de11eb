package cli

import (
	"context"
	"runtime"
	"strings"

	"github.com/spf13/pflag"

	"actwiz/internal/facts"
	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/upload"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/elevation"
	"actwiz/internal/probe"
	"actwiz/steps"
	"actwiz/ui"
)

type wizardCmd struct {
	snapshot string
	plain    bool
	caseNo   string
	// resume is the step an actwiz restarted as administrator carries on
	// at; only the restart passes it, so it is hidden from help.
	resume string
}

func (*wizardCmd) Name() string { return "wizard" }
func (*wizardCmd) Summary() i18n.Text {
	return i18n.T("交互式向导：逐步检查并说明怎么处理（不带命令时运行这个）", "Interactive wizard: check step by step and say what to do (runs when no command is given)")
}
func (*wizardCmd) Usage() string { return "wizard" }

func (c *wizardCmd) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.snapshot, "snapshot", "", "run on a recorded snapshot instead of this machine")
	fs.BoolVar(&c.plain, "plain", false, "line by line, for screen readers and logs (also ACCESSIBLE=1, TERM=dumb)")
	fs.StringVar(&c.caseNo, "case", "", "support case number, such as CAS-04851-R7R3X9")
	metavar(fs, "snapshot", "FILE")
	metavar(fs, "case", "NO")
	fs.StringVar(&c.resume, "resume", "", "carry on at this step after the restart as administrator (activation, logs)")
	fs.Lookup("resume").Hidden = true
}

var msgWizardConfig = i18n.T("使用配置文件 %s。", "Using the config file %s.")

var msgBadCase = i18n.T("--case 的值 %q 有误：%s", "--case %q: %s")

var msgBadResume = i18n.T("--resume 的值 %q 不是可以接着做的步骤；可以是：%s。", "--resume %q is not a step the wizard can carry on at; use one of: %s.")

// wizardSteps is the step list. A new step is one type in package steps
// and one line here.
func wizardSteps(app *App, reader probe.Reader) []steps.Step {
	return []steps.Step{
		&steps.Hardware{Reader: reader, Timeout: app.Config.Probe.Timeout, Rules: app.Rules, Now: app.Now},
		steps.NewSerial(app.Config),
		activationStep(app),
		logsStep(app),
	}
}

// activationStep offers the elevated restart, with the same configuration,
// when the attempt needs administrator rights (only Windows has UAC).
func activationStep(app *App) *steps.Activation {
	a := steps.NewActivation(app.Config)
	a.ConfigFile = app.ConfigFile
	if runtime.GOOS == "windows" {
		a.Restart = elevation.Restart
	}
	return a
}

func (c *wizardCmd) Run(ctx context.Context, app *App, args []string) (int, error) {
	if err := noArgs(c.Name(), args); err != nil {
		return 0, err
	}
	caseNo, problem := ui.CheckCase(c.caseNo)
	if !problem.Empty() {
		return 0, usagef(msgBadCase, c.caseNo, problem)
	}
	if c.resume != "" && !steps.CanResume(c.resume) {
		return 0, usagef(msgBadResume, machinetext.Escape(c.resume), strings.Join(steps.ResumeSteps, ", "))
	}
	sess := &steps.Session{Case: caseNo, Lang: app.Lang, Started: app.Now()}
	var reader probe.Reader
	osFamily := runtime.GOOS
	if c.snapshot != "" {
		snap, err := facts.LoadContext(ctx, c.snapshot)
		if ierr, ok := err.(*facts.InputError); ok {
			return 0, inputError{ierr.Text()}
		} else if err != nil {
			return 0, err
		}
		reader = probe.FromSnapshot(snap)
		osFamily = snap.Host.OSFamily
		sess.Source = steps.Source{Snapshot: true, File: c.snapshot}
	} else {
		reader = app.Machine()
	}
	dir, err := files.OrDesktop(app.Config.Report.Dir)
	if err != nil {
		return 0, err
	}
	opts := ui.Options{
		Steps: steps.Resume(wizardSteps(app, reader), c.resume), Resume: c.resume, Session: sess, Lang: app.Lang, Glyphs: app.Glyphs,
		ReportDir: dir, Version: version(), Now: app.Now, OSFamily: osFamily, UploadURL: app.Config.Upload.URL,
	}
	// A config file can set the commands actwiz runs and where logs go,
	// so the header names the one in use.
	if app.ConfigFile != "" {
		opts.Notice = msgWizardConfig.F(machinetext.Escape(app.ConfigFile))
	}
	plain, why := ui.PlainReason(ui.ModeEnv{Plain: c.plain, Getenv: app.Getenv, Stdin: app.Stdin, Stdout: app.Stdout, Windows: runtime.GOOS == "windows"})
	if plain {
		if why != "" {
			opts.Notice = i18n.Join([]i18n.Text{ui.MinttyNotice, opts.Notice}, "", " ")
		}
		return ui.RunPlain(ctx, opts, app.Stdin, app.Stdout)
	}
	return ui.Run(ctx, opts, app.Getenv)
}

// logsStep is the log packaging step as the wizard runs it: it asks which
// categories, and at the end offers to show the package and upload it.
func logsStep(app *App) *steps.Logs {
	cfg := app.Config
	l := &steps.Logs{
		Builtin: cfg.Logs.Builtin, Extra: cfg.Logs.Collectors, Prefix: cfg.Logs.Prefix,
		Ask: true, Version: version(), Glyphs: app.Glyphs, Now: app.Now,
		OpenFolder: collect.Reveal, Getenv: app.Getenv,
		Upload: upload.Options{URL: cfg.Upload.URL, Method: cfg.Upload.Method, User: cfg.Upload.User, Timeout: cfg.Upload.Timeout},
	}
	// Only Windows has a UAC prompt to restart through; elsewhere the
	// items that need rights say to use sudo, and nothing is offered.
	// The restarted actwiz judges with the same configuration file.
	if runtime.GOOS == "windows" {
		l.Restart = withConfig(elevation.Restart, app.ConfigFile)
	}
	return l
}

// withConfig makes restart pass the configuration file in use on: the logs
// step does not know it, and the elevated actwiz must collect what this
// one's configuration says.
func withConfig(restart func(elevation.Options) error, file string) func(elevation.Options) error {
	return func(o elevation.Options) error {
		if o.Config == "" {
			o.Config = file
		}
		return restart(o)
	}
}
