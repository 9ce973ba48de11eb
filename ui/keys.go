package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"actwiz/internal/i18n"
)

// keyMap holds every key the wizard knows. Bindings that do not apply on
// the current screen are disabled, so the footer shows only what works now.
type keyMap struct {
	Up, Down, Enter, Back, Rerun, Quit, Help key.Binding
	Switch, Focus, Toggle, Yes, No, PageDown key.Binding
	PageUp, Reveal                           key.Binding
}

var (
	helpUp       = i18n.T("上移", "up")
	helpDown     = i18n.T("下移", "down")
	helpEnter    = i18n.T("继续", "continue")
	helpBack     = i18n.T("返回", "back")
	helpRerun    = i18n.T("重新检查", "run again")
	helpQuit     = i18n.T("退出", "quit")
	helpHelp     = i18n.T("全部按键", "all keys")
	helpSwitch   = i18n.T("切换语言", "language")
	helpFocus    = i18n.T("下一栏", "next field")
	helpToggle   = i18n.T("选中/取消", "tick/untick")
	helpYes      = i18n.T("是", "yes")
	helpNo       = i18n.T("否", "no")
	helpPageDown = i18n.T("详情下翻", "scroll details")
	helpPageUp   = i18n.T("详情上翻", "scroll back")
	helpReveal   = i18n.T("显示/隐藏输入", "show/hide what is typed")
)

func newKeyMap(lang i18n.Lang, plain bool) keyMap {
	up, down, left := "↑/k", "↓/j", "←/→"
	if plain {
		up, down, left = "up/k", "down/j", "left/right"
	}
	b := func(keys []string, label string, text i18n.Text) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, text.In(lang)))
	}
	return keyMap{
		Up:       b([]string{"up", "k"}, up, helpUp),
		Down:     b([]string{"down", "j"}, down, helpDown),
		Enter:    b([]string{"enter"}, "enter", helpEnter),
		Back:     b([]string{"esc", "backspace"}, "esc", helpBack),
		Rerun:    b([]string{"r"}, "r", helpRerun),
		Quit:     b([]string{"q", "ctrl+c"}, "q", helpQuit),
		Help:     b([]string{"?"}, "?", helpHelp),
		Switch:   b([]string{"left", "right", "l"}, left, helpSwitch),
		Focus:    b([]string{"tab", "shift+tab"}, "tab", helpFocus),
		Toggle:   b([]string{" ", "x"}, "space", helpToggle),
		Yes:      b([]string{"y"}, "y", helpYes),
		No:       b([]string{"n"}, "n", helpNo),
		PageDown: b([]string{"pgdown", "ctrl+d"}, "pgdn", helpPageDown),
		PageUp:   b([]string{"pgup", "ctrl+u"}, "pgup", helpPageUp),
		// Tab: letters go into the field, and a serial is masked as typed
		// until the user deliberately shows it.
		Reveal: b([]string{"tab"}, "tab", helpReveal),
	}
}

// ShortHelp is the footer: the enabled keys that matter most.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Enter, k.Yes, k.No, k.Up, k.Down, k.Toggle, k.Switch, k.Focus, k.Reveal, k.Back, k.Rerun, k.Help, k.Quit}
}

// FullHelp is what ? shows: every key, enabled or not on this screen.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp},
		{k.Enter, k.Back, k.Rerun, k.Quit},
		{k.Focus, k.Switch, k.Toggle, k.Yes, k.No, k.Reveal, k.Help},
	}
}

// all lists every binding, for enabling them together.
func (k *keyMap) all() []*key.Binding {
	return []*key.Binding{&k.Up, &k.Down, &k.Enter, &k.Back, &k.Rerun, &k.Quit, &k.Help,
		&k.Switch, &k.Focus, &k.Toggle, &k.Yes, &k.No, &k.PageDown, &k.PageUp, &k.Reveal}
}

// only enables exactly the given bindings.
func (k *keyMap) only(enabled ...*key.Binding) {
	for _, b := range k.all() {
		b.SetEnabled(false)
	}
	for _, b := range enabled {
		b.SetEnabled(true)
	}
}
