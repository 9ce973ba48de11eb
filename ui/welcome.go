package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"actwiz/internal/i18n"
)

// welcomeModel is the first screen: what will happen, the optional case
// number, and the language.
type welcomeModel struct {
	caseInput textinput.Model
	focus     welcomeFocus
	problem   i18n.Text
	note      i18n.Text
	// noted is the unusual case number already pointed out: a second
	// Enter keeps it.
	noted string
}

type welcomeFocus int

const (
	focusCase welcomeFocus = iota
	focusLang
)

func newWelcome(caseNo string) welcomeModel {
	in := textinput.New()
	in.Placeholder = "CAS-04851-R7R3X9"
	in.CharLimit = maxCaseLen * 3 // full-width input is folded to ASCII later
	in.Prompt = ""
	in.SetValue(caseNo)
	in.Focus()
	return welcomeModel{caseInput: in}
}

// welcomeAction is what the root model does after a key on this screen.
type welcomeAction int

const (
	welcomeStay welcomeAction = iota
	welcomeStart
	welcomeSwitchLang
	welcomeQuit
)

// enabledKeys are the keys the footer offers on this screen.
func (w *welcomeModel) enabledKeys(k *keyMap) {
	if w.focus == focusCase {
		k.only(&k.Enter, &k.Focus, &k.Quit)
		k.Quit.SetHelp("ctrl+c", k.Quit.Help().Desc)
		return
	}
	k.only(&k.Enter, &k.Switch, &k.Focus, &k.Help, &k.Quit)
}

func (w *welcomeModel) update(msg tea.KeyMsg, k keyMap) (welcomeAction, tea.Cmd) {
	switch {
	case key.Matches(msg, k.Enter):
		normal, problem, note := checkCase(w.caseInput.Value())
		w.problem, w.note = problem, note
		if !problem.Empty() {
			w.focus = focusCase
			w.caseInput.Focus()
			return welcomeStay, nil
		}
		w.caseInput.SetValue(normal)
		if !note.Empty() && w.noted != normal {
			w.noted = normal
			return welcomeStay, nil
		}
		return welcomeStart, nil
	case msg.Type == tea.KeyTab || msg.Type == tea.KeyShiftTab || msg.Type == tea.KeyUp || msg.Type == tea.KeyDown:
		if w.focus == focusCase {
			w.focus = focusLang
			w.caseInput.Blur()
		} else {
			w.focus = focusCase
			w.caseInput.Focus()
		}
		return welcomeStay, nil
	}
	if w.focus == focusLang {
		switch {
		case key.Matches(msg, k.Switch), msg.String() == " ":
			return welcomeSwitchLang, nil
		case key.Matches(msg, k.Quit):
			return welcomeQuit, nil
		}
		return welcomeStay, nil
	}
	var cmd tea.Cmd
	w.caseInput, cmd = w.caseInput.Update(msg)
	w.problem = i18n.Text{}
	return welcomeStay, cmd
}

func (w *welcomeModel) caseNumber() string {
	normal, _, _ := checkCase(w.caseInput.Value())
	return normal
}

func (w *welcomeModel) view(sh *shared, width, height int) string {
	var lines []string
	intro := append(wrap(sh.t(msgWelcomeIntro), width), "")

	marker := func(f welcomeFocus) string {
		if w.focus == f {
			return sh.glyphs.Cursor + " "
		}
		return "  "
	}
	label := sh.t(msgCaseLabel) + ": "
	if sh.lang == i18n.ZH {
		label = sh.t(msgCaseLabel) + "："
	}
	w.caseInput.Width = max(1, width-2-cellWidth(label)-1)
	// The field scrolls its text to the new width only when its cursor
	// is set: without this a case number typed before a resize overflows.
	w.caseInput.SetCursor(w.caseInput.Position())
	lines = append(lines, marker(focusCase)+styleIf(w.focus == focusCase, sh.styles.bold, label)+w.caseInput.View())
	switch {
	case !w.problem.Empty():
		lines = append(lines, wrapIndented(sh.styles.warnText.Render(sh.glyphs.Fail)+" "+sh.t(w.problem), "    ", width)...)
	case !w.note.Empty():
		lines = append(lines, wrapIndented(sh.glyphs.Warn+" "+sh.t(w.note), "    ", width)...)
	default:
		lines = append(lines, wrapIndented(sh.styles.faint.Render(sh.t(msgCaseHelp)), "    ", width)...)
	}
	lines = append(lines, "")
	zh, en := "中文", "English"
	if sh.lang == i18n.ZH {
		zh = "[" + zh + "]"
		en = " " + en + " "
	} else {
		zh = " " + zh + " "
		en = "[" + en + "]"
	}
	langLabel := sh.t(msgLangLabel) + ": "
	lines = append(lines, marker(focusLang)+styleIf(w.focus == focusLang, sh.styles.bold, langLabel)+zh+"  "+en)
	lines = append(lines, "", sh.styles.bold.Render(sh.t(msgStartHint)))
	// The fields and the start hint matter most: the introduction goes
	// first when the rows run short, then the title.
	head := []string{sh.styles.title.Render(sh.t(msgWelcomeTitle)), ""}
	if len(head)+len(intro)+len(lines) <= height {
		lines = append(append(head, intro...), lines...)
	} else if len(head)+len(lines) <= height {
		lines = append(head, lines...)
	}
	return strings.Join(lines[:min(len(lines), max(0, height))], "\n")
}
