package serial

import (
	"strings"
	"unicode"
)

// Normalise turns what a person typed or pasted into the bare serial:
// full-width letters and digits (what Chinese input methods produce) become
// ASCII, white space of every kind (the ideographic space U+3000 included)
// and dashes of every kind (hyphen, en and em dash, minus sign, full-width
// hyphen, the 一-like dashes of Chinese fonts) are dropped, invisible
// format characters such as zero-width spaces too, and letters become upper
// case. Other characters are kept so that the format check can name them.
func Normalise(s string) string {
	var b strings.Builder
	for _, r := range s {
		if n, kept := normRune(r); kept {
			b.WriteRune(n)
		}
	}
	return b.String()
}

// normRune is Normalise for one character: its normal form, or false when
// it is a separator that Normalise drops.
func normRune(r rune) (rune, bool) {
	if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII block
		r -= 0xFF01 - 0x21
	}
	switch {
	case unicode.IsSpace(r), isDash(r), unicode.Is(unicode.Cf, r):
		return 0, false
	case r < 128:
		return unicode.ToUpper(r), true
	}
	return r, true
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2212', '\u2500', '\u2501', '\u30FC', '\uFF70', '_':
		return true
	}
	return unicode.Is(unicode.Pd, r)
}
