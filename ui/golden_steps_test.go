package ui

import (
	"context"
	"net"
	"strings"
	"syscall"
	"testing"
	"time"

	"actwiz/internal/activation"
	"actwiz/internal/probe"
	"actwiz/internal/serial"
	"actwiz/steps"
)

// The wizard's later steps as golden screens, with everything they reach
// for replaced by fixed answers: no network, no registry, no clock.
func init() {
	screens = append(screens, []struct {
		name  string
		drive func(t *testing.T, v variant) *driver
	}{
		{"serial-question", func(t *testing.T, v variant) *driver {
			d := fullFlow(t, v)
			d.next()
			d.untilQuestion(1, steps.SerialQuestion)
			d.send(keyMsg("ab-0123 45"))
			return d
		}},
		{"activation-results", func(t *testing.T, v variant) *driver {
			d := fullFlow(t, v)
			d.next()
			d.untilQuestion(1, steps.SerialQuestion)
			d.send(keyMsg("xy98765432100"))
			d.key("enter")
			d.until(func() bool { return d.m.stepsV[1].state == finished })
			d.key("enter")
			d.until(func() bool { return d.m.stepsV[2].state == finished })
			d.key("down", "down", "down") // onto the servers' reach: what failed and what to do
			return d
		}},
		{"logs-checklist", func(t *testing.T, v variant) *driver {
			d := fullFlow(t, v)
			d.next()
			d.untilQuestion(1, steps.SerialQuestion)
			d.key("esc") // no serial: the step goes on without one
			d.until(func() bool { return d.m.stepsV[1].state == finished })
			d.key("enter")
			d.until(func() bool { return d.m.stepsV[2].state == finished })
			d.key("enter")
			d.untilQuestion(3, "logs.categories")
			d.key("down", "space") // untick the network
			return d
		}},
		{"summary-all", summaryAll},
		{"summary-all-end", func(t *testing.T, v variant) *driver {
			d := summaryAll(t, v)
			for i := 0; i < 40; i++ { // to the paths and the next steps
				d.key("down")
			}
			return d
		}},
	}...)
}

// summaryAll is the summary after all four steps, with a log package and
// its redaction mapping.
func summaryAll(t *testing.T, v variant) *driver {
	d := fullFlow(t, v)
	d.next()
	d.untilQuestion(1, steps.SerialQuestion)
	d.send(keyMsg("xy98765432100"))
	d.key("enter")
	d.until(func() bool { return d.m.stepsV[1].state == finished })
	d.key("enter")
	d.until(func() bool { return d.m.stepsV[2].state == finished })
	d.key("enter")
	d.untilQuestion(3, "logs.categories")
	d.key("enter")
	d.untilQuestion(3, "logs.open-folder")
	d.key("n")
	d.until(func() bool { return d.m.stepsV[3].state == finished })
	// The package is really written in a temporary folder; the
	// screen shows it where a user's Desktop would be.
	d.m.sess.LogPackage = shownReportDir + "/CMGE_Log_PC-0097_20261126-093000_CAS-04851-R7R3X9.zip"
	d.m.sess.LogMap = shownReportDir + "/CMGE_Log_PC-0097_20261126-093000_CAS-04851-R7R3X9.map.txt"
	d.key("enter")
	d.drain()
	return d
}

// fullFlow is the wizard with the step list of the real one: hardware
// (a good PC read live, not a snapshot), serial, activation and logs,
// started on the hardware step and run to its end.
func fullFlow(t *testing.T, v variant) *driver {
	t.Helper()
	var opened string
	list := []steps.Step{
		&steps.Serial{Profile: serial.CMGE, Timeout: time.Second},
		&steps.Activation{Profile: serial.CMGE, Preflight: activation.Preflight{
			Profile:   serial.CMGE.Name,
			Endpoints: fixedEndpoints(t),
			Network:   fixedNetwork(),
			Service: func(context.Context, string) activation.ServiceState {
				return activation.ServiceState{Name: "CmitClientSVC", Installed: true, Running: true}
			},
		}},
		tinyLogs(t, &opened),
	}
	reader := probe.FromSnapshot(loadSnapshot(t, "lenovo-good.json"))
	d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, reader: reader, caseNo: "CAS-04851-R7R3X9", extra: list})
	d.key("enter")
	d.until(func() bool { return d.hardware().state == finished })
	return d
}

func fixedEndpoints(t *testing.T) []activation.Endpoint {
	t.Helper()
	eps, err := activation.ParseEndpoints([]string{"tcp://oag.cmgos.test:1688", "tcp://missing.cmgos.test:1688"})
	if err != nil {
		t.Fatal(err)
	}
	return eps
}

// fixedNetwork: names under missing. do not exist, the others resolve to
// a documentation address that refuses every connection.
func fixedNetwork() activation.Network {
	notFound := func(host string) error { return &net.DNSError{Err: "no such host", Name: host, IsNotFound: true} }
	return activation.Network{
		LookupHost: func(_ context.Context, host string) ([]string, error) {
			if strings.HasPrefix(host, "missing.") {
				return nil, notFound(host)
			}
			return []string{"192.0.2.10"}, nil
		},
		Dial: func(_ context.Context, network, addr string) (net.Conn, error) {
			if strings.HasPrefix(addr, "missing.") {
				return nil, &net.OpError{Op: "dial", Net: network, Err: notFound(addr)}
			}
			return nil, &net.OpError{Op: "dial", Net: network, Err: syscall.ECONNREFUSED}
		},
		Timeout:  time.Second,
		Now:      func() time.Time { return fixedNow },
		Settings: func() activation.NetSettings { return activation.NetSettings{DNSServers: []string{"192.0.2.53"}} },
	}
}

// next presses Enter on a finished step.
func (d *driver) next() { d.key("enter") }

// untilQuestion runs until step i asks the question id.
func (d *driver) untilQuestion(i int, id string) {
	d.t.Helper()
	d.until(func() bool { q := d.m.stepsV[i].question; return q != nil && q.q.ID == id })
}
