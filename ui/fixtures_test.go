package ui

import (
	"context"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/probe"
	"actwiz/steps"
)

// gatedReader answers BIOS and baseboard at once and holds disks and NICs
// until release is closed: a machine whose disk and network queries are
// slow. A nil release never comes: a WMI provider that hangs.
type gatedReader struct {
	snap    facts.Snapshot
	release chan struct{}
}

func (r gatedReader) Host(context.Context) facts.Host { return r.snap.Host }
func (r gatedReader) BIOS(context.Context) (*facts.BIOS, probe.FieldErrors, error) {
	return r.snap.BIOS, nil, nil
}
func (r gatedReader) Baseboard(context.Context) (*facts.Baseboard, probe.FieldErrors, error) {
	return r.snap.Baseboard, nil, nil
}
func (r gatedReader) Disks(context.Context) ([]facts.Disk, probe.FieldErrors, error) {
	<-r.release
	return r.snap.Disks, nil, nil
}
func (r gatedReader) NICs(context.Context) ([]facts.NIC, probe.FieldErrors, error) {
	<-r.release
	return r.snap.NICs, nil, nil
}

// askingStep is a step that asks the user one question of each kind and
// records a result from the answers: it stands in for the later steps
// (serial, logs) that ask, to show the question protocol end to end.
type askingStep struct {
	answers []steps.Answer
}

func (*askingStep) ID() string                 { return "ask" }
func (*askingStep) Title() i18n.Text           { return i18n.T("确认信息", "Confirm details") }
func (*askingStep) Items() []checks.Definition { return nil }

var askQuestions = []steps.Question{
	{ID: "continue", Kind: steps.Confirm, Default: "n",
		Prompt: i18n.T("上次激活使用的序列号与当前输入的不一致，是否继续？", "The serial used last time differs from the one entered now. Continue?"),
		Help:   i18n.T("选“否”可以先核对序列号。", "Choose no to check the serial first.")},
	{ID: "client", Kind: steps.Choose, Default: "v21",
		Prompt: i18n.T("激活客户端是哪个版本？", "Which activation client version is installed?"),
		Choices: []steps.Choice{
			{Value: "v20", Label: i18n.T("V2.0 或更早", "V2.0 or older")},
			{Value: "v21", Label: i18n.T("V2.1 或更新", "V2.1 or newer")},
			{Value: "unknown", Label: i18n.T("不知道", "Not sure")},
		}},
	{ID: "logs", Kind: steps.ChooseMany,
		Prompt: i18n.T("要收集哪些日志？", "Which logs to collect?"),
		Choices: []steps.Choice{
			{Value: "policy", Label: i18n.T("组策略信息", "Group policy"), Selected: true},
			{Value: "network", Label: i18n.T("网络信息", "Network"), Selected: true},
			{Value: "activation", Label: i18n.T("激活日志", "Activation log")},
		}},
	{ID: "serial", Kind: steps.Input,
		Prompt: i18n.T("请输入 13 位序列号：", "Enter the 13-character serial:"),
		Validate: func(s string) i18n.Text {
			if len(s) != 13 {
				return i18n.T("序列号应为 13 位。", "A serial has 13 characters.")
			}
			return i18n.Text{}
		}},
}

func (a *askingStep) Run(ctx context.Context, s *steps.Session, emit func(steps.Event)) {
	for i := range askQuestions {
		q := askQuestions[i] // a fresh copy: Ask sets its reply channel
		ans, err := steps.Ask(ctx, emit, &q)
		if err != nil {
			emit(steps.Finished{Step: a.ID(), Err: err})
			return
		}
		a.answers = append(a.answers, ans)
	}
	emit(steps.Finished{Step: a.ID()})
}
