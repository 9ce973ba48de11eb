package wine

import (
	"archive/zip"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/logs/collect"
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
	// A file collector over a Chinese folder (read through the shared-mode
	// open), and a command that outlives its timeout (killed through the
	// job object).
	logs := env.HostPath(`C:\测试日志\深`)
	os.MkdirAll(logs, 0o755)
	os.WriteFile(filepath.Join(logs, "激活.log"), []byte("激活失败 0xC004F074\r\n"), 0o644)
	os.WriteFile(env.HostPath(`C:\actwiz.yaml`), []byte(`logs:
  collectors:
    - {name: wine-files, category: activation-log, files: ['C:\测试日志\**\*.log']}
    - {name: wine-hang, category: processes, command: [cmd, /c, "ping -n 60 127.0.0.1"], timeout: 3s}
`), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	res, err := env.Run(ctx, "collect", "--config", `C:\actwiz.yaml`, "--output", `C:\actwiz-out`, "--case", "W1", "--format", "json", "--lang", "en")
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
	for _, c := range doc.Collectors {
		switch c.Name {
		case "ipconfig": // one of the tools Wine has: its output must be there
			if c.Status != collect.Pass || len(c.Files) == 0 {
				t.Errorf("ipconfig under Wine: %s %s", c.Status, c.Error)
			}
		case "cmit-client-settings": // Wine has no CMIT client: an absent key is a skip
			if c.Status != collect.Skip || !strings.Contains(c.Error, "does not exist") {
				t.Errorf("cmit-client-settings: %s %s", c.Status, c.Error)
			}
		case "wine-files":
			if c.Status != collect.Pass || len(c.Files) != 1 || !inZip["activation-log-激活日志/wine-files/C/测试日志/深/激活.log"] {
				t.Errorf("wine-files: %s %s %+v", c.Status, c.Error, c.Files)
			}
		case "wine-hang":
			if c.Status != collect.Warn || !c.Truncated || c.DurationMS > 20000 {
				t.Errorf("wine-hang: %s truncated %v after %d ms: %s", c.Status, c.Truncated, c.DurationMS, c.Error)
			}
		}
	}
	want["wine-files"], want["wine-hang"] = true, true
	for _, c := range doc.Collectors {
		delete(want, c.Name)
	}
	for name := range want {
		t.Errorf("collector %s is not in the manifest", name)
	}
}

// TestCollectToTheDesktopUnderWine writes to the Desktop known folder when
// no --output is given, as the vendor's collector did.
func TestCollectToTheDesktopUnderWine(t *testing.T) {
	env := winetest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := env.Run(ctx, "collect", "--only", "network", "--lang", "en")
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != 0 && res.ExitCode != 1 {
		t.Fatalf("exit %d\n%s", res.ExitCode, res.Stderr)
	}
	// Wine's Desktop is C:\users\<name>\Desktop, or the HOME's Desktop it
	// links to.
	var found []string
	for _, pattern := range []string{
		filepath.Join(env.DriveC, "users", "*", "Desktop", "CMGE_Log_*.zip"),
		filepath.Join(filepath.Dir(env.Prefix), "*", "Desktop", "CMGE_Log_*.zip"),
	} {
		m, _ := filepath.Glob(pattern)
		found = append(found, m...)
	}
	if len(found) == 0 {
		t.Fatalf("no package on the Desktop; stdout:\n%s\nstderr:\n%s", res.Stdout, res.Stderr)
	}
	t.Logf("package on the Desktop: %s", found[0])
}
