package facts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSaveLoadRoundTrip(t *testing.T) {
	s := New()
	s.TakenAt = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	s.Host = Host{Name: "PC-0142", OSFamily: "windows"}
	s.BIOS = &BIOS{SerialNumber: Str("PF2XK7QW")}
	s.Disks = []Disk{}
	s.SetErr("baseboard", "timed out after 15s")
	p := filepath.Join(t.TempDir(), "s.json")
	if err := Save(p, s); err != nil {
		t.Fatal(err)
	}
	got, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if *got.BIOS.SerialNumber != "PF2XK7QW" || got.Baseboard != nil || got.Err("baseboard") != "timed out after 15s" {
		t.Errorf("round trip: %+v", got)
	}
	if got.Disks == nil || len(got.Disks) != 0 {
		t.Errorf("an empty disk list must stay empty, not become null: %#v", got.Disks)
	}
	if got.NICs != nil {
		t.Errorf("a null adapter list must stay null: %#v", got.NICs)
	}
	data, _ := os.ReadFile(p)
	for _, sec := range Sections {
		if !strings.Contains(string(data), `"`+string(sec)+`": `) {
			t.Errorf("errors.%s missing from the written file", sec)
		}
	}
}

func TestLoadRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, content string
		want          string
	}{
		{"not json", "hello", "not valid JSON"},
		{"truncated", `{"schema": "actwiz.snapshot/v1", "bios": {`, "not valid JSON"},
		{"no schema", `{"bios": null}`, `no "schema"`},
		{"other schema", `{"schema": "actwiz.snapshot/v2"}`, `"actwiz.snapshot/v2"`},
		{"wrong type", `{"schema": "actwiz.snapshot/v1", "bios": {"SerialNumber": 12}}`, "bios.SerialNumber"},
		{"wrong shape", `{"schema": "actwiz.snapshot/v1", "disks": "none"}`, "disks"},
	}
	for _, c := range cases {
		p := filepath.Join(dir, c.name+".json")
		os.WriteFile(p, []byte(c.content), 0o644)
		_, err := Load(p)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: want *InputError, got %v", c.name, err)
			continue
		}
		if !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: message %q must name the file and %q", c.name, err, c.want)
		}
		if ie.Text().ZH == ie.Text().EN {
			t.Errorf("%s: no Chinese message", c.name)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
}

func TestUnknownFieldsIgnored(t *testing.T) {
	s, err := Parse([]byte(`{"schema": "actwiz.snapshot/v1", "future": 1, "bios": {"SerialNumber": "X1", "Vendor2": "y"}}`))
	if err != nil || *s.BIOS.SerialNumber != "X1" {
		t.Fatalf("Parse = %+v, %v", s, err)
	}
}

func TestSaveLeavesNothingOnFailure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no-such-dir")
	if err := Save(filepath.Join(dir, "s.json"), New()); err == nil {
		t.Fatal("saving into a missing folder must fail")
	}
	parent := filepath.Dir(dir)
	entries, _ := os.ReadDir(parent)
	if len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"schema": "actwiz.snapshot/v1", "bios": {"SerialNumber": "X"}, "disks": [], "nics": null}`))
	f.Add([]byte(`{"schema": 1}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		out, err := Marshal(s)
		if err != nil {
			t.Fatalf("a parsed snapshot must marshal: %v", err)
		}
		if _, err := Parse(out); err != nil {
			t.Fatalf("marshalled snapshot does not parse again: %v", err)
		}
	})
}
