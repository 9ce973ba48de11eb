package display

import "testing"

func TestChoose(t *testing.T) {
	env := func(vars map[string]string, windows bool, cp uint32) Env {
		return Env{Getenv: func(k string) string { return vars[k] }, Windows: windows, ConsoleCodePage: cp}
	}
	cases := []struct {
		name, theme string
		env         Env
		want        string
	}{
		{"linux auto", "auto", env(nil, false, 0), "unicode"},
		{"dumb terminal", "auto", env(map[string]string{"TERM": "dumb"}, false, 0), "plain"},
		{"classic console, Chinese code page", "auto", env(nil, true, 936), "plain"},
		{"classic console, GB18030", "auto", env(nil, true, 54936), "plain"},
		{"Windows Terminal, Chinese code page", "auto", env(map[string]string{"WT_SESSION": "x"}, true, 936), "unicode"},
		{"classic console, UTF-8", "auto", env(nil, true, 65001), "unicode"},
		{"forced plain", "plain", env(nil, false, 0), "plain"},
		{"forced unicode on classic CJK", "unicode", env(nil, true, 936), "unicode"},
	}
	for _, c := range cases {
		if got := Choose(c.theme, c.env).Name; got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

func TestPlainIsASCII(t *testing.T) {
	for _, g := range []string{Plain.Pass, Plain.Warn, Plain.Fail, Plain.Unknown, Plain.Skip, Plain.Cursor, Plain.Bullet, Plain.Arrow, Plain.Ellipsis, Plain.Running, Plain.Done, Plain.Pending, Plain.Separator} {
		for _, r := range g {
			if r > 0x7e {
				t.Errorf("plain glyph %q is not ASCII", g)
			}
		}
	}
}
