package probe

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"actwiz/internal/facts"
)

// linuxNotDiskPrefixes names the block devices in sys/block that are not
// disks the machine is built with, and that Windows would not list as
// Win32_DiskDrive either. Anything else the kernel keeps under
// sys/devices/virtual is left out too.
var linuxNotDiskPrefixes = []string{
	"loop",     // files attached as disks (snaps, mounted images)
	"ram",      // RAM disks (brd)
	"zram",     // compressed RAM, mostly used as swap
	"dm-",      // device-mapper (LVM, LUKS, multipath): built on disks that are listed themselves
	"md",       // software RAID: built on disks that are listed themselves
	"bcache",   // a cache layered over disks that are listed themselves
	"zd",       // ZFS volumes: carved out of a pool whose disks are listed
	"drbd",     // replicated over a local disk and the network
	"nbd",      // network block devices: the disk is on another machine
	"rbd",      // Ceph block devices: remote too
	"sr",       // optical drives: Windows lists them as Win32_CDROMDrive
	"fd",       // floppy drives
	"mtdblock", // raw flash partitions of embedded boards
}

func linuxNotDisk(name string) bool {
	for _, prefix := range linuxNotDiskPrefixes {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	// An eMMC chip shows its boot partitions (mmcblk0boot0) beside its main
	// area (mmcblk0), which is the disk.
	return strings.HasPrefix(name, "mmcblk") && (strings.Contains(name, "boot") || strings.Contains(name, "rpmb"))
}

// Disks lists the physical disks, as Win32_DiskDrive does.
func (r *linuxReader) Disks(context.Context) ([]facts.Disk, FieldErrors, error) {
	entries, err := os.ReadDir(r.path("sys/block"))
	if err != nil {
		return nil, nil, fmt.Errorf("listing the block devices: %w", err)
	}
	fe := FieldErrors{}
	type found struct {
		name string
		path linuxDevicePath // nil when it could not be resolved
	}
	var list []found
	for _, e := range entries {
		name := e.Name()
		if linuxNotDisk(name) {
			continue
		}
		path, err := r.diskPath(name)
		if err != nil {
			// Still a disk; only how it is attached is unknown.
			linuxAppendReason(fe, "PNPDeviceID", name+": "+err.Error())
		} else if path.isVirtual() {
			continue
		}
		list = append(list, found{name, path})
	}
	sort.Slice(list, func(i, j int) bool { return linuxNaturalLess(list[i].name, list[j].name) })

	disks := make([]facts.Disk, 0, len(list)) // empty, not nil: "no disks" is a fact
	names := make([]string, 0, len(list))
	for i, d := range list {
		disks = append(disks, r.disk(i, d.name, d.path, fe))
		names = append(names, d.name)
	}
	r.markSystemDisks(disks, names, fe)
	return disks, fe, nil
}

// diskPath resolves a disk's place in the device tree. A namespace under
// NVMe native multipath sits in virtual/nvme-subsystem, away from any bus;
// its hardware is the subsystem's controller, which the subsystem links to
// (nvme-subsys0/nvme0 -> .../0000:3d:00.0/nvme/nvme0), where udev finds it
// too. A namespace reached only over a network (NVMe-oF) stays virtual.
func (r *linuxReader) diskPath(name string) (linuxDevicePath, error) {
	path, err := r.devicePath("sys/block/" + name)
	if err != nil || len(path) < 4 || path[0] != "virtual" || path[1] != "nvme-subsystem" {
		return path, err
	}
	subsystem := "sys/devices/" + strings.Join(path[:3], "/")
	entries, err := os.ReadDir(r.path(subsystem))
	if err != nil {
		return nil, fmt.Errorf("finding the controller of NVMe namespace %s: %w", name, err)
	}
	for _, e := range entries {
		if !linuxNumbered("nvme")(e.Name()) {
			continue
		}
		controller, err := r.devicePath(subsystem + "/" + e.Name())
		if err == nil && !controller.isVirtual() {
			return append(controller, name), nil
		}
	}
	return path, nil
}

func (r *linuxReader) disk(index int, name string, path linuxDevicePath, fe FieldErrors) facts.Disk {
	block := "sys/block/" + name
	d := facts.Disk{
		Index:        facts.Int(index),
		Model:        r.diskModel(block),
		SerialNumber: r.diskSerial(name, block, fe),
	}
	removable := r.diskRemovable(block)
	if path == nil {
		if removable {
			d.MediaType = facts.Str("Removable Media")
		}
		return d
	}
	usb := path.onUSB()
	d.InterfaceType = path.diskInterfaceType()
	d.MediaType = linuxMediaType(removable, usb)
	d.PNPDeviceID = facts.Str(path.pnpDeviceID())
	d.InLocalMachineContainer = facts.Bool(!usb)
	return d
}

// diskInterfaceType gives the word Win32_DiskDrive uses for the same disk.
// Windows names its storage driver's model, not the wire.
func (p linuxDevicePath) diskInterfaceType() *string {
	switch {
	case p.onUSB():
		return facts.Str("USB") // enclosures, sticks, card readers, whatever the disk inside
	case p.index(linuxNumbered("ata")) >= 0:
		return facts.Str("IDE") // SATA through libata; Windows reports AHCI and IDE disks as IDE
	case p.has("nvme"):
		return facts.Str("SCSI") // stornvme is a Storport (SCSI) miniport, so Windows says SCSI
	case p.index(linuxNumbered("virtio")) >= 0:
		return facts.Str("SCSI") // viostor and vioscsi are SCSI miniports too
	case p.index(linuxNumbered("host")) >= 0:
		return facts.Str("SCSI") // SAS and SCSI host adapters
	}
	return nil // MMC/SD, Xen and others, where Windows' word is not known
}

// linuxMediaType uses Windows' words. A disk that says it is removable
// (USB sticks, card readers) is "Removable Media", as Windows reports it;
// any other disk on USB is external.
func linuxMediaType(removable, usb bool) *string {
	switch {
	case removable:
		return facts.Str("Removable Media")
	case usb:
		return facts.Str("External hard disk media")
	}
	return facts.Str("Fixed hard disk media")
}

func (r *linuxReader) diskRemovable(block string) bool {
	v, err := r.readAttr(block + "/removable")
	return err == nil && strings.TrimSpace(v) == "1"
}

// diskModel reads the model the disk reports; SCSI and libata pad it with
// spaces, and MMC cards call it their name. Virtio disks have none.
func (r *linuxReader) diskModel(block string) *string {
	for _, attr := range []string{"device/model", "device/name"} {
		if v, err := r.readAttr(block + "/" + attr); err == nil && strings.TrimSpace(v) != "" {
			return facts.Str(strings.TrimSpace(v))
		}
	}
	return nil
}

// diskSerial reads the serial number from the first source that has one:
// the udev database (ID_SERIAL_SHORT is the bare serial; ID_SERIAL prefixes
// the model and is the fallback), then the kernel's own copies: the NVMe
// controller's, virtio_blk's, and SCSI VPD page 0x80, which libata answers
// for SATA disks too. An attribute that exists but is empty is a fact (the
// disk reports no serial) and comes back as "".
func (r *linuxReader) diskSerial(name, block string, fe FieldErrors) *string {
	sources := []struct {
		rel  string
		read func(rel string) (string, error)
	}{
		{r.udevDataFile(block), r.udevSerial},
		{block + "/device/serial", r.readAttr},
		{block + "/serial", r.readAttr},
		{block + "/device/vpd_pg80", r.vpdSerial},
	}
	sawEmpty := false
	var problems []string
	for _, s := range sources {
		if s.rel == "" {
			continue
		}
		v, err := s.read(s.rel)
		switch {
		case err == nil && v != "":
			return &v
		case err == nil:
			sawEmpty = true
		case !errors.Is(err, fs.ErrNotExist):
			problems = append(problems, r.readReason(s.rel, err))
		}
	}
	if sawEmpty && len(problems) == 0 {
		return facts.Str("")
	}
	reason := fmt.Sprintf("%s: no serial number found in the udev database (%s) or in sysfs", name, r.path("run/udev/data"))
	if len(problems) > 0 {
		reason += " (" + strings.Join(problems, "; ") + ")"
	}
	linuxAppendReason(fe, "SerialNumber", reason)
	return nil
}

// udevDataFile names the udev database file of a block device: udev keeps
// one per device, named b<major>:<minor>.
func (r *linuxReader) udevDataFile(block string) string {
	majorMinor, err := r.readAttr(block + "/dev")
	if err != nil || strings.TrimSpace(majorMinor) == "" {
		return ""
	}
	return "run/udev/data/b" + strings.TrimSpace(majorMinor)
}

// udevSerial reads the serial udev recorded in a device's database file,
// where each property is a line "E:KEY=value".
func (r *linuxReader) udevSerial(rel string) (string, error) {
	text, err := r.readAttr(rel)
	if err != nil {
		return "", err
	}
	properties := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if property, ok := strings.CutPrefix(line, "E:"); ok {
			key, value, _ := strings.Cut(property, "=")
			properties[key] = value
		}
	}
	for _, key := range []string{"ID_SERIAL_SHORT", "ID_SERIAL"} {
		if properties[key] != "" {
			return properties[key], nil
		}
	}
	return "", fmt.Errorf("%s records no serial: %w", r.path(rel), fs.ErrNotExist)
}

// vpdSerial reads SCSI VPD page 0x80 (Unit Serial Number): a four-byte
// header whose last two bytes give the length, then the serial in ASCII.
func (r *linuxReader) vpdSerial(rel string) (string, error) {
	b, err := r.readFile(r.path(rel))
	if err != nil {
		return "", err
	}
	if len(b) < 4 || b[1] != 0x80 {
		return "", fmt.Errorf("%s is not VPD page 0x80", r.path(rel))
	}
	n := min(int(b[2])<<8|int(b[3]), len(b)-4)
	return strings.TrimRight(string(b[4:4+n]), "\x00"), nil
}

// linuxAppendReason records why field was not read; several devices' reasons
// share the section's one entry for the field.
func linuxAppendReason(fe FieldErrors, field, reason string) {
	if fe[field] != "" {
		reason = fe[field] + "; " + reason
	}
	fe[field] = reason
}

// linuxNaturalLess orders device names as people count them: sdz before
// sdaa, nvme2n1 before nvme10n1; different kinds of name alphabetically.
func linuxNaturalLess(a, b string) bool {
	for a != "" && b != "" {
		runA, restA := linuxLeadingRun(a)
		runB, restB := linuxLeadingRun(b)
		if runA != runB {
			digitsA, digitsB := linuxIsDigit(runA[0]), linuxIsDigit(runB[0])
			switch {
			case digitsA != digitsB:
				return digitsA
			case digitsA:
				numA, numB := strings.TrimLeft(runA, "0"), strings.TrimLeft(runB, "0")
				if len(numA) != len(numB) {
					return len(numA) < len(numB)
				}
			default:
				// Drive letters past z grow a letter: sdz, sdaa.
				if runA[0] == runB[0] && len(runA) != len(runB) {
					return len(runA) < len(runB)
				}
			}
			return runA < runB
		}
		a, b = restA, restB
	}
	return len(a) < len(b)
}

// linuxLeadingRun splits s after its leading run of digits or non-digits.
func linuxLeadingRun(s string) (run, rest string) {
	i := 1
	for i < len(s) && linuxIsDigit(s[i]) == linuxIsDigit(s[0]) {
		i++
	}
	return s[:i], s[i:]
}

func linuxIsDigit(c byte) bool { return '0' <= c && c <= '9' }
