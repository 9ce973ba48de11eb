package checks

import (
	"strings"

	"actwiz/internal/facts"
	"actwiz/internal/i18n"
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
	Needs:       []facts.Section{facts.SectionBIOS},
	run: func(s facts.Snapshot, r Rules, _ map[string]Result) Result {
		var serial, maker *string
		if s.BIOS != nil {
			serial, maker = s.BIOS.SerialNumber, s.BIOS.Manufacturer
		}
		return judgeSerial(serialFacts{
			serial: serial, maker: maker, section: s.BIOS != nil,
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
	Needs:       []facts.Section{facts.SectionBaseboard},
	run: func(s facts.Snapshot, r Rules, _ map[string]Result) Result {
		var serial, maker *string
		if s.Baseboard != nil {
			serial, maker = s.Baseboard.SerialNumber, s.Baseboard.Manufacturer
		}
		return judgeSerial(serialFacts{
			serial: serial, maker: maker, section: s.Baseboard != nil,
			reason: readReason(s, "baseboard", "baseboard.SerialNumber"),
			what:   i18n.T("主板序列号", "board serial"),
		}, r)
	},
}

type serialFacts struct {
	serial, maker *string
	section       bool
	reason        i18n.Text
	what          i18n.Text
}

// judgeSerial is the rule shared by the BIOS and board serials (spec §2).
func judgeSerial(f serialFacts, r Rules) Result {
	if f.serial == nil {
		return notRead(f.what, f.reason)
	}
	raw := *f.serial
	switch {
	case NormalizeSerial(raw) == "":
		return Result{Status: Fail, Observed: raw, Detail: msgSerialEmpty.F(f.what), Hint: hintWriteSerial}
	case r.Placeholders.Match(raw):
		return Result{Status: Fail, Observed: raw, Detail: msgSerialPlaceholder.F(f.what, NormalizeSerial(raw)), Hint: hintWriteSerial}
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
func readReason(s facts.Snapshot, keys ...string) i18n.Text {
	for i := len(keys) - 1; i >= 0; i-- {
		if r := s.Err(keys[i]); r != "" {
			return i18n.T(r, r)
		}
	}
	return msgNoValue
}
