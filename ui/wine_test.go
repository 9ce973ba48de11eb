package ui

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// The Windows build's plain mode under Wine: it reads Wine's WMI, prints
// the results line by line, and saves the report on the Desktop that
// Windows' known-folder API names.
func TestWindowsPlainModeUnderWine(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Wine")
	}
	env := winetest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := env.Command(ctx, "--plain", "--lang", "en")
	cmd.Stdin = strings.NewReader("CAS-04851-R7R3X9\n")
	out, err := cmd.Output()
	text := string(out)
	if err != nil && cmd.ProcessState == nil {
		t.Fatalf("running actwiz.exe --plain under Wine: %v", err)
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit %d; want 1: Wine's BIOS serial \"0\" is a placeholder\n%s", code, text)
	}
	for _, want := range []string{"Case number: CAS-04851-R7R3X9", "== Step 1 of 1: Hardware check ==", "FAIL BIOS serial number: 0", "Support code: "} {
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
}
