package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"actwiz/internal/i18n"
	"actwiz/steps"
)

// questionModel shows a step's question and collects the answer: y/n for
// Confirm, a list for Choose, a checklist for ChooseMany, a text field for
// Input and Secret.
type questionModel struct {
	q       *steps.Question
	cursor  int
	ticked  []bool
	input   textinput.Model
	problem i18n.Text
}

var (
	msgYesNo       = i18n.T("[y/N]", "[y/N]")
	msgNoYes       = i18n.T("[Y/n]", "[Y/n]")
	msgPressEnter  = i18n.T("按 Enter 确认。", "Press Enter to confirm.")
	msgTickedCount = i18n.T("已选 %d 项", "%d ticked")
)

func newQuestion(q *steps.Question) *questionModel {
	m := &questionModel{q: q, ticked: make([]bool, len(q.Choices))}
	for i, c := range q.Choices {
		m.ticked[i] = c.Selected
		if c.Value == q.Default {
			m.cursor = i
		}
	}
	if q.Kind == steps.Input || q.Kind == steps.Secret {
		m.input = textinput.New()
		m.input.Prompt = "> "
		m.input.SetValue(q.Default)
		if q.Kind == steps.Secret {
			m.input.EchoMode = textinput.EchoPassword
			m.input.EchoCharacter = '*'
		}
		m.input.Focus()
	}
	return m
}

// revealed maps "currently masked" to the echo mode after Tab. What is
// shown is never written anywhere: the step masks the serial in results.
var revealed = map[bool]textinput.EchoMode{true: textinput.EchoNormal, false: textinput.EchoPassword}

// takesText reports whether letters typed go into a text field.
func (m *questionModel) takesText() bool {
	return m.q.Kind == steps.Input || m.q.Kind == steps.Secret
}

func (m *questionModel) enabledKeys(k *keyMap) {
	switch m.q.Kind {
	case steps.Confirm:
		k.only(&k.Yes, &k.No, &k.Enter, &k.Back, &k.Quit)
	case steps.Choose:
		k.only(&k.Up, &k.Down, &k.Enter, &k.Back, &k.Quit)
	case steps.ChooseMany:
		k.only(&k.Up, &k.Down, &k.Toggle, &k.Enter, &k.Back, &k.Quit)
	case steps.Secret:
		k.only(&k.Enter, &k.Reveal, &k.Back, &k.Quit)
		k.Quit.SetHelp("ctrl+c", k.Quit.Help().Desc)
	default:
		k.only(&k.Enter, &k.Back, &k.Quit)
		k.Quit.SetHelp("ctrl+c", k.Quit.Help().Desc)
	}
}

// update handles a key; it returns true once the question is answered (or
// declined with Esc) and Reply has been called.
func (m *questionModel) update(msg tea.KeyMsg, k keyMap) (bool, tea.Cmd) {
	if msg.Type == tea.KeyEsc {
		m.q.Reply(steps.Answer{Cancelled: true})
		return true, nil
	}
	switch m.q.Kind {
	case steps.Confirm:
		switch {
		case key.Matches(msg, k.Yes):
			return m.submit(steps.Answer{Text: "y"})
		case key.Matches(msg, k.No):
			return m.submit(steps.Answer{Text: "n"})
		case key.Matches(msg, k.Enter):
			def := "n"
			if strings.EqualFold(m.q.Default, "y") {
				def = "y"
			}
			return m.submit(steps.Answer{Text: def})
		}
	case steps.Choose, steps.ChooseMany:
		switch {
		case key.Matches(msg, k.Up):
			m.cursor = max(0, m.cursor-1)
		case key.Matches(msg, k.Down):
			m.cursor = min(len(m.q.Choices)-1, m.cursor+1)
		case m.q.Kind == steps.ChooseMany && key.Matches(msg, k.Toggle):
			m.ticked[m.cursor] = !m.ticked[m.cursor]
		case key.Matches(msg, k.Enter):
			if len(m.q.Choices) == 0 {
				return m.submit(steps.Answer{})
			}
			if m.q.Kind == steps.Choose {
				return m.submit(steps.Answer{Text: m.q.Choices[m.cursor].Value})
			}
			var values []string
			for i, c := range m.q.Choices {
				if m.ticked[i] {
					values = append(values, c.Value)
				}
			}
			return m.submit(steps.Answer{Values: values, Text: strings.Join(values, ",")})
		}
	default:
		if key.Matches(msg, k.Enter) {
			return m.submit(steps.Answer{Text: m.input.Value()})
		}
		if m.q.Kind == steps.Secret && key.Matches(msg, k.Reveal) {
			m.input.EchoMode = revealed[m.input.EchoMode == textinput.EchoPassword]
			return false, nil
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		m.problem = i18n.Text{}
		return false, cmd
	}
	return false, nil
}

// submit checks the answer with the question's validator; a problem keeps
// the question open and is shown under it.
func (m *questionModel) submit(a steps.Answer) (bool, tea.Cmd) {
	if m.q.Validate != nil {
		if problem := m.q.Validate(a.Text); !problem.Empty() {
			m.problem = problem
			return false, nil
		}
	}
	m.q.Reply(a)
	return true, nil
}

// view is the question in lines of width cells, and the line to keep in
// view when they do not all fit: the field, or the choice under the cursor.
func (m *questionModel) view(sh *shared, width int) (lines []string, focus int) {
	prompt := sh.t(m.q.Prompt)
	if m.q.Kind == steps.Confirm {
		hint := msgYesNo
		if strings.EqualFold(m.q.Default, "y") {
			hint = msgNoYes
		}
		prompt += " " + hint.In(sh.lang)
	}
	lines = append(lines, wrap(sh.styles.bold.Render(sh.glyphs.Unknown+" ")+sh.styles.bold.Render(prompt), width)...)
	if !m.q.Help.Empty() {
		lines = append(lines, wrapIndented(sh.t(m.q.Help), "  ", width)...)
	}
	switch m.q.Kind {
	case steps.Choose, steps.ChooseMany:
		ticked := 0
		for i, c := range m.q.Choices {
			cursor := "  "
			if i == m.cursor {
				cursor = sh.glyphs.Cursor + " "
			}
			box := ""
			if m.q.Kind == steps.ChooseMany {
				box = "[ ] "
				if m.ticked[i] {
					box = "[x] "
					ticked++
				}
			}
			line := cursor + box + sh.t(c.Label)
			if i == m.cursor {
				focus = len(lines)
			}
			lines = append(lines, styleIf(i == m.cursor, sh.styles.bold, truncate(line, width, sh.glyphs.Ellipsis)))
		}
		if m.q.Kind == steps.ChooseMany {
			lines = append(lines, sh.styles.faint.Render(msgTickedCount.F(ticked).In(sh.lang)))
		}
	case steps.Input, steps.Secret:
		// The indent, the "> " prompt and the cursor's cell past the
		// text take five cells beside the text itself.
		m.input.Width = max(1, width-5)
		m.input.SetCursor(m.input.Position()) // scroll the text to the new width
		focus = len(lines)
		lines = append(lines, "  "+m.input.View())
		lines = append(lines, sh.styles.faint.Render("  "+sh.t(msgPressEnter)))
	}
	if !m.problem.Empty() {
		lines = append(lines, wrapIndented(sh.styles.warnText.Render(sh.glyphs.Fail)+" "+sh.t(m.problem), "  ", width)...)
		focus = len(lines) - 1
	}
	return lines, focus
}
