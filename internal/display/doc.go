// Package display holds how results are drawn in text: the status symbols
// and box characters (Unicode, or a plain ASCII set for the classic Windows
// console with a Chinese code page, which draws East-Asian "ambiguous"
// characters such as ✓ ─ │ ● → two cells wide while every width library
// counts one) and sizes written the way people read them (1.5 MiB).
//
// It may import checks (for the statuses it draws) and nothing above it.
package display
