package machinetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape returns s with control characters (C0, DEL, C1), bidirectional
// overrides and invalid UTF-8 replaced by visible escapes (\x1b, \u202e).
// Printable text, Chinese included, is kept as is. Backslashes are kept too:
// Windows device ids and paths (PCI\VEN_8086…) must read as Windows shows
// them, and a literal "\x1b" in a value is harmless text.
func Escape(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			if r < 0x100 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func isClean(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true // bidirectional controls can reorder what a reader sees
	case r == 0xfeff:
		return true
	}
	return false
}
