// Package serial holds what actwiz knows about activation serials: the
// profiles (the CMGE client's 13-character serials, Windows product keys),
// normalising what people really type, the format check, masking, and where
// the serial used last time can be read. Everything but the last-serial
// sources is pure, so every rule is tested on any OS.
//
// It may import checks and the text helpers (i18n, machinetext).
package serial

import (
	"strings"

	"actwiz/internal/i18n"
)

// Profile describes one kind of serial.
type Profile struct {
	Name string
	// Length is the number of characters after normalisation.
	Length int
	// Groups splits the normalised serial for display ("XXXXX-XXXXX-…");
	// nil means the serial is shown as one run.
	Groups []int
	// allowed says whether r may stand at position i (0-based), and what
	// belongs there when it may not.
	allowed func(i int, r rune) (bool, i18n.Text)
	// Shape describes the format in words, for messages.
	Shape i18n.Text
	// Example is a made-up serial in the right format, for messages.
	Example string
}

// windowsAlphabet is the product key alphabet: no vowels but Y, no 0/1/5
// (easily confused with O, I, S). Keys for Windows 8 and later also carry
// exactly one N, which encodes where the first character goes: the
// generic keys Microsoft publishes (such as the KMS client keys) contain
// it, so N is accepted too.
const windowsAlphabet = "BCDFGHJKMPQRTVWXY2346789"

var (
	wantLetter  = i18n.T("字母", "a letter")
	wantDigit   = i18n.T("数字", "a digit")
	wantKeyChar = i18n.T("产品密钥用的字母或数字（BCDFGHJKMNPQRTVWXY2346789 之一）", "a product key character (one of BCDFGHJKMNPQRTVWXY2346789)")
)

// CMGE is the case's activation client serial: two letters and eleven
// digits, such as AA02210025590.
var CMGE = Profile{
	Name:   "cmge",
	Length: 13,
	allowed: func(i int, r rune) (bool, i18n.Text) {
		if i < 2 {
			return r >= 'A' && r <= 'Z', wantLetter
		}
		return r >= '0' && r <= '9', wantDigit
	},
	Shape:   i18n.T("13 位：2 个字母加 11 个数字", "13 characters: two letters and eleven digits"),
	Example: "AB01234567890",
}

// Windows is a 25-character product key in five groups of five.
var Windows = Profile{
	Name:   "windows",
	Length: 25,
	Groups: []int{5, 5, 5, 5, 5},
	allowed: func(_ int, r rune) (bool, i18n.Text) {
		return r == 'N' || (r < 128 && strings.ContainsRune(windowsAlphabet, r)), wantKeyChar
	},
	Shape:   i18n.T("25 位产品密钥，分成 5 组，每组 5 个字符", "a 25-character product key in five groups of five"),
	Example: "BBBBB-CCCCC-DDDDD-FFFFF-GGGGG",
}

// Profiles lists the known profiles; the first is the default.
var Profiles = []Profile{CMGE, Windows}

// ByName finds a profile by its configured name.
func ByName(name string) (Profile, bool) {
	for _, p := range Profiles {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// Display groups a normalised serial the way the profile writes it.
func (p Profile) Display(normalised string) string {
	if p.Groups == nil || len(normalised) != p.Length {
		return normalised
	}
	var parts []string
	rest := normalised
	for _, g := range p.Groups {
		parts = append(parts, rest[:g])
		rest = rest[g:]
	}
	return strings.Join(parts, "-")
}
