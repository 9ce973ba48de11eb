//go:build unix

package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// actwizBinary builds the real executable into the test's folder: parallel
// runs must be separate processes to race as users' runs do. The second
// build comes from Go's build cache.
func actwizBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the executable")
	}
	bin := filepath.Join(t.TempDir(), "actwiz")
	cmd := exec.Command("go", "build", "-o", bin, "actwiz")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startTogether starts every command at 100 ms past the next whole second,
// so runs that name their file by the second pick the same name, and waits
// for them all.
func startTogether(t *testing.T, cmds []*exec.Cmd) {
	t.Helper()
	now := time.Now()
	time.Sleep(now.Truncate(time.Second).Add(time.Second + 100*time.Millisecond).Sub(now))
	for _, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range cmds {
		err := c.Wait()
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() != 2 {
			continue // 1 and 3 judge the checks; only 2 is a failed run
		}
		if err != nil {
			t.Fatalf("%v: %v\n%s", c.Args, err, c.Stderr)
		}
	}
}

// suffixed reports whether some name in dir carries a -2 suffix: without
// one, the runs did not meet in the same second and proved nothing.
func suffixed(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "-2.") {
			return true
		}
	}
	return false
}

// TestParallelCheckSaves runs eight "actwiz check --save" processes in the
// same second: each keeps its own report.
func TestParallelCheckSaves(t *testing.T) {
	bin := actwizBinary(t)
	snap := writeSnapshot(t, t.TempDir(), "PC-01")
	const n = 8
	for attempt := 0; ; attempt++ {
		dir := filepath.Join(t.TempDir(), "reports")
		var cmds []*exec.Cmd
		for range n {
			c := exec.Command(bin, "check", "--snapshot", snap, "--save", dir, "--format", "json", "--lang", "en")
			c.Stderr = &strings.Builder{}
			cmds = append(cmds, c)
		}
		startTogether(t, cmds)
		entries, _ := os.ReadDir(dir)
		if len(entries) != n {
			t.Fatalf("%d files saved by %d runs", len(entries), n)
		}
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			if !json.Valid(data) {
				t.Errorf("%s is not a whole report", e.Name())
			}
		}
		if suffixed(dir) || attempt == 2 {
			if !suffixed(dir) {
				t.Skip("the runs never met in the same second")
			}
			return
		}
	}
}

// TestParallelCollects runs three "actwiz collect" processes in the same
// second into one folder: each keeps its own package, and every package's
// checksum file checks with sha256sum.
func TestParallelCollects(t *testing.T) {
	bin := actwizBinary(t)
	cfg := filepath.Join(t.TempDir(), "actwiz.yaml")
	os.WriteFile(cfg, []byte(`logs:
  builtin: false
  collectors:
    - {name: pid, category: processes, command: [sh, -c, "echo run $PPID; head -c 300000 /dev/urandom | od -x"]}
`), 0o644)
	const n = 3
	for attempt := 0; ; attempt++ {
		dir := t.TempDir()
		var cmds []*exec.Cmd
		for range n {
			c := exec.Command(bin, "collect", "--config", cfg, "--output", dir, "--case", "C1", "--lang", "en")
			c.Stderr = &strings.Builder{}
			cmds = append(cmds, c)
		}
		startTogether(t, cmds)
		entries, _ := os.ReadDir(dir)
		zips := 0
		for _, e := range entries {
			name := e.Name()
			switch {
			case strings.HasSuffix(name, ".zip"):
				zips++
				data, _ := os.ReadFile(filepath.Join(dir, name))
				sum := sha256.Sum256(data)
				line, err := os.ReadFile(filepath.Join(dir, name+".sha256"))
				if want := hex.EncodeToString(sum[:]) + "  " + name + "\n"; err != nil || string(line) != want {
					t.Errorf("%s.sha256 = %q (%v); want %q", name, line, err, want)
				}
				if out, err := exec.Command("unzip", "-tq", filepath.Join(dir, name)).CombinedOutput(); err != nil {
					t.Errorf("unzip -t %s: %v %s", name, err, out)
				}
			case strings.HasSuffix(name, ".zip.sha256"):
			default:
				t.Errorf("left behind: %s", name)
			}
		}
		if zips != n {
			t.Fatalf("%d packages from %d runs: %v", zips, n, entries)
		}
		if suffixed(dir) || attempt == 2 {
			if !suffixed(dir) {
				t.Skip("the runs never met in the same second")
			}
			return
		}
	}
}
