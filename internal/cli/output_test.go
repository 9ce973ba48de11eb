//go:build unix

package cli

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"actwiz/internal/probe"
)

// TestOutputTargets gives snapshot -o and fleet -o every kind of target on
// the real file system. A refusal is exit 2 with a sentence, before the
// command reads its inputs (the machine is not probed).
func TestOutputTargets(t *testing.T) {
	type setup func(t *testing.T, dir string) (out string, extra []string)
	plain := func(name string) setup {
		return func(t *testing.T, dir string) (string, []string) { return filepath.Join(dir, name), nil }
	}
	cases := []struct {
		name  string
		setup setup
		code  int
		// stderr holds these; never holds never.
		stderr, never []string
		check         func(t *testing.T, dir, out string)
	}{
		{"character device is written through", func(t *testing.T, dir string) (string, []string) {
			// A null device of our own: as root, the bug turned the
			// machine's /dev/null into a file, which the test must not risk.
			p := filepath.Join(dir, "null")
			if b, err := exec.Command("mknod", p, "c", "1", "3").CombinedOutput(); err != nil {
				t.Skipf("cannot make a device node: %v %s", err, b)
			}
			return p, nil
		}, 0, nil, nil, func(t *testing.T, dir, out string) {
			if info, err := os.Lstat(out); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
				t.Errorf("the device became %v (%v)", info.Mode(), err)
			}
		}},
		{"symlink stays, its target is replaced", func(t *testing.T, dir string) (string, []string) {
			os.WriteFile(filepath.Join(dir, "target.out"), []byte("old"), 0o644)
			os.Symlink("target.out", filepath.Join(dir, "link.out"))
			return filepath.Join(dir, "link.out"), nil
		}, 0, nil, nil, func(t *testing.T, dir, out string) {
			if info, _ := os.Lstat(out); info.Mode()&fs.ModeSymlink == 0 {
				t.Error("the link was replaced by a file")
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "target.out")); string(b) == "old" {
				t.Error("the link's target was not written")
			}
		}},
		{"existing file keeps its mode", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "kept.out")
			os.WriteFile(p, []byte("old"), 0o600)
			return p, nil
		}, 0, nil, nil, func(t *testing.T, dir, out string) {
			if info, _ := os.Stat(out); info.Mode() != 0o600 {
				t.Errorf("mode %v; want 0600 kept", info.Mode())
			}
		}},
		{"FIFO is refused", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip(err)
			}
			return p, nil
		}, 2, []string{"not a regular file"}, nil, func(t *testing.T, dir, out string) {
			if info, _ := os.Lstat(out); info.Mode()&fs.ModeNamedPipe == 0 {
				t.Error("the FIFO was replaced")
			}
		}},
		{"folder is refused as a folder", func(t *testing.T, dir string) (string, []string) {
			return dir, nil
		}, 2, []string{"is a folder", "give a file name, for example "}, []string{"file exists"}, nil},
		{"the config file is an input", func(t *testing.T, dir string) (string, []string) {
			p := filepath.Join(dir, "actwiz.yaml")
			os.WriteFile(p, []byte("lang: en\n"), 0o644)
			return p, []string{"--config", p}
		}, 2, []string{"is an input of this command, so"}, nil, func(t *testing.T, dir, out string) {
			if b, _ := os.ReadFile(out); string(b) != "lang: en\n" {
				t.Errorf("the config file was overwritten: %q", b)
			}
		}},
		{"missing folder names the path once", plain(filepath.Join("missing", "out.json")),
			2, []string{"Could not write", "no such file or directory"}, []string{"cannot write"}, func(t *testing.T, dir, out string) {
				// checked below: the path appears once
			}},
	}
	for _, cmd := range []string{"snapshot", "fleet"} {
		for _, c := range cases {
			t.Run(cmd+"/"+c.name, func(t *testing.T) {
				dir := t.TempDir()
				out, extra := c.setup(t, dir)
				args := []string{cmd, "-o", out, "--lang", "en"}
				if cmd == "fleet" {
					args = append(args, writeSnapshot(t, t.TempDir(), "PC-01"))
				}
				probed := false
				var stdout, stderr bytes.Buffer
				env := testEnv(&stdout, &stderr)
				env.Machine = func() probe.Reader { probed = true; return probe.FromSnapshot(sample()) }
				env.ConfigDirs = []string{t.TempDir()}
				done := make(chan int, 1)
				go func() { done <- Run(context.Background(), append(args, extra...), env) }()
				var code int
				select {
				case code = <-done:
				case <-time.After(10 * time.Second):
					t.Fatal("the command blocked")
				}
				if code != c.code {
					t.Fatalf("exit %d; want %d\n%s", code, c.code, stderr.String())
				}
				for _, s := range c.stderr {
					if !strings.Contains(stderr.String(), s) {
						t.Errorf("stderr %q lacks %q", stderr.String(), s)
					}
				}
				for _, s := range c.never {
					if strings.Contains(stderr.String(), s) {
						t.Errorf("stderr %q says %q", stderr.String(), s)
					}
				}
				if strings.Count(stderr.String(), out) != 1 {
					t.Errorf("stderr names %s %d times; want once: %q", out, strings.Count(stderr.String(), out), stderr.String())
				}
				if c.code == 2 && probed && c.name != "missing folder names the path once" {
					t.Error("the machine was probed before the output was refused")
				}
				if c.check != nil {
					c.check(t, dir, out)
				}
			})
		}
	}
}

// TestOutputOntoItsOwnInput: fleet refuses to write over a report it reads,
// named directly, through a link, or found in a folder it reads.
func TestOutputOntoItsOwnInput(t *testing.T) {
	tmp := t.TempDir()
	reports := filepath.Join(tmp, "reports")
	saveReportOf(t, tmp, reports, "PC-01")
	entries, _ := os.ReadDir(reports)
	report := filepath.Join(reports, entries[0].Name())
	os.Symlink(report, filepath.Join(tmp, "link.json"))
	before, _ := os.ReadFile(report)
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"fleet", report, "-o", report}, 2},
		{[]string{"fleet", report, "-o", filepath.Join(tmp, "link.json")}, 2},
		{[]string{"fleet", reports, "-o", report}, 2},
		{[]string{"fleet", reports, "-o", filepath.Join(reports, "summary.csv"), "--format", "csv"}, 0},
	} {
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), append(c.args, "--lang", "en"), testEnv(&stdout, &stderr))
		if code != c.code {
			t.Errorf("%v: exit %d; want %d\n%s", c.args, code, c.code, stderr.String())
		}
		if c.code == 2 && !strings.Contains(stderr.String(), "is an input") {
			t.Errorf("%v: stderr %q", c.args, stderr.String())
		}
	}
	if after, _ := os.ReadFile(report); !bytes.Equal(before, after) {
		t.Error("the report read was overwritten")
	}
}

// TestCheckSaveNeverLandsOnItsSnapshot: a snapshot that happens to carry
// the name the report is saved under is kept, and the report takes -2.
func TestCheckSaveNeverLandsOnItsSnapshot(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	env := testEnv(&stdout, &stderr)
	name := "PC-01_" + env.Now().Local().Format("20060102-150405")
	snap := writeSnapshot(t, t.TempDir(), "PC-01")
	data, _ := os.ReadFile(snap)
	landing := filepath.Join(dir, name+".json")
	os.WriteFile(landing, data, 0o644)
	if code := Run(context.Background(), []string{"check", "--snapshot", landing, "--save", dir, "--lang", "en"}, env); code == 2 {
		t.Fatalf("exit 2: %s", stderr.String())
	}
	if after, _ := os.ReadFile(landing); !bytes.Equal(after, data) {
		t.Error("the snapshot was overwritten by the report")
	}
	if _, err := os.Stat(filepath.Join(dir, name+"-2.json")); err != nil {
		t.Errorf("the report is not beside it as -2: %v\n%s", err, stderr.String())
	}
}

// TestSaveFailureNamesThePathOnce: "could not be saved in X: cannot create
// the folder X: …" said the folder twice.
func TestSaveFailureNamesThePathOnce(t *testing.T) {
	tmp := t.TempDir()
	snap := writeSnapshot(t, tmp, "PC-1")
	blocker := filepath.Join(tmp, "file")
	os.WriteFile(blocker, nil, 0o644)
	for _, dir := range []string{blocker, filepath.Join(blocker, "sub")} {
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), []string{"check", "--snapshot", snap, "--save", dir, "--lang", "en"}, testEnv(&stdout, &stderr))
		if code != ExitUsage || strings.Count(stderr.String(), blocker) != 1 {
			t.Errorf("--save %s: exit %d, stderr %q; want 2 naming the folder once", dir, code, stderr.String())
		}
	}
}

func TestCollectIntoAFileSaysItIsNotAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	r := runWithConfig(t, sample(), testCollectors, "collect", "--output", file, "--lang", "en")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "not a folder") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(file); string(b) != "x" {
		t.Error("the file was changed")
	}
}
