package checks_test

// Real machines: ../testdata/realdmi holds the BIOS and board identity
// values of 197 real machines, taken from other projects' public test
// fixtures (x_source names each). x_expect gives, per check, the statuses
// spec §2 allows for that machine; RunAll must give one of them.

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

func TestRealMachines(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "realdmi", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 197 {
		t.Fatalf("found %d real machines in testdata/realdmi, want all 197", len(paths))
	}
	judged := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var extra struct {
			Source string              `json:"x_source"`
			Expect map[string][]string `json:"x_expect"`
		}
		if err := json.Unmarshal(data, &extra); err != nil || len(extra.Expect) == 0 || extra.Source == "" {
			t.Fatalf("%s: no x_source or x_expect (%v)", path, err)
		}
		s, err := facts.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, r := range checks.RunAll(checks.Hardware, s, checks.DefaultRules()) {
			allowed, ok := extra.Expect[r.ID]
			if !ok {
				continue
			}
			judged++
			if !slices.Contains(allowed, string(r.Status)) {
				t.Errorf("%s (%s): %s is %s (observed %q), want %s", filepath.Base(path), extra.Source, r.ID, r.Status, r.Observed, strings.Join(allowed, " or "))
			}
		}
	}
	t.Logf("%d verdicts on %d real machines", judged, len(paths))
}
