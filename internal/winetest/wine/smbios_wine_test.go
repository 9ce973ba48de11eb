package wine

import (
	"context"
	"testing"
	"time"

	"actwiz/internal/facts"
	"actwiz/internal/winetest"
)

// TestSMBIOSUnderWine runs the second source, GetSystemFirmwareTable
// ('RSMB') decoded by go-smbios, in the real executable. Wine builds its
// RSMB table from the host's /sys/class/dmi/id, and its Win32_BIOS is
// read from that same table, so the two sources must agree there (when the
// host has DMI values to put in it).
func TestSMBIOSUnderWine(t *testing.T) {
	env := winetest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const out = `C:\actwiz-smbios.json`
	res, err := env.Run(ctx, "snapshot", "-o", out)
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != 0 {
		t.Fatalf("snapshot exited %d\nstderr: %s", res.ExitCode, res.Stderr)
	}
	snap, err := facts.Load(env.HostPath(out))
	if err != nil {
		t.Fatal(err)
	}
	if snap.SMBIOS == nil {
		t.Fatalf("no smbios section; reason %q (kind %q)", snap.Err("smbios"), snap.ErrKind("smbios"))
	}
	t.Logf("smbios under Wine: %+v; system serial %v, board serial %v", *snap.SMBIOS, deref(snap.SMBIOS.SystemSerialNumber), deref(snap.SMBIOS.BaseboardSerialNumber))
	if snap.SMBIOS.Source != "GetSystemFirmwareTable(RSMB)" || snap.SMBIOS.Version == "" {
		t.Errorf("source %q, version %q", snap.SMBIOS.Source, snap.SMBIOS.Version)
	}
	if snap.SMBIOS.SystemSerialNumber == nil {
		t.Error("the table has no type 1 system serial")
	}
	// Wine fills the table from the host's DMI files; a build machine
	// without them gets empty strings, which Wine's WMI shows as "0".
	if snap.BIOS != nil && snap.BIOS.SerialNumber != nil && snap.SMBIOS.SystemSerialNumber != nil &&
		*snap.SMBIOS.SystemSerialNumber != "" && *snap.BIOS.SerialNumber != *snap.SMBIOS.SystemSerialNumber {
		t.Errorf("WMI's Win32_BIOS.SerialNumber %q and the RSMB table's %q differ", *snap.BIOS.SerialNumber, *snap.SMBIOS.SystemSerialNumber)
	}
}

func deref(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}
