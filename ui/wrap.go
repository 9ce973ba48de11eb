package ui

import (
	"github.com/charmbracelet/x/ansi"

	"actwiz/internal/display"
)

// wrap folds text to width cells with the one line breaker every text view
// shares (display.Wrap: UAX #14, commands kept whole).
func wrap(text string, width int) []string { return display.Wrap(text, width) }

// wrapCommandIndented wraps a command shown on its own line: whole when it
// fits, else broken only at its spaces.
func wrapCommandIndented(cmd, indent string, width int) []string {
	if width-ansi.StringWidth(indent) < 1 {
		return display.WrapCommand(cmd, width)
	}
	lines := display.WrapCommand(cmd, width-ansi.StringWidth(indent))
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	return lines
}
