package checks

import (
	"strings"
	"testing"

	"actwiz/internal/facts"
	"actwiz/internal/i18n"
)

var i18nText = i18n.T

func TestNormalizeSerial(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  PF2XK7QW  ", "PF2XK7QW"},
		{"To  be\tfilled by\u3000O.E.M.", "To be filled by O.E.M."},
		{"\n", ""},
		{"A B", "A B"},
	}
	for _, c := range cases {
		if got := NormalizeSerial(c.in); got != c.want {
			t.Errorf("NormalizeSerial(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	p := NewPlaceholders([]string{"ACME-0000", "  "})
	cases := []struct {
		in   string
		want bool
	}{
		{"Default string", true},
		{"  DEFAULT   STRING ", true},
		{"To be filled by O.E.M.", true},
		{"to be FILLED by o.e.m.", true},
		{"System Serial Number", true},
		{"Base Board Serial Number", true},
		{"None", true},
		{"none", true},
		{"N/A", true},
		{"(null string)", true},
		{"<OUT OF SPEC><OUT OF SPEC>", true},
		{"0", true},
		{"00000000", true},
		{"XXXXXXXX", true},
		{"....", true},
		{"0101010101", true},
		{"1", true},
		{"12345", true},
		{"1234567890", true},
		{"0123456789", true},
		{"123456789000", true},
		{"12345678901234567", true},
		{"SN-12345", true},
		{"-1", true},
		{"acme-0000", true}, // the site's own value
		{"", false},
		{"   ", false},
		{"PF2XK7QW", false},
		{"L1HF0AB03XZ", false},
		{"1234", false},
		{"123456789001", false},
		{"0000000A", false},
		{"VMware-56 4d 1a 2b", false},
		{"Not Specified", true},
		{"OEM", true},
		{"OEMX1234", false},
		// Short prefix and counting digits (spec §2).
		{"BSN12345678901234567", true},
		{"bsn12345678901234567", true},
		{"#A123456789", true},
		{"SYS-9876543210", true},
		{"SN-0987654321", true},
		{"ABCD12345678", true},
		{"23456789", true},
		{"X8901234567", true},    // 9 wraps to 0
		{"X2109876543", true},    // 0 wraps to 9
		{"ABCDE12345678", false}, // five-character prefix
		{"BSN1234567", false},    // seven digits
		{"BSN12345679", false},   // a skip breaks the run
		{"BSN12345678A", false},  // something after the digits
		{"BSN11223344", false},
		{"FCN0CJ03468352B", false},
		{"5CG12345678", false}, // the prefix has a digit: a real HP-style serial
		{"全角１２３４５６７８", false},
	}
	for _, c := range cases {
		if got := p.Match(c.in); got != c.want {
			t.Errorf("Match(%q) = %v; want %v", c.in, got, c.want)
		}
	}
	if got := p.Extra(); len(got) != 1 || got[0] != "ACME-0000" {
		t.Errorf("Extra() = %q; blank values must be dropped", got)
	}
}

func TestZeroPlaceholdersUsesDefaults(t *testing.T) {
	var p Placeholders
	if !p.Match("Default string") {
		t.Error("a zero Placeholders must still know the defaults")
	}
}

func FuzzNormalizeSerial(f *testing.F) {
	f.Add("  To be filled  by O.E.M. ")
	f.Add("\u3000ＡＡ０２２\t")
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeSerial(s)
		if NormalizeSerial(n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, NormalizeSerial(n))
		}
		if SerialKey(n) != SerialKey(s) {
			t.Fatalf("key changed by normalising: %q", s)
		}
		if len(n) > 0 && (n[0] == ' ' || n[len(n)-1] == ' ') {
			t.Fatalf("surrounding space kept: %q", n)
		}
	})
}

func TestUnreadReasonPicksHint(t *testing.T) {
	cases := []struct {
		reason   string
		kind     string
		hint     string
		zhPhrase string
	}{
		{"timed out after 15s", "", "probe.timeout", "读取超时"},
		{"this machine has no SMBIOS (DMI) table", "", "SMBIOS", "SMBIOS"},
		{"readable only by root: run actwiz as root (sudo)", "", "administrator", "权限不够"},
		{"WMI query failed: 0x80041003", "", "administrator", "权限不够"},
		{"something odd", "", "administrator", "something odd"},
		// A recorded kind decides, whatever the words say.
		{"WMI query: HRESULT 0x80070422", facts.KindWMIService, "net start winmgmt", "服务已停止或被禁用"},
		{"WMI query: WBEM_E_INVALID_CLASS (0x80041010)", facts.KindWMIRepository, "winmgmt /salvagerepository", "存储库已损坏"},
		{"WMI query: WBEM_E_INVALID_NAMESPACE (0x8004100E)", facts.KindWMIRepository, "winmgmt /verifyrepository", "存储库已损坏"},
		{"E_ACCESSDENIED (0x80070005)", facts.KindAccessDenied, "administrator", "权限不够"},
		{"something odd", facts.KindTimeout, "probe.timeout", "读取超时"},
	}
	for _, c := range cases {
		r := notRead(i18nText("BIOS 序列号", "BIOS serial"), reason{text: i18nText(c.reason, c.reason), kind: c.kind})
		if r.Status != Unknown || !strings.Contains(r.Hint.EN, c.hint) {
			t.Errorf("%q (%s): hint %q lacks %q", c.reason, c.kind, r.Hint.EN, c.hint)
		}
		if !strings.Contains(r.Detail.ZH, c.zhPhrase) || !strings.Contains(r.Detail.EN, c.reason) {
			t.Errorf("%q (%s): detail %+v", c.reason, c.kind, r.Detail)
		}
	}
}
