package checks

import (
	"strings"
	"testing"

	"actwiz/internal/facts"
)

// Explanations quote values read from the machine; a value holding an
// escape sequence must come out escaped in every language, whatever check
// quotes it (placeholder, disk model, recorded read error).
func TestExplanationsEscapeMachineValues(t *testing.T) {
	const bad = "\x1b[2J\x1b]52;c;eA==\x07\u009b1m\u202e\u200b"
	v := func(s string) *string { return facts.Str(s + bad) }
	read := facts.New()
	read.BIOS = &facts.BIOS{SerialNumber: v("Default string")}
	read.Baseboard = &facts.Baseboard{SerialNumber: v("None")}
	read.Disks = []facts.Disk{{Index: facts.Int(0), Model: v("USB"), SerialNumber: v(strings.Repeat("9", 70)), InterfaceType: facts.Str("USB"), System: facts.Bool(true)}}
	read.NICs = []facts.NIC{{Name: v("NIC"), PhysicalAdapter: facts.Bool(true), MACAddress: v("00:11")}}
	unread := facts.New()
	unread.BIOS, unread.Baseboard = &facts.BIOS{}, &facts.Baseboard{}
	unread.Disks = []facts.Disk{{Model: v("WDC"), System: facts.Bool(true)}}
	for _, k := range []string{"bios.SerialNumber", "baseboard.SerialNumber", "disks.SerialNumber", "nics"} {
		unread.SetErr(k, "denied"+bad)
	}
	for name, s := range map[string]facts.Snapshot{"read": read, "unread": unread} {
		for _, r := range RunAll(Hardware, s, DefaultRules()) {
			for _, text := range []string{r.Detail.ZH, r.Detail.EN, r.Hint.ZH, r.Hint.EN} {
				if i := strings.IndexFunc(text, func(c rune) bool {
					return c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e || c == 0x200b
				}); i >= 0 {
					t.Errorf("%s: %s explains with a raw control character: %q", name, r.ID, text)
				}
			}
		}
	}
}
