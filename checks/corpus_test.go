package checks_test

// The corpus: snapshots modelled on real machines in ../testdata/snapshots,
// each judged by RunAll and compared with its .expect file (one "id status"
// line per check, in catalogue order). See the README there.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/facts"
)

var corpusDir = filepath.Join("..", "testdata", "snapshots")

func TestCorpus(t *testing.T) {
	snapshots, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(snapshots) == 0 {
		t.Fatalf("no snapshots in %s", corpusDir)
	}
	for _, path := range snapshots {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			s, err := facts.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			expect, err := os.ReadFile(strings.TrimSuffix(path, ".json") + ".expect")
			if err != nil {
				t.Fatalf("every snapshot needs an expect file: %v", err)
			}

			var got strings.Builder
			for _, r := range checks.RunAll(checks.Hardware, s, checks.DefaultRules()) {
				got.WriteString(r.ID + " " + string(r.Status) + "\n")
				assertExplained(t, r)
			}
			if got.String() != string(expect) {
				t.Errorf("results differ from %s.expect\ngot:\n%s\nwant:\n%s", name, got.String(), expect)
			}
		})
	}
}

// An expect file without its snapshot is a leftover from a rename.
func TestCorpusExpectFilesHaveSnapshots(t *testing.T) {
	expects, err := filepath.Glob(filepath.Join(corpusDir, "*.expect"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range expects {
		if _, err := os.Stat(strings.TrimSuffix(path, ".expect") + ".json"); err != nil {
			t.Errorf("%s has no snapshot: %v", path, err)
		}
	}
}

// The corpus files have exactly the members of spec §3, every one present
// (null when unread) and spelt exactly: Go's JSON decoder matches member
// names case-insensitively and drops unknown ones, so a misspelt field would
// otherwise read as "not read" and the file would test something else.
func TestCorpusShape(t *testing.T) {
	snapshots, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range snapshots {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			top := members(t, "top level", data, "schema", "taken_at", "host", "bios", "baseboard", "disks", "nics", "errors")
			members(t, "host", top["host"], "name", "os_family", "os_caption", "os_version")
			if string(top["bios"]) != "null" {
				members(t, "bios", top["bios"], "SerialNumber", "Manufacturer")
			}
			if string(top["baseboard"]) != "null" {
				members(t, "baseboard", top["baseboard"], "SerialNumber", "Manufacturer", "Product")
			}
			var disks, nics []json.RawMessage
			if err := json.Unmarshal(top["disks"], &disks); err != nil {
				t.Fatalf("disks: %v", err)
			}
			for _, d := range disks {
				members(t, "disk", d, "Index", "Model", "SerialNumber", "InterfaceType", "MediaType", "PNPDeviceID", "InLocalMachineContainer", "System")
			}
			if err := json.Unmarshal(top["nics"], &nics); err != nil {
				t.Fatalf("nics: %v", err)
			}
			for _, n := range nics {
				members(t, "nic", n, "Name", "MACAddress", "PhysicalAdapter", "NetEnabled", "ConfigManagerErrorCode", "PNPDeviceID", "InLocalMachineContainer")
			}
			var errs map[string]string
			if err := json.Unmarshal(top["errors"], &errs); err != nil {
				t.Fatalf("errors: %v", err)
			}
			for _, sec := range facts.Sections {
				if _, ok := errs[string(sec)]; !ok {
					t.Errorf("errors has no %q member", sec)
				}
			}
		})
	}
}

// members checks that the JSON object has exactly the names given, and
// returns its members.
func members(t *testing.T, what string, data []byte, names ...string) map[string]json.RawMessage {
	t.Helper()
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, n := range names {
		if _, ok := obj[n]; !ok {
			t.Errorf("%s has no %q member (write null when it was not read)", what, n)
		}
	}
	for k := range obj {
		if !slices.Contains(names, k) {
			t.Errorf("%s has a member %q that spec §3 does not define", what, k)
		}
	}
	return obj
}
