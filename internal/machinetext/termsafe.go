package machinetext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape returns s with control characters (C0, DEL, C1), invisible format
// characters (zero-width spaces and joiners, bidirectional overrides and
// isolates, the byte-order mark, tag characters: all of Unicode's Cf) and
// invalid UTF-8 replaced by visible escapes (\x1b, \u202e). Printable text,
// Chinese included, is kept as is. Backslashes are kept too: Windows device
// ids and paths (PCI\VEN_8086…) must read as Windows shows them, and a
// literal "\x1b" in a value is harmless text. Escape is idempotent, so a
// value escaped where it is formatted into a text and again where the text
// is printed reads the same.
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
			switch {
			case r < 0x100:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// EscapeLines is Escape for a text of several lines, such as a check's
// explanation with a value read from the machine in it: each line is
// escaped and the line breaks stay.
func EscapeLines(s string) string {
	if isClean(strings.ReplaceAll(s, "\n", "")) {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Escape(l)
	}
	return strings.Join(lines, "\n")
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

// unsafeRune reports a rune a terminal must not receive raw: controls
// can move the cursor, retitle the window or write the clipboard (OSC 52);
// format characters are invisible, and the bidirectional ones reorder
// what a reader sees (U+202E shows "exe.txt" for "txt.exe").
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators break a line
		return true
	}
	return unicode.Is(unicode.Cf, r)
}
