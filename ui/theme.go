package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
)

// shared is what every screen reads: the terminal's size, the language, the
// glyphs and the styles built from them, and the keys.
type shared struct {
	width, height int
	lang          i18n.Lang
	glyphs        display.Set
	styles        styles
	keys          keyMap
}

func (s *shared) plainGlyphs() bool { return s.glyphs.Name == display.Plain.Name }

// t renders a message in the current language, made safe for the theme.
func (s *shared) t(text i18n.Text) string { return s.fit(text.In(s.lang)) }

// fit replaces East-Asian ambiguous punctuation with ASCII in the plain
// theme: the classic console with a Chinese code page draws “ ” … → · two
// cells wide while lipgloss counts one, which breaks every line holding one.
func (s *shared) fit(text string) string {
	if !s.plainGlyphs() {
		return text
	}
	return s.glyphs.Fit(text)
}

// AgreeOnWidths makes go-runewidth (bubbles' text input) measure ambiguous
// characters as one cell, as lipgloss does. On Windows with a CJK code page
// go-runewidth would count two, and the two libraries would disagree about
// every line holding one. The plain theme then keeps such characters off
// the screen, so the console's drawing agrees with both.
func AgreeOnWidths() {
	runewidth.DefaultCondition.EastAsianWidth = false
	runewidth.EastAsianWidth = false
}

// styles are built once per theme. Colour only ever repeats what a symbol
// and a word already say.
type styles struct {
	title, bold, faint, selected, warnText, border lipgloss.Style
	status                                         map[checks.Status]lipgloss.Style
	box                                            lipgloss.Border
}

func newStyles(g display.Set) styles {
	// ANSI colours 0-15 follow the user's palette, so they keep their
	// contrast on PowerShell's blue as well as on black or white.
	st := styles{
		title:    lipgloss.NewStyle().Bold(true),
		bold:     lipgloss.NewStyle().Bold(true),
		faint:    lipgloss.NewStyle().Faint(true),
		selected: lipgloss.NewStyle().Bold(true).Reverse(true),
		warnText: lipgloss.NewStyle().Foreground(lipgloss.Color("3")).Bold(true),
		border:   lipgloss.NewStyle().Foreground(lipgloss.Color("8")),
		status: map[checks.Status]lipgloss.Style{
			checks.Pass:    lipgloss.NewStyle().Foreground(lipgloss.Color("2")),
			checks.Warn:    lipgloss.NewStyle().Foreground(lipgloss.Color("3")).Bold(true),
			checks.Fail:    lipgloss.NewStyle().Foreground(lipgloss.Color("1")).Bold(true),
			checks.Unknown: lipgloss.NewStyle().Foreground(lipgloss.Color("5")).Bold(true),
			checks.Skip:    lipgloss.NewStyle().Faint(true),
		},
		box: lipgloss.RoundedBorder(),
	}
	if g.Name == display.Plain.Name {
		st.box = lipgloss.ASCIIBorder()
	}
	return st
}

// clip cuts every line of view to width cells and keeps at most height
// lines: the last guard against a line the terminal would wrap, which makes
// the renderer lose count of its lines and leave stale frames behind.
func clip(view string, width, height int) string {
	lines := strings.Split(view, "\n")
	if height > 0 && len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if width > 0 && ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return strings.Join(lines, "\n")
}

// wrapIndented wraps text with a hanging indent; without room for the
// indent the text is wrapped without one.
func wrapIndented(text, indent string, width int) []string {
	if width-ansi.StringWidth(indent) < 1 {
		return wrap(text, width)
	}
	lines := wrap(text, width-ansi.StringWidth(indent))
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	return lines
}

// padRight pads s with spaces to width cells.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}

// truncate cuts s to width cells with an ellipsis.
func truncate(s string, width int, ellipsis string) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	if width <= ansi.StringWidth(ellipsis) {
		return ansi.Truncate(s, max(width, 0), "")
	}
	return ansi.Truncate(s, width, ellipsis)
}

// styleIf renders s with style only when on.
func styleIf(on bool, style lipgloss.Style, s string) string {
	if on {
		return style.Render(s)
	}
	return s
}

func cellWidth(s string) int { return display.Width(s) }
