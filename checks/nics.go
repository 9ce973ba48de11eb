package checks

import (
	"strings"

	"actwiz/internal/facts"
	"actwiz/internal/i18n"
)

// cmDisabled is ConfigManagerErrorCode 22: the device was disabled by the user.
const cmDisabled = 22

var nicPresent = Definition{
	ID:    "nic.present",
	Title: i18n.T("至少一个物理网卡已启用", "An enabled physical network adapter"),
	Rule:  i18n.T("至少有一个物理网卡不能被禁用", "At least one physical network adapter is not disabled"),
	Verify: []string{
		`Get-CimInstance Win32_NetworkAdapter -Filter "PhysicalAdapter=True" | Select-Object Name, MACAddress, NetEnabled, ConfigManagerErrorCode`,
		"wmic nicconfig get macaddress",
	},
	VerifyLinux: []string{"ip -br link"},
	Needs:       []facts.Section{facts.SectionNICs},
	run:         judgeNICPresent,
}

var nicFixed = Definition{
	ID:    "nic.fixed",
	Title: i18n.T("网卡不是可移动网卡", "Network adapter is not removable"),
	Rule:  i18n.T("网卡不能为可移动网卡（设备管理器中“在根容器中”为“真”）", "The adapter must not be removable (\"In root container\" is True in Device Manager)"),
	Verify: []string{
		`Get-CimInstance Win32_NetworkAdapter -Filter "PhysicalAdapter=True" | ForEach-Object { $_ | Select-Object Name, PNPDeviceID; Get-PnpDeviceProperty -InstanceId $_.PNPDeviceID -KeyName DEVPKEY_Device_InLocalMachineContainer | Select-Object Data }`,
		"wmic nic where physicaladapter=true get name,pnpdeviceid",
	},
	VerifyLinux: []string{"ls -l /sys/class/net/"},
	Needs:       []facts.Section{facts.SectionNICs},
	After:       []string{"nic.present"},
	run:         judgeNICFixed,
}

func physical(n facts.NIC) bool {
	return n.PhysicalAdapter != nil && *n.PhysicalAdapter &&
		!pnpPrefix(n.PNPDeviceID, `ROOT\`) && !pnpPrefix(n.PNPDeviceID, `SWD\`) &&
		// A Bluetooth personal-area network adapter is not a network card.
		!pnpPrefix(n.PNPDeviceID, `BTH\`)
}

func enabled(n facts.NIC) bool {
	if n.ConfigManagerErrorCode != nil && *n.ConfigManagerErrorCode == cmDisabled {
		return false
	}
	return n.NetEnabled == nil || *n.NetEnabled
}

func hasMAC(n facts.NIC) bool {
	if n.MACAddress == nil {
		return false
	}
	mac := strings.TrimSpace(*n.MACAddress)
	return mac != "" && strings.Trim(mac, "0:-. ") != ""
}

// counts says whether an adapter satisfies nic.present (spec §2).
func counts(n facts.NIC) bool { return physical(n) && enabled(n) && hasMAC(n) }

// nicRemovability applies spec §2: a read InLocalMachineContainer alone
// decides (internal Wi-Fi on a USB bus is in the root container, so
// fixed); when it is null, USB\ means removable and anything else is not
// known.
func nicRemovability(n facts.NIC) removability {
	switch {
	case n.InLocalMachineContainer != nil && *n.InLocalMachineContainer:
		return isFixed
	case n.InLocalMachineContainer != nil, pnpPrefix(n.PNPDeviceID, `USB\`):
		return isRemovable
	}
	return isNotKnown
}

func pnpPrefix(id *string, prefix string) bool {
	return id != nil && strings.HasPrefix(strings.ToUpper(*id), prefix)
}

func judgeNICPresent(s facts.Snapshot, _ Rules, _ map[string]Result) Result {
	if s.NICs == nil {
		return notRead(i18n.T("网卡列表", "adapter list"), readReason(s, "nics"))
	}
	var counting, physicalOnes, virtual []string
	for _, n := range s.NICs {
		switch {
		case counts(n):
			counting = append(counting, nicObserved(n))
		case physical(n):
			physicalOnes = append(physicalOnes, nicObserved(n))
		default:
			virtual = append(virtual, nicObserved(n)+" (virtual)")
		}
	}
	switch {
	case len(counting) > 0:
		return Result{Status: Pass, Observed: strings.Join(counting, "; "), Detail: msgNICPresent.F(len(counting))}
	case len(physicalOnes) == 0:
		// Show what was read, so the agent sees it was only VPN and VM adapters.
		return Result{Status: Fail, Observed: strings.Join(virtual, "; "), Detail: msgNoPhysicalNIC, Hint: hintNoPhysicalNIC}
	}
	return Result{Status: Fail, Observed: strings.Join(physicalOnes, "; "), Detail: msgNICsDisabled, Hint: hintEnableNIC}
}

func judgeNICFixed(s facts.Snapshot, _ Rules, earlier map[string]Result) Result {
	if present, ok := earlier[nicPresent.ID]; !ok || present.Status != Pass {
		return Result{Status: Skip, Detail: msgNICFixedSkipped.F(nicPresent.Title)}
	}
	var fixed, usb, notKnown []string
	for _, n := range s.NICs {
		if !counts(n) {
			continue
		}
		switch nicRemovability(n) {
		case isFixed:
			fixed = append(fixed, nicFixedObserved(n))
		case isRemovable:
			usb = append(usb, nicFixedObserved(n))
		default:
			notKnown = append(notKnown, nicFixedObserved(n))
		}
	}
	switch {
	case len(fixed) > 0:
		return Result{Status: Pass, Observed: strings.Join(fixed, "; "), Detail: msgNICFixed}
	case len(notKnown) > 0:
		r := notRead(msgNICsNotKnown, readReason(s, "nics.InLocalMachineContainer"))
		r.Observed, r.Hint = strings.Join(append(notKnown, usb...), "; "), hintContainerNotRead
		return r
	}
	return Result{Status: Fail, Observed: strings.Join(usb, "; "), Detail: msgNICRemovable, Hint: hintNICRemovable}
}

func nicObserved(n facts.NIC) string {
	name, mac := "?", "-"
	if n.Name != nil {
		name = *n.Name
	}
	if n.MACAddress != nil && *n.MACAddress != "" {
		mac = *n.MACAddress
	}
	var state []string
	if !enabled(n) {
		state = append(state, "disabled")
	}
	if !hasMAC(n) {
		state = append(state, "no MAC")
	}
	out := name + " [" + mac + "]"
	if len(state) > 0 {
		out += " (" + strings.Join(state, ", ") + ")"
	}
	return out
}

// nicFixedObserved adds what made an adapter other than fixed, exactly as
// read: an unread container is said to be unread, never guessed. A fixed
// one (in the root container, as read) needs no note.
func nicFixedObserved(n facts.NIC) string {
	var why string
	switch {
	case n.InLocalMachineContainer != nil && *n.InLocalMachineContainer:
		return nicObserved(n)
	case n.InLocalMachineContainer != nil:
		why = "not in root container"
	case pnpPrefix(n.PNPDeviceID, `USB\`):
		why = "InLocalMachineContainer not read, on USB"
	default:
		why = "InLocalMachineContainer not read"
	}
	return nicObserved(n) + " (" + why + ")"
}
