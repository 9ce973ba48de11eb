package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/rivo/uniseg"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/report/supportcode"
)

var (
	txtHeader    = i18n.T("actwiz 硬件检查", "actwiz hardware check")
	txtSnapshot  = i18n.T("（检查的是记录的快照 %s，不是这台电脑）", "(judging the recorded snapshot %s, not this machine)")
	txtWhatToDo  = i18n.T("怎么办：", "What to do:")
	txtVerify    = i18n.T("自己查看：", "See it yourself:")
	txtCode      = i18n.T("支持代码：", "Support code: ")
	txtCodeHint  = i18n.T("（打电话时把这串数字读给客服）", "(read these digits to the support agent)")
	txtSummary   = i18n.T("结果：%d 项通过，%d 项注意，%d 项不通过，%d 项未知，%d 项跳过", "Result: %d pass, %d warn, %d fail, %d unknown, %d skipped")
	txtNotRead   = i18n.T("（未读到）", "(not read)")
	txtEmptyRead = i18n.T("（空）", "(empty)")
)

// WriteText prints the report as a table a person reads at a glance: symbol
// and status word (never colour alone), item, observed value, and for
// anything not passing the finding, what to do and how to see it by hand.
func WriteText(w io.Writer, r Report, lang i18n.Lang, g display.Set) error {
	return WriteTextWidth(w, r, lang, g, 0)
}

// WriteTextWidth is WriteText folded to width cells with display.Wrap, the
// line breaker the wizard uses, for a terminal whose soft wrap would cut a
// line anywhere (after 「（, before 。）, inside a command). Width 0 keeps
// one line per item, for files and pipes.
func WriteTextWidth(w io.Writer, r Report, lang i18n.Lang, g display.Set, width int) error {
	p := &printer{w: w, fit: g.Fit, width: width}
	head := txtHeader.In(lang)
	if !r.Title.Empty() {
		head = r.Title.In(lang)
	}
	if r.Host.Name != "" {
		head += " · " + machinetext.Escape(r.Host.Name)
	}
	if os := strings.TrimSpace(r.Host.OSCaption + " " + r.Host.OSVersion); os != "" {
		head += " · " + machinetext.Escape(os)
	}
	p.line(head)
	if r.Source.Kind == "snapshot" {
		p.line(txtSnapshot.F(machinetext.Escape(r.Source.File)).In(lang))
	}
	p.line("")

	wordWidth, titleWidth := 0, 0
	for _, c := range r.Checks {
		wordWidth = max(wordWidth, uniseg.StringWidth(c.Status.Word().In(lang)))
		titleWidth = max(titleWidth, uniseg.StringWidth(machinetext.Escape(c.Title)))
	}
	counts := map[checks.Status]int{}
	for _, c := range r.Checks {
		counts[c.Status]++
		word := c.Status.Word().In(lang)
		p.row(fmt.Sprintf("%s %s  %s  %s", g.For(c.Status), pad(word, wordWidth), pad(machinetext.Escape(c.Title), titleWidth), observed(c, lang)))
		if c.Status == checks.Pass {
			continue
		}
		const indent = "     "
		// Every check's texts are escaped where they are made; a report read
		// back from a file (fleet, decode of a saved report) was not made
		// here, so the printer escapes what it prints too.
		if c.Detail != "" {
			p.line(indent + machinetext.EscapeLines(c.Detail))
		}
		if c.Hint != "" {
			p.line(indent + txtWhatToDo.In(lang))
			for _, l := range strings.Split(machinetext.EscapeLines(c.Hint), "\n") {
				p.line(indent + "  " + l)
			}
		}
		if len(c.VerifyCommands) > 0 && c.Status != checks.Skip {
			p.line(indent + txtVerify.In(lang))
			for _, v := range c.VerifyCommands {
				p.command(indent+"  ", machinetext.Escape(v))
			}
		}
	}
	p.line("")
	p.line(txtSummary.F(counts[checks.Pass], counts[checks.Warn], counts[checks.Fail], counts[checks.Unknown], counts[checks.Skip]).In(lang))
	p.line(txtCode.In(lang) + supportcode.Format(r.Code) + "  " + txtCodeHint.In(lang))
	return p.err
}

func observed(c Check, lang i18n.Lang) string {
	return Shown(c.ID, c.Status, c.Observed).In(lang)
}

// Shown is a check's observed value as a person sees it: escaped, since a
// serial can hold anything, and saying so when nothing was read or the
// value is empty. The wizard shows values the same way.
func Shown(id string, status checks.Status, value string) i18n.Text {
	switch {
	case status == checks.Unknown && value == "":
		return txtNotRead
	case value == "" && strings.HasSuffix(id, ".serial"):
		return txtEmptyRead
	case value == "":
		return i18n.T("-", "-")
	}
	v := machinetext.Escape(value)
	return i18n.T(v, v)
}

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-uniseg.StringWidth(s)))
}

type printer struct {
	w     io.Writer
	fit   func(string) string
	width int
	err   error
}

// line prints s, wrapped when the printer has a width; continuation lines
// keep s's indent.
func (p *printer) line(s string) {
	rest := strings.TrimLeft(s, " ")
	indent := s[:len(s)-len(rest)]
	p.wrapped(indent, indent, rest, display.Wrap)
}

// row prints a check's row; its continuation lines hang under the
// details' indent.
func (p *printer) row(s string) { p.wrapped(" ", "     ", s, display.Wrap) }

// command prints a command whole when it fits, else broken at spaces.
func (p *printer) command(indent, cmd string) { p.wrapped(indent, indent, cmd, display.WrapCommand) }

func (p *printer) wrapped(first, next, text string, wrap func(string, int) []string) {
	text = p.fit(text)
	lines := []string{text}
	if room := p.width - max(display.Width(first), display.Width(next)); p.width > 0 && room >= 10 {
		lines = wrap(text, room)
	}
	for i, l := range lines {
		indent := first
		if i > 0 {
			indent = next
		}
		if p.err == nil {
			_, p.err = io.WriteString(p.w, indent+l+"\n")
		}
	}
}
