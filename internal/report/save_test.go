package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/facts"
)

func TestSafeHost(t *testing.T) {
	cases := []struct{ in, want string }{
		{"PC-0142", "PC-0142"},
		{"财务部-电脑01", "财务部-电脑01"},
		{`a<b>c:d"e/f\g|h?i*j`, "a-b-c-d-e-f-g-h-i-j"},
		{"esc\x1b[31mred", "esc-[31mred"},
		{"trailing. . ", "trailing"},
		{"..hidden", "hidden"},
		{"two words", "two_words"},
		{"", "unknown-host"},
		{"...", "unknown-host"},
		{"bad\xffutf8", "bad-utf8"},
		{strings.Repeat("x", 300), strings.Repeat("x", maxHostRunes)},
	}
	for _, c := range cases {
		if got := SafeHost(c.in); got != c.want {
			t.Errorf("SafeHost(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSaveNamesByHostAndTimeAndNeverOverwrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "stick", "reports")
	at := time.Date(2026, 11, 26, 9, 30, 5, 0, time.UTC)
	r := Report{Schema: Schema, Host: facts.Host{Name: "PC:01"}, GeneratedAt: at, Checks: []Check{}}
	wantName := "PC-01_" + at.In(time.Local).Format(FileTimeLayout) + ".json"

	first, err := Save(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(first) != wantName {
		t.Errorf("saved as %s, want %s", filepath.Base(first), wantName)
	}
	second, err := Save(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(wantName, ".json") + "-2.json"; filepath.Base(second) != want {
		t.Errorf("second save in the same second went to %s, want %s", filepath.Base(second), want)
	}
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(data, &back); err != nil || back.Host.Name != "PC:01" || back.Schema != Schema {
		t.Errorf("saved file does not read back as the report: %v %+v", err, back.Host)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d entries, want exactly the 2 reports (no temporary files)", len(entries))
	}
}

func TestSaveIntoAFileFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Save(file, Report{Schema: Schema}); err == nil || !strings.Contains(err.Error(), "not-a-folder") {
		t.Errorf("saving into a file must fail naming it, got %v", err)
	}
}
