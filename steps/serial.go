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
	msgAskSerialHelp = i18n.T("格式：%s，例如 %s。空格、横线、全角字符都可以，会自动整理。", "Format: %s, for example %s. Spaces, dashes and full-width characters are fine: they are tidied up.")
	msgReadingLast   = i18n.T("正在读取这台电脑上次激活用的序列号…", "Reading the serial this PC was last activated with…")
)

// SerialQuestion is the question's ID, for views that treat it specially
// (a key to reveal what is typed).
const SerialQuestion = "serial"

func (st *Serial) Run(ctx context.Context, s *Session, emit func(Event)) {
	p := st.Profile
	for _, d := range serial.Definitions {
		emit(ItemStarted{Step: SerialID, ID: d.ID})
	}
	q := &Question{
		Step: SerialID, ID: SerialQuestion, Kind: Secret,
		Prompt: msgAskSerial,
		Help:   msgAskSerialHelp.F(p.Shape, p.Example),
		Validate: func(answer string) i18n.Text {
			if r := p.JudgeFormat(answer, true); r.Status != checks.Pass {
				return r.Detail
			}
			return i18n.Text{}
		},
	}
	ans, err := Ask(ctx, emit, q)
	if err != nil {
		emit(Finished{Step: SerialID, Err: err})
		return
	}
	entered := !ans.Cancelled && serial.Normalise(ans.Text) != ""
	format := p.JudgeFormat(ans.Text, entered)
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
	match := p.JudgeMatch(ans.Text, ok, last)
	if ok && onSnapshot {
		// The last serial would be read from the machine actwiz runs on (an
		// agent's PC), not from the recorded one: saying "differs" would mislead.
		match = checks.Result{ID: serial.MatchID, Status: checks.Skip, Detail: msgMatchOnSnapshot}
	}
	emit(ItemDone{Step: SerialID, Result: match})
	if ok {
		s.Serial = serial.Normalise(ans.Text)
	}
	s.Record(SerialID, []checks.Result{format, match})
	emit(Finished{Step: SerialID})
}

var msgMatchOnSnapshot = i18n.T(
	"检查的是记录的快照：上次激活用的序列号只能在那台电脑上读取，跳过此项。",
	"Skipped: this is a recorded snapshot, and the serial used last time can only be read on that PC.")
