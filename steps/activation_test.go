package steps

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/activation"
	"actwiz/internal/i18n"
	"actwiz/internal/platform/elevation"
	"actwiz/internal/serial"
)

type recordingDriver struct{ got []string }

func (d *recordingDriver) Attempt(_ context.Context, s string) checks.Result {
	d.got = append(d.got, s)
	return checks.Result{ID: activation.AttemptID, Status: checks.Pass}
}

func offlinePreflight() activation.Preflight {
	return activation.Preflight{
		Profile: "cmge",
		Network: activation.Network{Timeout: time.Second},
		Service: func(_ context.Context, name string) activation.ServiceState {
			return activation.ServiceState{Name: name, Installed: true, Running: true}
		},
	}
}

func TestActivationStep(t *testing.T) {
	matchWarn := checks.Result{ID: serial.MatchID, Status: checks.Warn, Detail: serial.CMGE.JudgeMatch("AA02210025590", true, serial.Last{Value: "FF12345700209", From: "x"}).Detail}
	cases := []struct {
		name     string
		hardware checks.Status
		answers  map[string]string
		snapshot bool
		attempt  checks.Status
		gate     checks.Status
		asked    []string
	}{
		{"consent given", checks.Pass, map[string]string{ActivateQuestion: "y"}, false, checks.Pass, checks.Pass, []string{ActivateQuestion}},
		{"consent refused", checks.Pass, map[string]string{ActivateQuestion: "n"}, false, checks.Skip, checks.Pass, []string{ActivateQuestion}},
		{"failing hardware, not forced", checks.Fail, map[string]string{ForceQuestion: "n"}, false, checks.Skip, checks.Fail, []string{ForceQuestion}},
		{"failing hardware, forced", checks.Fail, map[string]string{ForceQuestion: "y", ActivateQuestion: "y"}, false, checks.Pass, checks.Warn, []string{ForceQuestion, ActivateQuestion}},
		{"snapshot", checks.Pass, nil, true, checks.Skip, checks.Pass, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			driver := &recordingDriver{}
			step := &Activation{Profile: serial.CMGE, Preflight: offlinePreflight(), Driver: driver, NeedsSerial: true}
			sess := Session{Serial: "AA02210025590", Source: Source{Snapshot: c.snapshot}}
			sess.Record(HardwareID, []checks.Result{{ID: "bios.serial", Status: c.hardware}})
			sess.Record(SerialID, []checks.Result{matchWarn})
			var asked []string
			step.Run(context.Background(), &sess, func(e Event) {
				q, ok := e.(*Question)
				if !ok {
					return
				}
				asked = append(asked, q.ID)
				if q.ID == ActivateQuestion {
					if strings.Contains(q.Prompt.EN, "AA02210025590") || !strings.Contains(q.Prompt.EN, "AA*****025590") {
						t.Errorf("the prompt must show the serial masked: %q", q.Prompt.EN)
					}
					if !strings.Contains(q.Help.EN, "No keeps the earlier activation") {
						t.Errorf("a differing serial must be explained before confirming: %q", q.Help.EN)
					}
				}
				go q.Reply(Answer{Text: c.answers[q.ID]})
			})
			got := map[string]checks.Status{}
			for _, r := range sess.Results(ActivationID) {
				got[r.ID] = r.Status
			}
			if len(got) != 6 || got[activation.AttemptID] != c.attempt || got[activation.GateID] != c.gate {
				t.Errorf("results %v; want attempt %s, gate %s", got, c.attempt, c.gate)
			}
			if strings.Join(asked, ",") != strings.Join(c.asked, ",") {
				t.Errorf("asked %v; want %v", asked, c.asked)
			}
			if (c.attempt == checks.Pass) != (len(driver.got) == 1) {
				t.Errorf("driver called %d times", len(driver.got))
			}
		})
	}
}

type elevationDriver struct{}

func (elevationDriver) Attempt(context.Context, string) checks.Result {
	return checks.Result{ID: activation.AttemptID, Status: checks.Fail, Observed: activation.ElevationObserved}
}

// TestActivationOffersElevatedRestart: an attempt that needed
// administrator rights offers the restart, keeping case, language and
// configuration; after the handover the step ends.
func TestActivationOffersElevatedRestart(t *testing.T) {
	for _, answer := range []string{"y", "n"} {
		var got []elevation.Options
		step := &Activation{Profile: serial.CMGE, Preflight: offlinePreflight(), Driver: elevationDriver{}, ConfigFile: `C:\actwiz.yaml`,
			Elevated: func() bool { return false }, Getenv: func(k string) string { return map[string]string{"HTTPS_PROXY": "http://proxy:3128"}[k] },
			Restart: func(o elevation.Options) error { got = append(got, o); return nil }}
		sess := Session{Case: "SR-2026-0142", Lang: i18n.ZH}
		sess.Record(HardwareID, []checks.Result{{ID: "bios.serial", Status: checks.Pass}})
		var asked []string
		handedOver, finished := false, false
		step.Run(context.Background(), &sess, func(e Event) {
			switch e := e.(type) {
			case *Question:
				asked = append(asked, e.ID)
				if e.ID == ElevateQuestion && !strings.Contains(e.Prompt.EN, "will not see the environment variables set only in this one: HTTPS_PROXY") {
					t.Errorf("the prompt must name what the elevated actwiz loses: %q", e.Prompt.EN)
				}
				go e.Reply(Answer{Text: map[string]string{ActivateQuestion: "y", ElevateQuestion: answer}[e.ID]})
			case Handover:
				handedOver = true
			case Finished:
				finished = true
			}
		})
		if strings.Join(asked, ",") != ActivateQuestion+","+ElevateQuestion {
			t.Errorf("%s: asked %v", answer, asked)
		}
		if answer == "y" {
			want := elevation.Options{Case: "SR-2026-0142", Lang: i18n.ZH, Config: `C:\actwiz.yaml`, Args: []string{"wizard"}, Resume: "activation"}
			if len(got) != 1 || !reflect.DeepEqual(got[0], want) || !handedOver || finished {
				t.Errorf("restart %+v, handed over %v, finished %v; want %+v, handed over", got, handedOver, finished, want)
			}
		} else if len(got) != 0 || handedOver || !finished {
			t.Errorf("declined: restart %+v, handed over %v", got, handedOver)
		}
	}
}
