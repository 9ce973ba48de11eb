package ui

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/platform/elevation"
	"actwiz/internal/probe"
	"actwiz/steps"
)

// adminLogs is tinyLogs with a collector that needs administrator rights,
// run by a standard user, and a Restart that records what it was asked.
func adminLogs(t *testing.T, restarts *[]elevation.Options) *steps.Logs {
	var opened string
	logs := tinyLogs(t, &opened)
	logs.Extra = append(logs.Extra, collect.Collector{Name: "gp", Category: "group-policy", Command: []string{"sh", "-c", "echo user part"}, Admin: true})
	logs.Elevated = func() bool { return false }
	logs.Restart = func(o elevation.Options) error { *restarts = append(*restarts, o); return nil }
	return logs
}

// Yes to the elevation question restarts actwiz with the case number and
// language, and the wizard ends saying the new window carries on.
func TestWizardEndsWhenHandedToTheElevatedWindow(t *testing.T) {
	var restarts []elevation.Options
	reader := probe.FromSnapshot(loadSnapshot(t, "lenovo-good.json"))
	d := newDriver(t, setup{lang: i18n.EN, w: 120, h: 40, reader: reader, caseNo: "CAS-04851-R7R3X9", extra: []steps.Step{adminLogs(t, &restarts)}})
	d.key("enter")
	d.until(func() bool { return d.hardware().state == finished })
	d.key("enter")
	s := d.m.stepsV[1]
	d.until(func() bool { return s.question != nil && s.question.q.ID == "logs.categories" })
	d.key("enter")
	d.until(func() bool { return s.question != nil && s.question.q.ID == "logs.elevate" })
	if v := d.view(); !strings.Contains(v, "Restart actwiz as administrator?") || !strings.Contains(v, "need administrator rights to be complete: gp") {
		t.Fatalf("the offer and the items needing rights are not in view:\n%s", v)
	}
	d.key("y")
	d.until(func() bool { return d.quit })
	if len(restarts) != 1 || restarts[0].Case != "CAS-04851-R7R3X9" || restarts[0].Lang != i18n.EN || !slices.Equal(restarts[0].Args, []string{"wizard"}) {
		t.Errorf("restarted with %+v", restarts)
	}
	if got := d.m.HandedOver(); !strings.Contains(got.EN, "continues in the new administrator window") || got.ZH == "" {
		t.Errorf("handover line %+v", got)
	}
	if d.m.Finished() {
		t.Error("the summary was reached after handing over")
	}
}

// Plain mode asks the same question from the same events; yes ends it
// with the handover line and exit status 0, no summary after it.
func TestPlainModeHandsOver(t *testing.T) {
	var restarts []elevation.Options
	sess := &steps.Session{Lang: i18n.ZH, Started: fixedNow}
	opts := Options{Steps: []steps.Step{adminLogs(t, &restarts)}, Session: sess, Lang: i18n.ZH, Glyphs: display.Plain, ReportDir: t.TempDir(), Version: "test", Now: func() time.Time { return fixedNow }}
	var out bytes.Buffer
	code, err := RunPlain(context.Background(), opts, strings.NewReader("CAS-1\n\ny\n"), &out)
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	for _, want := range []string{"要以管理员身份重新启动 actwiz 吗？", "[y/N]", "已经在新打开的管理员窗口中继续"} {
		if !strings.Contains(got, want) {
			t.Errorf("plain output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "== 总结 ==") {
		t.Errorf("the summary was printed after handing over:\n%s", got)
	}
	if len(restarts) != 1 || restarts[0].Case != "CAS-1" || restarts[0].Lang != i18n.ZH {
		t.Errorf("restarted with %+v", restarts)
	}
}
