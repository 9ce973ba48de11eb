package cli

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/probe"
)

func wizardEnv(stdin string) (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, Now: func() time.Time { return time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC) },
		Machine: func() probe.Reader { panic("the wizard must not read this machine when given a snapshot") },
	}, &out, &errOut
}

// hermeticConfig writes an actwiz.yaml that keeps a wizard run on this
// machine and in temporary folders: the activation servers are a closed
// port on 127.0.0.1, and the logs step collects one small file.
func hermeticConfig(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "client.log"), []byte("activation failed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := fmt.Sprintf(`activation:
  endpoints: ["tcp://%s"]
  timeout: 2s
logs:
  builtin: false
  collectors:
    - {name: client-log, category: activation-log, files: [%q]}
`, closed, filepath.Join(dir, "*.log"))
	file := filepath.Join(dir, "actwiz.yaml")
	if err := os.WriteFile(file, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// With no command, actwiz runs the wizard; with its input not a terminal,
// in plain mode, through every step: the serial typed on standard input,
// activation and logs skipped because this is a snapshot. --case takes a
// value that is not a command name.
func TestNoCommandRunsTheWizard(t *testing.T) {
	dir, desktop := t.TempDir(), t.TempDir()
	t.Setenv("XDG_DESKTOP_DIR", desktop)
	snapshot := filepath.Join("..", "..", "ui", "testdata", "snapshots", "whitebox-placeholders.json")
	env, out, errOut := wizardEnv("ab-0123 4567890\n")
	// The configuration reads the environment it is given, not the process's.
	env.Getenv = func(k string) string {
		if k == "ACTWIZ_REPORT_DIR" {
			return dir
		}
		return ""
	}
	cfgFile := hermeticConfig(t)
	code := Run(context.Background(), []string{"--config", cfgFile, "--snapshot", snapshot, "--case", "CAS-04851-R7R3X9", "--lang", "en"}, env)
	if code != ExitFail {
		t.Fatalf("exit %d; want %d\nstdout:\n%s\nstderr:\n%s", code, ExitFail, out, errOut)
	}
	for _, want := range []string{
		"== Step 1 of 4: Hardware check ==", "FAIL BIOS serial number: Default string",
		"== Step 2 of 4: Serial check ==", "> ***************", "PASS Serial format: AB*****567890",
		"== Step 3 of 4: Activation ==", "FAIL Hardware allows activation", "SKIP Activation: snapshot",
		"== Step 4 of 4: Collect logs ==", "Not collected: this is a recorded snapshot",
		"Support code: 023 056 250 113 290", "Report saved to: " + dir,
		"Using the config file " + cfgFile + ".",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out.String(), "ab-0123 4567890") {
		t.Errorf("the typed serial must not be echoed:\n%s", out)
	}
	if strings.Contains(out.String(), "Log package saved") {
		t.Errorf("a snapshot run must not pack this machine's logs:\n%s", out)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "PC-0142_*.json")); len(files) != 1 {
		t.Errorf("report files: %v", files)
	}
	if files, _ := os.ReadDir(desktop); len(files) != 0 {
		t.Errorf("the Desktop got %v", files)
	}
}

func TestWizardRefusesABadCaseNumber(t *testing.T) {
	env, _, errOut := wizardEnv("")
	code := Run(context.Background(), []string{"wizard", "--case", "CAS 04851", "--lang", "en", "--plain"}, env)
	if code != ExitUsage || !strings.Contains(errOut.String(), "A case number holds only letters, digits and dashes") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}
