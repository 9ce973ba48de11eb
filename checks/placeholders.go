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
	if p.exact[k] || oneRuneRepeated(k) || onlyZerosAndOnes(k) || countingAfterPrefix(k) {
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

// countingAfterPrefix matches a factory value made of at most four
// characters that are not digits followed by eight or more digits counting
// up by one (9 wraps to 0) or down by one (0 wraps to 9): the ASUS board
// serial BSN12345678901234567, #A123456789, SYS-9876543210 (spec §2).
func countingAfterPrefix(s string) bool {
	const maxPrefix, minDigits = 4, 8
	digits := strings.TrimLeftFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if utf8.RuneCountInString(s)-utf8.RuneCountInString(digits) > maxPrefix || len(digits) < minDigits {
		return false
	}
	return stepsBy(digits, 1) || stepsBy(digits, 9) // +1 or −1, modulo 10
}

// stepsBy reports whether every digit of s is the one before plus step,
// modulo 10. s must be digits only.
func stepsBy(s string, step byte) bool {
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || (s[i-1]-'0'+step)%10 != s[i]-'0' {
			return false
		}
	}
	return true
}
