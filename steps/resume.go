package steps

import (
	"context"

	"actwiz/checks"
	"actwiz/internal/i18n"
)

// Resuming: a step that offers the restart as administrator (activation,
// logs) starts the elevated actwiz with --resume and its step ID. The new
// window has none of the first window's session: the hardware check runs
// again (it is quick, and the activation gate and the summary need it),
// and what the user typed (the serial) never travels between windows, so
// it is asked again when the resumed step needs it.

// ResumeSteps are the steps a wizard can be resumed at.
var ResumeSteps = []string{ActivationID, LogsID}

// CanResume reports whether at is a step the wizard can be resumed at.
func CanResume(at string) bool {
	for _, id := range ResumeSteps {
		if id == at {
			return true
		}
	}
	return false
}

var (
	// MsgSerialAgain is shown at the serial step of a wizard resumed at the
	// activation step.
	MsgSerialAgain = i18n.T("actwiz 已经以管理员身份重新启动，请再输入一次序列号：序列号不会在窗口之间传递，也不会写进命令行。",
		"actwiz restarted as administrator: type the serial once more. A serial is never passed between windows or put on a command line.")
	// MsgDoneFirstWindow is the reason of a step skipped in a wizard
	// resumed after it.
	MsgDoneFirstWindow = i18n.T("已在第一个窗口（以管理员身份重新启动之前）完成，这里不再重复。",
		"Done in the first window, before the restart as administrator; not repeated here.")
	msgRunAgainLater = i18n.T("要再核对序列号或再激活一次，收集完日志后再运行一次 actwiz。",
		"To check the serial or activate again, run actwiz once more after the logs are collected.")
)

// Resume is the step list of a wizard resumed at the step at (a step ID
// from ResumeSteps; any other value leaves the list as it is). The steps
// after at and the hardware check are unchanged. At the activation step
// the serial is asked again with a line saying why. At the logs step the
// serial and activation are skipped as done in the first window: the user
// restarted to collect logs, typically told to by a support agent on the
// phone; typing the serial again and being offered a second activation
// attempt would be a detour from what they were asked to do, and the
// attempt's own logs are in the package.
func Resume(list []Step, at string) []Step {
	if !CanResume(at) {
		return list
	}
	out := make([]Step, 0, len(list))
	reached := false
	for _, s := range list {
		switch {
		case reached || s.ID() == at:
			reached = true
			out = append(out, s)
		case s.ID() == HardwareID:
			out = append(out, s)
		case s.ID() == SerialID && at == ActivationID:
			out = append(out, withNote{Step: s, text: MsgSerialAgain})
		default:
			out = append(out, doneEarlier{s})
		}
	}
	return out
}

// withNote is a step that says something first and then runs as usual.
type withNote struct {
	Step
	text i18n.Text
}

func (w withNote) Run(ctx context.Context, s *Session, emit func(Event)) {
	emit(Note{Step: w.ID(), Text: w.text, Keep: true})
	w.Step.Run(ctx, s, emit)
}

// doneEarlier is a step that was done before the restart: each of its
// items is skipped, saying so.
type doneEarlier struct{ Step }

func (d doneEarlier) Run(ctx context.Context, s *Session, emit func(Event)) {
	var results []checks.Result
	for _, def := range d.Items() {
		r := checks.Result{ID: def.ID, Status: checks.Skip, Detail: MsgDoneFirstWindow, Hint: msgRunAgainLater}
		emit(ItemDone{Step: d.ID(), Result: r})
		results = append(results, r)
	}
	s.Record(d.ID(), results)
	emit(Finished{Step: d.ID()})
}
