package display

import (
	"strings"
	"testing"
)

// The expected splits are worked out by hand from UAX #14 and the command
// rules in Wrap's comment (CJK two cells, ASCII and “ ” one), not copied
// from the output.
func TestWrap(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"opening bracket stays with the command", "请运行命令（slmgr /dlv）查看", 14, []string{"请运行命令", "（slmgr /dlv）", "查看"}},
		{"closing bracket stays with the command", "请运行命令（slmgr /dlv）查看", 16, []string{"请运行命令", "（slmgr /dlv）查", "看"}},
		{"fits", "请运行命令（slmgr /dlv）查看", 30, []string{"请运行命令（slmgr /dlv）查看"}},
		{"corner brackets and full stop", "他说：「请运行命令。」然后重启。", 10, []string{"他说：「请", "运行命", "令。」然后", "重启。"}},
		{"corner brackets narrower", "他说：「请运行命令。」然后重启。", 8, []string{"他说：", "「请运行", "命令。」", "然后重", "启。"}},
		{"curly quotes never end or start a line wrongly", "点击“激活”按钮", 7, []string{"点击“激", "活”按钮"}},
		{"command inside Chinese moves whole", "必要时用 netsh winhttp import proxy source=ie 与浏览器保持一致。", 40, []string{"必要时用", "netsh winhttp import proxy source=ie 与", "浏览器保持一致。"}},
		{"command inside Chinese longer than the line breaks at spaces", "运行（Get-CimInstance Win32_BIOS | Select-Object SerialNumber）", 30, []string{"运行（Get-CimInstance", "Win32_BIOS | Select-Object", "SerialNumber）"}},
		{"English: a switch stays with its command", "Run slmgr /dlv as administrator and tell support.", 14, []string{"Run slmgr /dlv", "as", "administrator", "and tell", "support."}},
		{"English narrow: a word longer than the line is cut on its own line", "Run slmgr /dlv as administrator and tell support.", 10, []string{"Run", "slmgr /dlv", "as", "administra", "tor and", "tell", "support."}},
		{"a path may start a line", "recorded in /tmp/snapshots/a.json, not here", 24, []string{"recorded in", "/tmp/snapshots/a.json,", "not here"}},
		{"backquotes move whole", "Type `netsh winhttp show proxy` to see it", 30, []string{"Type", "`netsh winhttp show proxy` to", "see it"}},
		{"English", "the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"Chinese", "硬盘序列号不超过六十四个字节", 10, []string{"硬盘序列号", "不超过六十", "四个字节"}},
		{"comma stays with what it closes", "一二三四，五六", 8, []string{"一二三", "四，五六"}},
		{"long word", "abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"newline", "a\nb", 5, []string{"a", "b"}},
		{"colour codes take no room and stay with their text", "\x1b[1mbold words here\x1b[0m and more", 10, []string{"\x1b[1mbold words", "here\x1b[0m and", "more"}},
	}
	for _, c := range cases {
		got := Wrap(c.text, c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: Wrap(%q, %d) = %q; want %q", c.name, c.text, c.width, got, c.want)
		}
	}
}

func TestWrapCommand(t *testing.T) {
	const cmd = "Get-CimInstance Win32_BIOS | Select-Object SerialNumber" // 55 cells
	cases := []struct {
		width int
		want  []string
	}{
		{60, []string{cmd}},
		{55, []string{cmd}},
		{40, []string{"Get-CimInstance", "Win32_BIOS | Select-Object SerialNumber"}},
		{30, []string{"Get-CimInstance", "Win32_BIOS | Select-Object", "SerialNumber"}},
		{23, []string{"Get-CimInstance", "Win32_BIOS |", "Select-Object", "SerialNumber"}},
		{10, []string{"slmgr /dlv"}},
	}
	for _, c := range cases {
		in := cmd
		if c.width == 10 {
			in = "slmgr /dlv"
		}
		if got := WrapCommand(in, c.width); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("WrapCommand(%q, %d) = %q; want %q", in, c.width, got, c.want)
		}
	}
}

// At every width, for text full of brackets and quotes: no line ends with
// an opening bracket or quote, none starts with closing punctuation, no
// line is wider than the width, and nothing but spaces at breaks is lost.
func TestWrapNeverStrandsPunctuation(t *testing.T) {
	texts := []string{
		"请运行命令（Get-CimInstance Win32_BIOS | Select-Object SerialNumber）查看，结果中的“SerialNumber”不能为空。",
		"要求：硬盘不能为可移动硬盘（设备管理器中“在根容器中”为“真”）。若为「否」，请在《说明》中查找『可移动』：然后重启！好吗？",
		"软件保护服务（sppsvc）可能卡住了。重启电脑后再试；仍然如此时，以管理员身份运行 slmgr /dlv 查看状态，并把结果告诉客服。",
		"Software Protection (sppsvc) may be stuck [see the log]. Run `slmgr /dlv` as administrator.",
	}
	const opening, closing = "（「『“《([", "。，、：；！？）」』”》"
	for _, text := range texts {
		for width := 8; width <= 60; width++ {
			lines := Wrap(text, width)
			for i, l := range lines {
				if Width(l) > width {
					t.Errorf("width %d: %q is %d cells", width, l, Width(l))
				}
				if r := []rune(l); i < len(lines)-1 && strings.ContainsRune(opening, r[len(r)-1]) {
					t.Errorf("width %d: %q ends with an opening bracket", width, l)
				}
				if r := []rune(l); i > 0 && strings.ContainsRune(closing, r[0]) {
					t.Errorf("width %d: %q starts with closing punctuation", width, l)
				}
			}
			if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Errorf("width %d: text lost: %q", width, lines)
			}
		}
	}
}

// Odd inputs never panic and never lose text.
func TestWrapEdges(t *testing.T) {
	for _, text := range []string{" /dlv", " -x", "| a", "`", "``", "（", "a （", "\x1b[1m", " ", "中 /x y", "\x1b]8;;http://x\x07link\x1b]8;;\x07 text"} {
		for width := 1; width <= 6; width++ {
			lines := Wrap(text, width)
			if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Errorf("Wrap(%q, %d) = %q lost text", text, width, lines)
			}
		}
	}
}
