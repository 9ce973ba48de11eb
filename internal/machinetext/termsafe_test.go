package machinetext

import "testing"

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

func FuzzEscapeHasNoControls(f *testing.F) {
	f.Add("\x1b[31mred")
	f.Add("序列号\u202e")
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		for _, r := range out {
			if unsafeRune(r) {
				t.Fatalf("Escape(%q) = %q still holds %U", s, out, r)
			}
		}
	})
}
