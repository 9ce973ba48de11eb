package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/facts"
)

// testEnv runs commands against files only: no config folders, a fixed
// clock, and no machine (the tests below judge snapshots).
func testEnv(stdout, stderr *bytes.Buffer) Env {
	return Env{
		Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC) },
	}
}

func writeSnapshot(t *testing.T, dir, host string) string {
	t.Helper()
	s := facts.New()
	s.Host = facts.Host{Name: host, OSFamily: "windows"}
	s.BIOS = &facts.BIOS{SerialNumber: facts.Str("PF2XK7QW")}
	s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str("L1HF0AB03XZ")}
	path := filepath.Join(dir, host+".snapshot.json")
	if err := facts.Save(path, s); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckSave(t *testing.T) {
	tmp := t.TempDir()
	snap := writeSnapshot(t, tmp, "财务-01")
	stamp := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC).In(time.Local).Format("20060102-150405")
	cases := []struct {
		name string
		args func(dir string) []string
	}{
		{"separate value", func(dir string) []string { return []string{"check", "--snapshot", snap, "--save", dir} }},
		{"equals value", func(dir string) []string { return []string{"check", "--snapshot", snap, "--save=" + dir} }},
		{"configured folder", func(dir string) []string {
			cfg := filepath.Join(tmp, "actwiz-"+filepath.Base(dir)+".yaml")
			if err := os.WriteFile(cfg, []byte("report:\n  dir: "+dir+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{"check", "--snapshot", snap, "--config", cfg, "--save"}
		}},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(tmp, "out", string(rune('a'+i)))
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), append(c.args(dir), "--lang", "en", "--format", "json"), testEnv(&stdout, &stderr))
			if code == ExitUsage {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			want := filepath.Join(dir, "财务-01_"+stamp+".json")
			data, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("report not saved as %s: %v (stderr %q)", want, err, stderr.String())
			}
			if !bytes.Equal(data, stdout.Bytes()) {
				t.Errorf("the saved report differs from the one printed")
			}
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("stderr %q does not name the saved file %s", stderr.String(), want)
			}
		})
	}
}

func TestCheckSaveUnwritable(t *testing.T) {
	tmp := t.TempDir()
	snap := writeSnapshot(t, tmp, "PC-1")
	blocker := filepath.Join(tmp, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"check", "--snapshot", snap, "--save", blocker, "--lang", "en"}, testEnv(&stdout, &stderr))
	if code != ExitUsage || !strings.Contains(stderr.String(), blocker) {
		t.Errorf("saving into a file: exit %d, stderr %q; want 2 naming %s", code, stderr.String(), blocker)
	}
}

func TestCheckHelpShowsSaveCleanly(t *testing.T) {
	var stdout, stderr bytes.Buffer
	Run(context.Background(), []string{"help", "check", "--lang", "en"}, testEnv(&stdout, &stderr))
	if !strings.Contains(stdout.String(), "--save DIR") {
		t.Errorf("help check does not show --save DIR:\n%s", stdout.String())
	}
	if strings.ContainsFunc(stdout.String(), func(r rune) bool { return r < 0x20 && r != '\n' }) {
		t.Errorf("help check holds control characters: %q", stdout.String())
	}
}
