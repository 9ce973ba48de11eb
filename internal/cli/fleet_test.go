package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// saveReportOf runs "check --snapshot --save" so the fleet tests read
// reports made the way a technician makes them.
func saveReportOf(t *testing.T, snapDir, reportDir, host string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	snap := writeSnapshot(t, snapDir, host)
	if code := Run(context.Background(), []string{"check", "--snapshot", snap, "--save", reportDir, "--lang", "en"}, testEnv(&stdout, &stderr)); code == ExitUsage {
		t.Fatalf("check --save: %s", stderr.String())
	}
}

func TestFleetCommand(t *testing.T) {
	tmp := t.TempDir()
	reports := filepath.Join(tmp, "reports")
	// writeSnapshot gives every machine the same serials: the white-box case.
	saveReportOf(t, tmp, reports, "PC-01")
	saveReportOf(t, tmp, reports, "PC-02")
	bad := filepath.Join(reports, "broken.json")
	if err := os.WriteFile(bad, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		args      []string
		code      int
		stdout    []string
		stderr    []string
		noStdout  bool
		outputCSV string
	}{
		{"bad file stops", []string{"fleet", reports}, ExitUsage, nil, []string{bad}, true, ""},
		{"keep going", []string{"fleet", reports, "--keep-going"}, ExitUsage, []string{"PC-01, PC-02", "Unreadable files: 1"}, []string{bad}, false, ""},
		{"duplicates", []string{"fleet", filepath.Join(reports, "PC-01_*"), "--format", "json"}, ExitUsage, nil, []string{"PC-01_*"}, true, ""},
		{"no paths", []string{"fleet"}, ExitUsage, nil, []string{"Give report files"}, true, ""},
		{"bad format", []string{"fleet", reports, "--format", "xml"}, ExitUsage, nil, []string{"xml"}, true, ""},
		{"csv to file", []string{"fleet", reports, "--keep-going", "--format", "csv", "-o", filepath.Join(tmp, "fleet.csv")}, ExitUsage, nil, []string{"fleet.csv"}, true, filepath.Join(tmp, "fleet.csv")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), append(c.args, "--lang", "en"), testEnv(&stdout, &stderr))
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, stderr.String())
			}
			for _, w := range c.stdout {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout %q lacks %q", stdout.String(), w)
				}
			}
			for _, w := range c.stderr {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr %q lacks %q", stderr.String(), w)
				}
			}
			if c.noStdout && stdout.Len() > 0 {
				t.Errorf("stdout should be empty, got %q", stdout.String())
			}
			if c.outputCSV != "" {
				data, err := os.ReadFile(c.outputCSV)
				if err != nil || !strings.HasPrefix(string(data), "\ufeff") || !strings.Contains(string(data), "duplicate,bios.serial") {
					t.Errorf("CSV file: %v %q", err, data)
				}
			}
		})
	}

	// Without the bad file: duplicates found, exit 1.
	if err := os.Remove(bad); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"fleet", reports, "--format", "json", "--lang", "en"}, testEnv(&stdout, &stderr))
	if code != ExitFail || !strings.Contains(stdout.String(), `"schema": "actwiz.fleet/v1"`) || !strings.Contains(stdout.String(), `"field": "bios.serial"`) {
		t.Errorf("exit %d, stdout %s, stderr %s; want 1 and a bios.serial duplicate", code, stdout.String(), stderr.String())
	}
}
