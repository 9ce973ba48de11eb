package probe

// The Windows reader: WMI for the identity values (wmi_windows.go),
// cfgmgr32 for "In root container" (devprop_windows.go) and the system
// volume's disk extents for the system disk (sysdisk_windows.go).
//
// Every method is safe to call concurrently: WMI queries are serialised by
// the wmi library (and by the fallback's own lock), and the other calls
// keep no state. None has a timeout of its own; probe.Stream abandons a
// section that does not answer in time.

import (
	"context"
	"fmt"
	"os"
	"sort"

	"actwiz/internal/facts"
)

// Native returns the reader for this machine.
func Native() Reader { return windowsReader{} }

type windowsReader struct{}

// Host never fails: the OS caption is a courtesy, and whatever could not
// be read stays empty.
func (windowsReader) Host(context.Context) facts.Host {
	h := facts.Host{OSFamily: "windows"}
	h.Name, _ = os.Hostname()
	if rows, _, err := queryWMI[wmiOperatingSystem](); err == nil && len(rows) > 0 {
		h = rows[0].host(h)
	}
	return h
}

func (windowsReader) BIOS(context.Context) (*facts.BIOS, FieldErrors, error) {
	row, fe, err := singleRow[wmiBIOS]()
	if err != nil {
		return nil, nil, err
	}
	return row.facts(), fe, nil
}

func (windowsReader) Baseboard(context.Context) (*facts.Baseboard, FieldErrors, error) {
	row, fe, err := singleRow[wmiBaseBoard]()
	if err != nil {
		return nil, nil, err
	}
	return row.facts(), fe, nil
}

// singleRow reads a class that has one instance per machine. Should a
// machine report more (it happens with some baseboards), the first is the
// one wmic shows first, so it is the one the user can compare with.
func singleRow[T wmiRow]() (T, FieldErrors, error) {
	var zero T
	rows, why, err := queryWMI[T]()
	if err != nil {
		return zero, nil, err
	}
	if len(rows) == 0 {
		return zero, nil, fmt.Errorf("WMI has no %s instance on this machine", zero.wmiClass())
	}
	fe := FieldErrors{}
	for field, reason := range why[0] {
		fe[field] = zero.wmiClass() + ": " + reason
	}
	return rows[0], fe, nil
}

func (windowsReader) Disks(context.Context) ([]facts.Disk, FieldErrors, error) {
	rows, why, err := queryWMI[wmiDiskDrive]()
	if err != nil {
		return nil, nil, err
	}
	errs := deviceErrors{}
	disks := make([]facts.Disk, len(rows)) // never nil: no disks is not "unread"
	for i, row := range rows {
		errs.addRow(row.label(), why[i])
		disks[i] = row.facts()
		disks[i].InLocalMachineContainer = readContainer(row.PNPDeviceID, row.label(), errs)
	}
	fe := FieldErrors{}
	errs.into(fe)
	if len(disks) > 0 {
		if err := markSystem(disks); err != nil {
			fe["System"] = err.Error()
		}
	}
	// WMI lists disks in no promised order; by Index reads like Disk
	// Management and keeps snapshots of one machine comparable.
	sort.SliceStable(disks, func(i, j int) bool { return lessIndex(disks[i].Index, disks[j].Index) })
	return disks, fe, nil
}

func (windowsReader) NICs(context.Context) ([]facts.NIC, FieldErrors, error) {
	rows, why, err := queryWMI[wmiNetworkAdapter]()
	if err != nil {
		return nil, nil, err
	}
	errs := deviceErrors{}
	nics := make([]facts.NIC, len(rows))
	for i, row := range rows {
		errs.addRow(row.label(), why[i])
		nics[i] = row.facts()
		nics[i].InLocalMachineContainer = readContainer(row.PNPDeviceID, row.label(), errs)
	}
	fe := FieldErrors{}
	errs.into(fe)
	return nics, fe, nil
}

// readContainer reads "In root container" for one device; on failure the
// value stays nil and the reason is recorded against the device.
func readContainer(pnp *string, label string, errs deviceErrors) *bool {
	const field = "InLocalMachineContainer"
	if pnp == nil || *pnp == "" {
		errs.add(field, label, "WMI gave no PNPDeviceID to look the device up by")
		return nil
	}
	v, err := inLocalMachineContainer(*pnp)
	if err != nil {
		errs.add(field, label, err.Error())
		return nil
	}
	return facts.Bool(v)
}

// markSystem sets System on every disk, or leaves all of them nil with the
// reason.
func markSystem(disks []facts.Disk) error {
	nums, err := systemDiskNumbers()
	if err != nil {
		return fmt.Errorf("cannot tell which disk holds Windows: %w", err)
	}
	if err := markSystemDisks(disks, nums); err != nil {
		return fmt.Errorf("cannot tell which disk holds Windows: %w", err)
	}
	return nil
}

func lessIndex(a, b *int) bool {
	switch {
	case a == nil:
		return false
	case b == nil:
		return true
	}
	return *a < *b
}
