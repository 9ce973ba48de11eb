package checks

import (
	"fmt"
	"strings"

	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// maxDiskSerialBytes is the activation client's limit on a disk serial.
const maxDiskSerialBytes = 64

var diskSerial = Definition{
	ID:    "disk.serial",
	Title: i18n.T("硬盘序列号", "Disk serial number"),
	Rule:  i18n.T("硬盘序列号不超过 64 个字节", "A disk serial is at most 64 bytes"),
	Verify: []string{
		"Get-CimInstance Win32_DiskDrive | Select-Object Index, Model, SerialNumber",
		"wmic diskdrive get serialnumber",
	},
	VerifyLinux: []string{"lsblk -d -o NAME,MODEL,SERIAL,TRAN"},
	Needs:       []facts.Section{facts.SectionDisks},
	run:         judgeDiskSerial,
}

var diskFixed = Definition{
	ID:    "disk.fixed",
	Title: i18n.T("系统硬盘不是可移动硬盘", "System disk is not removable"),
	Rule:  i18n.T("硬盘不能为可移动硬盘（设备管理器中“在根容器中”为“真”）", "The disk must not be removable (\"In root container\" is True in Device Manager)"),
	Verify: []string{
		"Get-CimInstance Win32_DiskDrive | ForEach-Object { $_ | Select-Object Index, Model, InterfaceType, MediaType; Get-PnpDeviceProperty -InstanceId $_.PNPDeviceID -KeyName DEVPKEY_Device_InLocalMachineContainer | Select-Object Data }",
		"wmic diskdrive get index,model,interfacetype,mediatype",
	},
	VerifyLinux: []string{"lsblk -d -o NAME,MODEL,TRAN,RM"},
	Needs:       []facts.Section{facts.SectionDisks},
	run:         judgeDiskFixed,
}

// removability is what the facts say about one device: spec §2 allows
// "not known", and the check must not turn it into "fixed".
type removability int

const (
	isFixed removability = iota
	isNotKnown
	isRemovable
)

// diskRemovability applies spec §2: a read InLocalMachineContainer alone
// decides (internal disks on a USB-attached bus that Windows places in the
// root container are fixed); only when it is null do USB, external or
// removable media mark the disk removable, and anything else is not known.
func diskRemovability(d facts.Disk) removability {
	if d.InLocalMachineContainer != nil {
		if *d.InLocalMachineContainer {
			return isFixed
		}
		return isRemovable
	}
	if d.InterfaceType != nil && strings.EqualFold(strings.TrimSpace(*d.InterfaceType), "USB") {
		return isRemovable
	}
	if d.MediaType != nil {
		m := strings.ToLower(*d.MediaType)
		if strings.Contains(m, "external") || strings.Contains(m, "removable") {
			return isRemovable
		}
	}
	return isNotKnown
}

// removable is disk.serial's view: disks not known count as not removable.
func removable(d facts.Disk) bool { return diskRemovability(d) == isRemovable }

func judgeDiskSerial(s facts.Snapshot, _ Rules, _ map[string]Result) Result {
	if s.Disks == nil {
		return notRead(i18n.T("硬盘列表", "disk list"), readReason(s, "disks"))
	}
	if len(s.Disks) == 0 {
		return Result{Status: Skip, Detail: msgNoDisks}
	}
	disks := fixedOrAll(s.Disks)
	worst := Pass
	var detail, hint i18n.Text
	observed := make([]string, 0, len(disks))
	for _, d := range disks {
		st, det, h := judgeOneDiskSerial(d, s)
		observed = append(observed, diskSerialObserved(d, len(disks)))
		if rank(st) > rank(worst) {
			worst, detail, hint = st, det, h
		}
	}
	if worst == Pass {
		detail = msgDiskSerialOK.F(len(disks))
	}
	return Result{Status: worst, Observed: strings.Join(observed, "; "), Detail: detail, Hint: hint}
}

// rank orders the disk.serial outcomes: a failure outranks an unread serial,
// which outranks a warning (spec §2).
func rank(s Status) int {
	switch s {
	case Fail:
		return 3
	case Unknown:
		return 2
	case Warn:
		return 1
	}
	return 0
}

func judgeOneDiskSerial(d facts.Disk, s facts.Snapshot) (Status, i18n.Text, i18n.Text) {
	name := diskName(d)
	if d.SerialNumber == nil {
		r := notRead(i18n.T("硬盘 "+name+" 的序列号", "serial of disk "+name), readReason(s, "disks", "disks.SerialNumber"))
		return Unknown, r.Detail, r.Hint
	}
	raw := *d.SerialNumber
	trimmed := strings.TrimSpace(raw)
	switch {
	case len(trimmed) > maxDiskSerialBytes:
		return Fail, msgDiskSerialLong.F(name, len(trimmed)), hintDiskSerialLong
	case trimmed == "":
		return Warn, msgDiskSerialEmpty.F(name), hintDiskSerialEmpty
	case len(raw) > maxDiskSerialBytes:
		return Warn, msgDiskSerialPadded.F(name, len(raw), len(trimmed)), hintDiskSerialPadded
	}
	return Pass, i18n.Text{}, i18n.Text{}
}

func fixedOrAll(disks []facts.Disk) []facts.Disk {
	var fixed []facts.Disk
	for _, d := range disks {
		if !removable(d) {
			fixed = append(fixed, d)
		}
	}
	if len(fixed) == 0 {
		return disks
	}
	return fixed
}

func judgeDiskFixed(s facts.Snapshot, _ Rules, _ map[string]Result) Result {
	if s.Disks == nil {
		return notRead(i18n.T("硬盘列表", "disk list"), readReason(s, "disks"))
	}
	if len(s.Disks) == 0 {
		return Result{Status: Fail, Detail: msgNoDisks, Hint: hintNoDisks}
	}
	observed := make([]string, 0, len(s.Disks))
	var system *facts.Disk
	removableCount, notKnown := 0, 0
	for i, d := range s.Disks {
		observed = append(observed, diskFixedObserved(d))
		switch diskRemovability(d) {
		case isRemovable:
			removableCount++
		case isNotKnown:
			notKnown++
		}
		// With two disks marked as the system's (a mirror), the worst one
		// decides: Windows may start from it.
		if d.System != nil && *d.System && (system == nil || diskRemovability(d) > diskRemovability(*system)) {
			system = &s.Disks[i]
		}
	}
	res := Result{Observed: strings.Join(observed, "; ")}
	switch {
	case system != nil && diskRemovability(*system) == isRemovable:
		res.Status, res.Detail, res.Hint = Fail, msgSystemDiskRemovable.F(diskName(*system), whyRemovable(*system)), hintSystemDiskRemovable
	case system != nil && diskRemovability(*system) == isNotKnown:
		return diskNotKnown(s, res, msgSystemDiskNotKnown.F(diskName(*system)))
	case system != nil && removableCount > 0:
		res.Status, res.Detail, res.Hint = Warn, msgOtherDisksRemovable.F(removableCount), hintUnplugRemovable
	case system != nil:
		res.Status, res.Detail = Pass, msgSystemDiskFixed.F(diskName(*system))
	case removableCount == len(s.Disks):
		res.Status, res.Detail, res.Hint = Fail, msgAllDisksRemovable, hintSystemDiskRemovable
	case notKnown > 0:
		return diskNotKnown(s, res, msgDisksNotKnown.F(len(s.Disks), notKnown))
	case removableCount > 0:
		res.Status, res.Detail, res.Hint = Warn, msgSomeDisksRemovable.F(len(s.Disks), removableCount), hintUnplugRemovable
	default:
		res.Status, res.Detail = Pass, msgNoDiskRemovable
	}
	return res
}

// diskNotKnown is disk.fixed's unknown: what could not be read, and why.
func diskNotKnown(s facts.Snapshot, res Result, what i18n.Text) Result {
	r := notRead(what, readReason(s, "disks.InLocalMachineContainer"))
	res.Status, res.Detail, res.Hint = Unknown, r.Detail, hintContainerNotRead
	return res
}

// whyRemovable names the one fact that made a disk removable, as read.
func whyRemovable(d facts.Disk) i18n.Text {
	switch {
	case d.InLocalMachineContainer != nil:
		return msgNotInRootContainer
	case d.InterfaceType != nil && strings.EqualFold(strings.TrimSpace(*d.InterfaceType), "USB"):
		return msgOnUSB
	case d.MediaType != nil:
		return msgMediaType.F(machinetext.Escape(strings.TrimSpace(*d.MediaType)))
	}
	return i18n.Text{}
}

func diskName(d facts.Disk) string {
	var parts []string
	if d.Index != nil {
		parts = append(parts, fmt.Sprintf("#%d", *d.Index))
	}
	if d.Model != nil && strings.TrimSpace(*d.Model) != "" {
		parts = append(parts, strings.TrimSpace(*d.Model))
	}
	if len(parts) == 0 {
		return "?"
	}
	return strings.Join(parts, " ")
}

func diskSerialObserved(d facts.Disk, count int) string {
	v := "(null)"
	if d.SerialNumber != nil {
		v = *d.SerialNumber
	}
	if count == 1 {
		return v
	}
	return diskName(d) + ": " + v
}

func diskFixedObserved(d facts.Disk) string {
	var why []string
	if d.System != nil && *d.System {
		why = append(why, "system")
	}
	if d.InterfaceType != nil {
		why = append(why, *d.InterfaceType)
	}
	if d.MediaType != nil {
		why = append(why, *d.MediaType)
	}
	// Only what was read: a null container is said to be unread, never
	// guessed as true or false.
	if d.InLocalMachineContainer != nil {
		why = append(why, fmt.Sprintf("InLocalMachineContainer=%t", *d.InLocalMachineContainer))
	} else {
		why = append(why, "InLocalMachineContainer not read")
	}
	return diskName(d) + " (" + strings.Join(why, ", ") + ")"
}
