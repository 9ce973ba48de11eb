package ui

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// The Windows build's plain mode under Wine, through every step: it reads
// Wine's WMI, prints the results line by line, takes the serial from
// standard input, checks a closed port on 127.0.0.1 as the activation
// server, packs one small log file, and saves the report and the package
// on the Desktop that Windows' known-folder API names (in the test's
// private Wine prefix).
func TestWindowsPlainModeUnderWine(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Wine")
	}
	env := startWineWithConfig(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := env.Command(ctx, "--plain", "--lang", "en", "--config", `C:\actwiz.yaml`)
	// The case, the serial, Enter for every log category, and no to
	// opening the folder.
	cmd.Stdin = strings.NewReader("CAS-04851-R7R3X9\nxy-9876 5432100\n\nn\n")
	out, err := cmd.Output()
	text := string(out)
	if err != nil && cmd.ProcessState == nil {
		t.Fatalf("running actwiz.exe --plain under Wine: %v", err)
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit %d; want 1: Wine's BIOS serial \"0\" is a placeholder\n%s", code, text)
	}
	for _, want := range []string{
		"Case number: CAS-04851-R7R3X9", "== Step 1 of 4: Hardware check ==", "FAIL BIOS serial number: 0",
		"== Step 2 of 4: Serial check ==", "PASS Serial format: XY*****432100",
		"== Step 3 of 4: Activation ==", "FAIL Activation servers reachable",
		"== Step 4 of 4: Collect logs ==", "[1/1] ✓ PASS Activation log · client-log: 19 B",
		"Open the folder with the package selected?", "Support code: ",
		"Send support the support code, the report file and the log package.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	m := regexp.MustCompile(`Report saved to: (C:\\.*\\Desktop\\.*\.json)`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("the report must be saved on the Desktop:\n%s", text)
	}
	data, err := os.ReadFile(env.HostPath(strings.TrimSpace(m[1])))
	if err != nil {
		t.Fatalf("the report the output names: %v", err)
	}
	if !strings.Contains(string(data), `"case": "CAS-04851-R7R3X9"`) {
		t.Errorf("the report lacks the case number")
	}
	// The package is named on the step, then under the report in the
	// summary, and is on the Desktop.
	saved := regexp.MustCompile(`Log package saved: (C:\\.*\\Desktop\\CMGE_Log_.*\.zip)`).FindStringSubmatch(text)
	if saved == nil || !strings.Contains(text, "Log package: "+saved[1]) {
		t.Fatalf("the log package must be named on the step and in the summary:\n%s", text)
	}
	if _, err := os.Stat(env.HostPath(saved[1])); err != nil {
		t.Errorf("the package the output names: %v", err)
	}
}

// startWineWithConfig starts a private Wine prefix holding C:\actwiz.yaml
// (a closed port on 127.0.0.1 as the activation server, and one files
// collector) and the client log it collects, C:\logs\client.log.
func startWineWithConfig(t *testing.T) *winetest.Env {
	t.Helper()
	env := winetest.Start(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	files := map[string]string{
		`C:\logs\client.log`: "activation failed\r\n",
		`C:\actwiz.yaml`: "activation:\n  endpoints: [\"tcp://" + closed + "\"]\n  timeout: 2s\n" +
			"logs:\n  builtin: false\n  collectors:\n    - {name: client-log, category: activation-log, files: ['C:\\logs\\*.log']}\n",
	}
	for name, data := range files {
		host := env.HostPath(name)
		if err := os.MkdirAll(filepath.Dir(host), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(host, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return env
}
