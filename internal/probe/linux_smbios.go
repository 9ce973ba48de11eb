package probe

import (
	"bytes"
	"context"
	"fmt"

	"github.com/digitalocean/go-smbios/smbios"

	"actwiz/internal/facts"
)

// The kernel's copies of the firmware's SMBIOS entry point and structure
// table (readable by root only, like the serial files).
const (
	linuxSMBIOSEntryPoint = "sys/firmware/dmi/tables/smbios_entry_point"
	linuxSMBIOSTable      = "sys/firmware/dmi/tables/DMI"
)

// SMBIOS reads the raw table the kernel exposes. On Linux it is the same
// table /sys/class/dmi/id/ is decoded from, so it adds a cross-check, not
// access: both need root.
func (r *linuxReader) SMBIOS(context.Context) (*facts.SMBIOS, error) {
	epData, err := r.readFile(r.path(linuxSMBIOSEntryPoint))
	if err != nil {
		return nil, reasonError{"reading the SMBIOS entry point: " + r.readReason(linuxSMBIOSEntryPoint, err), err}
	}
	ep, err := smbios.ParseEntryPoint(bytes.NewReader(epData))
	if err != nil {
		return nil, fmt.Errorf("reading the SMBIOS entry point %s: %w", r.path(linuxSMBIOSEntryPoint), err)
	}
	table, err := r.readFile(r.path(linuxSMBIOSTable))
	if err != nil {
		return nil, reasonError{"reading the SMBIOS table: " + r.readReason(linuxSMBIOSTable, err), err}
	}
	return decodeSMBIOS(bytes.NewReader(table), len(table), ep, "/"+linuxSMBIOSTable)
}
