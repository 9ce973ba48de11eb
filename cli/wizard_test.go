package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/probe"
)

func wizardEnv(stdin string) (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, Now: func() time.Time { return time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC) },
		Machine: func() probe.Reader { panic("the wizard must not read this machine when given a snapshot") },
	}, &out, &errOut
}

// With no command, actwiz runs the wizard; with its input not a terminal,
// in plain mode. --case takes a value that is not a command name.
func TestNoCommandRunsTheWizard(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("ACTWIZ_REPORT_DIR", dir)
	snapshot := filepath.Join("..", "ui", "testdata", "snapshots", "whitebox-placeholders.json")
	env, out, errOut := wizardEnv("")
	code := Run(context.Background(), []string{"--snapshot", snapshot, "--case", "CAS-04851-R7R3X9", "--lang", "en"}, env)
	if code != ExitFail {
		t.Fatalf("exit %d; want %d\nstdout:\n%s\nstderr:\n%s", code, ExitFail, out, errOut)
	}
	for _, want := range []string{"== Step 1 of 1: Hardware check ==", "Support code: 011 819 645", "Report saved to: " + dir} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "PC-0142_*.json")); len(files) != 1 {
		t.Errorf("report files: %v", files)
	}
}

func TestWizardRefusesABadCaseNumber(t *testing.T) {
	env, _, errOut := wizardEnv("")
	code := Run(context.Background(), []string{"wizard", "--case", "CAS 04851", "--lang", "en", "--plain"}, env)
	if code != ExitUsage || !strings.Contains(errOut.String(), "A case number holds only letters, digits and dashes") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}
