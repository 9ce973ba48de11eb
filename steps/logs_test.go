package steps

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/upload"
)

func TestLogsStepAsksThenPacksTheChosenCategories(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the test collectors are shell commands")
	}
	dir := t.TempDir()
	step := &Logs{
		Builtin: false, Prefix: "CMGE_Log", Dir: dir, Ask: true, Version: "test", Glyphs: display.Plain,
		Now: func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.Local) },
		Extra: []collect.Collector{
			{Name: "net", Category: "network", Command: []string{"sh", "-c", "echo net"}},
			{Name: "ps", Category: "processes", Command: []string{"sh", "-c", "echo ps"}},
			{Name: "broken", Category: "processes", Command: []string{"sh", "-c", "exit 4"}},
		},
	}
	if len(step.Items()) != 3 {
		t.Fatalf("items: %v", step.Items())
	}
	snap := facts.New()
	snap.Host.Name = "pc-test"
	s := &Session{Facts: snap, Case: "77", Lang: i18n.EN}
	done := map[string]checks.Status{}
	var asked []string
	step.Run(context.Background(), s, func(e Event) {
		switch e := e.(type) {
		case *Question:
			asked = append(asked, e.ID)
			if e.ID == "logs.categories" {
				if len(e.Choices) != 7 || !e.Choices[0].Selected || e.Choices[6].Label.ZH != "升级日志" {
					t.Errorf("checklist: %+v", e.Choices)
				}
				e.Reply(Answer{Values: []string{"processes"}})
			}
		case ItemDone:
			done[e.Result.ID] = e.Result.Status
		case Finished:
			if e.Err != nil {
				t.Errorf("finished with %v", e.Err)
			}
		}
	})
	want := map[string]checks.Status{"logs.net": checks.Skip, "logs.ps": checks.Pass, "logs.broken": checks.Fail}
	for id, st := range want {
		if done[id] != st {
			t.Errorf("%s: %s, want %s", id, done[id], st)
		}
	}
	if step.Outcome == nil || !strings.HasPrefix(filepath.Base(step.Outcome.Path), "CMGE_Log_pc-test_20261126-100000_77") {
		t.Fatalf("outcome %+v", step.Outcome)
	}
	if _, err := os.Stat(step.Outcome.Path); err != nil {
		t.Error(err)
	}
	// No OpenFolder: no question about it.
	if strings.Join(asked, ",") != "logs.categories" {
		t.Errorf("asked %v", asked)
	}
	names := map[string]bool{}
	for _, f := range step.Outcome.Manifest.Files {
		names[f.Path] = true
	}
	for _, n := range []string{"actwiz-report.json", "actwiz-report.txt", "actwiz-facts.json"} {
		if !names[n] {
			t.Errorf("own file %s missing: %v", n, names)
		}
	}
}

func TestLogsStepOpensTheFolderAndUploads(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the test collectors are shell commands")
	}
	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "reseller7" || p != "typed" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		got, _ = io.ReadAll(r.Body)
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	var revealed string
	step := &Logs{
		Prefix: "CMGE_Log", Dir: t.TempDir(), Ask: true, Glyphs: display.Plain, Now: time.Now,
		Extra:      []collect.Collector{{Name: "net", Category: "network", Command: []string{"sh", "-c", "echo net"}}},
		OpenFolder: func(p string) error { revealed = p; return nil },
		Upload:     upload.Options{URL: srv.URL + "/dav/", User: "reseller7"},
		Getenv:     func(string) string { return "" },
	}
	snap := facts.New()
	snap.Host.Name = "pc-test"
	var notes []string
	var kept int
	sess := &Session{Facts: snap, Lang: i18n.EN}
	step.Run(context.Background(), sess, func(e Event) {
		switch e := e.(type) {
		case *Question:
			switch e.ID {
			case "logs.categories":
				e.Reply(Answer{Values: []string{"network"}})
			case "logs.open-folder", "logs.upload":
				e.Reply(Answer{Text: "y"})
			case "logs.upload-password":
				if e.Kind != Secret || e.Validate("").Empty() {
					t.Errorf("password question: kind %v", e.Kind)
				}
				e.Reply(Answer{Text: "typed"})
			}
		case Note:
			notes = append(notes, e.Text.EN)
			if e.Keep {
				kept++
			}
		}
	})
	if step.Outcome == nil || revealed != step.Outcome.Path {
		t.Fatalf("revealed %q, outcome %+v", revealed, step.Outcome)
	}
	local, _ := os.ReadFile(step.Outcome.Path)
	if !bytes.Equal(got, local) || len(local) == 0 {
		t.Errorf("server got %d bytes, package has %d", len(got), len(local))
	}
	if !strings.Contains(strings.Join(notes, "\n"), "Uploaded: "+srv.URL+"/dav/") {
		t.Errorf("notes:\n%s", strings.Join(notes, "\n"))
	}
	// The summary finds the package, and where it went, in the session;
	// the step's screen keeps the saved and uploaded notes.
	if sess.LogPackage != step.Outcome.Path || sess.LogMap != "" || !strings.HasPrefix(sess.LogUploaded, srv.URL+"/dav/") {
		t.Errorf("session: package %q, map %q, uploaded %q", sess.LogPackage, sess.LogMap, sess.LogUploaded)
	}
	if kept != 2 {
		t.Errorf("%d notes kept; want the saved and the uploaded one", kept)
	}
}

func TestEscapePath(t *testing.T) {
	tests := []struct{ in, want string }{
		{`C:\Users\张三\Desktop\CMGE_Log.zip`, `C:\Users\张三\Desktop\CMGE_Log.zip`},
		{"C:\\evil\x1b[2J\\x", `C:\evil\x1b[2J\x`},
	}
	for _, tt := range tests {
		if got := EscapePath(tt.in); got != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
	}
}

// On a snapshot the machine actwiz runs on is not the one judged: the step
// collects nothing, asks nothing, writes nothing, and says why.
func TestLogsStepSkipsOnASnapshot(t *testing.T) {
	dir := t.TempDir()
	step := &Logs{
		Prefix: "CMGE_Log", Dir: dir, Ask: true, Glyphs: display.Plain, Now: time.Now,
		Extra:      []collect.Collector{{Name: "net", Category: "network", Command: []string{"sh", "-c", "echo net"}}},
		OpenFolder: func(string) error { t.Error("a snapshot run must not open folders"); return nil },
	}
	var notes []string
	done := map[string]checks.Status{}
	finished := false
	step.Run(context.Background(), &Session{Facts: facts.New(), Source: Source{Snapshot: true, File: "pc.json"}}, func(e Event) {
		switch e := e.(type) {
		case *Question:
			t.Errorf("asked %s on a snapshot", e.ID)
			e.Reply(Answer{Cancelled: true})
		case Note:
			notes = append(notes, e.Text.EN)
		case ItemDone:
			done[e.Result.ID] = e.Result.Status
		case Finished:
			finished = e.Err == nil
		}
	})
	if !finished || step.Outcome != nil {
		t.Fatalf("finished %v, outcome %+v", finished, step.Outcome)
	}
	if done["logs.net"] != checks.Skip {
		t.Errorf("the collector's line: %v", done)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "recorded snapshot") {
		t.Errorf("notes %q", notes)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("wrote %v", files)
	}
}
