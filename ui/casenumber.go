package ui

import (
	"regexp"
	"strings"

	"actwiz/internal/i18n"
)

const maxCaseLen = 40

// vendorCase is the shape of the vendor's case numbers: CAS-04851-R7R3X9.
var vendorCase = regexp.MustCompile(`^CAS-[0-9]{5}-[0-9A-Z]{6}$`)

// checkCase normalises a typed case number and judges it loosely: it is
// refused only when it holds characters no case number has (problem), and
// kept with a note when it merely does not look like the vendor's usual
// form — an agent may read out an older or another team's number.
func checkCase(typed string) (normal string, problem, note i18n.Text) {
	normal = strings.ToUpper(strings.TrimSpace(fullWidthToASCII(typed)))
	if normal == "" {
		return "", i18n.Text{}, i18n.Text{}
	}
	if len(normal) > maxCaseLen || !caseChars.MatchString(normal) {
		return normal, msgCaseProblem.F(maxCaseLen), i18n.Text{}
	}
	if !vendorCase.MatchString(normal) {
		return normal, i18n.Text{}, msgCaseUnusual.F(normal)
	}
	return normal, i18n.Text{}, i18n.Text{}
}

var caseChars = regexp.MustCompile(`^[0-9A-Z][0-9A-Z_./-]*$`)

// fullWidthToASCII turns full-width letters, digits and dashes, which a
// Chinese input method types, into their ASCII forms.
func fullWidthToASCII(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		case r == '—' || r == '–' || r == '－':
			return '-'
		}
		return r
	}, s)
}

// CheckCase normalises a case number given on the command line; problem is
// set when it cannot be one.
func CheckCase(typed string) (string, i18n.Text) {
	normal, problem, _ := checkCase(typed)
	return normal, problem
}
