package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/report/supportcode"
	"actwiz/steps"
)

// summaryModel is the last screen: every result grouped by step, the
// support code to read aloud, a QR code of it, where the report went, and
// what to do next.
type summaryModel struct {
	code      string
	saving    bool
	savedPath string
	saveErr   error
	scroll    int
	// qr caches the QR code's rows for qrFor: encoding it again on every
	// frame would be wasted work.
	qr    []string
	qrErr error
	qrFor string
}

// spacedCode spaces the digits for reading aloud: "0 1 0   4 6 6   5 5 4".
func spacedCode(code string) string {
	groups := strings.Fields(supportcode.Format(code))
	for i, g := range groups {
		groups[i] = strings.Join(strings.Split(g, ""), " ")
	}
	return strings.Join(groups, "   ")
}

// nextSteps lists what to do, in order, for these results.
func nextSteps(results []checks.Result) []i18n.Text {
	c := counts(results)
	switch {
	case c[checks.Fail] > 0:
		return msgNextFix
	case c[checks.Unknown] > 0:
		return msgNextUnknown
	case c[checks.Warn] > 0:
		return []i18n.Text{msgNextPass[0], msgNextWarn, msgNextPass[1]}
	}
	return msgNextPass
}

// logsNext is the next step about the log package, if one was written:
// send it with the code and the report, upload it, or say it went.
func logsNext(pkg, uploaded, uploadURL string) []i18n.Text {
	switch {
	case pkg == "":
		return nil
	case uploaded != "":
		return []i18n.Text{msgNextUploaded.F(machinetext.Escape(uploaded))}
	case uploadURL != "":
		return []i18n.Text{msgNextUploadLogs}
	}
	return []i18n.Text{msgNextSendLogs}
}

// summaryInput is what the summary shows, gathered by the root model.
type summaryInput struct {
	groups []summaryGroup
	host   string
	caseNo string
	// The log package, its redaction mapping and where it was uploaded,
	// and the configured upload address.
	logPackage, logMap, logUploaded, uploadURL string
}

// next is the numbered list of what to do.
func (in summaryInput) next(all []checks.Result) []i18n.Text {
	return append(nextSteps(all), logsNext(in.logPackage, in.logUploaded, in.uploadURL)...)
}

type summaryGroup struct {
	title   i18n.Text
	results []checks.Result
}

func (m *summaryModel) view(sh *shared, in summaryInput, width, height int) string {
	// The QR code goes beside the text when there is room, else below it
	// when there is room, else a line says how to get it.
	qr, err := m.qrCode(qrPayload(m.code, in.host, in.caseNo), sh.plainGlyphs())
	qrW := 0
	if err == nil && len(qr) > 0 {
		qrW = cellWidth(qr[0])
	}
	// Light modules are drawn in bright white on black, so the code reads
	// the right way round on a light terminal too (without colour it
	// relies on the terminal being dark, as most consoles are).
	qrStyle := lipgloss.NewStyle().Foreground(lipgloss.Color("15")).Background(lipgloss.Color("0"))
	for i := range qr {
		qr[i] = qrStyle.Render(qr[i])
	}
	const minText = 50
	var lines []string
	if label := wrap(sh.t(msgQRLabel), qrW); err == nil && width-qrW-3 >= minText && len(label)+len(qr) <= height {
		lines = sideBySide(m.textLines(sh, in, width-qrW-3), append(label, qr...), width-qrW)
	} else {
		lines = m.textLines(sh, in, width)
		below := wrap(sh.t(msgQRLabel), width)
		switch {
		case err != nil || len(lines) == 0 || len(in.groups) == 0:
		case len(lines)+1+len(below)+len(qr) <= height && qrW <= width:
			lines = append(lines, "")
			lines = append(lines, below...)
			lines = append(lines, qr...)
		default:
			for _, l := range wrap(sh.t(msgQRTooSmall), width) {
				lines = append(lines, sh.styles.faint.Render(l))
			}
		}
	}

	if height <= 1 {
		lines = lines[:min(len(lines), max(0, height))]
	} else if len(lines) > height {
		m.scroll = max(0, min(m.scroll, len(lines)-(height-1)))
		lines = lines[m.scroll:]
		if len(lines) > height {
			lines = append(lines[:height-1:height-1], truncate(sh.styles.faint.Render(sh.t(msgScrollMore)), width, sh.glyphs.Ellipsis))
		}
	} else {
		m.scroll = 0
	}
	return strings.Join(lines, "\n")
}

// qrCode is the QR code's rows (a copy: the caller styles them).
func (m *summaryModel) qrCode(payload string, plain bool) ([]string, error) {
	key := fmt.Sprint(plain, payload)
	if m.qrFor != key {
		m.qr, m.qrErr = qrLines(payload, plain)
		m.qrFor = key
	}
	return append([]string(nil), m.qr...), m.qrErr
}

// textLines are the summary without the QR code, width cells wide.
func (m *summaryModel) textLines(sh *shared, in summaryInput, width int) []string {
	var all []checks.Result
	for _, g := range in.groups {
		all = append(all, g.results...)
	}
	var left []string
	head := sh.styles.title.Render(sh.t(msgSummaryTitle))
	if in.host != "" {
		head += "  " + sh.t(msgHostLabel.F(sh.fit(machinetext.Escape(in.host))))
	}
	if in.caseNo != "" {
		head += "  " + sh.t(msgCaseShort.F(in.caseNo))
	}
	left = append(left, truncate(head, width, sh.glyphs.Ellipsis))
	if len(all) == 0 {
		return append(append(left, ""), wrap(sh.t(msgNothingRun), width)...)
	}
	c := counts(all)
	left = append(left, wrap(sh.t(msgSummaryCount.F(c[checks.Pass], c[checks.Warn], c[checks.Fail], c[checks.Unknown], c[checks.Skip])), width)...)
	for _, g := range in.groups {
		left = append(left, sh.styles.bold.Render(sh.t(g.title)))
		rows := &stepModel{state: finished, cursor: -1}
		for _, r := range g.results {
			r := r
			def, ok := checks.Lookup(r.ID)
			if !ok {
				def = checks.Definition{ID: r.ID, Title: i18n.T(r.ID, r.ID)}
			}
			rows.rows = append(rows.rows, itemRow{def: def, result: &r})
		}
		left = append(left, rows.itemLines(sh, width, "", 0, len(rows.rows))...)
	}

	// The code, large and spaced, in a box.
	for _, l := range wrap(sh.t(msgCodeLabel), width) {
		left = append(left, sh.styles.bold.Render(l))
	}
	left = append(left, m.codeLines(sh, width)...)

	switch {
	case m.saveErr != nil:
		left = append(left, wrap(sh.styles.warnText.Render(sh.glyphs.Fail)+" "+sh.t(msgSaveFailed.F(m.saveErr.Error())), width)...)
	case m.savedPath != "":
		left = append(left, sh.t(msgSavedTo))
		left = append(left, wrapPath("  "+sh.fit(machinetext.Escape(m.savedPath)), width)...)
	default:
		left = append(left, sh.t(msgSaving))
	}
	if in.logPackage != "" {
		left = append(left, sh.t(msgLogPackageLabel))
		left = append(left, wrapPath("  "+sh.fit(machinetext.Escape(in.logPackage)), width)...)
	}
	if in.logMap != "" {
		left = append(left, wrap(sh.t(msgLogMapLabel), width)...)
		left = append(left, wrapPath("  "+sh.fit(machinetext.Escape(in.logMap)), width)...)
	}

	left = append(left, sh.styles.bold.Render(sh.t(msgNextTitle)))
	for i, step := range in.next(all) {
		lines := wrapIndented(sh.t(step), "    ", width)
		lines[0] = " " + string(rune('1'+i)) + ". " + strings.TrimPrefix(lines[0], "    ")
		left = append(left, lines...)
	}
	return left
}

// codeLines are the code spaced for reading aloud in a box; on a narrow
// window without the box, then grouped in threes: never cut.
func (m *summaryModel) codeLines(sh *shared, width int) []string {
	box := lipgloss.NewStyle().Border(sh.styles.box).BorderForeground(lipgloss.Color("8")).Padding(0, 2).Render(sh.styles.bold.Render(spacedCode(m.code)))
	if lipgloss.Width(box) <= width {
		return strings.Split(box, "\n")
	}
	if spaced := spacedCode(m.code); cellWidth(spaced)+2 <= width {
		return []string{"  " + sh.styles.bold.Render(spaced)}
	}
	return wrap(sh.styles.bold.Render(supportcode.Format(m.code)), width)
}

// wrapPath breaks a long path anywhere: it has no spaces to break at.
func wrapPath(path string, width int) []string {
	if width <= 0 {
		return []string{path}
	}
	var out []string
	var b strings.Builder
	w := 0
	for _, r := range path {
		rw := cellWidth(string(r))
		if w+rw > width {
			out = append(out, b.String())
			b.Reset()
			b.WriteString("  ")
			w = 2
		}
		b.WriteRune(r)
		w += rw
	}
	return append(out, b.String())
}

// sideBySide puts right beside left, starting at column col.
func sideBySide(left, right []string, col int) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := 0; i < n; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		if r == "" {
			out[i] = l
			continue
		}
		out[i] = padRight(l, col) + r
	}
	return out
}

// summaryFor gathers what the summary shows from the session.
func summaryFor(stepList []steps.Step, sess *steps.Session, caseNo, uploadURL string) summaryInput {
	in := summaryInput{host: sess.Facts.Host.Name, caseNo: caseNo,
		logPackage: sess.LogPackage, logMap: sess.LogMap, logUploaded: sess.LogUploaded, uploadURL: uploadURL}
	for _, s := range stepList {
		if rs := sess.Results(s.ID()); len(rs) > 0 {
			in.groups = append(in.groups, summaryGroup{title: s.Title(), results: rs})
		}
	}
	return in
}
