package steps

import (
	"context"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/activation"
	"actwiz/internal/serial"
)

// answering replies to each question by its ID from a script, in order,
// and records what was asked.
type answering struct {
	script map[string][]Answer
	asked  []string
}

func (a *answering) emit(t *testing.T) func(Event) {
	return func(e Event) {
		q, ok := e.(*Question)
		if !ok {
			return
		}
		a.asked = append(a.asked, q.ID)
		next := a.script[q.ID]
		if len(next) == 0 {
			t.Errorf("unexpected question %s", q.ID)
			go q.Reply(Answer{Cancelled: true})
			return
		}
		a.script[q.ID] = next[1:]
		if q.Validate != nil {
			if problem := q.Validate(next[0].Text); !problem.Empty() {
				t.Errorf("%s: the answer %q was refused: %s", q.ID, next[0].Text, problem.EN)
			}
		}
		go q.Reply(next[0])
	}
}

// The serial is not a gate: Enter on an empty field asks whether to skip
// (yes by default), no asks for the serial again, and backing out skips.
func TestSerialStepCanBeSkipped(t *testing.T) {
	cases := []struct {
		name   string
		script map[string][]Answer
		asked  string
		format checks.Status
		serial string
	}{
		{"empty, then yes", map[string][]Answer{SerialQuestion: {{Text: ""}}, SkipSerialQuestion: {{Text: "y"}}},
			"serial,serial.skip", checks.Skip, ""},
		{"spaces only count as empty", map[string][]Answer{SerialQuestion: {{Text: " \u3000- "}}, SkipSerialQuestion: {{Text: "y"}}},
			"serial,serial.skip", checks.Skip, ""},
		{"empty, no, then a serial", map[string][]Answer{SerialQuestion: {{Text: ""}, {Text: "AA02210025590"}}, SkipSerialQuestion: {{Text: "n"}}},
			"serial,serial.skip,serial", checks.Pass, "AA02210025590"},
		{"empty, backed out of the question, then a serial", map[string][]Answer{SerialQuestion: {{Text: ""}, {Text: "AA02210025590"}}, SkipSerialQuestion: {{Cancelled: true}}},
			"serial,serial.skip,serial", checks.Pass, "AA02210025590"},
		{"backed out of the serial", map[string][]Answer{SerialQuestion: {{Cancelled: true}}},
			"serial", checks.Skip, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			step := &Serial{Profile: serial.CMGE, Timeout: time.Second}
			var sess Session
			a := &answering{script: c.script}
			step.Run(context.Background(), &sess, a.emit(t))
			if strings.Join(a.asked, ",") != c.asked {
				t.Errorf("asked %v; want %s", a.asked, c.asked)
			}
			got := sess.Results(SerialID)
			if len(got) != 2 || got[0].Status != c.format || sess.Serial != c.serial {
				t.Fatalf("results %+v, serial %q; want format %s", got, sess.Serial, c.format)
			}
			if c.format == checks.Skip {
				for _, r := range got {
					if r.Status != checks.Skip || !strings.Contains(r.Detail.EN, "no serial given") || !strings.Contains(r.Detail.ZH, "没有提供序列号") {
						t.Errorf("%s must skip with \"no serial given\" in both languages: %s %+v", r.ID, r.Status, r.Detail)
					}
				}
			}
		})
	}
}

// The skip question says what still comes and that no is the way back.
func TestSkipSerialQuestion(t *testing.T) {
	step := &Serial{Profile: serial.CMGE, Timeout: time.Second}
	var skipQ, serialQ *Question
	step.Run(context.Background(), &Session{}, func(e Event) {
		if q, ok := e.(*Question); ok {
			if q.ID == SkipSerialQuestion {
				skipQ = q
				go q.Reply(Answer{Text: "y"})
				return
			}
			serialQ = q
			go q.Reply(Answer{Text: ""})
		}
	})
	if serialQ == nil || !strings.Contains(serialQ.Help.EN, "Press Enter without typing to skip") || !strings.Contains(serialQ.Help.ZH, "直接按回车跳过") {
		t.Errorf("the serial question must say how to skip it: %+v", serialQ)
	}
	if skipQ == nil || skipQ.Kind != Confirm || skipQ.Default != "y" || !strings.Contains(skipQ.Help.EN, "support code still come") {
		t.Errorf("skip question %+v", skipQ)
	}
}

// Past an empty serial: the activation step still checks the service and
// the network, asks nothing, and skips the attempt with that reason.
func TestWalkPastAnEmptySerial(t *testing.T) {
	var sess Session
	sess.Record(HardwareID, []checks.Result{{ID: "bios.serial", Status: checks.Pass}})
	a := &answering{script: map[string][]Answer{SerialQuestion: {{Text: ""}}, SkipSerialQuestion: {{Text: "y"}}}}
	(&Serial{Profile: serial.CMGE, Timeout: time.Second}).Run(context.Background(), &sess, a.emit(t))
	driver := &recordingDriver{}
	(&Activation{Profile: serial.CMGE, Preflight: offlinePreflight(), Driver: driver, NeedsSerial: true}).Run(context.Background(), &sess, a.emit(t))
	if strings.Join(a.asked, ",") != "serial,serial.skip" {
		t.Errorf("asked %v; the activation step must ask nothing without a serial", a.asked)
	}
	byID := map[string]checks.Result{}
	for _, r := range sess.All() {
		byID[r.ID] = r
	}
	attempt := byID[activation.AttemptID]
	if attempt.Status != checks.Skip || attempt.Observed != "no serial given" || !strings.Contains(attempt.Detail.EN, "no serial given") || !strings.Contains(attempt.Detail.ZH, "没有提供序列号") {
		t.Errorf("attempt %+v; want skip, no serial given", attempt)
	}
	if byID[activation.ServiceID].Status != checks.Pass || len(driver.got) != 0 {
		t.Errorf("service %s, driver called %d times", byID[activation.ServiceID].Status, len(driver.got))
	}
	if len(byID) != 2+6+1 || checks.ExitCode(sess.All()) != 0 {
		t.Errorf("results %v; exit %d", byID, checks.ExitCode(sess.All()))
	}
}
