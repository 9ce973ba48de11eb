package wine

import (
	"archive/zip"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"actwiz/collect"
	"actwiz/internal/winetest"
)

// TestCollectUnderWine runs the Windows collector set in actwiz.exe. Wine
// has some of the tools (ipconfig, reg, cmd) and lacks others (gpresult,
// wevtutil…): what it lacks must be recorded in the manifest, never stop
// the package.
func TestCollectUnderWine(t *testing.T) {
	env := winetest.Start(t)
	out := env.HostPath(`C:\actwiz-out`)
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	res, err := env.Run(ctx, "collect", "--output", `C:\actwiz-out`, "--case", "W1", "--format", "json", "--lang", "en")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("collect ran in %s under Wine; exit %d\nstderr:\n%s", res.Elapsed.Round(time.Millisecond), res.ExitCode, res.Stderr)
	if res.ExitCode != 0 && res.ExitCode != 1 {
		t.Fatalf("exit %d: no package\nstdout: %s", res.ExitCode, res.Stdout)
	}
	var doc struct {
		Path       string                    `json:"path"`
		Collectors []collect.CollectorRecord `json:"collectors"`
	}
	if err := json.Unmarshal(res.Stdout, &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, res.Stdout)
	}
	zips, _ := filepath.Glob(filepath.Join(out, "*_W1.zip"))
	if len(zips) != 1 {
		t.Fatalf("packages in %s: %v", out, zips)
	}
	if b, err := exec.Command("unzip", "-tq", zips[0]).CombinedOutput(); err != nil {
		t.Errorf("unzip -t: %v %s", err, b)
	}
	zr, err := zip.OpenReader(zips[0])
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	inZip := map[string]bool{}
	for _, f := range zr.File {
		inZip[f.Name] = true
	}
	want := map[string]bool{}
	for _, c := range collect.Builtin("windows") {
		want[c.Name] = true
	}
	for _, c := range doc.Collectors {
		delete(want, c.Name)
		t.Logf("%-22s %-4s %s", c.Name, c.Status, c.Error)
		if c.Status != collect.Pass && c.Error == "" {
			t.Errorf("%s: %s without a reason", c.Name, c.Status)
		}
		for _, f := range c.Files {
			if !inZip[f.Path] {
				t.Errorf("%s: %s is in the manifest, not in the zip", c.Name, f.Path)
			}
		}
	}
	for name := range want {
		t.Errorf("built-in collector %s is not in the manifest", name)
	}
	// ipconfig is one of the tools Wine has: its output must be there.
	for _, c := range doc.Collectors {
		if c.Name == "ipconfig" && (c.Status != collect.Pass || len(c.Files) == 0) {
			t.Errorf("ipconfig under Wine: %s %s", c.Status, c.Error)
		}
	}
}
