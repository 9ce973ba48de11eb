package serial

import "testing"

func TestHide(t *testing.T) {
	const cmge, key = "AA02210025590", "VK7JG-NPHTM-C97JM-9MPGT-3V66T"
	cases := []struct {
		name, text, secret, want string
	}{
		{"bare", "使用序列号 AA02210025590 激活成功", cmge, "使用序列号 [S] 激活成功"},
		{"grouped with dashes", "serial AA-0221-0025590.", cmge, "serial [S]."},
		{"spaced", "serial AA 0221 0025590 ok", cmge, "serial [S] ok"},
		{"every character spaced", "A A 0 2 2 1 0 0 2 5 5 9 0", cmge, "[S]"},
		{"lower case", "aa0221-0025590", cmge, "[S]"},
		{"full-width", "序列号：ＡＡ０２２１　００２５５９０。", cmge, "序列号：[S]。"},
		{"full-width dashes and low lines", "ＡＡ－０２２１＿００２５５９０", cmge, "[S]"},
		{"zero-width space and en dash", "AA\u200b0221\u20130025590", cmge, "[S]"},
		{"twice, two forms", "AA02210025590 / aa 0221 0025590", cmge, "[S] / [S]"},
		{"secret given grouped", "AA02210025590", "aa-0221-0025590", "[S]"},
		{"other serial left alone", "FF12345700209 and AA0221002559", cmge, "FF12345700209 and AA0221002559"},
		{"a separator before the first character stays", "- AA0221 0025590 -", cmge, "- [S] -"},
		{"product key grouped", "Installing " + key + "…", key, "Installing [S]…"},
		{"product key bare, spaced", "vk7jgnphtmc97jm9mpgt3v66t and VK7JG NPHTM C97JM 9MPGT 3V66T", key, "[S] and [S]"},
		{"empty secret", "anything", "", "anything"},
	}
	for _, c := range cases {
		if got := Hide(c.text, c.secret, "[S]"); got != c.want {
			t.Errorf("%s: Hide(%q) = %q; want %q", c.name, c.text, got, c.want)
		}
	}
}

// A value read from a log (the last serial) keeps its last characters in
// view: they must not reach a terminal raw.
func TestMaskEscapes(t *testing.T) {
	if got := CMGE.Mask("FF1234570\x1b[2J"); got != `FF*****70\x1b[2J` {
		t.Errorf("Mask = %q", got)
	}
}
