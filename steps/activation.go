package steps

import (
	"context"
	"errors"
	"os"
	"strings"

	"actwiz/checks"
	"actwiz/internal/activation"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/elevation"
	"actwiz/internal/serial"
)

// Activation runs the pre-flight checks and, with the user's consent,
// the activation attempt.
type Activation struct {
	Profile   serial.Profile
	Preflight activation.Preflight
	// Driver makes the attempt; nil is the driver none.
	Driver activation.Driver
	// NeedsSerial: the driver activates with the serial of the serial step.
	NeedsSerial bool
	// Restart starts actwiz again with administrator rights, offered when
	// the attempt needed them (as the logs step offers it); nil where that
	// cannot be done (off Windows). Elevated nil is elevation.Elevated.
	Restart  func(elevation.Options) error
	Elevated func() bool
	// ConfigFile is the configuration in use, for the restarted actwiz.
	ConfigFile string
	// Getenv reads this process's environment (nil: os.Getenv), to name
	// what the elevated actwiz will not see.
	Getenv func(string) string
}

const ActivationID = "activation"

// Question IDs of the step, for views and tests.
const (
	ForceQuestion    = "force"
	ActivateQuestion = "activate"
)

func (*Activation) ID() string { return ActivationID }
func (*Activation) Title() i18n.Text {
	return i18n.T("激活", "Activation")
}
func (*Activation) Items() []checks.Definition { return activation.Definitions }

var (
	msgAskForce     = i18n.T("硬件检查有不通过的项，激活客户端很可能不发送请求、只显示“服务器错误”。仍然尝试激活吗？", "Some hardware checks fail: the activation client will likely not send the request and only say \"server error\". Try to activate anyway?")
	msgAskActivate  = i18n.T("现在激活吗？", "Activate now?")
	msgAskWithKey   = i18n.T("现在用序列号 %s 激活吗？", "Activate now with the serial %s?")
	msgActivateWhat = i18n.T("激活会联系激活服务器，并改变这台电脑的激活状态。", "Activating contacts the activation server and changes this PC's activation state.")
	msgActivating   = i18n.T("正在激活，可能需要一两分钟…", "Activating; this can take a minute or two…")
	msgPreflight    = i18n.T("正在检查激活服务和网络…", "Checking the activation service and the network…")
	msgSnapshotSkip = i18n.T("检查的是记录的快照，不是这台电脑，跳过此项。", "Skipped: this is a recorded snapshot, not this machine.")
)

func (st *Activation) Run(ctx context.Context, s *Session, emit func(Event)) {
	for _, d := range activation.Definitions {
		emit(ItemStarted{Step: ActivationID, ID: d.ID})
	}
	done := func(r checks.Result) { emit(ItemDone{Step: ActivationID, Result: r}) }
	hardware := s.Results(HardwareID)
	gate := activation.Gate(hardware, false)
	done(gate)

	if s.Source.Snapshot {
		results := []checks.Result{gate}
		for _, d := range activation.Definitions[1:] {
			r := checks.Result{ID: d.ID, Status: checks.Skip, Detail: msgSnapshotSkip}
			if d.ID == activation.AttemptID {
				r = activation.SkipAttempt(activation.OnSnapshot)
			}
			done(r)
			results = append(results, r)
		}
		s.Record(ActivationID, results)
		emit(Finished{Step: ActivationID})
		return
	}

	emit(Note{Step: ActivationID, Text: msgPreflight})
	pre := st.Preflight.Run(ctx, done)
	if ctx.Err() != nil {
		emit(Finished{Step: ActivationID, Err: ctx.Err()})
		return
	}
	attempt, gate, err := st.attempt(ctx, s, emit, gate, hardware)
	if err != nil {
		emit(Finished{Step: ActivationID, Err: err})
		return
	}
	done(attempt)
	s.Record(ActivationID, append(append([]checks.Result{gate}, pre...), attempt))
	if activation.NeedsElevation(attempt) && st.mayRestart() && st.offerRestart(ctx, s, emit) {
		return
	}
	emit(Finished{Step: ActivationID})
}

// ElevateQuestion asks whether to restart elevated after an attempt that
// needed administrator rights.
const ElevateQuestion = "activation.elevate"

var msgAskElevate = i18n.T("激活需要管理员权限。要以管理员身份重新启动 actwiz 再激活吗？Windows 会弹出确认窗口；案例编号、语言和配置文件会保留；新窗口会重新检查硬件，请再输入一次序列号并确认激活。", "Activation needs administrator rights. Restart actwiz as administrator to activate? Windows will ask you to confirm; the case number, language and configuration file are kept; the new window checks the hardware again, then asks for the serial once more and for your confirmation.")

var msgEnvNotKept = i18n.T("新窗口看不到只在这个窗口里设置的环境变量：%s。", "The new window will not see the environment variables set only in this one: %s.")

// unseenEnv names the settings of this environment the run depends on
// and an elevated process does not inherit: Windows starts it with the
// user's stored environment, not this console's.
func (st *Activation) unseenEnv() []string {
	get := st.Getenv
	if get == nil {
		get = os.Getenv
	}
	var out []string
	for _, k := range []string{"HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"} {
		if get(k) != "" {
			out = append(out, k)
		}
	}
	return out
}

func (st *Activation) mayRestart() bool {
	if st.Restart == nil {
		return false
	}
	if st.Elevated == nil {
		return !elevation.Elevated()
	}
	return !st.Elevated()
}

// offerRestart asks and restarts; it reports whether the work was handed
// over, in which case the step has ended.
func (st *Activation) offerRestart(ctx context.Context, s *Session, emit func(Event)) bool {
	prompt := msgAskElevate
	if lost := st.unseenEnv(); len(lost) > 0 {
		prompt = i18n.Join([]i18n.Text{prompt, msgEnvNotKept.F(strings.Join(lost, ", "))}, "", " ")
	}
	a, err := Ask(ctx, emit, &Question{Step: ActivationID, ID: ElevateQuestion, Kind: Confirm, Prompt: prompt, Default: "n"})
	if err != nil || a.Cancelled || a.Text != "y" {
		return false
	}
	// The new window starts at this step (after the hardware check and the
	// serial, asked again: it never travels on the command line).
	err = st.Restart(elevation.Options{Case: s.Case, Lang: s.Lang, Config: st.ConfigFile, Args: []string{"wizard"}, Resume: ActivationID})
	switch {
	case err == nil:
		emit(Handover{Step: ActivationID, Text: msgElevatedContinues})
		return true
	case errors.Is(err, elevation.ErrDeclined):
		emit(Note{Step: ActivationID, Text: elevation.Declined, Keep: true})
	default:
		emit(Note{Step: ActivationID, Text: msgRestartFailed.F(machinetext.Escape(err.Error())), Keep: true})
	}
	return false
}

// attempt asks for consent and activates; it returns the attempt's result
// and the gate, which a forced attempt turns into a warning.
func (st *Activation) attempt(ctx context.Context, s *Session, emit func(Event), gate checks.Result, hardware []checks.Result) (checks.Result, checks.Result, error) {
	switch {
	case serialSkipped(s):
		// The user went on without a serial: no attempt, whatever the
		// driver, and no question about one.
		return activation.SkipAttempt(activation.SerialNone), gate, nil
	case st.Driver == nil:
		return activation.SkipAttempt(activation.DriverNone), gate, nil
	case st.NeedsSerial && s.Serial == "":
		return activation.SkipAttempt(activation.NoSerial), gate, nil
	}
	if activation.GateRefuses(gate) {
		ans, err := Ask(ctx, emit, &Question{Step: ActivationID, ID: ForceQuestion, Kind: Confirm, Default: "n",
			Prompt: msgAskForce, Help: gate.Detail})
		if err != nil {
			return checks.Result{}, gate, err
		}
		if ans.Cancelled || ans.Text != "y" {
			return activation.SkipAttempt(activation.GateRefused), gate, nil
		}
		gate = activation.Gate(hardware, true)
		emit(ItemDone{Step: ActivationID, Result: gate})
	}
	prompt := msgAskActivate
	if st.NeedsSerial {
		prompt = msgAskWithKey.F(st.Profile.Mask(s.Serial))
	}
	// The serial question is explained before anyone confirms: a differing
	// last serial's consequences come first in the help.
	help := msgActivateWhat
	for _, r := range s.Results(SerialID) {
		if r.ID == serial.MatchID && r.Status == checks.Warn {
			help = i18n.Join([]i18n.Text{r.Detail, msgActivateWhat}, "\n", "\n")
		}
	}
	ans, err := Ask(ctx, emit, &Question{Step: ActivationID, ID: ActivateQuestion, Kind: Confirm, Default: "n",
		Prompt: prompt, Help: help})
	if err != nil {
		return checks.Result{}, gate, err
	}
	if ans.Cancelled || ans.Text != "y" {
		return activation.SkipAttempt(activation.NotConfirmed), gate, nil
	}
	emit(Note{Step: ActivationID, Text: msgActivating})
	return st.Driver.Attempt(ctx, st.Profile.Display(s.Serial)), gate, nil
}

// serialSkipped reports whether the serial step ran and the user went on
// without giving a serial.
func serialSkipped(s *Session) bool {
	for _, r := range s.Results(SerialID) {
		if r.ID == serial.FormatID {
			return r.Status == checks.Skip
		}
	}
	return false
}
