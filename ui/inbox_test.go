package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/inbox"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/parcel"
)

func inboxFixture() ([]inbox.Item, map[string]*inbox.Opened) {
	at := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	items := []inbox.Item{
		{Path: "/in/a.zip", Host: "PC-0142", Case: "CAS-1", TakenAt: at, Verdict: "fail", IntegrityOK: true,
			Findings: []checks.Result{{ID: "board.serial", Status: checks.Fail, Observed: "Default string"}}},
		{Path: "/in/b.zip", Host: "PC-0007", Case: "CAS-2", TakenAt: at.Add(-time.Hour), Verdict: inbox.VerdictDamaged,
			Problems: []parcel.Problem{{Entry: "actwiz-report.json", What: i18n.T("损坏", "damaged")}}},
	}
	opened := map[string]*inbox.Opened{
		"/in/a.zip": {Path: "/in/a.zip", Manifest: collect.Manifest{Host: "PC-0142", Case: "CAS-1", CreatedAt: at},
			Integrity: parcel.Integrity{OK: true, Full: true},
			Rejudged:  []checks.Result{{ID: "board.serial", Status: checks.Fail, Observed: "Default string"}},
			Changes:   []inbox.Change{{ID: "board.serial", Was: checks.Pass, Now: checks.Fail}},
			Findings: []inbox.Finding{{Source: "activation-log-激活日志/x/CMGE_Active.log", Line: 2, Code: "client-server-error",
				Meaning: i18n.T("激活客户端报“服务器错误”。", "The activation client reports \"server error\"."), Fails: true, Count: 1}}},
		"/in/b.zip": {Path: "/in/b.zip", Integrity: parcel.Integrity{Problems: []parcel.Problem{{Entry: "actwiz-report.json", What: i18n.T("内容与 zip 自带的校验值不符", "its content does not match the zip's own checksum")}}}},
	}
	return items, opened
}

// press sends a message and runs what it returns, as the program would;
// it returns the quit command when one comes. Cursor blinks are not run.
func press(m *inboxModel, msg tea.Msg) tea.Cmd {
	_, cmd := m.Update(msg)
	return drain(m, cmd, 0)
}

func drain(m *inboxModel, cmd tea.Cmd, depth int) tea.Cmd {
	if cmd == nil || depth > 5 {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var out tea.Msg
	select {
	case out = <-done:
	case <-time.After(200 * time.Millisecond):
		return nil // a timer (the cursor's blink)
	}
	switch out := out.(type) {
	case tea.QuitMsg:
		return cmd
	case tea.BatchMsg:
		var quit tea.Cmd
		for _, c := range out {
			if q := drain(m, c, depth+1); q != nil {
				quit = q
			}
		}
		return quit
	case nil:
		return nil
	default:
		_, next := m.Update(out)
		return drain(m, next, depth+1)
	}
}

func typeText(m *inboxModel, s string) {
	for _, r := range s {
		press(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func TestInboxList(t *testing.T) {
	items, opened := inboxFixture()
	for _, lang := range i18n.Langs {
		t.Run(string(lang), func(t *testing.T) {
			m := newInboxModel(context.Background(), InboxOptions{Dir: "/in", Items: items, Lang: lang, Glyphs: display.Unicode,
				Open: func(_ context.Context, p string) (*inbox.Opened, error) { return opened[p], nil }})
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			v := m.View()
			if !strings.Contains(v, "PC-0142") || !strings.Contains(v, "PC-0007") || !strings.Contains(v, items[1].VerdictWord().In(lang)) {
				t.Fatalf("list:\n%s", v)
			}
			// Typing filters at once; Enter opens what is left.
			typeText(m, "0007")
			if v := m.View(); strings.Contains(v, "PC-0142 ·") {
				t.Errorf("filter 0007 still lists PC-0142:\n%s", v)
			}
			press(m, tea.KeyMsg{Type: tea.KeyEnter})
			v = m.View()
			if m.pkg == nil || !strings.Contains(v, "actwiz-report.json") || !strings.Contains(v, msgInboxDamaged.In(lang)[:12]) {
				t.Fatalf("damaged package screen:\n%s", v)
			}
			// Esc goes back to the list, Esc again clears the filter, then quits.
			press(m, tea.KeyMsg{Type: tea.KeyEsc})
			if m.pkg != nil {
				t.Fatalf("esc did not go back")
			}
			press(m, tea.KeyMsg{Type: tea.KeyEsc})
			press(m, tea.KeyMsg{Type: tea.KeyDown}) // no-op at the top after the reset
			press(m, tea.KeyMsg{Type: tea.KeyUp})
			press(m, tea.KeyMsg{Type: tea.KeyEnter})
			v = m.View()
			for _, want := range []string{"PC-0142", "client-server-error", "CMGE_Active.log:2", checks.Fail.Word().In(lang)} {
				if !strings.Contains(v, want) {
					t.Errorf("package screen lacks %q:\n%s", want, v)
				}
			}
			press(m, tea.KeyMsg{Type: tea.KeyEsc})
			if cmd := press(m, tea.KeyMsg{Type: tea.KeyEsc}); cmd == nil {
				t.Errorf("esc on the unfiltered list does not quit")
			}
		})
	}
}

func TestInboxEscapesMachineValues(t *testing.T) {
	items, opened := inboxFixture()
	items[0].Host = "PC\x1b]0;pwned\x07"
	m := newInboxModel(context.Background(), InboxOptions{Dir: "/in", Items: items, Lang: i18n.EN, Glyphs: display.Unicode,
		Open: func(_ context.Context, p string) (*inbox.Opened, error) { return opened[p], nil }})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := m.View(); strings.Contains(v, "\x1b]0;") || !strings.Contains(v, `PC\x1b]0;pwned\x07`) {
		t.Errorf("host not escaped:\n%q", v)
	}
}
