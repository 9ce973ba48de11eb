package ui

import (
	"strings"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// Below this size the screens do not fit: one line asks for a bigger
// window instead.
const minWidth, minHeight = 40, 10

// rightMargin is how many columns at the right of the window the frame
// leaves empty. The Windows console (conhost without
// DISABLE_NEWLINE_AUTO_RETURN, which Bubble Tea does not set) moves to the
// next row as soon as the last column is written, so a full row plus the
// renderer's line break adds a row and every redraw scrolls the frame.
// Wine's console also counts the characters of escape sequences as
// columns when it decides to wrap; the erase-to-end-of-line (three
// characters) the renderer sends after every line shorter than the window
// then wraps any line of more than width-3 cells. Colour sequences inside
// a line still do under Wine: that is Wine's, real consoles draw them in
// no columns.
const rightMargin = 3

// View draws the frame: a header (with the snapshot warning when judging a
// recording), the sidebar of steps, the current screen, and the keys that
// apply now, rightMargin columns narrower than the window. Every line is
// cut to that width as a last guard.
func (m *Model) View() string {
	sh := m.sh
	w, h := sh.width-rightMargin, sh.height
	if sh.width < minWidth || sh.height < minHeight {
		return truncate(sh.t(msgTooSmall.F(sh.width, sh.height, minWidth, minHeight)), max(0, w), "")
	}

	footer := m.footerLines(w)
	// The notice and the snapshot banner may wrap to many rows on a small
	// window: they give way before the screen has fewer than minBody.
	const minBody = 4
	header := m.headerLines(w, max(2, h-len(footer)-minBody))
	bodyH := max(1, h-len(header)-len(footer))

	sideW := 0
	switch {
	case w >= 110:
		sideW = 24
	case w >= 60:
		sideW = 16
	}
	contentW := w
	if sideW > 0 {
		contentW = w - sideW - 3
	}
	var content string
	switch {
	case m.showHelp:
		content = m.fullHelp(contentW, bodyH)
	case m.screen == 0:
		content = m.welcome.view(sh, contentW, bodyH)
	case m.screen == m.summaryIndex():
		content = m.summary.view(sh, summaryFor(m.opts.Steps, m.sess, m.caseNo, m.opts.UploadURL), contentW, bodyH)
	default:
		content = m.stepsV[m.screen-1].view(sh, contentW, bodyH, m.spinner.View(), m.osFamily())
	}
	if lastGuard {
		content = clip(content, contentW, bodyH)
	}
	body := strings.Split(content, "\n")
	for len(body) < bodyH {
		body = append(body, "")
	}
	if sideW > 0 {
		side := m.sidebarLines(sideW)
		bar := sh.styles.border.Render("|")
		if !sh.plainGlyphs() {
			bar = sh.styles.border.Render("│")
		}
		for i := range body {
			s := ""
			if i < len(side) {
				s = side[i]
			}
			body[i] = padRight(truncate(s, sideW, ""), sideW) + " " + bar + " " + body[i]
		}
	}
	lines := append(append(header, body...), footer...)
	if !lastGuard {
		return strings.Join(lines, "\n")
	}
	return clip(strings.Join(lines, "\n"), w, h)
}

// lastGuard cuts the frame to the terminal. Tests turn it off to check
// that the layout itself fits, rather than relying on the cut.
var lastGuard = true

func (m *Model) osFamily() string {
	if !m.anyRunning() && m.sess.Facts.Host.OSFamily != "" {
		return m.sess.Facts.Host.OSFamily
	}
	if m.opts.OSFamily != "" {
		return m.opts.OSFamily
	}
	return "windows"
}

// headerLines are the title line, the notice and snapshot banner, and a
// separator, in at most maxRows rows (at least the title and separator).
func (m *Model) headerLines(w, maxRows int) []string {
	sh := m.sh
	left := sh.styles.title.Render(sh.t(msgAppTitle))
	right := sh.t(msgStepOf.F(m.screen+1, m.summaryIndex()+1))
	if host := m.hostName(); host != "" {
		right = sh.fit(machinetext.Escape(host)) + "  " + right
	}
	gap := w - cellWidth(left) - cellWidth(right)
	line := truncate(left, w, sh.glyphs.Ellipsis)
	if gap >= 2 {
		line = left + strings.Repeat(" ", gap) + right
	}
	var middle []string
	if !m.opts.Notice.Empty() {
		middle = append(middle, wrap(sh.t(m.opts.Notice), w)...)
	}
	if m.sess.Source.Snapshot {
		banner := sh.glyphs.Warn + " " + sh.t(msgSnapshot.F(sh.fit(machinetext.Escape(m.sess.Source.File))))
		for _, l := range wrap(banner, w) {
			middle = append(middle, sh.styles.warnText.Render(l))
		}
	}
	if room := max(0, maxRows-2); len(middle) > room {
		middle = middle[:room]
		if room > 0 {
			middle[room-1] = truncate(middle[room-1], w-cellWidth(sh.glyphs.Ellipsis), "") + sh.glyphs.Ellipsis
		}
	}
	lines := append([]string{line}, middle...)
	return append(lines, sh.styles.border.Render(strings.Repeat(sh.glyphs.Separator, w)))
}

func (m *Model) footerLines(w int) []string {
	sh := m.sh
	sep := sh.styles.border.Render(strings.Repeat(sh.glyphs.Separator, w))
	switch {
	case m.quitting:
		return []string{sep, truncate(sh.t(msgQuitting), w, sh.glyphs.Ellipsis)}
	case m.confirmQuit:
		lines := []string{sep}
		for _, l := range wrap(sh.glyphs.Warn+" "+sh.t(msgQuitConfirm), w) {
			lines = append(lines, sh.styles.warnText.Render(l))
		}
		return lines
	}
	m.help.Width = w
	// help adds a key that does not fit when its ellipsis does not fit
	// either (bubbles v1.0.0): cut the line to the width.
	return []string{sep, truncate(m.help.ShortHelpView(m.keys().ShortHelp()), w, sh.glyphs.Ellipsis)}
}

// sidebarLines list the steps with their state: a marker for where you are,
// a word for how it went (colour only repeats it).
func (m *Model) sidebarLines(w int) []string {
	sh := m.sh
	lines := []string{sh.styles.bold.Render(sh.t(msgStepsTitle)), ""}
	entry := func(i int, title i18n.Text, state string) {
		marker := "  "
		if i == m.screen {
			marker = sh.glyphs.Cursor + " "
		}
		name := truncate(sh.t(title), w-cellWidth(marker), sh.glyphs.Ellipsis)
		lines = append(lines, marker+styleIf(i == m.screen, sh.styles.bold, name))
		if state != "" {
			lines = append(lines, "  "+truncate(state, w-2, sh.glyphs.Ellipsis))
		}
	}
	entry(0, msgWelcomeTitle, "")
	for i, s := range m.stepsV {
		entry(i+1, s.step.Title(), m.stepState(s))
	}
	summaryState := ""
	if m.summary.savedPath != "" {
		summaryState = sh.glyphs.Done + " " + sh.t(msgStateSaved)
	}
	entry(m.summaryIndex(), msgSummaryTitle, summaryState)
	return lines
}

func (m *Model) stepState(s *stepModel) string {
	sh := m.sh
	switch s.state {
	case running:
		return m.spinner.View() + " " + sh.t(msgStateRunning)
	case cancelled:
		return sh.glyphs.Skip + " " + sh.t(msgStateCancelled)
	case finished:
		c := counts(s.results())
		if bad := c[checks.Fail] + c[checks.Unknown] + c[checks.Warn]; bad > 0 {
			worst := checks.Warn
			if c[checks.Unknown] > 0 {
				worst = checks.Unknown
			}
			if c[checks.Fail] > 0 {
				worst = checks.Fail
			}
			return sh.styles.status[worst].Render(sh.glyphs.For(worst)) + " " + sh.t(msgStateProblems.F(bad))
		}
		if c[checks.Pass] == 0 && c[checks.Skip] > 0 {
			// Skipped on purpose (no serial given) is not "all pass".
			return sh.styles.status[checks.Skip].Render(sh.glyphs.Skip) + " " + sh.t(msgStateSkipped)
		}
		return sh.styles.status[checks.Pass].Render(sh.glyphs.Pass) + " " + sh.t(msgStateAllPass)
	}
	return sh.glyphs.Pending + " " + sh.t(msgStatePending)
}

// fullHelp lists every key, whether or not it applies on this screen, in
// w columns and at most h rows.
func (m *Model) fullHelp(w, h int) string {
	sh := m.sh
	k := newKeyMap(sh.lang, sh.plainGlyphs())
	lines := []string{sh.styles.title.Render(sh.t(msgHelpTitle)), ""}
	type row struct{ keys, desc string }
	var rows []row
	keyW := 0
	for _, col := range k.FullHelp() {
		for _, b := range col {
			r := row{keyNames(b.Keys(), sh.plainGlyphs()), sh.fit(b.Help().Desc)}
			keyW = max(keyW, cellWidth(r.keys))
			rows = append(rows, r)
		}
	}
	for _, r := range rows {
		lines = append(lines, truncate("  "+sh.styles.bold.Render(padRight(r.keys, keyW))+"  "+r.desc, w, sh.glyphs.Ellipsis))
	}
	return strings.Join(lines[:min(len(lines), max(0, h))], "\n")
}

// keyNames spells a binding's keys as a person presses them.
func keyNames(keys []string, plain bool) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		switch {
		case k == " ":
			k = "space"
		case k == "up" && !plain:
			k = "↑"
		case k == "down" && !plain:
			k = "↓"
		case k == "left" && !plain:
			k = "←"
		case k == "right" && !plain:
			k = "→"
		}
		names[i] = k
	}
	return strings.Join(names, " / ")
}
