package steps

import (
	"context"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/platform/elevation"
)

// restartRecorder stands in for elevation.Restart: it records what the
// elevated actwiz would have been started with.
type restartRecorder struct {
	calls []elevation.Options
	err   error
}

func (r *restartRecorder) restart(o elevation.Options) error {
	r.calls = append(r.calls, o)
	return r.err
}

type elevateRun struct {
	asked     []string
	prompts   map[string]Question
	notes     []i18n.Text
	items     map[string]checks.Result
	handover  *Handover
	finished  bool
	finishErr error
}

// runElevate runs the logs step as the wizard does, answering the
// elevation question with answer ("" means no such question is expected).
func runElevate(t *testing.T, step *Logs, answer string) elevateRun {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the test collectors are shell commands")
	}
	step.Builtin, step.Prefix, step.Dir, step.Ask, step.Version, step.Glyphs = false, "CMGE_Log", t.TempDir(), true, "test", display.Plain
	step.Now = func() time.Time { return time.Date(2026, 11, 27, 0, 30, 0, 0, time.Local) }
	snap := facts.New()
	snap.Host.Name = "pc-elev"
	s := &Session{Facts: snap, Case: "SR-2026-0142", Lang: i18n.ZH}
	got := elevateRun{prompts: map[string]Question{}, items: map[string]checks.Result{}}
	step.Run(context.Background(), s, func(e Event) {
		switch e := e.(type) {
		case *Question:
			got.asked = append(got.asked, e.ID)
			got.prompts[e.ID] = *e
			switch e.ID {
			case "logs.categories":
				e.Reply(Answer{Values: collect.CategoryIDs()})
			case "logs.elevate":
				e.Reply(Answer{Text: answer})
			default:
				e.Reply(Answer{Text: "n"})
			}
		case Note:
			got.notes = append(got.notes, e.Text)
		case ItemDone:
			got.items[e.Result.ID] = e.Result
		case Handover:
			got.handover = &e
		case Finished:
			got.finished, got.finishErr = true, e.Err
		}
	})
	return got
}

func notesHave(notes []i18n.Text, want i18n.Text) bool {
	return slices.Contains(notes, want)
}

var (
	adminCollector  = collect.Collector{Name: "gp", Category: "group-policy", Command: []string{"sh", "-c", "echo user part"}, Admin: true}
	deniedCollector = collect.Collector{Name: "store", Category: "activation-log", Command: []string{"sh", "-c", "echo 'Access is denied.' >&2; exit 1"}}
	plainCollector  = collect.Collector{Name: "net", Category: "network", Command: []string{"sh", "-c", "echo net"}}
)

func TestLogsOffersRestartBeforeCollectingAdminItems(t *testing.T) {
	rec := &restartRecorder{}
	step := &Logs{Extra: []collect.Collector{adminCollector, plainCollector}, Elevated: func() bool { return false }, Restart: rec.restart}
	got := runElevate(t, step, "y")

	q, ok := got.prompts["logs.elevate"]
	if !ok || q.Kind != Confirm || q.Default != "n" || q.Prompt != elevation.OfferRestart {
		t.Fatalf("asked %v; elevate question %+v", got.asked, q)
	}
	if !notesHave(got.notes, msgAdminItems.F("gp")) {
		t.Errorf("no note naming the admin items: %v", got.notes)
	}
	want := []elevation.Options{{Case: "SR-2026-0142", Lang: i18n.ZH, Args: []string{"wizard"}, Resume: "logs"}}
	if !slices.EqualFunc(rec.calls, want, func(a, b elevation.Options) bool {
		return a.Case == b.Case && a.Lang == b.Lang && slices.Equal(a.Args, b.Args) && a.Resume == b.Resume
	}) {
		t.Errorf("Restart called with %+v, want %+v", rec.calls, want)
	}
	if got.handover == nil || got.handover.Text != msgElevatedContinues {
		t.Errorf("no handover saying the elevated window continues: %+v", got.handover)
	}
	if got.finished || step.Outcome != nil || len(got.items) != 0 {
		t.Errorf("collected after handing over: finished %v outcome %v items %v", got.finished, step.Outcome, got.items)
	}
	if entries, _ := os.ReadDir(step.Dir); len(entries) != 0 {
		t.Errorf("files left by the instance that handed over: %v", entries)
	}
}

func TestLogsDeclinedRestartCarriesOn(t *testing.T) {
	rec := &restartRecorder{err: elevation.ErrDeclined}
	step := &Logs{Extra: []collect.Collector{adminCollector, deniedCollector}, Elevated: func() bool { return false }, Restart: rec.restart}
	got := runElevate(t, step, "y")

	if len(rec.calls) != 1 {
		t.Errorf("Restart called %d times", len(rec.calls))
	}
	if !notesHave(got.notes, elevation.Declined) {
		t.Errorf("no Declined note: %v", got.notes)
	}
	if got.handover != nil || !got.finished || got.finishErr != nil || step.Outcome == nil {
		t.Fatalf("did not carry on: handover %+v finished %v err %v", got.handover, got.finished, got.finishErr)
	}
	// Answered once: the denied item does not bring the question back.
	if n := strings.Count(strings.Join(got.asked, ","), "logs.elevate"); n != 1 {
		t.Errorf("asked %v", got.asked)
	}
	store := got.items["logs.store"]
	if store.Status != checks.Fail || !strings.Contains(store.Detail.ZH, "需要管理员权限") || !strings.Contains(store.Detail.EN, "needs administrator rights") {
		t.Errorf("denied item: %+v", store)
	}
}

func TestLogsOffersRestartWhenAnItemEndedNeedingAdmin(t *testing.T) {
	for _, answer := range []string{"n", "y"} {
		rec := &restartRecorder{}
		step := &Logs{Extra: []collect.Collector{plainCollector, deniedCollector}, Elevated: func() bool { return false }, Restart: rec.restart}
		got := runElevate(t, step, answer)
		if !slices.Equal(got.asked, []string{"logs.categories", "logs.elevate"}) {
			t.Errorf("answer %s: asked %v, want the offer after collecting", answer, got.asked)
		}
		if step.Outcome == nil {
			t.Fatalf("answer %s: the package was not written before asking", answer)
		}
		switch answer {
		case "n":
			if len(rec.calls) != 0 || got.handover != nil || !got.finished {
				t.Errorf("no: restart %v handover %v finished %v", rec.calls, got.handover, got.finished)
			}
		case "y":
			if len(rec.calls) != 1 || rec.calls[0].Case != "SR-2026-0142" || rec.calls[0].Resume != "logs" || got.handover == nil || got.finished {
				t.Errorf("yes: restart %v handover %v finished %v", rec.calls, got.handover, got.finished)
			}
		}
	}
}

// Where there is no UAC (Restart is nil, as on Linux) nothing is asked and
// the item says to use sudo; elevated, nothing is asked either.
func TestLogsNeverAsksWithoutUACOrWhenElevated(t *testing.T) {
	rec := &restartRecorder{}
	tests := []struct {
		name string
		step *Logs
	}{
		{"no UAC", &Logs{Extra: []collect.Collector{adminCollector, deniedCollector}, Elevated: func() bool { return false }}},
		{"elevated", &Logs{Extra: []collect.Collector{adminCollector, deniedCollector}, Elevated: func() bool { return true }, Restart: rec.restart}},
	}
	for _, tt := range tests {
		got := runElevate(t, tt.step, "")
		if slices.Contains(got.asked, "logs.elevate") {
			t.Errorf("%s: asked %v", tt.name, got.asked)
		}
		if !got.finished || got.handover != nil {
			t.Errorf("%s: finished %v handover %v", tt.name, got.finished, got.handover)
		}
		store := got.items["logs.store"]
		switch tt.name {
		case "no UAC":
			if store.Hint != hintSudo || !strings.Contains(store.Detail.EN, "needs administrator rights") {
				t.Errorf("no UAC: denied item %+v, want the sudo hint", store)
			}
		case "elevated":
			if !store.Hint.Empty() || strings.Contains(store.Detail.EN, "administrator") || !strings.Contains(store.Detail.EN, "exited with status 1") {
				t.Errorf("elevated: denied item %+v, want the usual message", store)
			}
		}
	}
	if len(rec.calls) != 0 {
		t.Errorf("Restart called: %v", rec.calls)
	}
}

func TestAdminHint(t *testing.T) {
	if AdminHint("linux") != hintSudo || AdminHint("windows") != hintRunAsAdmin {
		t.Error("hint per OS")
	}
	if got := AdminNames([]collect.Collector{adminCollector, plainCollector, {Name: "win", Admin: true, OS: "windows"}}, "linux"); !slices.Equal(got, []string{"gp"}) {
		t.Errorf("AdminNames: %v", got)
	}
}
