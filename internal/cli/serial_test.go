package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/facts"
	"actwiz/internal/probe"
)

const (
	enteredSerial = "AA02210025590"
	lastSerial    = "FF12345700209"
)

// runWith runs actwiz with a config file's content and standard input.
func runWith(t *testing.T, dir, config, stdin string, args ...string) result {
	t.Helper()
	if config != "" {
		write := filepath.Join(dir, "actwiz.yaml")
		if err := os.WriteFile(write, []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return runEnv(t, dir, sample(), stdin, args...)
}

// runMachine runs actwiz on a machine that answers like machine, with the
// config folder dir.
func runMachine(t *testing.T, dir string, machine facts.Snapshot, args ...string) result {
	return runEnv(t, dir, machine, "", args...)
}

func runEnv(t *testing.T, dir string, machine facts.Snapshot, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) },
		Machine:    func() probe.Reader { return probe.FromSnapshot(machine) },
		ConfigDirs: []string{dir},
	}
	code := Run(context.Background(), args, env)
	return result{code, out.String(), errOut.String()}
}

func serialConfig(t *testing.T, dir string) string {
	log := filepath.Join(dir, "CMGE_Active.log")
	os.WriteFile(log, []byte("2021-10-08 激活成功 序列号="+lastSerial+"\n"), 0o644)
	return "serial:\n  last_sources:\n    - file: '" + log + "'\n      pattern: '序列号=(\\w+)'\n"
}

func TestSerialCommand(t *testing.T) {
	cases := []struct {
		name     string
		sources  bool
		stdin    string
		args     []string
		code     int
		contains []string
	}{
		{"differs, explained", true, "", []string{"serial", "--serial", "ａａ０２２１ ００２５５９０", "--lang", "en"}, 0,
			[]string{"WARN", "FF*****700209", "AA*****025590", "activated again under the new serial"}},
		{"same, piped in", true, "ff1234-5700209\n", []string{"serial", "--lang", "en"}, 0, []string{"PASS", "FF*****700209"}},
		{"bad format", true, "", []string{"serial", "--serial", "AA0221OO25590", "--lang", "en"}, 1,
			[]string{"FAIL", "the letter O", "SKIP"}},
		{"no source", false, "", []string{"serial", "--serial", enteredSerial, "--lang", "zh"}, 3,
			[]string{"未知", "serial.last_sources"}},
		{"json", true, "", []string{"serial", "--serial", enteredSerial, "--format", "json"}, 0,
			[]string{`"serial.match"`, `"observed": "FF*****700209 -> AA*****025590"`}},
		{"nothing typed", true, "\n", []string{"serial", "--lang", "en"}, 2, []string{"No serial was given"}},
		{"serial as an argument", true, "", []string{"serial", enteredSerial, "--lang", "en"}, 2, []string{"Give the serial with --serial"}},
		{"mistyped flag", true, "", []string{"--seria", enteredSerial, "serial", "--lang", "en"}, 2, []string{"AA*****025590"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := ""
			if c.sources {
				cfg = serialConfig(t, dir)
			}
			r := runWith(t, dir, cfg, c.stdin, c.args...)
			if r.code != c.code {
				t.Fatalf("exit %d; want %d\nstdout: %s\nstderr: %s", r.code, c.code, r.stdout, r.stderr)
			}
			for _, w := range c.contains {
				if !strings.Contains(r.stdout+r.stderr, w) {
					t.Errorf("output lacks %q:\n%s%s", w, r.stdout, r.stderr)
				}
			}
			assertNoSerial(t, dir, r)
			if c.name == "json" {
				var rep struct {
					Code  string         `json:"code"`
					Facts map[string]any `json:"facts"`
				}
				if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Code[:2] != "02" || rep.Facts != nil {
					t.Errorf("json report: code %q (want catalogue 02), facts %v, err %v", rep.Code, rep.Facts, err)
				}
			}
		})
	}
}

// assertNoSerial fails when the full serials appear in anything actwiz
// wrote: its output, or any file under dir other than the test's own log.
func assertNoSerial(t *testing.T, dir string, r result) {
	t.Helper()
	secrets := []string{enteredSerial, lastSerial, "ａａ０２２１", "ff1234-5700209"}
	for _, s := range secrets {
		if strings.Contains(strings.ToUpper(r.stdout+r.stderr), strings.ToUpper(s)) {
			t.Errorf("output contains the unmasked serial %s", s)
		}
	}
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || filepath.Base(path) == "CMGE_Active.log" || filepath.Base(path) == "actwiz.yaml" {
			return nil
		}
		data, _ := os.ReadFile(path)
		for _, s := range secrets {
			if bytes.Contains(bytes.ToUpper(data), []byte(strings.ToUpper(s))) {
				t.Errorf("%s contains the unmasked serial %s", path, s)
			}
		}
		return nil
	})
}
