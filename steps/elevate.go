package steps

import (
	"context"
	"errors"
	"runtime"
	"strings"

	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/elevation"
)

// Handover says this actwiz has handed the work to another one (restarted
// with administrator rights): a view shows Text and ends cleanly, as if
// the user had quit, without asking anything more.
type Handover struct {
	Step string
	Text i18n.Text
}

func (e Handover) stepID() string { return e.Step }

var (
	msgAdminItems        = i18n.T("以下项目需要管理员权限才能收集完整：%s", "These items need administrator rights to be complete: %s")
	msgElevatedContinues = i18n.T("已经在新打开的管理员窗口中继续，从这一步接着做（案例编号、语言和配置文件不变）；这个窗口到此结束。", "The work continues in the new administrator window, at this step (same case number, language and configuration file); this window ends here.")
	msgRestartFailed     = i18n.T("无法以管理员身份重新启动：%s", "Could not restart as administrator: %s")
	hintRunAsAdmin       = i18n.T("右键单击 actwiz，选择“以管理员身份运行”，再收集一次。", "Right-click actwiz, choose \"Run as administrator\" and collect again.")
	hintSudo             = i18n.T("用 sudo 运行 actwiz（例如 sudo actwiz collect）再收集一次。", "Run actwiz with sudo (for example sudo actwiz collect) and collect again.")
)

// AdminHint says how to get administrator rights here: Windows has "Run
// as administrator", elsewhere there is sudo.
func AdminHint(goos string) i18n.Text {
	if goos == "windows" {
		return hintRunAsAdmin
	}
	return hintSudo
}

// AdminNames lists the collectors among cs that run on goos and need
// administrator rights to be complete.
func AdminNames(cs []collect.Collector, goos string) []string {
	var names []string
	for _, c := range cs {
		if c.Admin && c.AppliesTo(goos) {
			names = append(names, machinetext.Escape(c.Name))
		}
	}
	return names
}

func (l *Logs) elevated() bool {
	if l.Elevated == nil {
		return elevation.Elevated()
	}
	return l.Elevated()
}

// mayOfferRestart: only the wizard asks, only without rights, and only
// where a restart is possible (Restart is nil off Windows).
func (l *Logs) mayOfferRestart() bool {
	return l.Ask && l.Restart != nil && !l.elevated()
}

// offerRestart asks whether to restart actwiz elevated and does it,
// keeping the case number and the language. It reports whether the work
// was handed over, in which case the step must end at once.
func (l *Logs) offerRestart(ctx context.Context, s *Session, emit func(Event)) bool {
	a, err := Ask(ctx, emit, &Question{Step: LogsID, ID: "logs.elevate", Kind: Confirm, Prompt: elevation.OfferRestart, Default: "n"})
	if err != nil || a.Cancelled || a.Text != "y" {
		return false
	}
	// The new window starts at this step: the serial and the activation
	// were dealt with here (see steps.Resume).
	err = l.Restart(elevation.Options{Case: s.Case, Lang: s.Lang, Args: []string{"wizard"}, Resume: LogsID})
	switch {
	case err == nil:
		emit(Handover{Step: LogsID, Text: msgElevatedContinues})
		return true
	case errors.Is(err, elevation.ErrDeclined):
		emit(Note{Step: LogsID, Text: elevation.Declined, Keep: true})
	case errors.Is(err, elevation.ErrUnsupported):
		emit(Note{Step: LogsID, Text: hintSudo, Keep: true})
	default:
		emit(Note{Step: LogsID, Text: msgRestartFailed.F(machinetext.Escape(err.Error())), Keep: true})
	}
	return false
}

// offerBefore asks before collecting when a chosen collector needs rights.
func (l *Logs) offerBefore(ctx context.Context, s *Session, emit func(Event), cs []collect.Collector) (asked, handedOver bool) {
	if !l.mayOfferRestart() {
		return false, false
	}
	names := AdminNames(cs, runtime.GOOS)
	if len(names) == 0 {
		return false, false
	}
	emit(Note{Step: LogsID, Text: msgAdminItems.F(strings.Join(names, ", ")), Keep: true})
	return true, l.offerRestart(ctx, s, emit)
}

// offerAfter asks after collecting when an item turned out to need
// rights, unless the user has answered already.
func (l *Logs) offerAfter(ctx context.Context, s *Session, emit func(Event), asked bool, results []*collect.Result) bool {
	if asked || !l.mayOfferRestart() {
		return false
	}
	for _, r := range results {
		if r.NeedsAdmin {
			return l.offerRestart(ctx, s, emit)
		}
	}
	return false
}
