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

func runVars(t *testing.T, vars map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv:     func(k string) string { return vars[k] },
		Now:        func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) },
		ConfigDirs: []string{t.TempDir()},
	}
	code := Run(context.Background(), args, env)
	return result{code, out.String(), errOut.String()}
}

// lineOf is the line of out showing key.
func lineOf(out, key string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, key+" ") {
			return l
		}
	}
	return ""
}

func TestConfigCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "site.yaml")
	os.WriteFile(file, []byte("probe:\n  timeout: 20s\nlogs:\n  prefix: SITE\nupload:\n  url: https://files.example/in/\n"), 0o644)
	r := runVars(t, map[string]string{"ACTWIZ_PROBE_TIMEOUT": "40s"}, "config", "--config", file, "--theme", "plain", "--lang", "en")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := map[string][]string{
		"probe.timeout":  {"40s", "environment variable ACTWIZ_PROBE_TIMEOUT"},
		"logs.prefix":    {`"SITE"`, "(config file)"},
		"ui.theme":       {`"plain"`, "flag --theme"},
		"serial.profile": {`"cmge"`, "(default)"},
		"upload.url":     {"files.example", "(config file)"},
	}
	if !strings.Contains(r.stdout, "Config file: "+file) {
		t.Errorf("the file in use is not named:\n%s", r.stdout)
	}
	for key, parts := range want {
		l := lineOf(r.stdout, key)
		for _, p := range parts {
			if !strings.Contains(l, p) {
				t.Errorf("%s: line %q lacks %q", key, l, p)
			}
		}
	}

	none := runVars(t, nil, "config", "--lang", "zh")
	if none.code != 0 || !strings.Contains(none.stdout, "配置文件：无") || !strings.Contains(none.stdout, "actwiz.yaml") {
		t.Errorf("no file: exit %d\n%s", none.code, none.stdout)
	}
}

func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(good, []byte("probe:\n  timeout: 20s\n"), 0o644)
	os.WriteFile(bad, []byte("probe:\n  timout: 20s\n"), 0o644)
	if r := runVars(t, nil, "config", "--check", good, "--lang", "en"); r.code != 0 || !strings.Contains(r.stdout, good) {
		t.Errorf("good file: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	r := run(t, facts.Snapshot{}, "config", "--check", bad, "--lang", "zh")
	if r.code != 2 || !strings.Contains(r.stderr, "probe.timout") || r.stdout != "" {
		t.Errorf("bad file: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, facts.Snapshot{}, "config", "--check", filepath.Join(dir, "none.yaml"), "--lang", "en"); r.code != 2 || !strings.Contains(r.stderr, "none.yaml") {
		t.Errorf("missing file: exit %d, %q", r.code, r.stderr)
	}
}

// TestBadVariableInCLI: ACTWIZ_PROBE_TIMEOUT=bad, from the environment the
// CLI is given, names the variable and what is allowed.
func TestBadVariableInCLI(t *testing.T) {
	r := runVars(t, map[string]string{"ACTWIZ_PROBE_TIMEOUT": "bad"}, "check", "--lang", "en")
	if r.code != 2 || !strings.Contains(r.stderr, "ACTWIZ_PROBE_TIMEOUT") || !strings.Contains(r.stderr, "15s") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
