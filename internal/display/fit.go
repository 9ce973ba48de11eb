package display

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Fit makes text safe for the set: the plain set replaces East-Asian
// ambiguous punctuation (“ ” … → ·) with ASCII, because the classic console
// with a Chinese code page draws it two cells wide while every width library
// counts one, which breaks every line holding one. Chinese characters, which
// are wide everywhere, are kept.
func (s Set) Fit(text string) string {
	if s.Name != Plain.Name {
		return text
	}
	return asciiPunctuation(text)
}

var punctuation = strings.NewReplacer(
	"“", `"`, "”", `"`, "‘", "'", "’", "'", "…", "...", "→", "->", "←", "<-",
	"·", "-", "—", "--", "–", "-", "─", "-", "│", "|", "•", "*", "×", "x",
	"↑", "^", "↓", "v", "§", "S", "°", "o", "±", "+-", "※", "*",
)

var ambiguous = &runewidth.Condition{EastAsianWidth: true}

func asciiPunctuation(text string) string {
	text = punctuation.Replace(text)
	if !HasAmbiguous(text) {
		return text
	}
	var b strings.Builder
	for _, r := range text {
		if IsAmbiguous(r) {
			b.WriteByte('?')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HasAmbiguous reports whether text holds a rune a CJK console draws wider
// than the rest of the world.
func HasAmbiguous(text string) bool {
	for _, r := range text {
		if IsAmbiguous(r) {
			return true
		}
	}
	return false
}

// IsAmbiguous: a rune a CJK console draws wider than the rest of the world.
func IsAmbiguous(r rune) bool {
	return r >= 0x80 && ambiguous.RuneWidth(r) != runewidth.RuneWidth(r)
}
