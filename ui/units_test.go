package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"

	"actwiz/internal/display"
)

func TestCheckCase(t *testing.T) {
	cases := []struct {
		typed, want   string
		problem, note bool
	}{
		{"", "", false, false},
		{"  cas-04851-r7r3x9 ", "CAS-04851-R7R3X9", false, false},
		{"ＣＡＳ－０４８５１－Ｒ７Ｒ３Ｘ９", "CAS-04851-R7R3X9", false, false}, // typed with a Chinese input method
		{"CAS-4851", "CAS-4851", false, true},                  // kept, with a note
		{"20211015-001", "20211015-001", false, true},
		{"CAS 04851", "CAS 04851", true, false},
		{"案件4851", "案件4851", true, false},
		{"CAS-\x1b[2J", "CAS-\x1b[2J", true, false},
		{strings.Repeat("A", 41), strings.Repeat("A", 41), true, false},
	}
	for _, c := range cases {
		got, problem, note := checkCase(c.typed)
		if got != c.want || problem.Empty() == c.problem || note.Empty() == c.note {
			t.Errorf("checkCase(%q) = %q, problem %q, note %q; want %q, problem %v, note %v", c.typed, got, problem.EN, note.EN, c.want, c.problem, c.note)
		}
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"硬盘序列号不超过六十四个字节", 10, []string{"硬盘序列号", "不超过六十", "四个字节"}},
		// An English word is not split between Chinese characters, and
		// under UAX #14 a quotation mark stays with both neighbours.
		{"发现：出厂占位值“Default string”，不是", 20, []string{"发现：出厂占位", "值“Default string”，", "不是"}},
		// Closing punctuation stays with what it closes.
		{"一二三四，五六", 8, []string{"一二三", "四，五六"}},
		{"abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"a\nb", 5, []string{"a", "b"}},
	}
	for _, c := range cases {
		got := wrap(c.text, c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %d) = %q; want %q", c.text, c.width, got, c.want)
		}
		for _, l := range got {
			if cellWidth(l) > c.width+2 { // closing punctuation may hang
				t.Errorf("wrap(%q, %d): line %q too wide", c.text, c.width, l)
			}
		}
	}
}

func TestSpacedCode(t *testing.T) {
	if got := spacedCode("010466554"); got != "0 1 0   4 6 6   5 5 4" {
		t.Errorf("spacedCode = %q", got)
	}
}

func TestNextStepsFollowTheWorstResult(t *testing.T) {
	if got := nextSteps(nil); got[0] != msgNextPass[0] {
		t.Error("no problem: activate")
	}
}

// go-runewidth (used by bubbles' text input) and lipgloss must measure
// every glyph and message alike, or the cursor and the borders drift.
func TestWidthsAgree(t *testing.T) {
	AgreeOnWidths()
	samples := []string{"案件编号（可不填）：", "“在根容器中”", "…", "→", "·", "─│╭╮", "✓✗●○◌›•", "⠋⣾", "▀▄█", "PF2XK7QW", "ＣＡＳ"}
	for _, g := range []display.Set{display.Unicode, display.Plain} {
		samples = append(samples, g.Pass, g.Warn, g.Fail, g.Unknown, g.Skip, g.Cursor, g.Bullet, g.Arrow, g.Ellipsis, g.Running, g.Done, g.Pending, g.Separator)
	}
	for _, s := range samples {
		if a, b := runewidth.StringWidth(s), lipgloss.Width(s); a != b {
			t.Errorf("%q: go-runewidth says %d cells, lipgloss %d", s, a, b)
		}
	}
}

func TestAsciiPunctuation(t *testing.T) {
	got := display.Plain.Fit("“在根容器中”为“真”… → ·")
	if got != `"在根容器中"为"真"... -> -` {
		t.Errorf("asciiPunctuation = %q", got)
	}
	if display.HasAmbiguous(got) {
		t.Errorf("%q still holds an ambiguous-width character", got)
	}
}

func TestQRFitsAndScansAsText(t *testing.T) {
	payload := qrPayload("011819645", "PC-0142", "CAS-04851-R7R3X9")
	if !strings.Contains(payload, "actwiz 011 819 645") || !strings.Contains(payload, "case CAS-04851-R7R3X9") {
		t.Errorf("payload = %q", payload)
	}
	for _, ascii := range []bool{false, true} {
		lines, err := qrLines(payload, ascii)
		if err != nil {
			t.Fatal(err)
		}
		w := cellWidth(lines[0])
		for _, l := range lines {
			if cellWidth(l) != w {
				t.Fatalf("QR lines differ in width: %d and %d", cellWidth(l), w)
			}
		}
		modules := w
		if ascii {
			modules = w / 2
			if len(lines) != modules {
				t.Errorf("ASCII QR: %d lines for %d modules", len(lines), modules)
			}
		} else if len(lines) != (modules+1)/2 {
			t.Errorf("half-block QR: %d lines for %d modules", len(lines), modules)
		}
		if (modules-2*quietZone-17)%4 != 0 {
			t.Errorf("%d modules is not a QR symbol plus its quiet zone", modules)
		}
	}
}

func TestPlainReason(t *testing.T) {
	tty, err := os.Open("/dev/tty")
	if err != nil {
		tty = nil
	}
	notTTY, _ := os.Open(os.DevNull)
	defer notTTY.Close()
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	cases := []struct {
		name  string
		env   ModeEnv
		plain bool
		why   string
	}{
		{"flag", ModeEnv{Plain: true, Getenv: env(nil)}, true, ""},
		{"ACCESSIBLE", ModeEnv{Getenv: env(map[string]string{"ACCESSIBLE": "1"})}, true, ""},
		{"dumb", ModeEnv{Getenv: env(map[string]string{"TERM": "dumb"})}, true, ""},
		{"piped", ModeEnv{Getenv: env(nil), Stdin: notTTY, Stdout: notTTY}, true, ""},
	}
	if tty != nil {
		defer tty.Close()
		cases = append(cases,
			struct {
				name  string
				env   ModeEnv
				plain bool
				why   string
			}{"terminal", ModeEnv{Getenv: env(nil), Stdin: tty, Stdout: tty}, false, ""},
			struct {
				name  string
				env   ModeEnv
				plain bool
				why   string
			}{"mintty", ModeEnv{Getenv: env(map[string]string{"MSYSTEM": "MINGW64"}), Stdin: tty, Stdout: tty, Windows: true}, true, "mintty"})
	}
	for _, c := range cases {
		plain, why := PlainReason(c.env)
		if plain != c.plain || why != c.why {
			t.Errorf("%s: PlainReason = %v %q; want %v %q", c.name, plain, why, c.plain, c.why)
		}
	}
}
