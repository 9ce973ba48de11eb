package checks_test

// Tests of the six hardware checks against spec §2, rule by rule and edge by
// edge. Every case states the status, the observed value and the words the
// detail must carry where the spec asks the check to tell cases apart.

import (
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/facts"
)

// Short names for literal facts.
var (
	str = facts.Str
	num = facts.Int
	yes = facts.Bool(true)
	no  = facts.Bool(false)
)

func definition(t *testing.T, id string) checks.Definition {
	t.Helper()
	d, ok := checks.Lookup(id)
	if !ok {
		t.Fatalf("check %q is not in the catalogue", id)
	}
	return d
}

// assertExplained checks what spec §1 asks of every result: it says what was
// found in both languages, and anything but pass or skip says what to do in
// both languages.
func assertExplained(t *testing.T, r checks.Result) {
	t.Helper()
	if r.Detail.ZH == "" || r.Detail.EN == "" {
		t.Errorf("%s %s: detail must be set in both languages, got zh=%q en=%q", r.ID, r.Status, r.Detail.ZH, r.Detail.EN)
	}
	if r.Status == checks.Pass || r.Status == checks.Skip {
		return
	}
	if r.Hint.ZH == "" || r.Hint.EN == "" {
		t.Errorf("%s %s: hint must be set in both languages, got zh=%q en=%q", r.ID, r.Status, r.Hint.ZH, r.Hint.EN)
	}
}

// assertContains checks that text (named what) contains every word.
func assertContains(t *testing.T, what, text string, words []string) {
	t.Helper()
	for _, w := range words {
		if !strings.Contains(text, w) {
			t.Errorf("%s %q does not contain %q", what, text, w)
		}
	}
}

func TestCatalogue(t *testing.T) {
	want := []string{"bios.serial", "board.serial", "disk.serial", "disk.fixed", "nic.present", "nic.fixed"}
	if len(checks.Hardware) != len(want) {
		t.Fatalf("catalogue has %d checks; want %d", len(checks.Hardware), len(want))
	}
	results := checks.RunAll(checks.Hardware, facts.New(), checks.DefaultRules())
	for i, id := range want {
		if checks.Hardware[i].ID != id {
			t.Errorf("catalogue[%d] = %q; want %q", i, checks.Hardware[i].ID, id)
		}
		if results[i].ID != id {
			t.Errorf("RunAll result[%d] = %q; want %q", i, results[i].ID, id)
		}
	}
}

// Spec §1: every hardware check carries the PowerShell Get-CimInstance form
// and the wmic form of the command that shows the value by hand.
func TestVerifyCommands(t *testing.T) {
	for _, d := range checks.Hardware {
		var cim, wmic bool
		for _, v := range d.Verify {
			cim = cim || strings.HasPrefix(v, "Get-CimInstance ")
			wmic = wmic || strings.HasPrefix(v, "wmic ")
		}
		if !cim || !wmic {
			t.Errorf("%s: Verify %q needs a Get-CimInstance and a wmic command", d.ID, d.Verify)
		}
	}
}

// An empty snapshot (every section unread) must be unknown, never pass or
// fail, except nic.fixed which is skipped because nic.present did not pass.
func TestNothingReadIsUnknown(t *testing.T) {
	want := map[string]checks.Status{
		"bios.serial": checks.Unknown, "board.serial": checks.Unknown,
		"disk.serial": checks.Unknown, "disk.fixed": checks.Unknown,
		"nic.present": checks.Unknown, "nic.fixed": checks.Skip,
	}
	for _, r := range checks.RunAll(checks.Hardware, facts.New(), checks.DefaultRules()) {
		if r.Status != want[r.ID] {
			t.Errorf("%s = %s; want %s", r.ID, r.Status, want[r.ID])
		}
		assertExplained(t, r)
	}
}

const vmwareSerial = "VMware-56 4d 1a 2b 3c 4d 5e 6f-70 81 92 a3 b4 c5 d6 e7"

// bios.serial and board.serial share one rule (spec §2); every case runs
// against both.
func TestSerialChecks(t *testing.T) {
	cases := []struct {
		name        string
		nullSection bool
		serial      *string // nil: the field was not read
		maker       *string
		sectionErr  string   // errors["bios"] / errors["baseboard"]
		fieldErr    string   // errors["bios.SerialNumber"] / errors["baseboard.SerialNumber"]
		site        []string // the site's own placeholders
		want        checks.Status
		detailHas   []string // in both languages
		enDetailHas []string // in the English detail
		zhDetailHas []string // in the Chinese detail
	}{
		// Not read.
		{name: "null section with reason", nullSection: true, sectionErr: "query timed out after 15s",
			want: checks.Unknown, enDetailHas: []string{"query timed out after 15s"}},
		{name: "null section without reason", nullSection: true,
			want: checks.Unknown, enDetailHas: []string{"could not be read"}, zhDetailHas: []string{"无法读取", "没有返回"}},
		{name: "null field without reason", serial: nil, maker: str("LENOVO"),
			want: checks.Unknown, enDetailHas: []string{"no value was returned"}, zhDetailHas: []string{"没有返回"}},
		{name: "null field with reason", serial: nil, maker: str("Dell Inc."), fieldErr: "permission denied: run as root",
			want: checks.Unknown, enDetailHas: []string{"permission denied: run as root"}},
		{name: "null field, reason on the section", serial: nil, sectionErr: "Access denied",
			want: checks.Unknown, enDetailHas: []string{"Access denied"}},

		// Empty.
		{name: "empty", serial: str(""), want: checks.Fail, enDetailHas: []string{"empty"}},
		{name: "spaces only", serial: str("   "), want: checks.Fail, enDetailHas: []string{"empty"}},
		{name: "tabs, newline and ideographic space", serial: str("\t\n\u3000 "), want: checks.Fail, enDetailHas: []string{"empty"}},

		// Placeholders from the list, in any case and spacing.
		{name: "To be filled by O.E.M.", serial: str("To be filled by O.E.M."), maker: str("American Megatrends Inc."),
			want: checks.Fail, detailHas: []string{"To be filled by O.E.M."}, enDetailHas: []string{"placeholder"}},
		{name: "Default string", serial: str("Default string"), want: checks.Fail, detailHas: []string{"Default string"}},
		{name: "default string, odd case and spacing", serial: str("  default   STRING"),
			want: checks.Fail, detailHas: []string{"default STRING"}, enDetailHas: []string{"placeholder"}},
		{name: "System Serial Number", serial: str("System Serial Number"), want: checks.Fail},
		{name: "None", serial: str("None"), want: checks.Fail},
		{name: "NONE upper case", serial: str("NONE"), want: checks.Fail},
		{name: "not  specified", serial: str(" not  specified "), want: checks.Fail},
		{name: "<OUT OF SPEC> twice", serial: str("<OUT OF SPEC><OUT OF SPEC>"), want: checks.Fail},
		{name: "-1", serial: str("-1"), want: checks.Fail},
		{name: "OEM", serial: str("oem"), want: checks.Fail},

		// Fragments, anywhere in the value.
		{name: "fragment to be filled", serial: str("TO BE FILLED"), want: checks.Fail},
		{name: "fragment o.e.m", serial: str("Filled by O.E.M. 2021"), want: checks.Fail},
		{name: "fragment default string", serial: str("MB-Default String-01"), want: checks.Fail},
		{name: "fragment serial number", serial: str("Base Board Serial Number"), want: checks.Fail},
		{name: "fragment serial number, inner spacing", serial: str("Chassis  SERIAL\tnumber"), want: checks.Fail},

		// One character repeated.
		{name: "0", serial: str("0"), want: checks.Fail},
		{name: "00000000", serial: str("00000000"), want: checks.Fail},
		{name: "XXXXXXXX", serial: str("XXXXXXXX"), want: checks.Fail},
		{name: "xXxX mixed case", serial: str("xXxX"), want: checks.Fail},
		{name: "....", serial: str("...."), want: checks.Fail},
		{name: "FFFFFFFFFFFF", serial: str("FFFFFFFFFFFF"), want: checks.Fail},

		// Only 0 and 1.
		{name: "0101010101", serial: str("0101010101"), want: checks.Fail},
		{name: "1", serial: str("1"), want: checks.Fail},
		{name: "1100", serial: str(" 1100 "), want: checks.Fail},

		// Ascending digit runs.
		{name: "12345", serial: str("12345"), want: checks.Fail},
		{name: "123456", serial: str("123456"), want: checks.Fail},
		{name: "1234567", serial: str("1234567"), want: checks.Fail},
		{name: "12345678", serial: str("12345678"), want: checks.Fail},
		{name: "123456789", serial: str("123456789"), want: checks.Fail},
		{name: "1234567890", serial: str("1234567890"), want: checks.Fail},
		{name: "0123456789", serial: str("0123456789"), want: checks.Fail},
		{name: "123456789000", serial: str("123456789000"), want: checks.Fail},
		{name: "12345678901234567", serial: str("12345678901234567"), want: checks.Fail},

		// Near misses: real-looking values that are not on any list.
		{name: "1234 is not a listed run", serial: str("1234"), want: checks.Pass},
		{name: "123456789001", serial: str("123456789001"), want: checks.Pass},
		{name: "0000000A", serial: str("0000000A"), want: checks.Pass},
		{name: "OEM as a prefix", serial: str("OEMX1234"), want: checks.Pass},
		{name: "Dell board serial", serial: str("/7XQ1RK2/CN1296384D01A3/"), maker: str("Dell Inc."), want: checks.Pass},

		// A site's own placeholder.
		{name: "site placeholder", serial: str("  acme-0000 "), site: []string{"ACME-0000"}, want: checks.Fail},
		{name: "site placeholder not configured", serial: str("ACME-0000"), want: checks.Pass},

		// Virtual machines.
		{name: "VMware serial", serial: str(vmwareSerial), maker: str("VMware, Inc."),
			want: checks.Warn, enDetailHas: []string{"virtual machine"}},
		{name: "VMware serial, maker unread", serial: str(vmwareSerial), want: checks.Warn},
		{name: "VirtualBox with a serial set", serial: str("VB7f1c42d9-0e5a63b8"), maker: str("innotek GmbH"), want: checks.Warn},
		{name: "placeholder on a VM is still a failure", serial: str("None"), maker: str("VMware, Inc."), want: checks.Fail},
		{name: "VirtualBox default 0", serial: str("0"), maker: str("innotek GmbH"), want: checks.Fail},

		// Real serials.
		{name: "Lenovo", serial: str("PF2XK7QW"), maker: str("LENOVO"), want: checks.Pass},
		{name: "HP, padded", serial: str("  CZC1234XYZ \t"), maker: str("HP"), want: checks.Pass},
	}
	for _, check := range []struct{ id, section string }{{"bios.serial", "bios"}, {"board.serial", "baseboard"}} {
		def := definition(t, check.id)
		for _, c := range cases {
			t.Run(check.id+"/"+c.name, func(t *testing.T) {
				s := facts.New()
				if !c.nullSection {
					s.BIOS = &facts.BIOS{SerialNumber: c.serial, Manufacturer: c.maker}
					s.Baseboard = &facts.Baseboard{SerialNumber: c.serial, Manufacturer: c.maker}
				}
				if c.sectionErr != "" {
					s.SetErr(check.section, c.sectionErr)
				}
				if c.fieldErr != "" {
					s.SetErr(check.section+".SerialNumber", c.fieldErr)
				}
				r := def.Run(s, checks.Rules{Placeholders: checks.NewPlaceholders(c.site)}, nil)

				if r.ID != check.id {
					t.Errorf("ID = %q; want %q", r.ID, check.id)
				}
				if r.Status != c.want {
					t.Errorf("status = %s; want %s (detail: %s)", r.Status, c.want, r.Detail.EN)
				}
				wantObserved := ""
				if c.serial != nil {
					wantObserved = *c.serial
				}
				if r.Observed != wantObserved {
					t.Errorf("observed = %q; want the raw value %q", r.Observed, wantObserved)
				}
				assertContains(t, "zh detail", r.Detail.ZH, c.detailHas)
				assertContains(t, "en detail", r.Detail.EN, c.detailHas)
				assertContains(t, "en detail", r.Detail.EN, c.enDetailHas)
				assertContains(t, "zh detail", r.Detail.ZH, c.zhDetailHas)
				assertExplained(t, r)
			})
		}
	}
}

// Every value of the spec's list, verbatim, then upper-cased and padded with
// doubled inner spaces, is a placeholder for both serial checks.
func TestSerialSpecPlaceholderList(t *testing.T) {
	list := []string{
		"N/A", "NA", "None", "Null", "(null string)", "Unknown", "Unknow", "Not Specified",
		"Not Present", "Not Available", "Not Applicable", "Not Installed", "Not Set",
		"Undefined", "Unspecified", "Empty", "[Empty]", "INVALID", "EVAL", "IATPASS", "OEM",
		"OEM_Serial", "SystemSerialNumb", "System Product Name", "System manufacturer",
		"System Version", "Chassis manufacturer", "Chassis Version", "No Asset Tag",
		"<BAD INDEX>", "<OUT OF SPEC>", "<OUT OF SPEC><OUT OF SPEC>", "SN-12345",
		"SN-1234567890", "SN-123456fvgv3i0b8o5n6n7k", "SYS-1234567890", "SYS-9876543210",
		"MB-1234567890", "Tulip Computers", "-1",
	}
	for _, id := range []string{"bios.serial", "board.serial"} {
		def := definition(t, id)
		for _, v := range list {
			for _, raw := range []string{v, strings.ToUpper(v), " \t" + strings.ReplaceAll(v, " ", "  ") + "  "} {
				s := facts.New()
				s.BIOS = &facts.BIOS{SerialNumber: str(raw)}
				s.Baseboard = &facts.Baseboard{SerialNumber: str(raw)}
				r := def.Run(s, checks.DefaultRules(), nil)
				if r.Status != checks.Fail || r.Observed != raw {
					t.Errorf("%s(%q) = %s, observed %q; want fail, observed the raw value", id, raw, r.Status, r.Observed)
				}
			}
		}
	}
}

// internalDisk is an NVMe disk inside the PC as Win32_DiskDrive reports it.
func internalDisk(index int, serial *string) facts.Disk {
	return facts.Disk{
		Index: num(index), Model: str("SAMSUNG MZVLB512HBJQ-000L7"), SerialNumber: serial,
		InterfaceType: str("SCSI"), MediaType: str("Fixed hard disk media"),
		PNPDeviceID:             str(`SCSI\DISK&VEN_NVME&PROD_SAMSUNG_MZVLB512\5&1A2B3C4D&0&000000`),
		InLocalMachineContainer: yes, System: yes,
	}
}

// usbStick is a USB flash drive, removable by every signal spec §2 names.
func usbStick(index int, serial *string) facts.Disk {
	return facts.Disk{
		Index: num(index), Model: str("SanDisk Ultra USB Device"), SerialNumber: serial,
		InterfaceType: str("USB"), MediaType: str("Removable Media"),
		PNPDeviceID:             str(`USBSTOR\DISK&VEN_SANDISK&PROD_ULTRA&REV_1.00\4C530001230920116354&0`),
		InLocalMachineContainer: no, System: no,
	}
}

func TestDiskSerial(t *testing.T) {
	var (
		bytes64   = strings.Repeat("A", 64)
		bytes65   = strings.Repeat("A", 65)
		padded60  = strings.Repeat("B", 60) + strings.Repeat(" ", 10) // 70 bytes raw, 60 trimmed
		padded64  = "    " + strings.Repeat("C", 64) + " "            // 69 bytes raw, 64 trimmed
		han21     = strings.Repeat("硬", 21)                           // 21 characters, 63 bytes
		han22     = strings.Repeat("硬", 22)                           // 22 characters, 66 bytes
		sHan21    = "S" + han21                                       // 22 characters, 64 bytes
		snHan21   = "SN" + han21                                      // 23 characters, 65 bytes
		raidHex   = "3835363034373739363532333334343735393230202020202020202020202020202020202020202020"
		goodNVMe  = "0025_3881_91B1_3520."
		stickLong = strings.Repeat("4C5300012309", 6) // 72 bytes
	)
	cases := []struct {
		name        string
		disks       []facts.Disk
		errs        map[string]string
		want        checks.Status
		observedHas []string
		observedNot []string
		detailHas   []string // in both languages
		enDetailHas []string
	}{
		{name: "exactly 64 bytes", disks: []facts.Disk{internalDisk(0, str(bytes64))},
			want: checks.Pass, observedHas: []string{bytes64}},
		{name: "65 bytes", disks: []facts.Disk{internalDisk(0, str(bytes65))},
			want: checks.Fail, observedHas: []string{bytes65}, detailHas: []string{"65"}, enDetailHas: []string{"65 bytes"}},
		{name: "64 bytes of content, padding makes 69", disks: []facts.Disk{internalDisk(0, str(padded64))},
			want: checks.Warn, observedHas: []string{padded64}, enDetailHas: []string{"69 bytes", "64 without"}},
		{name: "60 bytes of content, trailing padding makes 70", disks: []facts.Disk{internalDisk(0, str(padded60))},
			want: checks.Warn, observedHas: []string{padded60}, enDetailHas: []string{"70 bytes", "60 without"}},
		{name: "padding within 64 bytes", disks: []facts.Disk{internalDisk(0, str("     WD-WCC4N1234567"))},
			want: checks.Pass, observedHas: []string{"     WD-WCC4N1234567"}},
		{name: "21 Chinese characters are 63 bytes", disks: []facts.Disk{internalDisk(0, str(han21))}, want: checks.Pass},
		{name: "S + 21 Chinese characters are 64 bytes", disks: []facts.Disk{internalDisk(0, str(sHan21))}, want: checks.Pass},
		{name: "SN + 21 Chinese characters are 65 bytes in 23 characters", disks: []facts.Disk{internalDisk(0, str(snHan21))},
			want: checks.Fail, enDetailHas: []string{"65 bytes"}},
		{name: "22 Chinese characters are 66 bytes", disks: []facts.Disk{internalDisk(0, str(han22))},
			want: checks.Fail, enDetailHas: []string{"66 bytes"}},
		{name: "RAID controller hex serial", disks: []facts.Disk{internalDisk(0, str(raidHex))},
			want: checks.Fail, observedHas: []string{raidHex}, enDetailHas: []string{"82 bytes"}},
		{name: "empty", disks: []facts.Disk{internalDisk(0, str(""))},
			want: checks.Warn, enDetailHas: []string{"empty"}},
		{name: "spaces only", disks: []facts.Disk{internalDisk(0, str("        "))},
			want: checks.Warn, observedHas: []string{"        "}, enDetailHas: []string{"empty"}},
		{name: "null serial", disks: []facts.Disk{internalDisk(0, nil)},
			errs: map[string]string{"disks.SerialNumber": "Access denied"},
			want: checks.Unknown, enDetailHas: []string{"Access denied"}},
		{name: "null serial and an empty one: unknown outranks the warning",
			disks: []facts.Disk{internalDisk(0, nil), internalDisk(1, str(""))},
			want:  checks.Unknown},
		{name: "null serial and a 65-byte one: fail wins",
			disks: []facts.Disk{internalDisk(0, nil), internalDisk(1, str(bytes65))},
			want:  checks.Fail, enDetailHas: []string{"#1", "65 bytes"}},
		{name: "second disk too long", disks: []facts.Disk{internalDisk(0, str(goodNVMe)), internalDisk(1, str(raidHex))},
			want: checks.Fail, observedHas: []string{goodNVMe, raidHex}, enDetailHas: []string{"#1"}},
		{name: "removable disk with a long serial is ignored when a fixed disk exists",
			disks: []facts.Disk{internalDisk(0, str(goodNVMe)), usbStick(1, str(stickLong))},
			want:  checks.Pass, observedHas: []string{goodNVMe}, observedNot: []string{stickLong}},
		{name: "removable disk with a null serial is ignored when a fixed disk exists",
			disks: []facts.Disk{internalDisk(0, str(goodNVMe)), usbStick(1, nil)},
			want:  checks.Pass},
		{name: "all removable: every disk is judged",
			disks: []facts.Disk{usbStick(0, str("4C530001230920116354")), usbStick(1, str(stickLong))},
			want:  checks.Fail, observedHas: []string{"4C530001230920116354", stickLong}},
		{name: "all removable and fine",
			disks: []facts.Disk{usbStick(0, str("4C530001230920116354"))},
			want:  checks.Pass, observedHas: []string{"4C530001230920116354"}},
		{name: "empty list", disks: []facts.Disk{}, want: checks.Skip},
		{name: "null list", disks: nil, errs: map[string]string{"disks": "Win32_DiskDrive: timed out after 15s"},
			want: checks.Unknown, enDetailHas: []string{"Win32_DiskDrive: timed out after 15s"}},
	}
	def := definition(t, "disk.serial")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := facts.New()
			s.Disks = c.disks
			for k, v := range c.errs {
				s.SetErr(k, v)
			}
			r := def.Run(s, checks.DefaultRules(), nil)
			if r.Status != c.want {
				t.Errorf("status = %s; want %s (detail: %s)", r.Status, c.want, r.Detail.EN)
			}
			assertContains(t, "observed", r.Observed, c.observedHas)
			for _, v := range c.observedNot {
				if strings.Contains(r.Observed, v) {
					t.Errorf("observed %q must not list %q", r.Observed, v)
				}
			}
			assertContains(t, "zh detail", r.Detail.ZH, c.detailHas)
			assertContains(t, "en detail", r.Detail.EN, c.detailHas)
			assertContains(t, "en detail", r.Detail.EN, c.enDetailHas)
			assertExplained(t, r)
		})
	}
}

func TestDiskFixed(t *testing.T) {
	cases := []struct {
		name        string
		disks       []facts.Disk
		errs        map[string]string
		want        checks.Status
		detailHas   []string // in both languages
		enDetailHas []string
		enHintHas   []string
	}{
		// Each removability signal on its own, on the system disk.
		{name: "system disk not in the root container",
			disks: []facts.Disk{{Index: num(0), Model: str("WDC WD10EZEX-08WN4A0"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), InLocalMachineContainer: no, System: yes}},
			want:  checks.Fail, detailHas: []string{"WDC WD10EZEX-08WN4A0"}},
		// InLocalMachineContainer unread: interface and media type decide removable.
		{name: "system disk on USB, container unread",
			disks: []facts.Disk{{Index: num(0), Model: str("Samsung PSSD T7 SCSI Disk Device"), InterfaceType: str("USB"), MediaType: str("Fixed hard disk media"), System: yes}},
			want:  checks.Fail, enDetailHas: []string{"could not be read, and it is on USB"}},
		{name: "system disk on usb, lower case, container unread",
			disks: []facts.Disk{{Index: num(0), Model: str("Samsung PSSD T7 SCSI Disk Device"), InterfaceType: str("usb"), MediaType: str("Fixed hard disk media"), System: yes}},
			want:  checks.Fail},
		{name: "system disk is External hard disk media, container unread",
			disks: []facts.Disk{{Index: num(0), Model: str("WD Elements 25A2 USB Device"), InterfaceType: str("SCSI"), MediaType: str("External hard disk media"), System: yes}},
			want:  checks.Fail, enDetailHas: []string{`media type is "External hard disk media"`}},
		{name: "system disk is Removable Media, container unread",
			disks: []facts.Disk{{Index: num(0), Model: str("Kingston DataTraveler 3.0 USB Device"), InterfaceType: str("SCSI"), MediaType: str("Removable Media"), System: yes}},
			want:  checks.Fail},
		{name: "system disk is REMOVABLE MEDIA, upper case, container unread",
			disks: []facts.Disk{{Index: num(0), Model: str("Kingston DataTraveler 3.0 USB Device"), InterfaceType: str("SCSI"), MediaType: str("REMOVABLE MEDIA"), System: yes}},
			want:  checks.Fail},
		// A read container alone decides: Windows placing a USB-attached
		// disk in the root container means it is built in.
		{name: "system disk on USB but in the root container",
			disks: []facts.Disk{{Index: num(0), Model: str("Samsung PSSD T7 SCSI Disk Device"), InterfaceType: str("USB"), MediaType: str("Fixed hard disk media"), InLocalMachineContainer: yes, System: yes}},
			want:  checks.Pass},
		{name: "External hard disk media but in the root container",
			disks: []facts.Disk{{Index: num(0), Model: str("WD Elements 25A2 USB Device"), InterfaceType: str("SCSI"), MediaType: str("External hard disk media"), InLocalMachineContainer: yes, System: yes}},
			want:  checks.Pass},
		{name: "system disk not in the root container says so",
			disks: []facts.Disk{{Index: num(0), Model: str("WDC WD10EZEX-08WN4A0"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), InLocalMachineContainer: no, System: yes}},
			want:  checks.Fail, enDetailHas: []string{`"In root container" is False`}},
		{name: "system disk with every signal",
			disks: []facts.Disk{usbStick(0, str("4C530001230920116354"))},
			want:  checks.Fail},

		// System disk known.
		{name: "system disk fixed, alone",
			disks: []facts.Disk{internalDisk(0, str("S4EWNX0R123456"))},
			want:  checks.Pass, detailHas: []string{"SAMSUNG MZVLB512HBJQ-000L7"}},
		// Not known: the container unread and nothing else decides (Wine's
		// cfgmgr32 answers CR_FAILURE, so this is every disk under Wine).
		{name: "system disk IDE, InLocalMachineContainer unread",
			disks: []facts.Disk{{Index: num(0), Model: str("ST1000DM010-2EP102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), System: yes}},
			errs:  map[string]string{"disks.InLocalMachineContainer": "CM_Locate_DevNodeW: CR_FAILURE (disk 0)"},
			want:  checks.Unknown, detailHas: []string{"ST1000DM010-2EP102", "CR_FAILURE"}, enHintHas: []string{"In root container"}},
		{name: "system disk not known, removable stick beside it",
			disks: []facts.Disk{{Index: num(0), Model: str("ST1000DM010-2EP102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), System: yes}, usbStick(1, str("4C530001230920116354"))},
			want:  checks.Unknown},
		{name: "mirror: a not-known system disk outranks a fixed one",
			disks: []facts.Disk{internalDisk(0, str("S4EWNX0R123456")), {Index: num(1), Model: str("ST1000DM010-2EP102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), System: yes}},
			want:  checks.Unknown, detailHas: []string{"ST1000DM010-2EP102"}},
		{name: "system disk fixed, another disk not known",
			disks: []facts.Disk{internalDisk(0, str("S4EWNX0R123456")), {Index: num(1), Model: str("ST2000DM008-2FR102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), System: no}},
			want:  checks.Pass},
		{name: "no system disk known, one disk not known",
			disks: []facts.Disk{{Index: num(0), Model: str("ST1000DM010-2EP102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media")}, usbStick(1, str("4C530001230920116354"))},
			want:  checks.Unknown, enDetailHas: []string{"1 of 2 disks"}},
		{name: "no system disk known, all removable even with one unread container",
			disks: []facts.Disk{{Index: num(0), Model: str("SanDisk Ultra USB Device"), InterfaceType: str("USB"), MediaType: str("Removable Media")}, usbStick(1, str("4C530001230920116354"))},
			want:  checks.Fail},
		{name: "system disk fixed, second internal disk",
			disks: []facts.Disk{internalDisk(0, str("S4EWNX0R123456")), {Index: num(1), Model: str("ST2000DM008-2FR102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), InLocalMachineContainer: yes, System: no}},
			want:  checks.Pass},
		{name: "system disk fixed, USB stick attached",
			disks: []facts.Disk{internalDisk(0, str("S4EWNX0R123456")), usbStick(1, str("4C530001230920116354"))},
			want:  checks.Warn, enDetailHas: []string{"1 removable"}, enHintHas: []string{"Unplug"}},
		{name: "system disk removable, internal disk beside it",
			disks: []facts.Disk{{Index: num(0), Model: str("SanDisk Extreme USB Device"), InterfaceType: str("USB"), MediaType: str("External hard disk media"), InLocalMachineContainer: no, System: yes}, {Index: num(1), Model: str("SAMSUNG MZVLB512HBJQ-000L7"), InterfaceType: str("SCSI"), MediaType: str("Fixed hard disk media"), InLocalMachineContainer: yes, System: no}},
			want:  checks.Fail, detailHas: []string{"SanDisk Extreme USB Device"}},

		// No system disk known.
		{name: "unknown system disk, none removable",
			disks: []facts.Disk{{Index: num(0), Model: str("ST1000DM010-2EP102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), InLocalMachineContainer: yes}},
			want:  checks.Pass},
		{name: "unknown system disk, some removable",
			disks: []facts.Disk{{Index: num(0), Model: str("ST1000DM010-2EP102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), InLocalMachineContainer: yes}, {Index: num(1), Model: str("SanDisk Ultra USB Device"), InterfaceType: str("USB"), MediaType: str("Removable Media"), InLocalMachineContainer: no}},
			want:  checks.Warn, enDetailHas: []string{"1 of 2 disks", "not known"}, enHintHas: []string{"Unplug"}},
		{name: "unknown system disk, all removable",
			disks: []facts.Disk{{Index: num(0), Model: str("SanDisk Ultra USB Device"), InterfaceType: str("USB"), MediaType: str("Removable Media"), InLocalMachineContainer: no}, {Index: num(1), Model: str("WD Elements 25A2 USB Device"), InterfaceType: str("USB"), MediaType: str("External hard disk media"), InLocalMachineContainer: no}},
			want:  checks.Fail},
		{name: "System false on every disk counts as unknown system disk",
			disks: []facts.Disk{{Index: num(0), Model: str("ST1000DM010-2EP102"), InterfaceType: str("IDE"), MediaType: str("Fixed hard disk media"), InLocalMachineContainer: yes, System: no}},
			want:  checks.Pass},

		// Lists.
		{name: "empty list", disks: []facts.Disk{}, want: checks.Fail},
		{name: "null list", disks: nil, errs: map[string]string{"disks": "Access denied"},
			want: checks.Unknown, enDetailHas: []string{"Access denied"}},
	}
	def := definition(t, "disk.fixed")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := facts.New()
			s.Disks = c.disks
			for k, v := range c.errs {
				s.SetErr(k, v)
			}
			r := def.Run(s, checks.DefaultRules(), nil)
			if r.Status != c.want {
				t.Errorf("status = %s; want %s (detail: %s)", r.Status, c.want, r.Detail.EN)
			}
			assertContains(t, "zh detail", r.Detail.ZH, c.detailHas)
			assertContains(t, "en detail", r.Detail.EN, c.detailHas)
			assertContains(t, "en detail", r.Detail.EN, c.enDetailHas)
			assertContains(t, "en hint", r.Hint.EN, c.enHintHas)
			assertExplained(t, r)
		})
	}
}

// Adapters as Win32_NetworkAdapter reports them on real machines.
var (
	onboardLAN = facts.NIC{
		Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("54:E1:AD:12:34:56"),
		PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0),
		PNPDeviceID:             str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`),
		InLocalMachineContainer: yes,
	}
	usbDongle = facts.NIC{
		Name: str("Realtek USB GbE Family Controller"), MACAddress: str("00:E0:4C:68:01:A2"),
		PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0),
		PNPDeviceID:             str(`USB\VID_0BDA&PID_8153\000001000000`),
		InLocalMachineContainer: no,
	}
	wanMiniport = facts.NIC{
		Name: str("WAN Miniport (IP)"), PhysicalAdapter: no, ConfigManagerErrorCode: num(0),
		PNPDeviceID: str(`SWD\MSRRAS\MS_NDISWANIP`),
	}
)

func TestNICPresent(t *testing.T) {
	cases := []struct {
		name        string
		nics        []facts.NIC
		errs        map[string]string
		want        checks.Status
		observedHas []string
		observedNot []string
		detailHas   []string // in both languages
		enDetailHas []string
	}{
		{name: "onboard LAN", nics: []facts.NIC{onboardLAN, wanMiniport},
			want: checks.Pass, observedHas: []string{"54:E1:AD:12:34:56"}, observedNot: []string{"WAN Miniport"}},
		// Windows reports a Bluetooth PAN adapter as PhysicalAdapter=True
		// with a MAC address; it is not a network card (spec §2).
		{name: "Bluetooth PAN adapter alone is not a network card",
			nics: []facts.NIC{{Name: str("Bluetooth Device (Personal Area Network)"), MACAddress: str("F8:E4:E3:01:02:07"), PhysicalAdapter: yes, NetEnabled: no, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`BTH\MS_BTHPAN\6&2C1F3E3A&0&2`)}, wanMiniport},
			want: checks.Fail, enDetailHas: []string{"No physical network adapter"}},
		{name: "Bluetooth PAN enabled with a MAC still does not count",
			nics: []facts.NIC{{Name: str("Bluetooth Device (Personal Area Network)"), MACAddress: str("F8:E4:E3:01:02:07"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`bth\ms_bthpan\6&2c1f3e3a&0&2`)}},
			want: checks.Fail},
		{name: "NetEnabled null counts as enabled",
			nics: []facts.NIC{{Name: str("Realtek PCIe GbE Family Controller"), MACAddress: str("B4:2E:99:0A:1B:2C"), PhysicalAdapter: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_10EC&DEV_8168&SUBSYS_E0001458&REV_15\01000000684CE00000`)}},
			want: checks.Pass},
		{name: "ConfigManagerErrorCode null counts as enabled",
			nics: []facts.NIC{{Name: str("Realtek PCIe GbE Family Controller"), MACAddress: str("B4:2E:99:0A:1B:2C"), PhysicalAdapter: yes, NetEnabled: yes, PNPDeviceID: str(`PCI\VEN_10EC&DEV_8168&SUBSYS_E0001458&REV_15\01000000684CE00000`)}},
			want: checks.Pass},
		{name: "PNPDeviceID unread, PhysicalAdapter true",
			nics: []facts.NIC{{Name: str("eno1"), MACAddress: str("54:E1:AD:12:34:56"), PhysicalAdapter: yes, NetEnabled: yes}},
			want: checks.Pass},
		{name: "one disabled, one counting: only the counting one is observed",
			nics: []facts.NIC{{Name: str("Intel(R) Wi-Fi 6 AX201 160MHz"), MACAddress: str("F8:E4:E3:01:02:03"), PhysicalAdapter: yes, NetEnabled: no, ConfigManagerErrorCode: num(22), PNPDeviceID: str(`PCI\VEN_8086&DEV_A0F0&SUBSYS_00748086&REV_20\3&11583659&1&A3`)}, onboardLAN},
			want: checks.Pass, observedHas: []string{"I219-V"}, observedNot: []string{"AX201"}},

		// Not physical.
		{name: "only PhysicalAdapter false",
			nics: []facts.NIC{wanMiniport, {Name: str("Microsoft Wi-Fi Direct Virtual Adapter"), MACAddress: str("FA:E4:E3:01:02:03"), PhysicalAdapter: no, NetEnabled: no, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`{5D624F94-8850-40C3-A3FA-A4FD2080BAF3}\VWIFIMP_WFD\5&2D3B5C46&0&11`)}},
			want: checks.Fail, enDetailHas: []string{"No physical"}},
		{name: "ROOT\\ device claiming to be physical",
			nics: []facts.NIC{{Name: str("Microsoft KM-TEST Loopback Adapter"), MACAddress: str("02:00:4C:4F:4F:50"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`ROOT\NET\0000`)}},
			want: checks.Fail, enDetailHas: []string{"No physical"}},
		{name: "Hyper-V vEthernet (ROOT\\VMS_MP) claiming to be physical",
			nics: []facts.NIC{{Name: str("Hyper-V Virtual Ethernet Adapter"), MACAddress: str("00:15:5D:01:02:03"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`ROOT\VMS_MP\0000`)}},
			want: checks.Fail, enDetailHas: []string{"No physical"}},
		{name: "SWD\\ device claiming to be physical",
			nics: []facts.NIC{{Name: str("WAN Miniport (IPv6)"), MACAddress: str("02:00:54:55:4E:01"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`SWD\MSRRAS\MS_NDISWANIPV6`)}},
			want: checks.Fail, enDetailHas: []string{"No physical"}},
		{name: "PhysicalAdapter unread is not physical",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection I217-LM"), MACAddress: str("EC:B1:D7:11:22:33"), NetEnabled: yes, PNPDeviceID: str(`PCI\VEN_8086&DEV_153A&SUBSYS_05981028&REV_04\3&11583659&0&C8`)}},
			want: checks.Fail, enDetailHas: []string{"No physical"}},
		{name: "empty list", nics: []facts.NIC{}, want: checks.Fail, enDetailHas: []string{"No physical"}},

		// Physical but not counting.
		{name: "disabled by the user (ConfigManagerErrorCode 22)",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("54:E1:AD:12:34:56"), PhysicalAdapter: yes, ConfigManagerErrorCode: num(22), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}},
			want: checks.Fail, observedHas: []string{"I219-V"}, enDetailHas: []string{"disabled"}},
		{name: "NetEnabled false",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("54:E1:AD:12:34:56"), PhysicalAdapter: yes, NetEnabled: no, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}},
			want: checks.Fail, enDetailHas: []string{"disabled"}},
		{name: "physical disabled, Hyper-V vEthernet enabled",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("54:E1:AD:12:34:56"), PhysicalAdapter: yes, NetEnabled: no, ConfigManagerErrorCode: num(22), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}, {Name: str("Hyper-V Virtual Ethernet Adapter"), MACAddress: str("00:15:5D:01:02:03"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`ROOT\VMS_MP\0000`)}},
			want: checks.Fail, enDetailHas: []string{"disabled"}},
		{name: "MAC missing",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}},
			want: checks.Fail, enDetailHas: []string{"MAC"}},
		{name: "MAC empty",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str(""), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}},
			want: checks.Fail, enDetailHas: []string{"MAC"}},
		{name: "MAC all zeros",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("00:00:00:00:00:00"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}},
			want: checks.Fail, enDetailHas: []string{"MAC"}},
		{name: "MAC all zeros with dashes",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("00-00-00-00-00-00"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}},
			want: checks.Fail, enDetailHas: []string{"MAC"}},
		{name: "MAC with zeros but not all zeros",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("00:00:00:00:00:01"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}},
			want: checks.Pass},

		// Not read.
		{name: "null list", nics: nil, errs: map[string]string{"nics": "Win32_NetworkAdapter: Invalid class"},
			want: checks.Unknown, enDetailHas: []string{"Win32_NetworkAdapter: Invalid class"}},
	}
	def := definition(t, "nic.present")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := facts.New()
			s.NICs = c.nics
			for k, v := range c.errs {
				s.SetErr(k, v)
			}
			r := def.Run(s, checks.DefaultRules(), nil)
			if r.Status != c.want {
				t.Errorf("status = %s; want %s (detail: %s)", r.Status, c.want, r.Detail.EN)
			}
			assertContains(t, "observed", r.Observed, c.observedHas)
			for _, v := range c.observedNot {
				if strings.Contains(r.Observed, v) {
					t.Errorf("observed %q must not list %q", r.Observed, v)
				}
			}
			assertContains(t, "zh detail", r.Detail.ZH, c.detailHas)
			assertContains(t, "en detail", r.Detail.EN, c.detailHas)
			assertContains(t, "en detail", r.Detail.EN, c.enDetailHas)
			assertExplained(t, r)
		})
	}
}

// Spec §2: the nic.present hint tells "no physical adapter" apart from
// "physical adapters all disabled".
func TestNICPresentHintTellsApart(t *testing.T) {
	def := definition(t, "nic.present")

	none := facts.New()
	none.NICs = []facts.NIC{wanMiniport}
	noPhysical := def.Run(none, checks.DefaultRules(), nil)

	off := facts.New()
	off.NICs = []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("54:E1:AD:12:34:56"), PhysicalAdapter: yes, NetEnabled: no, ConfigManagerErrorCode: num(22), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}}
	disabled := def.Run(off, checks.DefaultRules(), nil)

	if noPhysical.Status != checks.Fail || disabled.Status != checks.Fail {
		t.Fatalf("statuses = %s, %s; want fail, fail", noPhysical.Status, disabled.Status)
	}
	if noPhysical.Hint.EN == disabled.Hint.EN || noPhysical.Hint.ZH == disabled.Hint.ZH {
		t.Errorf("the two failures carry the same hint: %q", noPhysical.Hint.EN)
	}
	assertContains(t, "no-physical hint", noPhysical.Hint.EN, []string{"driver"})
	assertContains(t, "no-physical hint", noPhysical.Hint.ZH, []string{"驱动"})
	assertContains(t, "disabled hint", disabled.Hint.EN, []string{"Enable"})
	assertContains(t, "disabled hint", disabled.Hint.ZH, []string{"启用"})
}

func TestNICFixed(t *testing.T) {
	cases := []struct {
		name        string
		nics        []facts.NIC
		want        checks.Status
		observedHas []string
		observedNot []string
		enDetailHas []string
	}{
		{name: "onboard LAN", nics: []facts.NIC{onboardLAN}, want: checks.Pass, observedHas: []string{"I219-V"}},
		{name: "onboard LAN and a USB dongle", nics: []facts.NIC{usbDongle, onboardLAN},
			want: checks.Pass, observedHas: []string{"I219-V"}, observedNot: []string{"Realtek USB"}},
		{name: "InLocalMachineContainer unread on PCI: not known", nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("54:E1:AD:12:34:56"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}},
			want: checks.Unknown, observedHas: []string{"InLocalMachineContainer not read"}, observedNot: []string{"root container is", "=true"}},
		{name: "unread one not known, USB dongle beside it: unknown, not fail",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("54:E1:AD:12:34:56"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`)}, usbDongle},
			want: checks.Unknown},
		{name: "USB\\ PNPDeviceID with container unread is removable",
			nics: []facts.NIC{{Name: str("ASIX AX88179 USB 3.0 to Gigabit Ethernet Adapter"), MACAddress: str("00:0E:C6:AB:CD:EF"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`USB\VID_0B95&PID_1790\0000000000010C`)}},
			want: checks.Fail, observedHas: []string{"on USB"}},
		{name: "USB dongle only", nics: []facts.NIC{usbDongle, wanMiniport},
			want: checks.Fail, observedHas: []string{"Realtek USB GbE Family Controller"}},
		{name: "internal Wi-Fi on a USB bus in the root container is fixed",
			nics: []facts.NIC{{Name: str("Intel(R) Wireless-AC 9260"), MACAddress: str("F8:E4:E3:12:34:56"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`USB\VID_8087&PID_0AAA\5&2C9D0A3E&0&14`), InLocalMachineContainer: yes}},
			want: checks.Pass},
		{name: "InLocalMachineContainer false alone marks it removable (Thunderbolt dock)",
			nics: []facts.NIC{{Name: str("Intel(R) Ethernet Controller (3) I225-LM"), MACAddress: str("A0:CE:C8:12:34:56"), PhysicalAdapter: yes, NetEnabled: yes, ConfigManagerErrorCode: num(0), PNPDeviceID: str(`PCI\VEN_8086&DEV_15F2&SUBSYS_00008086&REV_03\6&2F1A3C9B&0&0008010C`), InLocalMachineContainer: no}},
			want: checks.Fail},
		{name: "built-in adapter disabled, USB dongle enabled: only counting adapters matter",
			nics: []facts.NIC{usbDongle, {Name: str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: str("54:E1:AD:12:34:56"), PhysicalAdapter: yes, NetEnabled: no, ConfigManagerErrorCode: num(22), PNPDeviceID: str(`PCI\VEN_8086&DEV_15BC&SUBSYS_312517AA&REV_10\3&11583659&0&FE`), InLocalMachineContainer: yes}},
			want: checks.Fail, observedNot: []string{"I219-V"}},

		// nic.present not pass.
		{name: "nic.present failed", nics: []facts.NIC{wanMiniport}, want: checks.Skip, enDetailHas: []string{"did not pass"}},
		{name: "nic.present unknown", nics: nil, want: checks.Skip, enDetailHas: []string{"did not pass"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := facts.New()
			s.NICs = c.nics
			results := checks.RunAll(checks.Hardware, s, checks.DefaultRules())
			r := results[len(results)-1]
			if r.ID != "nic.fixed" {
				t.Fatalf("last result is %q; want nic.fixed", r.ID)
			}
			if r.Status != c.want {
				t.Errorf("status = %s; want %s (detail: %s)", r.Status, c.want, r.Detail.EN)
			}
			assertContains(t, "observed", r.Observed, c.observedHas)
			for _, v := range c.observedNot {
				if strings.Contains(r.Observed, v) {
					t.Errorf("observed %q must not list %q", r.Observed, v)
				}
			}
			assertContains(t, "en detail", r.Detail.EN, c.enDetailHas)
			assertExplained(t, r)
		})
	}
}

// nic.fixed reads nic.present's result, not the adapters, to decide on skip.
func TestNICFixedSkipsUnlessPresentPassed(t *testing.T) {
	def := definition(t, "nic.fixed")
	s := facts.New()
	s.NICs = []facts.NIC{onboardLAN}
	cases := []struct {
		name    string
		earlier map[string]checks.Result
		want    checks.Status
	}{
		{"no earlier results", nil, checks.Skip},
		{"nic.present fail", map[string]checks.Result{"nic.present": {ID: "nic.present", Status: checks.Fail}}, checks.Skip},
		{"nic.present unknown", map[string]checks.Result{"nic.present": {ID: "nic.present", Status: checks.Unknown}}, checks.Skip},
		{"nic.present skipped", map[string]checks.Result{"nic.present": {ID: "nic.present", Status: checks.Skip}}, checks.Skip},
		{"nic.present pass", map[string]checks.Result{"nic.present": {ID: "nic.present", Status: checks.Pass}}, checks.Pass},
	}
	for _, c := range cases {
		r := def.Run(s, checks.DefaultRules(), c.earlier)
		if r.Status != c.want {
			t.Errorf("%s: status = %s; want %s", c.name, r.Status, c.want)
		}
	}
}

func TestExitCode(t *testing.T) {
	res := func(statuses ...checks.Status) []checks.Result {
		out := make([]checks.Result, len(statuses))
		for i, s := range statuses {
			out[i] = checks.Result{ID: "x", Status: s}
		}
		return out
	}
	cases := []struct {
		name    string
		results []checks.Result
		want    int
	}{
		{"nothing ran", nil, 0},
		{"all pass", res(checks.Pass, checks.Pass), 0},
		{"warn and skip are not failures", res(checks.Pass, checks.Warn, checks.Skip), 0},
		{"unknown", res(checks.Pass, checks.Unknown), 3},
		{"fail", res(checks.Pass, checks.Fail), 1},
		{"fail outranks an earlier unknown", res(checks.Unknown, checks.Fail), 1},
		{"fail outranks a later unknown", res(checks.Fail, checks.Unknown), 1},
	}
	for _, c := range cases {
		if got := checks.ExitCode(c.results); got != c.want {
			t.Errorf("%s: ExitCode = %d; want %d", c.name, got, c.want)
		}
	}
}

// The SMBIOS table as the second source of the serials (spec addition:
// the snapshot's "smbios" section).
func TestSerialsWithFirmwareSource(t *testing.T) {
	wmiStopped := map[string]string{"bios": "WMI query \"SELECT SerialNumber, Manufacturer FROM Win32_BIOS\": HRESULT 0x80070422", "baseboard": "WMI query: HRESULT 0x80070422"}
	stoppedKinds := map[string]string{"bios": facts.KindWMIService, "baseboard": facts.KindWMIService}
	cases := []struct {
		name               string
		id                 string
		bios               *facts.BIOS
		board              *facts.Baseboard
		fw                 *facts.SMBIOS
		errs, kinds        map[string]string
		want               checks.Status
		observed           string
		enDetailHas, zhHas []string
		enHintHas          []string
	}{
		{name: "WMI service stopped, firmware has a good serial", id: "bios.serial",
			fw: &facts.SMBIOS{SystemSerialNumber: str("PF2XK7QW"), BaseboardSerialNumber: str("L1HF0AB03XZ")}, errs: wmiStopped, kinds: stoppedKinds,
			want: checks.Warn, observed: "PF2XK7QW", enDetailHas: []string{"fine", "WMI is the problem", "0x80070422"}, zhHas: []string{"问题在 WMI", "服务已停止或被禁用"}, enHintHas: []string{"net start winmgmt"}},
		{name: "WMI repository damaged, firmware has a good board serial", id: "board.serial",
			fw:   &facts.SMBIOS{SystemSerialNumber: str("PF2XK7QW"), BaseboardSerialNumber: str("L1HF0AB03XZ")},
			errs: map[string]string{"baseboard": "WBEM_E_INVALID_CLASS (0x80041010)"}, kinds: map[string]string{"baseboard": facts.KindWMIRepository},
			want: checks.Warn, observed: "L1HF0AB03XZ", enHintHas: []string{"winmgmt /verifyrepository", "/salvagerepository"}},
		{name: "WMI timed out, firmware has a placeholder: the hardware is wrong", id: "board.serial",
			fw:   &facts.SMBIOS{BaseboardSerialNumber: str("BSN12345678901234567")},
			errs: map[string]string{"baseboard": "timed out after 15s"}, kinds: map[string]string{"baseboard": facts.KindTimeout},
			want: checks.Fail, observed: "BSN12345678901234567", enDetailHas: []string{"placeholder", "SMBIOS table"}, enHintHas: []string{"DMI tool"}},
		{name: "firmware table without the field, WMI stopped", id: "board.serial",
			fw: &facts.SMBIOS{SystemSerialNumber: str("PF2XK7QW")}, errs: wmiStopped, kinds: stoppedKinds,
			want: checks.Unknown, enHintHas: []string{"net start winmgmt"}},
		{name: "WMI and firmware agree up to case and spaces", id: "bios.serial",
			bios: &facts.BIOS{SerialNumber: str("PF2XK7QW  ")}, fw: &facts.SMBIOS{SystemSerialNumber: str(" pf2xk7qw")},
			want: checks.Pass, observed: "PF2XK7QW  "},
		{name: "WMI and firmware disagree: WMI's copy is stale", id: "bios.serial",
			bios: &facts.BIOS{SerialNumber: str("PF2XK7QW")}, fw: &facts.SMBIOS{SystemSerialNumber: str("PF3AB9ZZ")},
			want: checks.Warn, observed: "PF2XK7QW", enDetailHas: []string{`"PF3AB9ZZ"`, "stale"}, zhHas: []string{"旧值"}, enHintHas: []string{"Restart the PC"}},
		{name: "a firmware serial with control characters reaches the detail escaped", id: "bios.serial",
			bios: &facts.BIOS{SerialNumber: str("PF2XK7QW")}, fw: &facts.SMBIOS{SystemSerialNumber: str("PF\x1b[2J3AB")},
			want: checks.Warn, enDetailHas: []string{`PF\x1b[2J3AB`}},
		{name: "firmware has no string, WMI shows its own placeholder: no disagreement", id: "bios.serial",
			bios: &facts.BIOS{SerialNumber: str("0")}, fw: &facts.SMBIOS{SystemSerialNumber: str("")},
			want: checks.Fail, observed: "0", enDetailHas: []string{"placeholder"}},
		{name: "WMI placeholder, firmware real: still fails, and says so", id: "bios.serial",
			bios: &facts.BIOS{SerialNumber: str("Default string")}, fw: &facts.SMBIOS{SystemSerialNumber: str("PF3AB9ZZ")},
			want: checks.Fail, observed: "Default string", enDetailHas: []string{"Default string", "PF3AB9ZZ"}},
		{name: "neither source", id: "bios.serial",
			errs: map[string]string{"bios": "timed out after 15s", "smbios": "GetSystemFirmwareTable('RSMB'): failed"}, kinds: map[string]string{"bios": facts.KindTimeout},
			want: checks.Unknown, enHintHas: []string{"probe.timeout"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := facts.New()
			s.BIOS, s.Baseboard, s.SMBIOS = c.bios, c.board, c.fw
			for k, v := range c.errs {
				s.SetErr(k, v)
			}
			for k, v := range c.kinds {
				s.SetErrKind(k, v)
			}
			r := definition(t, c.id).Run(s, checks.DefaultRules(), nil)
			if r.Status != c.want {
				t.Errorf("status %s, want %s (detail %q)", r.Status, c.want, r.Detail.EN)
			}
			if c.observed != "" && r.Observed != c.observed {
				t.Errorf("observed %q, want %q", r.Observed, c.observed)
			}
			assertContains(t, "en detail", r.Detail.EN, c.enDetailHas)
			assertContains(t, "zh detail", r.Detail.ZH, c.zhHas)
			assertContains(t, "en hint", r.Hint.EN, c.enHintHas)
			assertExplained(t, r)
		})
	}
}
