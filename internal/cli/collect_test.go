package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"actwiz/internal/facts"
	"actwiz/internal/probe"
)

func runWithConfig(t *testing.T, machine facts.Snapshot, configYAML string, args ...string) result {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "actwiz.yaml"), []byte(configYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) },
		Machine:    func() probe.Reader { return probe.FromSnapshot(machine) },
		ConfigDirs: []string{dir},
	}
	code := Run(context.Background(), args, env)
	return result{code, out.String(), errOut.String()}
}

const testCollectors = `
logs:
  builtin: false
  collectors:
    - {name: net, category: network, command: [sh, -c, "echo PC-0142 at 10.20.30.40 54:E1:AD:12:34:56"]}
    - {name: broken, category: processes, command: [sh, -c, "exit 3"]}
`

func TestCollectCommand(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the test collectors are shell commands")
	}
	out := t.TempDir()
	r := runWithConfig(t, sample(), testCollectors, "collect", "--output", out, "--case", "K9", "--format", "json", "--lang", "en")
	if r.code != ExitFail {
		t.Fatalf("exit %d, want 1 (a collector failed)\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	var doc struct {
		Schema, Path, SHA256 string
		Collectors           []struct{ Name, Status string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if filepath.Base(doc.Path) != "CMGE_Log_PC-0142_"+time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC).Local().Format("20060102-150405")+"_K9.zip" {
		t.Errorf("path %s", doc.Path)
	}
	if len(doc.Collectors) != 2 || doc.Collectors[0].Status != "pass" || doc.Collectors[1].Status != "fail" {
		t.Errorf("collectors %+v", doc.Collectors)
	}
	if !strings.Contains(r.stderr, "broken") || !strings.Contains(r.stderr, "exited with status 3") {
		t.Errorf("progress lines on stderr:\n%s", r.stderr)
	}
	if err := exec.Command("unzip", "-tq", doc.Path).Run(); err != nil {
		t.Errorf("unzip -t: %v", err)
	}
	report, err := exec.Command("unzip", "-p", doc.Path, "actwiz-report.json").Output()
	if err != nil || !strings.Contains(string(report), `"case": "K9"`) {
		t.Errorf("report in the package: %v %.200s", err, report)
	}
}

func TestCollectRedacts(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the test collectors are shell commands")
	}
	out := t.TempDir()
	r := runWithConfig(t, sample(), testCollectors, "collect", "--output", out, "--only", "network", "--redact", "--lang", "en")
	if r.code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	zips, _ := filepath.Glob(filepath.Join(out, "*.zip"))
	if len(zips) != 1 || strings.Contains(zips[0], "PC-0142") {
		t.Fatalf("packages %v", zips)
	}
	all, err := exec.Command("unzip", "-p", zips[0]).Output()
	if err != nil {
		t.Fatal(err)
	}
	// The host name, serials, NIC address and IP from the facts and the
	// collector's output are all gone.
	for _, v := range []string{"PC-0142", "PF2XK7QW", "L1HF0AB03XZ", "54:E1:AD:12:34:56", "10.20.30.40"} {
		if bytes.Contains(bytes.ToLower(all), bytes.ToLower([]byte(v))) {
			t.Errorf("%s is still in the package", v)
		}
	}
	if !strings.Contains(r.stdout, "Redaction mapping") {
		t.Errorf("no word about the mapping file:\n%s", r.stdout)
	}
}

func TestCollectRefusesBadInput(t *testing.T) {
	r := runWithConfig(t, sample(), testCollectors, "collect", "--only", "printers", "--lang", "en")
	if r.code != ExitUsage || !strings.Contains(r.stderr, `no category "printers"`) {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
	r = runWithConfig(t, sample(), testCollectors, "collect", "--only", "network", "--output", filepath.Join(t.TempDir(), "gone"), "--lang", "en")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "the folder does not exist") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
}
