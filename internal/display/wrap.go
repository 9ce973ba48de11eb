package display

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Wrap folds text to lines of at most width terminal cells, breaking only
// where Unicode line breaking (UAX #14) allows: Chinese between characters
// but never after an opening bracket or quote （「『“《([ and never before
// closing punctuation 。，、：；！？）」』”》. On top of UAX #14 it keeps
// commands whole: a word is never broken at its hyphen or slash
// (Get-CimInstance, /dlv), a switch or pipe stays with the word before it
// (slmgr /dlv, a | b), and text in `backquotes` or a run of English inside
// Chinese text moves to the next line whole when it fits on one; a longer
// one breaks only at its spaces. Only what is still wider than a line is
// cut. Widths are the same cell counts lipgloss uses; colour codes take no
// room and stay with the text they precede. A newline always breaks.
func Wrap(text string, width int) []string {
	return wrap(text, width, false)
}

// WrapCommand folds a command shown on its own: whole when it fits, else
// broken only at spaces.
func WrapCommand(cmd string, width int) []string {
	return wrap(cmd, width, true)
}

// Width is the number of terminal cells s takes, counted as lipgloss and
// the wizard's frame count them (East-Asian ambiguous characters one cell;
// the plain theme keeps those off screens whose console draws two).
func Width(s string) int { return ansi.StringWidth(s) }

func wrap(text string, width int, command bool) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		if width <= 0 {
			out = append(out, para)
			continue
		}
		out = append(out, wrapParagraph(para, width, command)...)
	}
	return out
}

type escape struct {
	at  int // byte offset in the text without escapes
	seq string
}

func wrapParagraph(para string, width int, command bool) []string {
	plain, escs := stripEscapes(para)
	breaks := breakOpportunities(plain, width, command)
	var starts, ends []int // byte ranges of the lines in plain, trailing spaces dropped
	lineStart, lineW := 0, 0
	closeLine := func(end int) {
		starts = append(starts, lineStart)
		ends = append(ends, trimSpacesEnd(plain, lineStart, end))
	}
	prev := 0
	for _, b := range append(breaks, len(plain)) {
		atom := plain[prev:b]
		w := Width(strings.TrimRight(atom, " "))
		switch {
		case lineW+w <= width:
		case lineW > 0 && w <= width:
			closeLine(prev)
			lineStart, lineW = prev, 0
		default:
			// Wider than a line: on a line of its own, cut at characters.
			if lineW > 0 {
				closeLine(prev)
				lineStart, lineW = prev, 0
			}
			pos := prev
			for {
				cut := cutAt(plain, pos, b, width-lineW)
				if cut == pos && lineW == 0 {
					cut = nextGrapheme(plain, pos) // one character wider than the line
				}
				rest := strings.TrimRight(plain[cut:b], " ")
				if rest == "" {
					break
				}
				closeLine(cut)
				lineStart, lineW, pos = cut, 0, cut
				if Width(rest) <= width {
					break
				}
			}
			lineW += Width(plain[pos:b])
			prev = b
			continue
		}
		lineW += w + (len(atom) - len(strings.TrimRight(atom, " ")))
		prev = b
	}
	closeLine(len(plain))
	return render(plain, escs, starts, ends)
}

// render puts the colour codes back: each goes to the line holding the
// character it precedes; codes among dropped spaces end their line.
func render(plain string, escs []escape, starts, ends []int) []string {
	lines := make([]string, len(starts))
	e := 0
	for i := range starts {
		next := len(plain) + 1
		if i+1 < len(starts) {
			next = starts[i+1]
		}
		var b strings.Builder
		pos := starts[i]
		for ; e < len(escs) && escs[e].at < next; e++ {
			if at := min(escs[e].at, ends[i]); at > pos {
				b.WriteString(plain[pos:at])
				pos = at
			}
			b.WriteString(escs[e].seq)
		}
		if ends[i] > pos {
			b.WriteString(plain[pos:ends[i]])
		}
		lines[i] = b.String()
	}
	return lines
}

func trimSpacesEnd(s string, start, end int) int {
	for end > start && s[end-1] == ' ' {
		end--
	}
	return end
}

// cutAt returns the furthest position after pos, not beyond end, such that
// s[pos:cut] fits in room cells, stepping whole characters.
func cutAt(s string, pos, end, room int) int {
	cut, w := pos, 0
	for cut < end {
		n := nextGrapheme(s, cut)
		cw := Width(s[cut:n])
		if w+cw > room {
			break
		}
		w += cw
		cut = n
	}
	// Even a cut keeps brackets and punctuation with their text, when
	// stepping back leaves something on the line.
	for c := cut; c < end && c > pos; {
		before := lastRune(s[pos:c])
		after, _ := utf8.DecodeRuneInString(s[c:])
		if !strings.ContainsRune(openingPunct, before) && !strings.ContainsRune(closingPunct, after) {
			return c
		}
		c -= utf8.RuneLen(before)
	}
	return cut
}

const (
	openingPunct = "（「『“《〈【([{‘"
	closingPunct = "。，、：；！？）」』”》〉】’)]},.;:!?"
)

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func nextGrapheme(s string, pos int) int {
	g, _, _, _ := uniseg.FirstGraphemeClusterInString(s[pos:], -1)
	return pos + len(g)
}

// stripEscapes separates colour codes (CSI, OSC and two-byte escapes) from
// the text, remembering where each was.
func stripEscapes(s string) (string, []escape) {
	if !strings.Contains(s, "\x1b") {
		return s, nil
	}
	var b strings.Builder
	var escs []escape
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := escapeEnd(s, i)
		escs = append(escs, escape{at: b.Len(), seq: s[i:j]})
		i = j
	}
	return b.String(), escs
}

func escapeEnd(s string, i int) int {
	j := i + 1
	switch {
	case j < len(s) && s[j] == '[':
		j++
		for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
			j++
		}
		return min(j+1, len(s))
	case j < len(s) && s[j] == ']':
		// OSC (hyperlinks): ends at BEL or ST.
		for j < len(s) && s[j] != 0x07 && !(s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\') {
			j++
		}
		if j < len(s) && s[j] == 0x1b {
			j++
		}
		return min(j+1, len(s))
	}
	return min(j+1, len(s))
}
