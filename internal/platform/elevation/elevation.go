// Package elevation knows whether actwiz runs with administrator rights and
// restarts it elevated when the user agrees. actwiz runs as the user who
// starts it (its manifest asks for asInvoker): reading the hardware
// identity needs no administrator rights on Windows. A step that does need
// them (a collector reading protected logs, a repair) says so on its item
// with NeedsAdmin and offers Restart, which asks Windows' UAC prompt and
// starts a new actwiz that carries on with the same case number and
// language.
//
// It may import internal/i18n only.
package elevation

import (
	"errors"
	"os"
	"path/filepath"

	"actwiz/internal/i18n"
)

var (
	// NeedsAdmin is shown on an item that cannot run without
	// administrator rights.
	NeedsAdmin = i18n.T("这一项需要管理员权限。", "This item needs administrator rights.")
	// OfferRestart asks whether to restart elevated.
	OfferRestart = i18n.T("要以管理员身份重新启动 actwiz 吗？Windows 会弹出确认窗口；案例编号、语言和配置文件会保留，新窗口从这一步接着做。", "Restart actwiz as administrator? Windows will ask you to confirm; the case number, language and configuration file are kept, and the new window carries on at this step.")
	// Declined says what happens when the user says no at the UAC prompt.
	Declined = i18n.T("没有获得管理员权限；需要管理员权限的项目可能收集不完整。", "Administrator rights were not granted; the items that need them may be incomplete.")
)

// ErrUnsupported is returned by Restart where there is no UAC: on Linux,
// run actwiz with sudo instead.
var ErrUnsupported = errors.New("restarting elevated is only possible on Windows; run actwiz with sudo instead")

// ErrDeclined is returned by Restart when the user refused the UAC prompt.
var ErrDeclined = errors.New("the user declined the administrator prompt")

// Elevated reports whether this process has administrator rights (on
// Windows an elevated token, elsewhere root).
func Elevated() bool { return elevated() }

// Options are what the elevated actwiz must carry on with.
type Options struct {
	// Case is the support case number (--case), empty when none.
	Case string
	// Lang is the display language (--lang).
	Lang i18n.Lang
	// Config is the configuration file in use (--config), empty when none:
	// the elevated actwiz must judge with the same settings.
	Config string
	// Args are further arguments (a command name, flags), placed first.
	Args []string
	// Resume is the wizard step the elevated actwiz starts at (a step ID:
	// "activation", "logs"), empty to start at Welcome. It goes on the
	// command line as the wizard's hidden --resume flag; what the user
	// typed in this window (a serial) never does.
	Resume string
}

// Arguments is the command line of the restarted actwiz.
func Arguments(o Options) []string {
	args := append([]string{}, o.Args...)
	if o.Case != "" {
		args = append(args, "--case", o.Case)
	}
	if o.Lang != "" {
		args = append(args, "--lang", string(o.Lang))
	}
	if o.Config != "" {
		args = append(args, "--config", o.Config)
	}
	if o.Resume != "" {
		args = append(args, "--resume", o.Resume)
	}
	return args
}

// Restart starts this executable again with administrator rights through
// the UAC prompt and returns once Windows has started it; the caller then
// exits. It returns ErrDeclined when the user says no, ErrUnsupported off
// Windows.
func Restart(o Options) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	wd, err := os.Getwd()
	if err != nil {
		wd = filepath.Dir(exe)
	}
	return restart(exe, Arguments(o), wd)
}
