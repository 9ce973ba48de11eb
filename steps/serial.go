package steps

import (
	"context"
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/serial"
)

// Serial asks for the serial to activate with, checks its format, and
// compares it with the one this PC was activated with last time, so the
// activation client's "differs from the last serial" question is explained
// before anyone answers it.
type Serial struct {
	Profile serial.Profile
	// Sources are where the last serial is read; Readers reach them.
	Sources []serial.Source
	Readers serial.Readers
	Timeout time.Duration
}

const SerialID = "serial"

func (*Serial) ID() string { return SerialID }
func (*Serial) Title() i18n.Text {
	return i18n.T("序列号核对", "Serial check")
}
func (*Serial) Items() []checks.Definition { return serial.Definitions }

var (
	msgAskSerial     = i18n.T("请输入激活用的序列号", "Type the serial to activate with")
	msgAskSerialHelp = i18n.T("格式：%s，例如 %s。空格、横线、全角字符都可以，会自动整理。暂时找不到序列号：不输入，直接按回车跳过。", "Format: %s, for example %s. Spaces, dashes and full-width characters are fine: they are tidied up. Cannot find it now? Press Enter without typing to skip.")
	msgReadingLast   = i18n.T("正在读取这台电脑上次激活用的序列号…", "Reading the serial this PC was last activated with…")
	msgAskSkip       = i18n.T("没有输入序列号。跳过序列号核对吗？", "No serial was typed. Skip the serial check?")
	msgAskSkipHelp   = i18n.T("跳过后不核对序列号、也不尝试激活；硬件检查结果、日志收集和支持代码照常进行。选“否”回去输入序列号。", "Skipping checks no serial and makes no activation attempt; the hardware results, the log collection and the support code still come. Choose no to type the serial.")
)

// Question IDs of the step, for views that treat them specially (a key to
// reveal what is typed) and for tests.
const (
	SerialQuestion     = "serial"
	SkipSerialQuestion = "serial.skip"
)

func (st *Serial) Run(ctx context.Context, s *Session, emit func(Event)) {
	p := st.Profile
	for _, d := range serial.Definitions {
		emit(ItemStarted{Step: SerialID, ID: d.ID})
	}
	typed, given, err := st.ask(ctx, emit)
	if err != nil {
		emit(Finished{Step: SerialID, Err: err})
		return
	}
	if !given {
		// Going on without a serial is a choice, not a failure: a user on
		// the phone often cannot find it at once, and the agent still
		// wants the hardware verdict, the logs and the code.
		for _, r := range p.NotGiven() {
			emit(ItemDone{Step: SerialID, Result: r})
		}
		s.Record(SerialID, p.NotGiven())
		emit(Finished{Step: SerialID})
		return
	}
	format := p.JudgeFormat(typed, true)
	emit(ItemDone{Step: SerialID, Result: format})
	ok := format.Status == checks.Pass

	var last serial.Last
	onSnapshot := s.Source.Snapshot
	if ok && !onSnapshot {
		emit(Note{Step: SerialID, Text: msgReadingLast})
		rctx, cancel := context.WithTimeout(ctx, st.Timeout)
		last = serial.ReadLast(rctx, st.Sources, st.Readers)
		cancel()
	}
	if ctx.Err() != nil {
		emit(Finished{Step: SerialID, Err: ctx.Err()})
		return
	}
	match := p.JudgeMatch(typed, ok, last)
	if ok && onSnapshot {
		// The last serial would be read from the machine actwiz runs on (an
		// agent's PC), not from the recorded one: saying "differs" would mislead.
		match = checks.Result{ID: serial.MatchID, Status: checks.Skip, Detail: msgMatchOnSnapshot}
	}
	emit(ItemDone{Step: SerialID, Result: match})
	if ok {
		s.Serial = serial.Normalise(typed)
	}
	s.Record(SerialID, []checks.Result{format, match})
	emit(Finished{Step: SerialID})
}

// ask asks for the serial until one is typed or the user chooses to go on
// without: Enter on an empty field asks "Skip the serial check?" (yes by
// default, since that is what an empty Enter most likely meant; no asks
// again), and backing out of the serial question skips it too.
func (st *Serial) ask(ctx context.Context, emit func(Event)) (string, bool, error) {
	p := st.Profile
	for {
		ans, err := Ask(ctx, emit, &Question{
			Step: SerialID, ID: SerialQuestion, Kind: Secret,
			Prompt: msgAskSerial,
			Help:   msgAskSerialHelp.F(p.Shape, p.Example),
			Validate: func(answer string) i18n.Text {
				if serial.Normalise(answer) == "" {
					return i18n.Text{} // the step asks whether to skip
				}
				if r := p.JudgeFormat(answer, true); r.Status != checks.Pass {
					return r.Detail
				}
				return i18n.Text{}
			},
		})
		switch {
		case err != nil:
			return "", false, err
		case ans.Cancelled:
			return "", false, nil
		case serial.Normalise(ans.Text) != "":
			return ans.Text, true, nil
		}
		skip, err := Ask(ctx, emit, &Question{Step: SerialID, ID: SkipSerialQuestion, Kind: Confirm, Default: "y",
			Prompt: msgAskSkip, Help: msgAskSkipHelp})
		if err != nil {
			return "", false, err
		}
		if !skip.Cancelled && skip.Text == "y" {
			return "", false, nil
		}
	}
}

var msgMatchOnSnapshot = i18n.T(
	"检查的是记录的快照：上次激活用的序列号只能在那台电脑上读取，跳过此项。",
	"Skipped: this is a recorded snapshot, and the serial used last time can only be read on that PC.")
