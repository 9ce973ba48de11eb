package config

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestInjectedEnvironmentAndSources: the loader reads the variables it is
// given (the process's are left alone) and records where each value came
// from, in the order defaults < file < ACTWIZ_* < flags.
func TestInjectedEnvironmentAndSources(t *testing.T) {
	t.Setenv("ACTWIZ_UI_THEME", "unicode") // the process's: must be ignored
	dir := t.TempDir()
	file := write(t, dir, "actwiz.yaml", "probe:\n  timeout: 20s\nlogs:\n  prefix: SITE\nlang: zh\n")
	env := map[string]string{"ACTWIZ_PROBE_TIMEOUT": "40s", "ACTWIZ_LANG": "zh"}
	got, err := Load(Options{Dirs: []string{dir}, Getenv: func(k string) string { return env[k] },
		Flags: map[string]string{"lang": "en"}, FlagNames: map[string]string{"lang": "--lang"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Config.Probe.Timeout != 40*time.Second || got.Config.UI.Theme != "auto" || got.Config.Lang != "en" || got.Config.Logs.Prefix != "SITE" {
		t.Fatalf("config = %+v", got.Config)
	}
	want := map[string]Source{
		"probe.timeout": {FromEnv, "ACTWIZ_PROBE_TIMEOUT"},
		"lang":          {FromFlag, "--lang"},
		"logs.prefix":   {FromFile, file},
		"ui.theme":      {FromDefault, ""},
	}
	for k, w := range want {
		if got.Sources[k] != w {
			t.Errorf("source of %s = %+v, want %+v", k, got.Sources[k], w)
		}
	}
	if len(got.Sources) != len(Keys()) {
		t.Errorf("%d sources for %d keys", len(got.Sources), len(Keys()))
	}
}

func TestBadVariableNamesItAndWhatIsAllowed(t *testing.T) {
	_, err := Load(Options{Getenv: func(k string) string {
		if k == "ACTWIZ_PROBE_TIMEOUT" {
			return "bad"
		}
		return ""
	}})
	cerr, ok := err.(*Error)
	if !ok {
		t.Fatalf("err = %v", err)
	}
	for _, text := range []string{cerr.Text.EN, cerr.Text.ZH} {
		if !strings.Contains(text, "ACTWIZ_PROBE_TIMEOUT") || !strings.Contains(text, "15s") || !strings.Contains(text, `"bad"`) {
			t.Errorf("message %q must name the variable, the value and what is allowed", text)
		}
	}
}

func TestSearchedPaths(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	got, err := Load(Options{Dirs: []string{a, "", b}, Getenv: func(string) string { return "" }})
	if err != nil || got.File != "" {
		t.Fatalf("%v %q", err, got.File)
	}
	if len(got.Searched) != 2*len(FileNames) || got.Searched[0] != filepath.Join(a, FileNames[0]) {
		t.Errorf("searched = %v", got.Searched)
	}
}

func TestValueHidesURLPassword(t *testing.T) {
	c := Defaults()
	c.Upload.URL = "https://tech:s3cret@files.example/up/"
	if v := c.Value("upload.url").(string); strings.Contains(v, "s3cret") || !strings.Contains(v, "files.example") {
		t.Errorf("upload.url shown as %q", v)
	}
}
