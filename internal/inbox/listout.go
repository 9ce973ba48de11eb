package inbox

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/rivo/uniseg"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/fleet"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// InboxSchema is the value of "schema" in the inbox's JSON.
const InboxSchema = "actwiz.inbox/v1"

var (
	txtDamagedWord    = i18n.T("已损坏", "DAMAGED")
	txtNotPackageWord = i18n.T("不是日志包", "NOT A PACKAGE")
	txtIntact         = i18n.T("完好", "intact")
	txtBroken         = i18n.T("损坏：%s", "damaged: %s")
	txtBrokenMore     = i18n.T("损坏：%s 等 %d 处", "damaged: %s and %d more")
	txtInboxHead      = i18n.T("%s：%d 个日志包，最新的在前", "%s: %d package(s), newest first")
	txtInboxEmpty     = i18n.T("%s 里没有日志包（*.zip）。", "%s holds no log package (*.zip).")
	txtInboxNote      = i18n.T("列表只检查了每个包的目录、manifest.json 和 actwiz 自己的文件；打开一个包（actwiz open 包.zip）会检查全部内容并查找日志。", "The list checks each package's directory, manifest.json and actwiz's own files; opening one (actwiz open PACKAGE.zip) checks everything and searches its logs.")
	txtNone           = i18n.T("-", "-")
	csvHeader         = []i18n.Text{
		i18n.T("时间", "taken_at"), i18n.T("主机名", "host"), i18n.T("案件", "case"), i18n.T("结论", "verdict"),
		i18n.T("完整性", "integrity"), i18n.T("第一个发现", "first_finding"), i18n.T("文件", "path"),
	}
)

// VerdictWord is a listed package's verdict as a person reads it.
func (it Item) VerdictWord() i18n.Text {
	switch it.Verdict {
	case VerdictDamaged:
		return txtDamagedWord
	case VerdictNotPackage:
		return txtNotPackageWord
	}
	return checks.Status(it.Verdict).Word()
}

// IntegrityText says what the quick check found, naming damaged entries.
func (it Item) IntegrityText() i18n.Text {
	if it.IntegrityOK {
		return txtIntact
	}
	if !it.Problem.Empty() {
		return it.Problem
	}
	var names []i18n.Text
	for _, p := range it.Problems {
		e := machinetext.Escape(p.Entry)
		names = append(names, i18n.T(e, e))
	}
	return txtBroken.F(i18n.Join(names, "、", ", "))
}

// FirstFinding is the worst check that did not pass, with what was read.
func (it Item) FirstFinding(lang i18n.Lang) string {
	if len(it.Findings) == 0 {
		return txtNone.In(lang)
	}
	f := it.Findings[0]
	title := f.ID
	if def, ok := checks.Lookup(f.ID); ok {
		title = def.Title.In(lang)
	}
	s := f.Status.Word().In(lang) + " " + title
	if f.Observed != "" {
		s += " “" + machinetext.Escape(f.Observed) + "”"
	}
	return s
}

// When is the time a package was taken, in local time for the desk.
func (it Item) When() string {
	if it.TakenAt.IsZero() {
		return "-"
	}
	return it.TakenAt.Local().Format("2006-01-02 15:04")
}

// WriteListText prints the inbox as a table.
func WriteListText(w io.Writer, dir string, items []Item, lang i18n.Lang, g display.Set) error {
	var b strings.Builder
	line := func(s string) { b.WriteString(g.Fit(s) + "\n") }
	if len(items) == 0 {
		line(txtInboxEmpty.F(machinetext.Escape(dir)).In(lang))
		_, err := io.WriteString(w, b.String())
		return err
	}
	line(txtInboxHead.F(machinetext.Escape(dir), len(items)).In(lang))
	line("")
	rows := [][]string{}
	for _, it := range items {
		host := machinetext.Escape(it.Host)
		if host == "" {
			host = machinetext.Escape(filepath.Base(it.Path))
		}
		integrity := it.IntegrityText().In(lang)
		if !it.Problem.Empty() {
			integrity = "-" // the reason follows the row
		} else if len(it.Problems) > 1 {
			e := machinetext.Escape(it.Problems[0].Entry)
			integrity = txtBrokenMore.F(e, len(it.Problems)-1).In(lang)
		}
		rel, err := filepath.Rel(dir, it.Path)
		if err != nil {
			rel = it.Path
		}
		rows = append(rows, []string{it.When(), host, orDash(machinetext.Escape(it.Case)), symbolFor(it, g) + " " + it.VerdictWord().In(lang), integrity, it.FirstFinding(lang), machinetext.Escape(rel)})
		if !it.Problem.Empty() {
			rows = append(rows, []string{"", "", "", "", "", it.Problem.In(lang)})
		}
	}
	widths := make([]int, 6)
	for _, r := range rows {
		if len(r) != 7 {
			continue // a reason under its row does not widen the columns
		}
		for i := range widths {
			widths[i] = max(widths[i], uniseg.StringWidth(r[i]))
		}
	}
	for _, r := range rows {
		var cells []string
		for i, c := range r {
			if len(r) == 6 && i == 5 { // a reason under its row starts where the findings do
				cells = append(cells, c)
				continue
			}
			if i < len(widths) {
				c += strings.Repeat(" ", widths[i]-uniseg.StringWidth(c))
			}
			cells = append(cells, c)
		}
		line(strings.TrimRight(" "+strings.Join(cells, "  "), " "))
	}
	line("")
	line(txtInboxNote.In(lang))
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func symbolFor(it Item, g display.Set) string {
	switch it.Verdict {
	case VerdictDamaged, VerdictNotPackage:
		return g.For(checks.Fail)
	}
	return g.For(checks.Status(it.Verdict))
}

type jsonListFinding struct {
	ID       string        `json:"id"`
	Status   checks.Status `json:"status"`
	Observed string        `json:"observed"`
}

type jsonItem struct {
	Path        string            `json:"path"`
	Host        string            `json:"host"`
	Case        string            `json:"case"`
	TakenAt     *time.Time        `json:"taken_at"`
	Verdict     string            `json:"verdict"`
	IntegrityOK bool              `json:"integrity_ok"`
	Problems    []jsonProblem     `json:"problems"`
	Findings    []jsonListFinding `json:"findings"`
}

// ListJSON renders actwiz.inbox/v1.
func ListJSON(dir string, items []Item, lang i18n.Lang) ([]byte, error) {
	doc := struct {
		Schema   string     `json:"schema"`
		Folder   string     `json:"folder"`
		Lang     i18n.Lang  `json:"lang"`
		Packages []jsonItem `json:"packages"`
	}{Schema: InboxSchema, Folder: dir, Lang: lang, Packages: []jsonItem{}}
	for _, it := range items {
		j := jsonItem{Path: it.Path, Host: it.Host, Case: it.Case, Verdict: it.Verdict, IntegrityOK: it.IntegrityOK, Problems: []jsonProblem{}, Findings: []jsonListFinding{}}
		if !it.TakenAt.IsZero() {
			t := it.TakenAt
			j.TakenAt = &t
		}
		for _, p := range it.Problems {
			j.Problems = append(j.Problems, jsonProblem{Entry: p.Entry, Problem: p.What.In(lang)})
		}
		if !it.Problem.Empty() {
			j.Problems = append(j.Problems, jsonProblem{Entry: filepath.Base(it.Path), Problem: it.Problem.In(lang)})
		}
		for _, f := range it.Findings {
			j.Findings = append(j.Findings, jsonListFinding{ID: f.ID, Status: f.Status, Observed: f.Observed})
		}
		doc.Packages = append(doc.Packages, j)
	}
	return marshal(doc)
}

// WriteListCSV writes the inbox for a spreadsheet, as fleet's CSV is
// written (UTF-8 with BOM, formula-safe cells).
func WriteListCSV(w io.Writer, items []Item, lang i18n.Lang) error {
	header := make([]string, len(csvHeader))
	for i, h := range csvHeader {
		header[i] = h.In(lang)
	}
	rows := [][]string{header}
	for _, it := range items {
		at := ""
		if !it.TakenAt.IsZero() {
			at = it.TakenAt.UTC().Format(time.RFC3339)
		}
		first := ""
		if len(it.Findings) > 0 {
			first = it.FirstFinding(lang)
		}
		rows = append(rows, []string{at, it.Host, it.Case, it.VerdictWord().In(lang), it.IntegrityText().In(lang), first, it.Path})
	}
	return fleet.WriteCSVRows(w, rows)
}
