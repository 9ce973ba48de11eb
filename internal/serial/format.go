package serial

import (
	"fmt"
	"unicode/utf8"

	"actwiz/internal/i18n"
)

// BadChar is one character that does not belong where it stands.
type BadChar struct {
	// Pos is the 1-based position in the normalised serial.
	Pos  int
	Char rune
	Want i18n.Text
}

// Format is the outcome of checking a serial against a profile.
type Format struct {
	Normalised string
	OK         bool
	// Length is the normalised length in characters; it differs from
	// the profile's when the serial is too long or too short.
	Length int
	Bad    []BadChar
}

// CheckFormat normalises input and checks it against the profile.
func (p Profile) CheckFormat(input string) Format {
	n := Normalise(input)
	f := Format{Normalised: n, Length: utf8.RuneCountInString(n)}
	i := 0
	for _, r := range n {
		if ok, want := p.allowed(i, r); !ok {
			f.Bad = append(f.Bad, BadChar{Pos: i + 1, Char: r, Want: want})
		}
		i++
	}
	f.OK = f.Length == p.Length && len(f.Bad) == 0
	return f
}

var msgCharIs = i18n.T("第 %d 位是%s，应该是%s", "character %d is %s; it must be %s")

// Describe names one wrong character in words: a bad character is not a
// secret (it cannot be part of a valid serial), and naming it is what lets
// a person find a letter O typed for a zero.
func (b BadChar) Describe() i18n.Text {
	return msgCharIs.F(b.Pos, quoteRune(b.Char), b.Want)
}

func quoteRune(r rune) i18n.Text {
	switch r {
	case 'O':
		return i18n.T("字母 O", "the letter O")
	case 'I':
		return i18n.T("字母 I", "the letter I")
	case 'L':
		return i18n.T("字母 L", "the letter L")
	}
	q := fmt.Sprintf("%q", string(r))
	return i18n.T("“"+q[1:len(q)-1]+"”", q)
}
