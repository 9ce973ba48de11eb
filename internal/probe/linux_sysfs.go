package probe

import (
	"fmt"
	"path/filepath"
	"strings"
)

// linuxDevicePath is where a device sits in the kernel's device tree: the
// components of its resolved sysfs path below sys/devices, such as
// pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda.
// Which buses a device hangs from is read off these components, as udev
// does to build its ID_PATH.
type linuxDevicePath []string

// devicePath resolves rel (a link such as sys/block/sda or
// sys/class/net/eth0) to the device's place in sys/devices.
func (r *linuxReader) devicePath(rel string) (linuxDevicePath, error) {
	resolved, err := filepath.EvalSymlinks(r.path(rel))
	if err != nil {
		return nil, fmt.Errorf("resolving the sysfs link %s: %w", r.path(rel), err)
	}
	devices := filepath.Join(r.resolvedRoot, "sys", "devices")
	under, err := filepath.Rel(devices, resolved)
	if err != nil || under == "." || under == ".." || strings.HasPrefix(under, ".."+string(filepath.Separator)) {
		return nil, fmt.Errorf("the sysfs link %s leads to %s, outside %s", r.path(rel), resolved, devices)
	}
	return strings.Split(filepath.ToSlash(under), "/"), nil
}

// isVirtual tells software devices (loop, lo, bridges, veth, tun, ...),
// which the kernel puts under sys/devices/virtual.
func (p linuxDevicePath) isVirtual() bool { return len(p) > 0 && p[0] == "virtual" }

// onUSB tells a device behind a USB host controller's root hub (usb1,
// usb2, ...), however many hubs and bridges lie between.
func (p linuxDevicePath) onUSB() bool { return p.index(linuxNumbered("usb")) >= 0 }

func (p linuxDevicePath) has(component string) bool {
	return p.index(func(c string) bool { return c == component }) >= 0
}

func (p linuxDevicePath) index(match func(string) bool) int {
	for i, c := range p {
		if match(c) {
			return i
		}
	}
	return -1
}

// pnpDeviceID gives the device an identifier shaped like Windows'
// PNPDeviceID: the bus it hangs from, upper-cased, a backslash, and the
// sysfs path from that bus's device down, for example
// USB\2-1\2-1:1.0\host6\target6:0:0\6:0:0:0\block\sdb or
// PCI\0000:00:17.0\ata1\host0\target0:0:0\0:0:0:0\block\sda. The checks
// look only at the bus prefix (USB\, and Windows' ROOT\ and SWD\ for
// software devices, which never occur here).
func (p linuxDevicePath) pnpDeviceID() string {
	// The outermost bus that decides how the device is attached comes first:
	// a USB enclosure on a PCI host controller is a USB device, and a virtio
	// disk on a virtio-pci transport is a virtio device.
	if i := p.index(linuxNumbered("usb")); i >= 0 && i+1 < len(p) {
		return `USB\` + strings.Join(p[i+1:], `\`)
	}
	if i := p.index(linuxNumbered("virtio")); i >= 0 {
		return `VIRTIO\` + strings.Join(p[i:], `\`)
	}
	if i := p.lastIndex(linuxPCIAddress); i >= 0 {
		// The last PCI address is the device's own function; the ones
		// before it are bridges.
		return `PCI\` + strings.Join(p[i:], `\`)
	}
	if len(p) < 2 {
		return strings.ToUpper(strings.Join(p, ""))
	}
	return strings.ToUpper(p[0]) + `\` + strings.Join(p[1:], `\`) // platform, xen, ...
}

func (p linuxDevicePath) lastIndex(match func(string) bool) int {
	for i := len(p) - 1; i >= 0; i-- {
		if match(p[i]) {
			return i
		}
	}
	return -1
}

// linuxNumbered matches prefix followed by decimal digits: "usb" matches usb1.
func linuxNumbered(prefix string) func(string) bool {
	return func(c string) bool {
		digits, ok := strings.CutPrefix(c, prefix)
		return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
	}
}

// linuxPCIAddress matches a PCI function's name, domain:bus:device.function
// in hex, such as 0000:00:17.0 (VMD domains have five hex digits).
func linuxPCIAddress(c string) bool {
	parts := strings.Split(c, ":")
	if len(parts) != 3 {
		return false
	}
	device, function, ok := strings.Cut(parts[2], ".")
	return ok && len(parts[0]) >= 4 && linuxHex(parts[0]) && len(parts[1]) == 2 && linuxHex(parts[1]) &&
		len(device) == 2 && linuxHex(device) && len(function) == 1 && linuxHex(function)
}

func linuxHex(s string) bool {
	return s != "" && strings.Trim(s, "0123456789abcdefABCDEF") == ""
}
