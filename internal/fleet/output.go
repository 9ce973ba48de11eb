package fleet

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

var (
	txtHeader       = i18n.T("actwiz 批量比对：%d 台电脑，读取了 %d 个文件", "actwiz fleet: %d machines from %d files")
	txtDuplicates   = i18n.T("重复的值（出现在多台电脑上，厂商要求唯一）：%d 个", "Duplicated values (on more than one machine; the vendor requires them unique): %d")
	txtDuplicate    = i18n.T("%s %s：%d 台电脑", "%s %s: %d machines")
	txtIsPlacehold  = i18n.T("（出厂占位值）", " (a factory placeholder)")
	txtPlaceholders = i18n.T("出厂占位序列号（需要由厂商写入真实序列号）：%d 个", "Factory placeholder serials (the maker must write a real serial): %d")
	txtPlaceholder  = i18n.T("%s %s：%d 台电脑", "%s %s: %d machines")
	txtFailing      = i18n.T("有检查项不通过的电脑：%d 台", "Machines with failing checks: %d")
	txtUnreadable   = i18n.T("无法读取的文件：%d 个", "Unreadable files: %d")
	txtRepeats      = i18n.T("（%d 份报告来自已读过的电脑，只算每台电脑最新的一份）", "(%d of the reports were of machines already seen; each machine's newest counts)")
	txtAllClear     = i18n.T("没有重复的序列号或 MAC 地址，也没有不通过的检查项。", "No serial or MAC address is duplicated and no check fails.")
	txtMore         = i18n.T("……另外 %d 台", "… and %d more")
	txtNoHost       = i18n.T("（无主机名）", "(no host name)")
	txtListSep      = i18n.T("、", ", ")
)

// textListLimit keeps a line readable when a serial is on hundreds of
// machines; the JSON and CSV outputs list them all.
const textListLimit = 10

// WriteText prints the findings for a person. Values from the reports are
// escaped: a serial or host name can hold anything.
func WriteText(w io.Writer, r Result, lang i18n.Lang) error {
	p := &printer{w: w}
	p.line(txtHeader.F(r.Machines, r.Files).In(lang))
	if repeats := r.Files - len(r.Unreadable) - r.Machines; repeats > 0 {
		p.line(txtRepeats.F(repeats).In(lang))
	}
	if len(r.Duplicates) > 0 {
		p.line("")
		p.line(txtDuplicates.F(len(r.Duplicates)).In(lang))
		for _, d := range r.Duplicates {
			line := "  " + txtDuplicate.F(d.Field.Title(), quote(d.Value), len(d.Hosts)).In(lang)
			if d.Placeholder {
				line += txtIsPlacehold.In(lang)
			}
			p.line(line)
			p.line("    " + hostList(d.Hosts, lang))
		}
	}
	if len(r.Placeholders) > 0 {
		p.line("")
		p.line(txtPlaceholders.F(len(r.Placeholders)).In(lang))
		for _, ph := range r.Placeholders {
			p.line("  " + txtPlaceholder.F(ph.Field.Title(), quote(ph.Value), len(ph.Hosts)).In(lang))
			p.line("    " + hostList(ph.Hosts, lang))
		}
	}
	if len(r.Failing) > 0 {
		p.line("")
		p.line(txtFailing.F(len(r.Failing)).In(lang))
		for _, f := range r.Failing {
			p.line(fmt.Sprintf("  %s  %s  (%s)", hostName(f.Host, lang), checkTitles(f.Checks, lang), machinetext.Escape(f.File)))
		}
	}
	if len(r.Unreadable) > 0 {
		p.line("")
		p.line(txtUnreadable.F(len(r.Unreadable)).In(lang))
		for _, u := range r.Unreadable {
			p.line("  " + machinetext.Escape(u.Problem.In(lang)))
		}
	}
	if len(r.Duplicates)+len(r.Placeholders)+len(r.Failing) == 0 {
		p.line("")
		p.line(txtAllClear.In(lang))
	}
	return p.err
}

// checkTitles names checks as people know them, with the id for searching.
func checkTitles(ids []string, lang i18n.Lang) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = machinetext.Escape(id)
		if def, ok := checks.Lookup(id); ok {
			names[i] = def.Title.In(lang) + " (" + id + ")"
		}
	}
	return strings.Join(names, txtListSep.In(lang))
}

func quote(v string) string { return "\u201c" + machinetext.Escape(v) + "\u201d" }

func hostName(h string, lang i18n.Lang) string {
	if h == "" {
		return txtNoHost.In(lang)
	}
	return machinetext.Escape(h)
}

func hostList(hosts []string, lang i18n.Lang) string {
	shown := hosts[:min(len(hosts), textListLimit)]
	names := make([]string, len(shown))
	for i, h := range shown {
		names[i] = hostName(h, lang)
	}
	s := strings.Join(names, txtListSep.In(lang))
	if rest := len(hosts) - len(shown); rest > 0 {
		s += " " + txtMore.F(rest).In(lang)
	}
	return s
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s+"\n")
	}
}

// WriteJSON prints the findings as one actwiz.fleet/v1 object. JSON escaping
// keeps control characters in values harmless.
func WriteJSON(w io.Writer, r Result) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("encoding the fleet result: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// utf8BOM makes Excel open the file as UTF-8; without it, Excel on a
// Chinese Windows reads it as GBK and garbles every Chinese character.
const utf8BOM = "\ufeff"

// CSV kinds: stable words for filters and programs.
const (
	KindDuplicate   = "duplicate"
	KindPlaceholder = "placeholder"
	KindFailing     = "failing"
	KindUnreadable  = "unreadable"
)

var csvHeader = []i18n.Text{
	i18n.T("类别", "kind"), i18n.T("字段", "field"), i18n.T("值", "value"),
	i18n.T("主机名", "host"), i18n.T("文件", "file"), i18n.T("说明", "detail"),
}

var (
	csvPlaceholderDuplicate = i18n.T("出厂占位值", "factory placeholder")
	csvMachines             = i18n.T("%d 台电脑", "%d machines")
)

// WriteCSV prints one row per finding and machine, for a spreadsheet:
// UTF-8 with a byte order mark so Excel keeps Chinese intact, the header
// in the user's language.
func WriteCSV(w io.Writer, r Result, lang i18n.Lang) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel writes and expects
	header := make([]string, len(csvHeader))
	for i, h := range csvHeader {
		header[i] = h.In(lang)
	}
	rows := [][]string{header}
	for _, d := range r.Duplicates {
		detail := csvMachines.F(len(d.Machines)).In(lang)
		if d.Placeholder {
			detail += "; " + csvPlaceholderDuplicate.In(lang)
		}
		for _, m := range d.Machines {
			rows = append(rows, []string{KindDuplicate, string(d.Field), d.Value, m.Host, m.File, detail})
		}
	}
	for _, ph := range r.Placeholders {
		for _, m := range ph.Machines {
			rows = append(rows, []string{KindPlaceholder, string(ph.Field), ph.Value, m.Host, m.File, csvPlaceholderDuplicate.In(lang)})
		}
	}
	for _, f := range r.Failing {
		rows = append(rows, []string{KindFailing, "", "", f.Host, f.File, strings.Join(f.Checks, " ")})
	}
	for _, u := range r.Unreadable {
		rows = append(rows, []string{KindUnreadable, "", "", "", u.File, u.Problem.In(lang)})
	}
	for _, row := range rows {
		for i, cell := range row {
			row[i] = cellSafe(cell)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cellSafe keeps a value from the reports from acting in a spreadsheet:
// control characters are escaped, and a cell Excel would take for a
// formula (=, +, @, or - not starting a number) gets a leading apostrophe.
func cellSafe(s string) string {
	s = machinetext.Escape(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@':
		return "'" + s
	case '-':
		if len(s) == 1 || !strings.ContainsRune("0123456789", rune(s[1])) {
			return "'" + s
		}
		for _, c := range s[1:] {
			if !strings.ContainsRune("0123456789.", c) {
				return "'" + s
			}
		}
	}
	return s
}
