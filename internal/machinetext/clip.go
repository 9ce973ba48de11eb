package machinetext

import "unicode/utf8"

// Clip shortens s to at most n runes, ending it with "…" when cut: a value
// quoted in a message (a config value, a typed code) may be megabytes long,
// and the message must stay a sentence.
func Clip(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}
