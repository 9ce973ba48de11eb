package serial

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// What people type is normalised once and for all, and however odd it is,
// the masked form never shows the whole serial.
func FuzzNormaliseAndMask(f *testing.F) {
	for _, s := range []string{"AA02210025590", "ａａ０２２１　００２５５９０", "aa-0221-0025590", "VK7JG-NPHTM-C97JM-9MPGT-3V66T", "x", "", "**0", "********ABCD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := Normalise(s)
		if Normalise(n) != n {
			t.Fatalf("Normalise is not idempotent: %q -> %q -> %q", s, n, Normalise(n))
		}
		// A star the input already holds is not one the mask put there:
		// the oracle judges the input with its stars turned into a
		// character that Normalise keeps and no serial has, so every star
		// in the masked form is one that hides a character.
		plain := strings.ReplaceAll(s, "*", "#")
		pn := Normalise(plain)
		for _, p := range []Profile{CMGE, Windows} {
			m := p.Mask(plain)
			// A product key's last group is what Windows itself shows as the
			// partial key, so five characters alone may stay visible.
			partial := p.Groups != nil && utf8.RuneCountInString(pn) <= p.Groups[len(p.Groups)-1]
			if utf8.RuneCountInString(pn) >= 3 && !partial && strings.Contains(m, pn) {
				t.Fatalf("%s Mask(%q) = %q shows the whole serial", p.Name, plain, m)
			}
			if p.CheckFormat(s).OK && !strings.Contains(m, "*") {
				t.Fatalf("%s Mask(%q) = %q hides nothing", p.Name, s, m)
			}
			// The stars of the input change nothing but themselves.
			if !strings.Contains(s, "#") && strings.ReplaceAll(m, "#", "*") != p.Mask(s) {
				t.Fatalf("%s Mask(%q) = %q, but %q with its stars as #", p.Name, s, p.Mask(s), m)
			}
		}
	})
}

// However the serial stands in a program's output, what Hide leaves has
// no occurrence of it, even with the separators taken out.
func FuzzHide(f *testing.F) {
	f.Add("使用序列号 AA-0221-0025590 激活成功", "AA02210025590")
	f.Add("aa 0221 0025590\nＡＡ０２２１００２５５９０", "AA02210025590")
	f.Add("ABABA", "ABA")
	f.Add("VK7JG NPHTM C97JM 9MPGT 3V66T", "VK7JG-NPHTM-C97JM-9MPGT-3V66T")
	f.Fuzz(func(t *testing.T, text, secret string) {
		if !utf8.ValidString(text) || !utf8.ValidString(secret) || strings.Contains(secret, "*") {
			return
		}
		want := Normalise(secret)
		out := Hide(text, secret, "*")
		if want != "" && strings.Contains(Normalise(out), want) {
			t.Fatalf("Hide(%q, %q) = %q still holds the serial", text, secret, out)
		}
		if !strings.Contains(Normalise(text), want) && out != text {
			t.Fatalf("Hide(%q, %q) = %q changed a text without the serial", text, secret, out)
		}
	})
}
