package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"actwiz/internal/i18n"
	"actwiz/internal/platform/elevation"
)

// The Windows build under Wine, started with the command line the logs
// step's restart gives it (elevation.Arguments, plus --plain since the
// test reads its output): no Welcome, the hardware checked again, the
// serial and activation skipped as done in the first window, then the
// logs step with the same configuration file.
func TestWindowsResumeAtLogsUnderWine(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Wine")
	}
	env := startWineWithConfig(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := elevation.Arguments(elevation.Options{Case: "CAS-04851-R7R3X9", Lang: i18n.EN, Config: `C:\actwiz.yaml`,
		Args: []string{"wizard", "--plain"}, Resume: "logs"})
	cmd := env.Command(ctx, args...)
	cmd.Stdin = strings.NewReader("\nn\n") // every log category; do not open the folder
	out, err := cmd.Output()
	text := string(out)
	if err != nil && cmd.ProcessState == nil {
		t.Fatalf("running actwiz.exe under Wine: %v", err)
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit %d; want 1: Wine's BIOS serial \"0\" is a placeholder\n%s", code, text)
	}
	for _, want := range []string{
		`Restarted as administrator: the hardware is checked again, then the wizard carries on at "Collect logs".`,
		"== Step 1 of 4: Hardware check ==", "FAIL BIOS serial number: 0",
		"SKIP Serial format: -", "SKIP Activation: -", "Done in the first window, before the restart as administrator",
		"== Step 4 of 4: Collect logs ==", "PASS Activation log · client-log: 19 B",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"Case number (optional", "Type the serial to activate with", "Activate now"} {
		if strings.Contains(text, never) {
			t.Errorf("output has %q:\n%s", never, text)
		}
	}
}
