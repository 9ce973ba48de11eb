package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaultsWithoutFile(t *testing.T) {
	got, err := Load(Options{Dirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	if got.File != "" || got.Config.Probe.Timeout != 15*time.Second || got.Config.UI.Theme != "auto" {
		t.Fatalf("got %+v", got)
	}
}

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "actwiz.yaml", "lang: en\nprobe:\n  timeout: 20s\nchecks:\n  placeholders: [ACME-0000, 'XYZ 1']\n")
	got, err := Load(Options{Dirs: []string{"", dir}})
	if err != nil {
		t.Fatal(err)
	}
	c := got.Config
	if c.Lang != "en" || c.Probe.Timeout != 20*time.Second || len(c.Checks.Placeholders) != 2 {
		t.Fatalf("file values not applied: %+v", c)
	}
	t.Setenv("ACTWIZ_PROBE_TIMEOUT", "30s")
	t.Setenv("ACTWIZ_LANG", "zh")
	got, err = Load(Options{Dirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Config.Probe.Timeout != 30*time.Second || got.Config.Lang != "zh" {
		t.Fatalf("environment must win over the file: %+v", got.Config)
	}
	got, err = Load(Options{Dirs: []string{dir}, Flags: map[string]string{"lang": "en"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Config.Lang != "en" {
		t.Fatalf("a flag must win over the environment: %+v", got.Config)
	}
}

func TestFirstDirWins(t *testing.T) {
	stick, user := t.TempDir(), t.TempDir()
	write(t, stick, "actwiz.yaml", "lang: zh\n")
	write(t, user, "actwiz.yaml", "lang: en\n")
	got, err := Load(Options{Dirs: []string{stick, user}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Config.Lang != "zh" || got.File != filepath.Join(stick, "actwiz.yaml") {
		t.Fatalf("the config next to the executable must win: %+v", got)
	}
}

func TestListFromEnvironment(t *testing.T) {
	t.Setenv("ACTWIZ_CHECKS_PLACEHOLDERS", "ACME-0000,XYZ")
	got, err := Load(Options{Dirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	if p := got.Config.Checks.Placeholders; len(p) != 2 || p[0] != "ACME-0000" {
		t.Fatalf("placeholders = %q", p)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, file, content string
		flags               map[string]string
		env                 map[string]string
		want                []string
	}{
		{name: "typo in a key", file: "actwiz.yaml", content: "probe:\n  timout: 5s\n",
			want: []string{"actwiz.yaml", `"probe.timout"`, `did you mean "probe.timeout"`}},
		{name: "wrong type", file: "actwiz.yaml", content: "probe:\n  timeout: [1, 2]\n",
			want: []string{"actwiz.yaml", `"probe.timeout"`, "duration"}},
		{name: "not a duration", file: "actwiz.yaml", content: "probe:\n  timeout: soon\n",
			want: []string{"actwiz.yaml", `"probe.timeout"`, "duration"}},
		{name: "timeout out of range", file: "actwiz.yaml", content: "probe:\n  timeout: 0s\n",
			want: []string{`"probe.timeout"`, "1s to 10m"}},
		{name: "unknown language", file: "actwiz.yaml", content: "lang: fr\n",
			want: []string{`"lang"`, `"fr"`, "zh or en"}},
		{name: "section given a scalar", file: "actwiz.yaml", content: "probe: 5\n",
			want: []string{`"probe"`, "section", "probe.timeout"}},
		{name: "broken YAML", file: "actwiz.yaml", content: "lang: [zh\n",
			want: []string{"actwiz.yaml", "cannot be read"}},
		{name: "broken JSON", file: "actwiz.json", content: `{"lang": }`,
			want: []string{"actwiz.json", "cannot be read"}},
		{name: "bad flag value", flags: map[string]string{"lang": "klingon"},
			want: []string{"--lang", "zh or en"}},
		{name: "bad environment value", env: map[string]string{"ACTWIZ_UI_THEME": "neon"},
			want: []string{"ACTWIZ_UI_THEME", "auto, unicode or plain"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			opts := Options{Flags: c.flags, FlagNames: map[string]string{"lang": "--lang"}}
			if c.file != "" {
				opts.File = write(t, dir, c.file, c.content)
			}
			_, err := Load(opts)
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("want a config error, got %v", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q does not mention %q", err, w)
				}
			}
			if strings.Count(err.Error(), "\n") > 1 {
				t.Errorf("message is more than two lines: %q", err)
			}
		})
	}
}

func TestMissingExplicitFile(t *testing.T) {
	_, err := Load(Options{File: filepath.Join(t.TempDir(), "nope.yaml")})
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Fatalf("a missing --config file must be an error naming it, got %v", err)
	}
}

func TestEveryKeyDocumented(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for key := range keyFields() {
		if Docs[key] == "" {
			t.Errorf("key %s has no entry in config.Docs", key)
		}
		if !strings.Contains(string(readme), "`"+key+"`") {
			t.Errorf("README.md does not document the key `%s`", key)
		}
	}
}

func TestRelativeReportDirIsBesideTheConfigFile(t *testing.T) {
	stick := t.TempDir()
	write(t, stick, "actwiz.yaml", "report:\n  dir: reports\n")
	got, err := Load(Options{Dirs: []string{stick}})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(stick, "reports"); got.Config.Report.Dir != want {
		t.Fatalf("report.dir = %q; want %q", got.Config.Report.Dir, want)
	}
	t.Setenv("ACTWIZ_REPORT_DIR", "rel")
	got, _ = Load(Options{Dirs: []string{stick}})
	if got.Config.Report.Dir != "rel" {
		t.Fatalf("a relative folder from the environment stays as given (the working folder's): %q", got.Config.Report.Dir)
	}
}
