package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultPlaceholders are factory values that BIOS and board vendors leave in
// the serial fields. They come from the lists inventory systems (GLPI, OCS
// Inventory, the GLPI agent, inxi) use to discard such values (spec §2).
var DefaultPlaceholders = []string{
	"N/A", "NA", "None", "Null", "(null string)", "Unknown", "Unknow", "Not Specified",
	"Not Present", "Not Available", "Not Applicable", "Not Installed", "Not Set",
	"Undefined", "Unspecified", "Empty", "[Empty]", "INVALID", "EVAL", "IATPASS", "OEM",
	"OEM_Serial", "SystemSerialNumb", "System Product Name", "System manufacturer",
	"System Version", "Chassis manufacturer", "Chassis Version", "No Asset Tag",
	"<BAD INDEX>", "<OUT OF SPEC>", "<OUT OF SPEC><OUT OF SPEC>", "SN-12345",
	"SN-1234567890", "SN-123456fvgv3i0b8o5n6n7k", "SYS-1234567890", "SYS-9876543210",
	"MB-1234567890", "Tulip Computers", "-1",
	// Ascending digit runs.
	"12345", "123456", "1234567", "12345678", "123456789", "1234567890",
	"0123456789", "123456789000", "12345678901234567",
}

// placeholderFragments mark a value as a placeholder wherever they appear.
var placeholderFragments = []string{"to be filled", "o.e.m", "default string", "serial number"}

// NormalizeSerial trims surrounding white space and collapses inner runs of
// white space to one space (spec §2). Comparison is case-insensitive: use
// SerialKey for that.
func NormalizeSerial(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// SerialKey is the form two serials are compared in.
func SerialKey(s string) string { return strings.ToLower(NormalizeSerial(s)) }

// Placeholders decides whether a serial is a factory placeholder.
type Placeholders struct {
	exact map[string]bool
	extra []string
}

// NewPlaceholders returns the default list plus a site's own bad values.
func NewPlaceholders(extra []string) Placeholders {
	p := Placeholders{exact: map[string]bool{}}
	for _, v := range DefaultPlaceholders {
		p.exact[SerialKey(v)] = true
	}
	for _, v := range extra {
		if k := SerialKey(v); k != "" {
			p.exact[k] = true
			p.extra = append(p.extra, v)
		}
	}
	return p
}

// Extra returns the site's own values, as configured.
func (p Placeholders) Extra() []string { return p.extra }

// Match reports whether serial is a placeholder. Empty values are not
// placeholders: they are reported as empty.
func (p Placeholders) Match(serial string) bool {
	k := SerialKey(serial)
	if k == "" {
		return false
	}
	if p.exact == nil {
		p = NewPlaceholders(nil)
	}
	if p.exact[k] || oneRuneRepeated(k) || onlyZerosAndOnes(k) {
		return true
	}
	for _, f := range placeholderFragments {
		if strings.Contains(k, f) {
			return true
		}
	}
	return false
}

func oneRuneRepeated(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	for _, r := range s {
		if r != first {
			return false
		}
	}
	return true
}

func onlyZerosAndOnes(s string) bool {
	for _, r := range s {
		if r != '0' && r != '1' {
			return false
		}
	}
	return true
}
