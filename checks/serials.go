package checks

import (
	"strings"

	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

var biosSerial = Definition{
	ID:    "bios.serial",
	Title: i18n.T("BIOS 序列号", "BIOS serial number"),
	Rule:  i18n.T("BIOS 序列号（即硬件序列号）唯一并且不能为空", "The BIOS serial (the hardware serial) is unique and not empty"),
	Verify: []string{
		"Get-CimInstance Win32_BIOS | Select-Object SerialNumber",
		"wmic bios get SerialNumber",
	},
	VerifyLinux: []string{"sudo cat /sys/class/dmi/id/product_serial"},
	Needs:       []facts.Section{facts.SectionBIOS, facts.SectionSMBIOS},
	run: func(s facts.Snapshot, r Rules, _ map[string]Result) Result {
		var serial, maker, firmware *string
		if s.BIOS != nil {
			serial, maker = s.BIOS.SerialNumber, s.BIOS.Manufacturer
		}
		if s.SMBIOS != nil {
			firmware = s.SMBIOS.SystemSerialNumber
			if maker == nil {
				maker = s.SMBIOS.SystemManufacturer
			}
		}
		return judgeSerial(serialFacts{
			serial: serial, maker: maker, firmware: firmware,
			reason: readReason(s, "bios", "bios.SerialNumber"),
			what:   i18n.T("BIOS 序列号", "BIOS serial"),
		}, r)
	},
}

var boardSerial = Definition{
	ID:    "board.serial",
	Title: i18n.T("主板序列号", "Board serial number"),
	Rule:  i18n.T("主板序列号唯一并且不能为空", "The baseboard serial is unique and not empty"),
	Verify: []string{
		"Get-CimInstance Win32_BaseBoard | Select-Object SerialNumber",
		"wmic baseboard get serialnumber",
	},
	VerifyLinux: []string{"sudo cat /sys/class/dmi/id/board_serial"},
	Needs:       []facts.Section{facts.SectionBaseboard, facts.SectionSMBIOS},
	run: func(s facts.Snapshot, r Rules, _ map[string]Result) Result {
		var serial, maker, firmware *string
		if s.Baseboard != nil {
			serial, maker = s.Baseboard.SerialNumber, s.Baseboard.Manufacturer
		}
		if s.SMBIOS != nil {
			firmware = s.SMBIOS.BaseboardSerialNumber
			if maker == nil {
				maker = s.SMBIOS.BaseboardManufacturer
			}
		}
		return judgeSerial(serialFacts{
			serial: serial, maker: maker, firmware: firmware,
			reason: readReason(s, "baseboard", "baseboard.SerialNumber"),
			what:   i18n.T("主板序列号", "board serial"),
		}, r)
	},
}

type serialFacts struct {
	serial, maker *string
	// firmware is the same serial read from the SMBIOS table directly,
	// without WMI; nil when that source was not read.
	firmware *string
	reason   reason
	what     i18n.Text
}

// judgeSerial is the rule shared by the BIOS and board serials (spec §2),
// with the SMBIOS table as a second source: it stands in when WMI could not
// give the value, and a difference between the two is reported.
func judgeSerial(f serialFacts, r Rules) Result {
	switch {
	case f.serial == nil && f.firmware == nil:
		return notRead(f.what, f.reason)
	case f.serial == nil:
		return judgeFirmwareOnly(f, r)
	}
	res := judgeValue(*f.serial, f, r)
	if f.firmware != nil && SerialKey(*f.firmware) != "" && SerialKey(*f.firmware) != SerialKey(*f.serial) {
		// WMI answers from its repository's copy; the table is what the
		// firmware says now. Different means WMI's copy is stale. A table
		// with no string there proves nothing: WMI shows a missing string
		// its own way (Wine's shows "0").
		res.Detail = i18n.Join([]i18n.Text{res.Detail, msgFirmwareDiffers.F(f.what, machinetext.Escape(*f.firmware))}, "", " ")
		if res.Status == Pass {
			res.Status, res.Hint = Warn, hintFirmwareDiffers
		}
	}
	return res
}

// judgeFirmwareOnly judges the SMBIOS value when WMI gave none. A bad value
// fails as it would through WMI (the hardware itself is wrong); a good one
// is a warning: the hardware is fine, but WMI, which the activation client
// reads too, is the problem, and its hint says how to fix WMI.
func judgeFirmwareOnly(f serialFacts, r Rules) Result {
	res := judgeValue(*f.firmware, f, r)
	zh, hint := classify(f.reason)
	why := i18n.Text{ZH: zh, EN: f.reason.text.EN}
	if res.Status == Fail {
		res.Detail = i18n.Join([]i18n.Text{res.Detail, msgFirmwareOnly.F(f.what, why)}, "", " ")
		return res
	}
	res.Status, res.Detail, res.Hint = Warn, msgWMIBrokenFirmwareFine.F(f.what, why), hint
	return res
}

func judgeValue(raw string, f serialFacts, r Rules) Result {
	switch {
	case NormalizeSerial(raw) == "":
		return Result{Status: Fail, Observed: raw, Detail: msgSerialEmpty.F(f.what), Hint: hintWriteSerial}
	case r.Placeholders.Match(raw):
		return Result{Status: Fail, Observed: raw, Detail: msgSerialPlaceholder.F(f.what, machinetext.Escape(NormalizeSerial(raw))), Hint: hintWriteSerial}
	case looksVirtual(raw, f.maker):
		return Result{Status: Warn, Observed: raw, Detail: msgSerialVirtual.F(f.what), Hint: hintVirtualSerial}
	}
	return Result{Status: Pass, Observed: raw, Detail: msgSerialOK.F(f.what)}
}

// virtualMakers are firmware vendors of hypervisors: a serial from them is
// generated per VM and is copied along when a VM is cloned.
var virtualMakers = []string{"vmware", "innotek", "virtualbox", "qemu", "seabios", "bochs", "xen", "parallels", "kvm", "bhyve"}

func looksVirtual(serial string, maker *string) bool {
	s := strings.ToLower(NormalizeSerial(serial))
	if strings.HasPrefix(s, "vmware-") || strings.HasPrefix(s, "parallels-") {
		return true
	}
	if maker == nil {
		return false
	}
	m := strings.ToLower(*maker)
	for _, v := range virtualMakers {
		if strings.Contains(m, v) {
			return true
		}
	}
	return false
}

// readReason finds the recorded reason a field could not be read: the
// field's own, else its section's, else a generic one. A recorded reason is
// the probe's own words, the same in both languages.
