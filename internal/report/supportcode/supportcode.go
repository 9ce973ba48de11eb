// Package supportcode turns check results into a short code a user can read
// aloud over the phone, and back. The code is digits only: digits are read
// unambiguously in Chinese and English alike, where spoken letters (B, D, E,
// G, P, T, V…) are easily confused.
//
// Layout: two digits of catalogue version, then the statuses of the
// version's checks as one base-6 number (one digit per check: pass, warn,
// fail, unknown, skip, not run) written with a fixed number of decimal
// digits, then two check digits (ISO 7064 MOD 97-10, as in IBANs), which
// catch every single wrong digit and every swap of two neighbours.
//
// It may import checks only.
package supportcode

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"actwiz/checks"
)

// NotRun marks a check of the catalogue that did not run this time.
const NotRun checks.Status = "not run"

// statusDigits is the order of the base-6 digits. Never reorder: old codes
// must keep decoding.
var statusDigits = []checks.Status{checks.Pass, checks.Warn, checks.Fail, checks.Unknown, checks.Skip, NotRun}

// Catalogues maps a catalogue version to its check ids. A new check is a
// new version that lists the old ids first; released versions never change.
var Catalogues = map[int][]string{
	1: {"bios.serial", "board.serial", "disk.serial", "disk.fixed", "nic.present", "nic.fixed"},
	2: {"bios.serial", "board.serial", "disk.serial", "disk.fixed", "nic.present", "nic.fixed",
		"serial.format", "serial.match",
		"activation.gate", "activation.service", "activation.dns", "activation.reach", "activation.clock", "activation.attempt"},
}

// Entry is one check decoded from a code.
type Entry struct {
	ID     string
	Status checks.Status
}

var (
	ErrMistyped = errors.New("mistyped")
	ErrVersion  = errors.New("unknown catalogue version")
)

// Encode returns the code for results, using the smallest catalogue version
// that holds every check that ran. It fails only if a check is in no
// catalogue, which is a programming error caught by tests.
func Encode(results []checks.Result) (string, error) {
	version, ids := pickCatalogue(results)
	if ids == nil {
		return "", fmt.Errorf("no support code catalogue holds every check that ran")
	}
	byID := map[string]checks.Status{}
	for _, r := range results {
		byID[r.ID] = r.Status
	}
	n := new(big.Int)
	six := big.NewInt(6)
	for _, id := range ids {
		st, ok := byID[id]
		if !ok {
			st = NotRun
		}
		n.Mul(n, six)
		n.Add(n, big.NewInt(int64(digitOf(st))))
	}
	body := fmt.Sprintf("%02d%0*s", version, payloadDigits(len(ids)), n.String())
	return body + checkDigits(body), nil
}

// Format groups a code in threes for reading aloud: "010 466 554".
func Format(code string) string {
	var groups []string
	for len(code) > 3 {
		groups = append(groups, code[:3])
		code = code[3:]
	}
	return strings.Join(append(groups, code), " ")
}

// Decode reads a code as a person typed it: spaces, dashes and full-width
// digits are accepted.
func Decode(input string) ([]Entry, int, error) {
	digits, err := clean(input)
	if err != nil {
		return nil, 0, err
	}
	if len(digits) < 5 {
		return nil, 0, fmt.Errorf("%w: a support code has at least 5 digits, this one has %d", ErrMistyped, len(digits))
	}
	body, check := digits[:len(digits)-2], digits[len(digits)-2:]
	if checkDigits(body) != check {
		return nil, 0, fmt.Errorf("%w: the check digits do not match; a digit was misheard or two were swapped", ErrMistyped)
	}
	var version int
	_, _ = fmt.Sscanf(body[:2], "%d", &version) // digits: the check digits matched
	ids, ok := Catalogues[version]
	if !ok {
		return nil, version, fmt.Errorf("%w %d: this code comes from a newer actwiz; decode it with the latest version", ErrVersion, version)
	}
	payload := body[2:]
	if len(payload) != payloadDigits(len(ids)) {
		return nil, version, fmt.Errorf("%w: a version %d code has %d digits, this one has %d", ErrMistyped, version, payloadDigits(len(ids))+4, len(digits))
	}
	n, _ := new(big.Int).SetString(payload, 10)
	if n.Cmp(new(big.Int).Exp(big.NewInt(6), big.NewInt(int64(len(ids))), nil)) >= 0 {
		return nil, version, fmt.Errorf("%w: the digits do not form a valid code", ErrMistyped)
	}
	entries := make([]Entry, len(ids))
	six, rem := big.NewInt(6), new(big.Int)
	for i := len(ids) - 1; i >= 0; i-- {
		n.DivMod(n, six, rem)
		entries[i] = Entry{ID: ids[i], Status: statusDigits[rem.Int64()]}
	}
	return entries, version, nil
}

func pickCatalogue(results []checks.Result) (int, []string) {
	best := 0
	for v, ids := range Catalogues {
		if (best == 0 || v < best) && covers(ids, results) {
			best = v
		}
	}
	return best, Catalogues[best]
}

func covers(ids []string, results []checks.Result) bool {
	have := map[string]bool{}
	for _, id := range ids {
		have[id] = true
	}
	for _, r := range results {
		if !have[r.ID] {
			return false
		}
	}
	return true
}

func digitOf(s checks.Status) int {
	for i, v := range statusDigits {
		if v == s {
			return i
		}
	}
	return len(statusDigits) - 1
}

// payloadDigits is how many decimal digits hold 6^n - 1.
func payloadDigits(n int) int {
	max := new(big.Int).Exp(big.NewInt(6), big.NewInt(int64(n)), nil)
	return len(max.Sub(max, big.NewInt(1)).String())
}

// checkDigits computes ISO 7064 MOD 97-10 check digits for a digit string.
func checkDigits(body string) string {
	rem := 0
	for _, c := range body {
		rem = (rem*10 + int(c-'0')) % 97
	}
	rem = (rem * 100) % 97
	return fmt.Sprintf("%02d", 98-rem)
}

// Digits is the code's digits as a person typed them (spaces, dashes and
// full-width digits accepted), ready for Format.
func Digits(input string) (string, error) { return clean(input) }

func clean(input string) (string, error) {
	var b strings.Builder
	for _, r := range input {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == ' ' || r == '-' || r == '\u3000' || r == '－' || r == '\t':
		default:
			return "", fmt.Errorf("%w: %q is not part of a support code, which has digits only", ErrMistyped, string(r))
		}
	}
	return b.String(), nil
}
