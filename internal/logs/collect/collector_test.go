package collect

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBuiltinSetsAreValid(t *testing.T) {
	for _, goos := range []string{"windows", "linux"} {
		set := Builtin(goos)
		covered := map[string]bool{}
		names := map[string]bool{}
		for _, c := range set {
			if p := c.Validate(); !p.Empty() {
				t.Errorf("%s %s: %s", goos, c.Name, p.EN)
			}
			if names[c.Name] {
				t.Errorf("%s: name %s twice", goos, c.Name)
			}
			names[c.Name] = true
			covered[c.Category] = true
			if strings.Contains(strings.ToLower(strings.Join(c.Command, " ")), "win32_product") {
				t.Errorf("%s uses Win32_Product", c.Name)
			}
		}
		for _, id := range CategoryIDs() {
			if !covered[id] {
				t.Errorf("%s: no built-in collector for %s", goos, id)
			}
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		c    Collector
		ok   bool
	}{
		{"command", Collector{Name: "a", Category: "network", Command: []string{"ip"}}, true},
		{"files", Collector{Name: "a", Category: "network", Files: []string{"/x"}}, true},
		{"two sources", Collector{Name: "a", Category: "network", Command: []string{"ip"}, Registry: "HKLM"}, false},
		{"no source", Collector{Name: "a", Category: "network"}, false},
		{"bad category", Collector{Name: "a", Category: "nope", Command: []string{"ip"}}, false},
		{"bad name", Collector{Name: "a b/c", Category: "network", Command: []string{"ip"}}, false},
		{"empty program", Collector{Name: "a", Category: "network", Command: []string{""}}, false},
		{"bad os", Collector{Name: "a", Category: "network", OS: "mac", Command: []string{"ip"}}, false},
		{"negative", Collector{Name: "a", Category: "network", Command: []string{"ip"}, Timeout: -time.Second}, false},
	}
	for _, tt := range tests {
		if p := tt.c.Validate(); p.Empty() != tt.ok {
			t.Errorf("%s: problem %q", tt.name, p.EN)
		}
	}
}

func TestSelectAndOrder(t *testing.T) {
	extra := []Collector{{Name: "mine", Category: "network", Command: []string{"x"}}}
	got := Select("linux", false, extra, []string{"network"})
	if len(got) != 1 || got[0].Name != "mine" {
		t.Errorf("builtin off: %v", got)
	}
	got = Select("windows", true, nil, []string{"system-log", "network"})
	for _, c := range got {
		if c.Category != "system-log" && c.Category != "network" {
			t.Errorf("unselected category %s", c.Category)
		}
	}
	order := inRunOrder(got)
	if !order[len(order)-1].Slow || order[0].Slow {
		t.Errorf("slow collectors not last: %v", order)
	}
}

func TestGlob(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.log", "b.txt", "x/c.log", "x/y/d.log", "x/y/z/e.LOG", "$WINDOWS.~BT/Sources/p.log"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), nil, 0o644)
	}
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	tests := []struct {
		pattern string
		want    []string
	}{
		{"*.log", []string{"a.log"}},
		{"**/*.log", []string{"$WINDOWS.~BT/Sources/p.log", "a.log", "x/c.log", "x/y/d.log"}},
		{"x/**/d.log", []string{"x/y/d.log"}},
		{"x/*/*.log", []string{"x/y/d.log"}},
		{"b.txt", []string{"b.txt"}},
		{"$WINDOWS.~BT/Sources/*.log", []string{"$WINDOWS.~BT/Sources/p.log"}},
		{"none/*.log", nil},
	}
	for _, tt := range tests {
		matches, _ := expandGlob(filepath.Join(dir, tt.pattern))
		if got := rel(matches); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.pattern, got, tt.want)
		}
	}
}

func TestExpandEnv(t *testing.T) {
	env := map[string]string{"SystemRoot": `C:\Windows`, "HOME": "/home/a"}
	get := func(k string) string { return env[k] }
	tests := []struct{ in, want string }{
		{`%SystemRoot%\Panther\setupact.log`, `C:\Windows\Panther\setupact.log`},
		{`${HOME}/x`, `/home/a/x`},
		{`C:\$WINDOWS.~BT\Sources`, `C:\$WINDOWS.~BT\Sources`},
		{`%NOPE%\x`, `%NOPE%\x`},
	}
	for _, tt := range tests {
		if got := expandEnv(tt.in, get); got != tt.want {
			t.Errorf("%s → %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestFileName(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct{ prefix, host, caseID, want string }{
		{"CMGE_Log", "DESKTOP-1", "", "CMGE_Log_DESKTOP-1_20260102-030405.zip"},
		{"CMGE_Log", "办公室电脑", "2021/10 #7", "CMGE_Log_办公室电脑_20260102-030405_2021-10--7.zip"},
		{"CMGE_Log", "", "", "CMGE_Log_unknown_20260102-030405.zip"},
	}
	for _, tt := range tests {
		if got := FileName(tt.prefix, tt.host, tt.caseID, now); got != tt.want {
			t.Errorf("%q → %q, want %q", tt.host, got, tt.want)
		}
	}
}
