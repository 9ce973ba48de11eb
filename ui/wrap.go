package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// wrap folds text to width cells. Chinese may break between any two
// characters, English only at spaces (a word longer than a line is cut),
// and closing punctuation (，。：”） never starts a line. Colour codes
// inside the text are kept and take no room. ansi.Wrap breaks only at
// spaces, which in mixed text leaves an English word stranded before a
// long run of Chinese.
func wrap(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		if width <= 0 {
			out = append(out, para)
			continue
		}
		out = append(out, wrapParagraph(para, width)...)
	}
	return out
}

type token struct {
	text  string
	width int
	space bool
}

func wrapParagraph(para string, width int) []string {
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW = 0
	}
	for _, tk := range tokenize(para) {
		switch {
		case tk.space && lineW == 0 && len(lines) > 0:
			continue // no leading space on a continued line
		case lineW+tk.width <= width:
		case tk.space:
			flush()
			continue
		case tk.width > width:
			// A word longer than a line: cut it.
			rest := tk.text
			for rest != "" {
				room := width - lineW
				if room <= 0 {
					flush()
					room = width
				}
				part := ansi.Truncate(rest, room, "")
				if part == "" {
					break
				}
				line.WriteString(part)
				lineW += ansi.StringWidth(part)
				rest = rest[len(part):]
			}
			continue
		default:
			flush()
		}
		line.WriteString(tk.text)
		lineW += tk.width
	}
	flush()
	return lines
}

// tokenize splits text into words, single wide characters (with any
// closing punctuation after them) and spaces; escape sequences stick to
// the token they precede.
func tokenize(s string) []token {
	var toks []token
	var cur strings.Builder
	curW := 0
	pending := "" // escape sequences waiting for the next token
	emit := func(space bool) {
		if cur.Len() > 0 {
			toks = append(toks, token{text: cur.String(), width: curW, space: space})
		}
		cur.Reset()
		curW = 0
	}
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := escapeEnd(s, i)
			if cur.Len() > 0 {
				cur.WriteString(s[i:j])
			} else {
				pending += s[i:j]
			}
			i = j
			continue
		}
		r, size := rune(s[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		ch := s[i : i+size]
		i += size
		w := ansi.StringWidth(ch)
		switch {
		case r == ' ':
			emit(false)
			toks = append(toks, token{text: pending + " ", width: 1, space: true})
			pending = ""
		case isClosing(r) && len(toks) > 0 && cur.Len() == 0 && !toks[len(toks)-1].space:
			last := &toks[len(toks)-1]
			last.text += pending + ch
			last.width += w
			pending = ""
		case isClosing(r) && cur.Len() > 0:
			cur.WriteString(pending + ch)
			curW += w
			pending = ""
		case w == 2 || isWide(r):
			emit(false)
			cur.WriteString(pending + ch)
			curW += w
			pending = ""
			emit(false)
		default:
			cur.WriteString(pending + ch)
			curW += w
			pending = ""
		}
	}
	emit(false)
	if pending != "" {
		toks = append(toks, token{text: pending})
	}
	return toks
}

// escapeEnd finds the end of the escape sequence starting at i.
func escapeEnd(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '[' {
		j++
		for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
			j++
		}
		return min(j+1, len(s))
	}
	return min(j+1, len(s))
}

func isWide(r rune) bool { return unicode.Is(unicode.Han, r) }

// isClosing: punctuation that must not begin a line.
func isClosing(r rune) bool {
	return strings.ContainsRune("，。、：；！？）」』】》〉”’,.;:!?)]}…", r)
}
