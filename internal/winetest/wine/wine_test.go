// Package wine holds the end-to-end test that runs the real Windows
// executable under Wine, and (in processprng/) the DLL Wine 8 needs to run
// any Go 1.22+ program.
package wine

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"actwiz/internal/facts"
	"actwiz/internal/winetest"
)

func TestMain(m *testing.M) { os.Exit(winetest.Main(m)) }

type reportCheck struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Observed string `json:"observed"`
	Hint     string `json:"hint"`
	Verify   string `json:"verify"`
}

type report struct {
	Schema string        `json:"schema"`
	Checks []reportCheck `json:"checks"`
	Code   string        `json:"code"`
}

// TestWindowsBuildUnderWine runs actwiz.exe against what Wine 8's WMI
// exposes (see /work/shared/notes/wine.md): BIOS serial "0" and baseboard
// serial "None" are placeholders, so both serial checks must fail; the
// disk is WINEHDISK; the host's interfaces appear as physical adapters.
// Every one of those values is only visible if the WMI property reads
// work, so this is also the test of the go-ole fallback.
func TestWindowsBuildUnderWine(t *testing.T) {
	env := winetest.Start(t)

	t.Run("check", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		res, err := env.Run(ctx, "check", "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("check ran in %s under Wine; stderr: %s", res.Elapsed.Round(time.Millisecond), res.Stderr)
		var rep report
		if err := json.Unmarshal(res.Stdout, &rep); err != nil {
			t.Fatalf("stdout is not a JSON report: %v\nstdout: %s\nstderr: %s", err, res.Stdout, res.Stderr)
		}
		if rep.Schema != "actwiz.report/v1" {
			t.Errorf("schema %q, want actwiz.report/v1", rep.Schema)
		}
		if rep.Code == "" {
			t.Error("the report has no support code")
		}
		byID := map[string]reportCheck{}
		for _, c := range rep.Checks {
			byID[c.ID] = c
		}
		expect := func(id, status, observed string) {
			t.Helper()
			c, ok := byID[id]
			switch {
			case !ok:
				t.Errorf("%s: not in the report", id)
			case status != "" && c.Status != status:
				t.Errorf("%s: status %q (observed %q, hint %q), want %q", id, c.Status, c.Observed, c.Hint, status)
			case observed != "" && !strings.Contains(c.Observed, observed):
				t.Errorf("%s: observed %q, want it to contain %q", id, c.Observed, observed)
			}
		}
		expect("bios.serial", "fail", "")
		expect("board.serial", "fail", "")
		expect("disk.serial", "", "WINEHDISK")
		if c := byID["bios.serial"]; c.Observed != "0" {
			t.Errorf("bios.serial observed %q, want %q (Wine's Win32_BIOS.SerialNumber)", c.Observed, "0")
		}
		if c := byID["board.serial"]; c.Observed != "None" {
			t.Errorf("board.serial observed %q, want %q (Wine's Win32_BaseBoard.SerialNumber)", c.Observed, "None")
		}
		expect("nic.present", "", "")
		if c := byID["nic.present"]; c.Status == "unknown" {
			t.Errorf("nic.present is unknown (%q): the adapters were not read", c.Hint)
		}
		for _, c := range rep.Checks {
			if c.Status == "fail" && c.Hint == "" {
				t.Errorf("%s fails without a hint", c.ID)
			}
		}
		if res.ExitCode != 1 {
			t.Errorf("exit status %d, want 1 (a check fails)", res.ExitCode)
		}
	})

	t.Run("snapshot", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		const out = `C:\actwiz-snapshot.json`
		res, err := env.Run(ctx, "snapshot", "-o", out)
		if err != nil {
			t.Fatal(err)
		}
		if res.ExitCode != 0 {
			t.Fatalf("snapshot exited %d\nstdout: %s\nstderr: %s", res.ExitCode, res.Stdout, res.Stderr)
		}
		snap, err := facts.Load(env.HostPath(out))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("snapshot of Wine: host %+v, %d disks, %d adapters, errors %v", snap.Host, len(snap.Disks), len(snap.NICs), snap.Errors)
		if snap.Host.OSFamily != "windows" {
			t.Errorf("os_family %q, want windows", snap.Host.OSFamily)
		}
		if snap.BIOS == nil || snap.BIOS.SerialNumber == nil || *snap.BIOS.SerialNumber != "0" {
			t.Errorf("bios %+v (error %q), want SerialNumber \"0\"", snap.BIOS, snap.Err("bios"))
		}
		if len(snap.Disks) == 0 {
			t.Fatalf("no disks read (error %q)", snap.Err("disks"))
		}
		for _, d := range snap.Disks {
			if d.Index == nil || d.SerialNumber == nil || !strings.Contains(*d.SerialNumber, "WINEHDISK") || d.PNPDeviceID == nil {
				t.Errorf("disk %+v: Index, SerialNumber (WINEHDISK) and PNPDeviceID must be read", d)
			}
		}
		if len(snap.NICs) == 0 {
			t.Fatalf("no adapters read (error %q)", snap.Err("nics"))
		}
		for _, n := range snap.NICs {
			if n.Name == nil || n.PhysicalAdapter == nil {
				t.Errorf("adapter %+v: Name and PhysicalAdapter must be read", n)
			}
		}
		// Wine's cfgmgr32 cannot locate device nodes: the property must
		// degrade to nil with a reason, never to a guess or a crash.
		for _, d := range snap.Disks {
			if d.InLocalMachineContainer == nil && snap.Err("disks.InLocalMachineContainer") == "" {
				t.Errorf("disk %v: InLocalMachineContainer unknown without a reason", d.Index)
			}
			if d.System == nil && snap.Err("disks.System") == "" {
				t.Errorf("disk %v: System unknown without a reason", d.Index)
			}
		}
	})
}
