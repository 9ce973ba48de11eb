package steps

import (
	"context"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/probe"
)

// Hardware reads the machine (or a recorded snapshot) and runs the six
// hardware checks, each as soon as the facts it needs have arrived.
type Hardware struct {
	Reader  probe.Reader
	Timeout time.Duration
	Rules   checks.Rules
	Now     func() time.Time
}

const HardwareID = "hardware"

func (*Hardware) ID() string { return HardwareID }
func (*Hardware) Title() i18n.Text {
	return i18n.T("硬件检查", "Hardware check")
}
func (*Hardware) Items() []checks.Definition { return checks.Hardware }

var msgReading = i18n.T("正在读取硬件信息…", "Reading the hardware…")

func (h *Hardware) Run(ctx context.Context, s *Session, emit func(Event)) {
	emit(Note{Step: HardwareID, Text: msgReading})
	for _, d := range checks.Hardware {
		emit(ItemStarted{Step: HardwareID, ID: d.ID})
	}
	snap := facts.New()
	snap.TakenAt = probe.TakenAt(h.Reader, h.Now)
	hostDone := make(chan facts.Host, 1)
	go func() { hostDone <- h.Reader.Host(ctx) }()

	arrived := map[facts.Section]bool{}
	done := map[string]checks.Result{}
	var results []checks.Result
	for part := range probe.Stream(ctx, h.Reader, h.Timeout) {
		part.Apply(&snap)
		arrived[part.Section] = true
		for _, d := range checks.Hardware {
			if _, ok := done[d.ID]; ok || !ready(d, arrived, done) {
				continue
			}
			r := d.Run(snap, h.Rules, done)
			done[d.ID] = r
			results = append(results, r)
			emit(ItemDone{Step: HardwareID, Result: r})
		}
	}
	select {
	case snap.Host = <-hostDone:
	case <-time.After(time.Second):
	}
	if ctx.Err() != nil {
		emit(Finished{Step: HardwareID, Err: ctx.Err()})
		return
	}
	s.Facts = snap
	s.Record(HardwareID, inCatalogueOrder(results))
	emit(Finished{Step: HardwareID})
}

func ready(d checks.Definition, arrived map[facts.Section]bool, done map[string]checks.Result) bool {
	for _, sec := range d.Needs {
		if !arrived[sec] {
			return false
		}
	}
	for _, id := range d.After {
		if _, ok := done[id]; !ok {
			return false
		}
	}
	return true
}

func inCatalogueOrder(results []checks.Result) []checks.Result {
	byID := map[string]checks.Result{}
	for _, r := range results {
		byID[r.ID] = r
	}
	out := make([]checks.Result, 0, len(results))
	for _, d := range checks.Hardware {
		if r, ok := byID[d.ID]; ok {
			out = append(out, r)
		}
	}
	return out
}
