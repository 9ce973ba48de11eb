package ui

import (
	"strings"

	"actwiz/termsafe"
)

// displayPath makes a path safe for the terminal like termsafe.Escape, but
// keeps its backslashes single: C:\Users\…\Desktop must read as typed.
func displayPath(p string) string {
	parts := strings.Split(p, `\`)
	for i, s := range parts {
		parts[i] = termsafe.Escape(s)
	}
	return strings.Join(parts, `\`)
}
