package probe

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"actwiz/internal/facts"
)

// linuxIFFUp is IFF_UP from <linux/if.h>: the interface is administratively
// up, the nearest Linux has to an adapter that is not disabled.
const linuxIFFUp = 0x1

// NICs lists every network interface, as Win32_NetworkAdapter lists every
// adapter. Software interfaces (lo, bridges, veth, tun, docker0) come out
// as not physical from where the kernel puts them: under
// sys/devices/virtual, with no hardware device behind them.
func (r *linuxReader) NICs(context.Context) ([]facts.NIC, FieldErrors, error) {
	entries, err := os.ReadDir(r.path("sys/class/net"))
	if err != nil {
		return nil, nil, fmt.Errorf("listing the network interfaces: %w", err)
	}
	fe := FieldErrors{}
	nics := make([]facts.NIC, 0, len(entries)) // empty, not nil: "no adapters" is a fact
	for _, e := range entries {
		// bonding_masters is a control file beside the interfaces.
		if info, err := os.Stat(r.path("sys/class/net/" + e.Name())); err != nil || !info.IsDir() {
			continue
		}
		nics = append(nics, r.nic(e.Name(), fe))
	}
	return nics, fe, nil
}

func (r *linuxReader) nic(name string, fe FieldErrors) facts.NIC {
	rel := "sys/class/net/" + name
	n := facts.NIC{
		Name:       facts.Str(name),
		MACAddress: r.macAddress(rel, name, fe),
		NetEnabled: r.netEnabled(rel, name, fe),
	}
	path, err := r.devicePath(rel)
	if err != nil {
		linuxAppendReason(fe, "PhysicalAdapter", name+": "+err.Error())
		return n
	}
	_, err = os.Stat(r.path(rel + "/device"))
	physical := err == nil && !path.isVirtual()
	n.PhysicalAdapter = facts.Bool(physical)
	// Windows puts software adapters in the local machine's container too;
	// only a device on a removable bus is outside it.
	n.InLocalMachineContainer = facts.Bool(!path.onUSB())
	if physical {
		// The interface exists only while a driver is bound to the device,
		// which is what Windows' error code 0 says.
		n.ConfigManagerErrorCode = facts.Int(0)
		n.PNPDeviceID = facts.Str(path.pnpDeviceID())
	}
	return n
}

// macAddress reads the hardware address in Windows' form, upper-case with
// colons. An interface without one (tun in IP mode, some tunnels) has an
// empty file or none, and gets nil, as such adapters do on Windows.
func (r *linuxReader) macAddress(rel, name string, fe FieldErrors) *string {
	v, err := r.readAttr(rel + "/address")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		linuxAppendReason(fe, "MACAddress", name+": "+r.readReason(rel+"/address", err))
	}
	if v = strings.TrimSpace(v); err != nil || v == "" {
		return nil
	}
	return facts.Str(strings.ToUpper(v))
}

// netEnabled reads IFF_UP from the interface flags, which the kernel
// writes in hex ("0x1003").
func (r *linuxReader) netEnabled(rel, name string, fe FieldErrors) *bool {
	v, err := r.readAttr(rel + "/flags")
	if err != nil {
		linuxAppendReason(fe, "NetEnabled", name+": "+r.readReason(rel+"/flags", err))
		return nil
	}
	flags, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(v), "0x"), 16, 32)
	if err != nil {
		linuxAppendReason(fe, "NetEnabled", fmt.Sprintf("%s: %s holds %q, not hex flags", name, r.path(rel+"/flags"), v))
		return nil
	}
	return facts.Bool(flags&linuxIFFUp != 0)
}
