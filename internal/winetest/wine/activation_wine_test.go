package wine

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

type detailedCheck struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Observed string `json:"observed"`
	Detail   string `json:"detail"`
	Hint     string `json:"hint"`
}

// TestSerialAndActivationUnderWine runs the serial and activate commands
// of the real actwiz.exe: the windows profile reads the installed key
// through SoftwareLicensingProduct, and the service check asks Wine's
// service manager for sppsvc. What Wine exposes is logged; the test holds
// the commands to answering with a verdict and a reason, never a crash or
// a silent pass.
func TestSerialAndActivationUnderWine(t *testing.T) {
	env := winetest.Start(t)
	open := openPort(t)
	const key = "YYVX9-NTFWV-6MDM3-9PT4T-4M68B"
	config := "serial:\n  profile: windows\nactivation:\n  endpoints: ['tcp://" + open + "']\n  timeout: 5s\n"
	if err := os.WriteFile(env.HostPath(`C:\actwiz.yaml`), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(t *testing.T, args ...string) (map[string]detailedCheck, int) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		res, err := env.Run(ctx, append(args, "--config", `C:\actwiz.yaml`, "--format", "json", "--lang", "en")...)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToUpper(string(res.Stdout)+string(res.Stderr)), "YYVX9") {
			t.Error("the product key appears unmasked")
		}
		var rep struct {
			Checks []detailedCheck `json:"checks"`
		}
		if err := json.Unmarshal(res.Stdout, &rep); err != nil {
			t.Fatalf("not a JSON report: %v\nstdout: %s\nstderr: %s", err, res.Stdout, res.Stderr)
		}
		byID := map[string]detailedCheck{}
		for _, c := range rep.Checks {
			byID[c.ID] = c
			t.Logf("%s: %s %q — %s", c.ID, c.Status, c.Observed, c.Detail)
		}
		return byID, res.ExitCode
	}

	t.Run("serial", func(t *testing.T) {
		got, code := run(t, "serial", "--serial", strings.ToLower(key))
		if got["serial.format"].Status != "pass" {
			t.Errorf("serial.format = %+v", got["serial.format"])
		}
		m, ok := got["serial.match"]
		switch {
		case !ok:
			t.Fatal("serial.match missing")
		case m.Status == "unknown" && !strings.Contains(m.Detail, "PartialProductKey"):
			t.Errorf("an unread key must say which source failed and why: %q", m.Detail)
		case m.Status != "unknown" && m.Status != "pass" && m.Status != "warn":
			t.Errorf("serial.match = %s", m.Status)
		}
		if code != 0 && code != 3 {
			t.Errorf("exit %d, want 0 or 3", code)
		}
	})

	t.Run("spp attempt reads what Wine exposes", func(t *testing.T) {
		got, code := run(t, "activate", "--yes", "--force", "--serial", key)
		a := got["activation.attempt"]
		// Wine's SoftwareLicensingProduct has LicenseStatus but no
		// PartialProductKey or ID: the driver must say so, not guess.
		if a.Status != "fail" && a.Status != "pass" {
			t.Errorf("activation.attempt = %+v; want a verdict from the status read", a)
		}
		if a.Status == "fail" && a.Hint == "" {
			t.Error("a failed attempt needs a hint")
		}
		if g := got["activation.gate"]; g.Status != "warn" || !strings.Contains(g.Observed, "forced") {
			t.Errorf("activation.gate = %+v; want warn, forced", g)
		}
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
	})

	t.Run("activate without --yes", func(t *testing.T) {
		got, code := run(t, "activate")
		if a := got["activation.attempt"]; a.Status != "skip" || a.Observed != "needs --yes" {
			t.Errorf("activation.attempt = %+v; want skip, needs --yes", a)
		}
		if s := got["activation.service"]; s.Status == "skip" || s.Status == "" {
			t.Errorf("activation.service must be judged on Windows: %+v", s)
		}
		if r := got["activation.reach"]; r.Status != "pass" {
			t.Errorf("activation.reach = %+v; the endpoint listens on the host", r)
		}
		if g := got["activation.gate"]; g.Status != "fail" {
			t.Errorf("activation.gate = %+v; Wine's BIOS serial \"0\" is a placeholder", g)
		}
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
	})
}
