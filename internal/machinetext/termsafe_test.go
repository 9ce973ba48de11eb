package machinetext

import (
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	cases := []struct{ in, want string }{
		{"PF2XK7QW", "PF2XK7QW"},
		{"  padded  ", "  padded  "},
		{"序列号AA02210025590", "序列号AA02210025590"},
		{"\x1b[2J\x1b]0;pwned\x07", `\x1b[2J\x1b]0;pwned\x07`},
		{"tab\there\nline", `tab\x09here\x0aline`},
		{"del\x7f", `del\x7f`},
		{"c1\u009b31m", `c1\x9b31m`},
		{"bidi\u202eevil", `bidi\u202eevil`},
		{"osc52\x1b]52;c;ZXZpbA==\x07", `osc52\x1b]52;c;ZXZpbA==\x07`},
		{"zero\u200bwidth\u200cnon\u200djoiner", `zero\u200bwidth\u200cnon\u200djoiner`},
		{"lrm\u200erlm\u200f", `lrm\u200erlm\u200f`},
		{"embed\u202aoverride\u202d", `embed\u202aoverride\u202d`},
		{"isolate\u2066\u2067\u2068\u2069", `isolate\u2066\u2067\u2068\u2069`},
		{"\ufeffbom", `\ufeffbom`},
		{"tag\U000e0041", `tag\U000e0041`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad\xffutf8", `bad\xffutf8`},
		{`PCI\VEN_8086&DEV_15BC`, `PCI\VEN_8086&DEV_15BC`},
		{`C:\Users\李\Desktop\PC_1.json`, `C:\Users\李\Desktop\PC_1.json`},
		{"/tmp/a\x1b[2Jb.json", `/tmp/a\x1b[2Jb.json`},
		{"", ""},
	}
	for _, c := range cases {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestEscapeLinesKeepsLineBreaks(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1. one\n2. two", "1. one\n2. two"},
		{"disk \x1b[2J\n2. \u202eback", `disk \x1b[2J` + "\n" + `2. \u202eback`},
		{"tab\tin\nline", `tab\x09in` + "\nline"},
	}
	for _, c := range cases {
		if got := EscapeLines(c.in); got != c.want {
			t.Errorf("EscapeLines(%q) = %q; want %q", c.in, got, c.want)
		}
		if again := EscapeLines(EscapeLines(c.in)); again != EscapeLines(c.in) {
			t.Errorf("escaping twice changed %q to %q", c.in, again)
		}
	}
}

func FuzzEscapeHasNoControls(f *testing.F) {
	f.Add("\x1b[31mred")
	f.Add("序列号\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		for _, r := range out {
			if unsafeRune(r) || r == utf8.RuneError {
				t.Fatalf("Escape(%q) = %q still holds %U", s, out, r)
			}
		}
		if Escape(out) != out {
			t.Fatalf("Escape is not idempotent on %q: %q -> %q", s, out, Escape(out))
		}
	})
}
