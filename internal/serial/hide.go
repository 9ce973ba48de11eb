package serial

import "strings"

// Hide replaces every occurrence of secret in text with replacement. An
// occurrence is found by its normalised form, the way a person or a
// program may write it: any case, full-width, and with separators (white
// space of every kind, dashes, invisible format characters) between its
// characters — AA-0221-0025590, AA 0221 0025590, ＡＡ０２２１００２５５９０.
// The whole span from its first character to its last, separators
// included, is replaced, so no group of the serial is left in view.
func Hide(text, secret, replacement string) string {
	want := []rune(Normalise(secret))
	if len(want) == 0 || text == "" {
		return text
	}
	runes := []rune(text)
	var b strings.Builder
	copied := 0
	for i := 0; i < len(runes); {
		end, ok := matchAt(runes, i, want)
		if !ok {
			i++
			continue
		}
		b.WriteString(string(runes[copied:i]))
		b.WriteString(replacement)
		i, copied = end, end
	}
	if copied == 0 {
		return text
	}
	b.WriteString(string(runes[copied:]))
	return b.String()
}

// matchAt reports whether want starts at runes[i], and where the match
// ends. Separators may stand between its characters, not before the first.
func matchAt(runes []rune, i int, want []rune) (int, bool) {
	if r, kept := normRune(runes[i]); !kept || r != want[0] {
		return 0, false
	}
	j, k := i+1, 1
	for k < len(want) && j < len(runes) {
		r, kept := normRune(runes[j])
		switch {
		case kept && r == want[k]:
			k++
		case kept:
			return 0, false
		}
		j++
	}
	return j, k == len(want)
}
