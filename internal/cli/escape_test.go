package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"actwiz/internal/facts"
)

// hostile holds what a terminal must never receive raw: a clear-screen,
// an OSC 52 clipboard write ended by BEL, a C1 CSI, a bidi override and
// invisible format characters.
const hostile = "\x1b[2J\x1b]52;c;ZXZpbA==\x07\u009b31m\u202e\u200b\ufeff"

// hostileSnapshots put hostile in every string field, in the three shapes
// whose explanations quote a different value: every field read (a
// placeholder serial, a disk model, an over-long disk serial), fields not
// read (their recorded reasons), sections not read (theirs).
func hostileSnapshots() map[string]facts.Snapshot {
	h := func(v string) *string { return facts.Str(v + hostile) }
	read := facts.New()
	read.Host = facts.Host{Name: "PC" + hostile, OSFamily: "windows" + hostile, OSCaption: "Windows" + hostile, OSVersion: "10" + hostile}
	read.BIOS = &facts.BIOS{SerialNumber: h("Default string"), Manufacturer: h("LENOVO")}
	read.Baseboard = &facts.Baseboard{SerialNumber: h("To be filled by O.E.M."), Manufacturer: h("ASUS"), Product: h("B450")}
	read.Disks = []facts.Disk{
		{Index: facts.Int(0), Model: h("USB DISK"), SerialNumber: h(strings.Repeat("9", 70)), InterfaceType: h("USB"),
			MediaType: h("Removable Media"), PNPDeviceID: h(`USBSTOR\DISK`), System: facts.Bool(true)},
		{Index: facts.Int(1), Model: h("SAMSUNG"), SerialNumber: h(""), InterfaceType: h("SCSI"), MediaType: h("Fixed"), PNPDeviceID: h(`SCSI\DISK`)},
	}
	read.NICs = []facts.NIC{{Name: h("Realtek"), MACAddress: h("54:E1:AD:12:34:56"), PhysicalAdapter: facts.Bool(true),
		NetEnabled: facts.Bool(true), PNPDeviceID: h(`USB\VID_0BDA`)}}
	for _, k := range []string{"bios", "baseboard", "disks", "nics"} {
		read.SetErr(k+".Other", "ignored"+hostile)
	}

	fields := facts.New()
	fields.Host = read.Host
	fields.BIOS, fields.Baseboard = &facts.BIOS{}, &facts.Baseboard{}
	fields.Disks = []facts.Disk{{Model: h("WDC"), System: facts.Bool(true)}}
	fields.NICs = []facts.NIC{{Name: h("Intel"), PhysicalAdapter: facts.Bool(true), MACAddress: h("00:11:22:33:44:55")}}
	for _, k := range []string{"bios.SerialNumber", "baseboard.SerialNumber", "disks.SerialNumber"} {
		fields.SetErr(k, "access denied"+hostile)
	}

	sections := facts.New()
	sections.Host = read.Host
	for _, k := range []string{"bios", "baseboard", "disks", "nics"} {
		sections.SetErr(k, "timed out"+hostile)
	}
	return map[string]facts.Snapshot{"every field read": read, "fields not read": fields, "sections not read": sections}
}

// assertTerminalSafe fails when out holds a byte or character a terminal
// would act on or hide: ESC, BEL, any C0 but line breaks, C1, the bidi
// controls and zero-width characters, or invalid UTF-8.
func assertTerminalSafe(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		bad := r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD") ||
			r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 ||
			r >= 0x200b && r <= 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0xfeff
		if bad {
			lo, hi := max(0, i-40), min(len(out), i+40)
			t.Errorf("%s: %U reached the terminal at byte %d: %q", what, r, i, out[lo:hi])
			return
		}
	}
}

func TestCheckTextHoldsNoRawMachineBytes(t *testing.T) {
	for name, snap := range hostileSnapshots() {
		file := saveSnapshot(t, snap)
		for _, lang := range []string{"en", "zh"} {
			for _, theme := range []string{"unicode", "plain"} {
				r := run(t, facts.Snapshot{}, "check", "--snapshot", file, "--lang", lang, "--theme", theme)
				if r.code == 2 {
					t.Fatalf("%s: check could not run: %s", name, r.stderr)
				}
				what := name + " (" + lang + ", " + theme + ")"
				assertTerminalSafe(t, what+" stdout", r.stdout)
				assertTerminalSafe(t, what+" stderr", r.stderr)
				if !strings.Contains(r.stdout, `\x1b[2J`) {
					t.Errorf("%s: the escaped value is not shown:\n%s", what, r.stdout)
				}
			}
			// The live path judges the same facts read from "this machine".
			r := run(t, snap, "check", "--lang", lang)
			assertTerminalSafe(t, name+" live "+lang, r.stdout+r.stderr)
		}
	}
}

// A snapshot path is typed by a person but may come from a listing of the
// machine's files: errors that name it must not send it raw.
func TestCheckErrorsHoldNoRawMachineBytes(t *testing.T) {
	dir := t.TempDir()
	badJSON := filepath.Join(dir, "bad"+hostile+".json")
	if err := os.WriteFile(badJSON, []byte("{"+hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	wrongSchema := filepath.Join(dir, "schema"+hostile+".json")
	if err := os.WriteFile(wrongSchema, []byte(`{"schema": "x`+strings.ReplaceAll(hostile, "\x1b", `\u001b`)+`"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"missing file": {"check", "--snapshot", filepath.Join(dir, "gone"+hostile+".json")},
		"not JSON":     {"check", "--snapshot", badJSON},
		"wrong schema": {"check", "--snapshot", wrongSchema},
		"a folder":     {"check", "--snapshot", dir},
		"bad format":   {"check", "--format", "x" + hostile},
		"bad code":     {"decode", "01" + hostile},
	}
	for name, args := range cases {
		for _, lang := range []string{"en", "zh"} {
			r := run(t, facts.Snapshot{}, append(args, "--lang", lang)...)
			if r.code != 2 {
				t.Errorf("%s (%s): exit %d; want 2", name, lang, r.code)
			}
			assertTerminalSafe(t, name+" ("+lang+")", r.stdout+r.stderr)
		}
	}
}

// The last serial comes from a log line on the machine; what the mask
// leaves of it, and the source that could not be read, reach the terminal
// escaped.
func TestSerialTextHoldsNoRawMachineBytes(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "CMGE_Active.log")
	if err := os.WriteFile(log, []byte("序列号=FF123457"+hostile+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	source := func(file string) string {
		return "serial:\n  last_sources:\n    - file: '" + file + "'\n      pattern: '序列号=(\\S+)'\n"
	}
	configs := map[string]struct{ config, shown string }{
		"read from a log": {source(log), `\x07\x9b31M`},
		// YAML refuses control characters in a config; a bidi override it takes.
		"missing log file": {source(filepath.Join(dir, "gone\u202e\u200bgol.exe")), `gone\u202e\u200bgol.exe`},
	}
	for name, c := range configs {
		for _, lang := range []string{"en", "zh"} {
			r := runWith(t, dir, c.config, "", "serial", "--serial", enteredSerial, "--lang", lang)
			assertTerminalSafe(t, name+" "+lang, r.stdout+r.stderr)
			if !strings.Contains(r.stdout, c.shown) {
				t.Errorf("%s (%s): %q is not shown:\n%s", name, lang, c.shown, r.stdout)
			}
		}
	}
}
