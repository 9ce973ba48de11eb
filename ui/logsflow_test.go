package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/probe"
	"actwiz/steps"
)

// tinyLogs is the real logs step with one file collector over a temporary
// folder, writing its package to another: small, fast, and hermetic.
func tinyLogs(t *testing.T, opened *string) *steps.Logs {
	t.Helper()
	src := t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "client.log"), []byte("activation failed: 0x8007232B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return &steps.Logs{
		Prefix: "CMGE_Log", Dir: t.TempDir(), Ask: true, Version: "test", Glyphs: display.Plain,
		Now:        func() time.Time { return fixedNow },
		Extra:      []collect.Collector{{Name: "client-log", Category: "activation-log", Files: []string{filepath.Join(src, "*.log")}}},
		OpenFolder: func(p string) error { *opened = p; return nil },
	}
}

// The package's path is on the step's screen when the user is asked to
// open its folder, stays there after, and the summary lists it under the
// report with a next step to send it.
func TestLogPackageOnTheStepScreenAndTheSummary(t *testing.T) {
	var opened string
	logs := tinyLogs(t, &opened)
	// A machine read live (not a snapshot), so the logs step collects.
	reader := probe.FromSnapshot(loadSnapshot(t, "lenovo-good.json"))
	d := newDriver(t, setup{lang: i18n.EN, w: 120, h: 40, reader: reader, extra: []steps.Step{logs}})
	d.key("enter")
	d.until(func() bool { return d.hardware().state == finished })
	d.key("enter")
	s := d.m.stepsV[1]
	d.until(func() bool { return s.question != nil && s.question.q.ID == "logs.categories" })
	d.key("enter")
	d.until(func() bool { return s.question != nil && s.question.q.ID == "logs.open-folder" })
	v := d.view()
	if !strings.Contains(v, "Log package saved:") || !strings.Contains(v, "Open the folder with the package selected?") {
		t.Fatalf("the path must be in view with the question:\n%s", v)
	}
	d.key("n")
	d.until(func() bool { return s.state == finished })
	if opened != "" {
		t.Errorf("answered no, yet opened %q", opened)
	}
	if v := d.view(); !strings.Contains(v, "Log package saved:") || !strings.Contains(v, "Press Enter for the summary.") {
		t.Errorf("the finished step keeps the path:\n%s", v)
	}
	pkg := d.m.sess.LogPackage
	if _, err := os.Stat(pkg); err != nil || !strings.HasPrefix(filepath.Base(pkg), "CMGE_Log_PC-0097_") {
		t.Fatalf("the session's package %q: %v", pkg, err)
	}
	d.key("enter")
	d.drain()
	v = d.view()
	for _, want := range []string{"Report saved to:", "Log package:", "3. Send support the support code"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
	if strings.Index(v, "Log package:") < strings.Index(v, "Report saved to:") {
		t.Errorf("the package goes under the report:\n%s", v)
	}
}

// With an upload address configured, the summary says to upload the
// package; once uploaded, that it is there.
func TestLogsNextStep(t *testing.T) {
	tests := []struct {
		pkg, uploaded, url string
		want               string
	}{
		{"", "", "https://x.test/", ""},
		{"/d/p.zip", "", "", "report file and the log package"},
		{"/d/p.zip", "", "https://x.test/", "upload the log package: actwiz upload"},
		{"/d/p.zip", "https://x.test/p.zip", "https://x.test/", "uploaded to https://x.test/p.zip"},
	}
	for _, tt := range tests {
		got := logsNext(tt.pkg, tt.uploaded, tt.url)
		if tt.want == "" {
			if len(got) != 0 {
				t.Errorf("%+v: %v", tt, got)
			}
			continue
		}
		if len(got) != 1 || !strings.Contains(got[0].EN, tt.want) || got[0].ZH == "" {
			t.Errorf("%+v: %v", tt, got)
		}
	}
}
