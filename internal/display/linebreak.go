package display

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// breakOpportunities lists the byte offsets inside s (never 0 or len(s))
// where a line may break: UAX #14's opportunities (uniseg), less those
// that would split a command.
func breakOpportunities(s string, width int, command bool) []int {
	if s == "" {
		return nil
	}
	var uax []int
	state, pos := -1, 0
	for rest := s; rest != ""; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		pos += len(seg)
		if rest != "" {
			uax = append(uax, pos)
		}
	}
	keep := make([]bool, len(s)+1)
	for _, b := range uax {
		keep[b] = !insideWord(s, b) && !switchAt(s, b)
	}
	for b := 1; b < len(s); b++ {
		// UAX #14 never breaks before a slash, which glues the word before
		// a path (in /tmp/x) to it; a path after a space may start a line.
		if s[b-1] == ' ' && s[b] == '/' && !switchAt(s, b) {
			keep[b] = true
		}
	}
	spans := protectedSpans(s)
	if command {
		spans = [][2]int{{0, len(s)}}
	}
	for _, sp := range spans {
		// A span that fits moves whole; a longer one breaks at its spaces
		// only.
		fits := Width(s[sp[0]:sp[1]]) <= width
		for b := sp[0] + 1; b < sp[1]; b++ {
			if keep[b] && (fits || s[b-1] != ' ') {
				keep[b] = false
			}
		}
		if !fits {
			// Switches and pipes stay glued unless that leaves a piece
			// wider than the line.
			spaceBreaks(s, sp, keep, true)
			if widestPiece(s, sp, keep) > width {
				spaceBreaks(s, sp, keep, false)
			}
		}
	}
	var out []int
	for b := 1; b < len(s); b++ {
		if keep[b] {
			out = append(out, b)
		}
	}
	return out
}

// insideWord: between two ASCII characters that are not spaces, as in
// Get-CimInstance, C:\Windows\System32 or /dlv, where UAX #14 would allow
// a break after the hyphen or slash.
func insideWord(s string, b int) bool {
	return asciiWord(s[b-1]) && asciiWord(s[b])
}

func asciiWord(c byte) bool { return c > ' ' && c < 0x7f }

func alnum(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' }

// switchAt: a break after a space that would put a command's switch or
// pipe at the start of a line, away from its command (slmgr /dlv,
// -Filter, a | b).
func switchAt(s string, b int) bool {
	if s[b-1] != ' ' {
		return false
	}
	switch s[b] {
	case '/', '-':
		// A switch (/dlv, -Filter, --yes) after its command, not a path
		// such as /tmp/x, and not after the end of a clause (source; --check).
		if b < 2 || !alnum(s[b-2]) {
			return false
		}
		word, _, _ := strings.Cut(s[b:], " ")
		flag := strings.TrimLeft(word, "-/")
		return flag != "" && asciiWord(flag[0]) && !strings.ContainsAny(flag, `/\`)
	case '|':
		return true
	}
	prev := strings.TrimRight(s[:b], " ")
	return strings.HasSuffix(prev, " |") || prev == "|"
}

// protectedSpans: text in backquotes, and runs of ASCII (English words,
// commands) next to a wide (Chinese) character, which in Chinese text are
// a command, a name or a value and read best on one line.
func protectedSpans(s string) [][2]int {
	var spans [][2]int
	for i := 0; i < len(s); {
		open := strings.IndexByte(s[i:], '`')
		if open < 0 {
			break
		}
		open += i
		end := strings.IndexByte(s[open+1:], '`')
		if end < 0 {
			break
		}
		end += open + 2
		spans = append(spans, [2]int{open, end})
		i = end
	}
	for i := 0; i < len(s); {
		if s[i] >= utf8.RuneSelf || s[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf {
			j++
		}
		end := trimSpacesEnd(s, i, j)
		if strings.IndexByte(s[i:end], ' ') >= 0 && (wideBefore(s, i) || wideAfter(s, j)) {
			spans = append(spans, [2]int{i, end})
		}
		i = j
	}
	return spans
}

func wideBefore(s string, i int) bool {
	i = strings.LastIndexFunc(s[:i], func(r rune) bool { return r != ' ' })
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r >= utf8.RuneSelf && Width(string(r)) == 2
}

func wideAfter(s string, j int) bool {
	rest := strings.TrimLeft(s[j:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return rest != "" && r >= utf8.RuneSelf && Width(string(r)) == 2
}

func spaceBreaks(s string, sp [2]int, keep []bool, glue bool) {
	for b := sp[0] + 1; b < sp[1]; b++ {
		if s[b-1] == ' ' && s[b] != ' ' && !strings.ContainsRune(")]},.;:!?", rune(s[b])) && !(glue && switchAt(s, b)) {
			keep[b] = true
		}
	}
}

func widestPiece(s string, sp [2]int, keep []bool) int {
	widest, start := 0, sp[0]
	for b := sp[0] + 1; b <= sp[1]; b++ {
		if b == sp[1] || keep[b] {
			widest = max(widest, Width(strings.TrimRight(s[start:b], " ")))
			start = b
		}
	}
	return widest
}
