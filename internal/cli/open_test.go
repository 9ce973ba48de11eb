package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"actwiz/internal/facts"
	"actwiz/internal/report/supportcode"
)

// collectPackage runs actwiz collect itself with a files collector over a
// planted client log, written in GBK as the Chinese client writes it.
func collectPackage(t *testing.T, machine facts.Snapshot) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the planted paths are Unix paths")
	}
	logs := t.TempDir()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("2026-11-26 09:10:00 序列号: AA02210025590\n2026-11-26 09:10:02 在线激活失败，服务器错误，请联系客服\n"))
	if err := os.WriteFile(filepath.Join(logs, "CMGE_Active.log"), gbk, 0o644); err != nil {
		t.Fatal(err)
	}
	config := "logs:\n  builtin: false\n  collectors:\n    - {name: client-logs, category: activation-log, files: ['" + logs + "/*.log']}\n"
	out := t.TempDir()
	r := runWithConfig(t, machine, config, "collect", "--output", out, "--format", "json")
	var doc struct{ Path string }
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Path == "" {
		t.Fatalf("collect: exit %d %v\n%s\n%s", r.code, err, r.stdout, r.stderr)
	}
	return doc.Path
}

// addEntry appends an entry to the package the way a hand with a zip tool
// would: every other entry copied as stored.
func addEntry(t *testing.T, path, name string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := zw.Create(name)
	io.WriteString(w, "added later")
	zw.Close()
	zr.Close()
	os.WriteFile(path, buf.Bytes(), 0o644)
}

func TestOpenCommand(t *testing.T) {
	pkg := collectPackage(t, sample())

	r := run(t, facts.Snapshot{}, "open", pkg, "--lang", "en")
	if r.code != ExitFail {
		t.Errorf("open: exit %d, want 1 (the client's log says server error)\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"PC-0142", "client-server-error", "CMGE_Active.log line 2", "no verdict changed", "PASS"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("open text lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "AA02210025590") {
		t.Errorf("the full serial reached the output")
	}

	j := run(t, facts.Snapshot{}, "open", pkg, "--format", "json")
	var doc struct {
		Schema    string
		Package   struct{ Host string }
		Integrity struct {
			OK       bool
			Problems []struct{ Entry string }
		}
		Report   struct{ Checks []struct{ ID, Status string } }
		Rejudged []any
		Findings []struct {
			Source, Code string
			Line         int
		}
	}
	if err := json.Unmarshal([]byte(j.stdout), &doc); err != nil {
		t.Fatalf("json: %v\n%s", err, j.stdout)
	}
	if doc.Schema != "actwiz.open/v1" || doc.Package.Host != "PC-0142" || !doc.Integrity.OK || len(doc.Report.Checks) != 6 || doc.Rejudged == nil || len(doc.Findings) != 1 || doc.Findings[0].Line != 2 {
		t.Errorf("json:\n%s", j.stdout)
	}

	// The facts inside judge like a snapshot file.
	c := run(t, facts.Snapshot{}, "check", "--snapshot", pkg, "--format", "json")
	if c.code != ExitOK || !strings.Contains(c.stdout, `"kind": "snapshot"`) {
		t.Errorf("check --snapshot PKG: exit %d\n%s%s", c.code, c.stdout, c.stderr)
	}
	bad := sample()
	bad.BIOS.SerialNumber = facts.Str("Default string")
	if c := run(t, facts.Snapshot{}, "check", "--snapshot", collectPackage(t, bad)); c.code != ExitFail {
		t.Errorf("check --snapshot of a failing machine's package: exit %d", c.code)
	}

	added := "activation-log-激活日志/client-logs/extra.log"
	addEntry(t, pkg, added)
	d := run(t, facts.Snapshot{}, "open", pkg, "--lang", "en")
	if d.code != ExitUsage || d.stdout != "" || !strings.Contains(d.stderr, added) || !strings.Contains(d.stderr, ".zip.sha256") {
		t.Errorf("tampered: exit %d\nstdout %q\nstderr %s", d.code, d.stdout, d.stderr)
	}
	dj := run(t, facts.Snapshot{}, "open", pkg, "--format", "json")
	if dj.code != ExitUsage || !strings.Contains(dj.stdout, `"ok": false`) || !strings.Contains(dj.stdout, `"report": null`) || !strings.Contains(dj.stdout, added) {
		t.Errorf("tampered json: exit %d\n%s", dj.code, dj.stdout)
	}
	if c := run(t, facts.Snapshot{}, "check", "--snapshot", pkg, "--lang", "en"); c.code != ExitUsage || !strings.Contains(c.stderr, added) {
		t.Errorf("check --snapshot of a tampered package: exit %d %s", c.code, c.stderr)
	}
}

func TestOpenRefusesWhatIsNotAPackage(t *testing.T) {
	dir := t.TempDir()
	snap := saveSnapshot(t, sample())
	fake := filepath.Join(dir, "CMGE_Log_x.zip")
	os.WriteFile(fake, []byte("PK\x03\x04 not really"), 0o644)
	for _, path := range []string{snap, fake, filepath.Join(dir, "missing.zip")} {
		r := run(t, facts.Snapshot{}, "open", path, "--lang", "en")
		if r.code != ExitUsage || !strings.Contains(r.stderr, path) || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("open %s: exit %d %q", path, r.code, r.stderr)
		}
	}
	if r := run(t, facts.Snapshot{}, "open"); r.code != ExitUsage {
		t.Errorf("open without a path: exit %d", r.code)
	}
}

func TestDecodeJSON(t *testing.T) {
	s := sample()
	s.Baseboard.SerialNumber = facts.Str("None")
	j := run(t, facts.Snapshot{}, "check", "--snapshot", saveSnapshot(t, s), "--format", "json")
	var rep struct{ Code string }
	json.Unmarshal([]byte(j.stdout), &rep)
	r := run(t, facts.Snapshot{}, "decode", supportcode.Format(rep.Code), "--format", "json")
	var doc struct {
		Schema, Code string
		Checks       []struct{ ID, Status string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || r.code != 1 {
		t.Fatalf("decode json: exit %d %v\n%s", r.code, err, r.stdout)
	}
	got := map[string]string{}
	for _, c := range doc.Checks {
		got[c.ID] = c.Status
	}
	if doc.Schema != "actwiz.decode/v1" || doc.Code != rep.Code || got["board.serial"] != "fail" || got["bios.serial"] != "pass" {
		t.Errorf("decode json:\n%s", r.stdout)
	}
}

func TestOpenFolder(t *testing.T) {
	pkg := collectPackage(t, sample())
	dir := filepath.Dir(pkg)
	r := run(t, facts.Snapshot{}, "open", dir, "--lang", "en")
	if r.code != ExitOK || !strings.Contains(r.stdout, "PC-0142") || !strings.Contains(r.stdout, filepath.Base(pkg)) {
		t.Errorf("open FOLDER: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	j := run(t, facts.Snapshot{}, "open", dir, "--format", "json")
	var doc struct {
		Schema   string
		Packages []struct {
			Host        string
			IntegrityOK bool `json:"integrity_ok"`
		}
	}
	if err := json.Unmarshal([]byte(j.stdout), &doc); err != nil || doc.Schema != "actwiz.inbox/v1" || len(doc.Packages) != 1 || !doc.Packages[0].IntegrityOK {
		t.Errorf("open FOLDER --format json: %v\n%s", err, j.stdout)
	}
	c := run(t, facts.Snapshot{}, "open", dir, "--format", "csv")
	if !strings.HasPrefix(c.stdout, "\ufeff") || !strings.Contains(c.stdout, "PC-0142") {
		t.Errorf("csv:\n%s", c.stdout)
	}
	if r := run(t, facts.Snapshot{}, "open", pkg, "--format", "csv"); r.code != ExitUsage {
		t.Errorf("csv for one package: exit %d", r.code)
	}
	addEntry(t, pkg, "extra.txt")
	if r := run(t, facts.Snapshot{}, "open", dir, "--lang", "en"); r.code != ExitFail || !strings.Contains(r.stdout, "DAMAGED") || !strings.Contains(r.stdout, "extra.txt") {
		t.Errorf("a damaged package in the folder: exit %d\n%s", r.code, r.stdout)
	}
}
