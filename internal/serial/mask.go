package serial

import (
	"strings"

	"actwiz/internal/machinetext"
)

// Mask hides most of a serial the way the vendor's client does in the
// case (FF*****700209): enough is left to tell two serials apart when
// reading them to an agent, not enough to use one. It takes any input and
// masks its normalised form. Every serial actwiz shows or writes goes
// through Mask; the full serial reaches nothing but the activation itself.
// What stays visible may have been read from the machine (a log's last
// serial), so it comes out escaped for a terminal.
func (p Profile) Mask(serial string) string {
	return machinetext.Escape(p.mask([]rune(Normalise(serial))))
}

func (p Profile) mask(n []rune) string {
	if len(n) == 0 {
		return ""
	}
	if p.Groups != nil {
		return p.maskGrouped(n)
	}
	if len(n) >= 13 {
		return string(n[:2]) + strings.Repeat("*", len(n)-8) + string(n[len(n)-6:])
	}
	return maskShort(n)
}

// maskGrouped shows only the last group of a product key, which Windows
// itself shows as the partial key.
func (p Profile) maskGrouped(n []rune) string {
	last := p.Groups[len(p.Groups)-1]
	if len(n) == last {
		// A partial key (the last five characters Windows keeps) is
		// shown in the place it has in a whole key.
		n = append([]rune(strings.Repeat("*", p.Length-last)), n...)
	}
	if len(n) != p.Length {
		return maskShort(n)
	}
	masked := strings.Repeat("*", p.Length-last) + string(n[p.Length-last:])
	return p.Display(masked)
}

// maskShort masks a value of unexpected length: at most a third of it,
// and never more than four characters, stays visible at the end.
func maskShort(n []rune) string {
	keep := min(len(n)/3, 4)
	return strings.Repeat("*", len(n)-keep) + string(n[len(n)-keep:])
}
