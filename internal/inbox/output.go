package inbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/machinetext"
	"actwiz/internal/report"
)

// OpenSchema is the value of "schema" in actwiz open's JSON.
const OpenSchema = "actwiz.open/v1"

type jsonPackage struct {
	Path        string    `json:"path"`
	Host        string    `json:"host"`
	Case        string    `json:"case"`
	TakenAt     time.Time `json:"taken_at"`
	ToolVersion string    `json:"tool_version"`
	Redacted    bool      `json:"redacted"`
}

type jsonProblem struct {
	Entry   string `json:"entry"`
	Problem string `json:"problem"`
}

type jsonIntegrity struct {
	OK       bool          `json:"ok"`
	Full     bool          `json:"full"`
	Sidecar  string        `json:"sidecar,omitempty"`
	Problems []jsonProblem `json:"problems"`
}

type jsonFinding struct {
	Source  string  `json:"source"`
	Line    int     `json:"line"`
	Event   string  `json:"event,omitempty"`
	Time    *string `json:"time"`
	Code    string  `json:"code"`
	Meaning string  `json:"meaning"`
	Hint    string  `json:"hint"`
	Excerpt string  `json:"excerpt"`
	Count   int     `json:"count"`
	Fails   bool    `json:"fails"`
}

func integrityJSON(in parcel.Integrity, lang i18n.Lang) jsonIntegrity {
	out := jsonIntegrity{OK: in.OK, Full: in.Full, Sidecar: in.Sidecar, Problems: []jsonProblem{}}
	for _, p := range in.Problems {
		out.Problems = append(out.Problems, jsonProblem{Entry: p.Entry, Problem: p.What.In(lang)})
	}
	return out
}

func findingsJSON(fs []Finding, lang i18n.Lang) []jsonFinding {
	out := []jsonFinding{}
	for _, f := range fs {
		j := jsonFinding{Source: f.Source, Line: f.Line, Event: f.Event, Code: f.Code, Meaning: f.Meaning.In(lang), Hint: f.Hint.In(lang), Excerpt: f.Excerpt, Count: f.Count, Fails: f.Fails}
		if f.Time != "" {
			t := f.Time
			j.Time = &t
		}
		out = append(out, j)
	}
	return out
}

// JSON renders actwiz.open/v1. The report is the package's own, as
// stored; meanings, hints and problems are in lang.
func (o *Opened) JSON(lang i18n.Lang) ([]byte, error) {
	changes := o.Changes
	if changes == nil {
		changes = []Change{}
	}
	notes := []string{}
	for _, n := range o.Notes {
		notes = append(notes, n.In(lang))
	}
	rep := o.ReportRaw
	if rep == nil {
		rep = json.RawMessage("null")
	}
	doc := struct {
		Schema    string          `json:"schema"`
		Lang      i18n.Lang       `json:"lang"`
		Package   jsonPackage     `json:"package"`
		Integrity jsonIntegrity   `json:"integrity"`
		Verdict   checks.Status   `json:"verdict"`
		Report    json.RawMessage `json:"report"`
		Rejudged  []Change        `json:"rejudged"`
		Findings  []jsonFinding   `json:"findings"`
		Notes     []string        `json:"notes"`
	}{
		Schema: OpenSchema, Lang: lang,
		Package: jsonPackage{
			Path: o.Path, Host: o.Manifest.Host, Case: o.Manifest.Case, TakenAt: o.Manifest.CreatedAt,
			ToolVersion: o.Manifest.Tool.Version, Redacted: o.Manifest.Redacted,
		},
		Integrity: integrityJSON(o.Integrity, lang), Verdict: o.Verdict(),
		Report: rep, Rejudged: changes, Findings: findingsJSON(o.Findings, lang), Notes: notes,
	}
	return marshal(doc)
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encoding: %w", err)
	}
	return buf.Bytes(), nil
}

var (
	txtPackage    = i18n.T("actwiz 日志包 %s", "actwiz log package %s")
	txtWho        = i18n.T("电脑 %s · 案件 %s · 打包于 %s · actwiz %s", "PC %s · case %s · packed %s · actwiz %s")
	txtNoCase     = i18n.T("（无）", "(none)")
	txtRedacted   = i18n.T("（已脱敏：主机名、用户名、序列号等已被替换）", "(redacted: host and user names, serials and addresses are stand-ins)")
	txtIntactFull = i18n.T("完整性：完好，每个文件都与 manifest.json 一致%s", "Integrity: intact, every file matches manifest.json%s")
	txtSidecarOK  = i18n.T("，也与旁边的 .sha256 一致", ", and the package matches the .sha256 beside it")
	txtNoSidecar  = i18n.T("（旁边没有 .sha256 文件，无法确认 manifest.json 本身没被改过）", " (no .sha256 beside it, so manifest.json itself cannot be vouched for)")
	txtDamaged    = i18n.T("%s 已损坏或被改动，其中的内容都不能信任：", "%s is damaged or was changed; nothing in it can be trusted:")
	txtReportHead = i18n.T("这台电脑当时的报告", "The machine's report at the time")
	txtRejudged   = i18n.T("按这个版本的 actwiz 和配置重新判断，结果有变化：", "Judged again with this actwiz and its config, these verdicts changed:")
	txtRejudgedNo = i18n.T("按这个版本的 actwiz 和配置重新判断：结果没有变化。", "Judged again with this actwiz and its config: no verdict changed.")
	txtChange     = i18n.T("  %s  %s → %s", "  %s  %s → %s")
	txtFindings   = i18n.T("日志里的发现：", "Findings in the logs:")
	txtNoFindings = i18n.T("日志里的发现：没有。", "Findings in the logs: none.")
	txtWhere      = i18n.T("%s 第 %d 行", "%s line %d")
	txtEvent      = i18n.T("事件 %s", "event %s")
	txtTimes      = i18n.T("（共 %d 处）", "(%d times)")
	txtWhatToDo   = i18n.T("怎么办：", "What to do:")
	txtLine       = i18n.T("原文：", "Text: ")
	txtVerdict    = i18n.T("结论：%s", "Verdict: %s")
)

// WriteDamaged names every damaged entry: what actwiz open prints instead
// of anything from a package that cannot be trusted.
func WriteDamaged(w io.Writer, path string, in parcel.Integrity, lang i18n.Lang) error {
	var b strings.Builder
	fmt.Fprintln(&b, txtDamaged.F(machinetext.Escape(filepath.Base(path))).In(lang))
	for _, p := range in.Problems {
		fmt.Fprintf(&b, "  %s: %s\n", machinetext.Escape(p.Entry), p.What.In(lang))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteText prints an intact package for a person: who and when, the
// machine's report as it was, what changed today, and the findings.
func (o *Opened) WriteText(w io.Writer, lang i18n.Lang, g display.Set) error {
	if !o.Integrity.OK {
		return WriteDamaged(w, o.Path, o.Integrity, lang)
	}
	var b bytes.Buffer
	line := func(s string) { b.WriteString(g.Fit(s) + "\n") }
	m := o.Manifest
	line(txtPackage.F(machinetext.Escape(filepath.Base(o.Path))).In(lang))
	caseNo := machinetext.Escape(m.Case)
	if caseNo == "" {
		caseNo = txtNoCase.In(lang)
	}
	line(txtWho.F(machinetext.Escape(m.Host), caseNo, m.CreatedAt.UTC().Format("2006-01-02 15:04:05 UTC"), machinetext.Escape(m.Tool.Version)).In(lang))
	if m.Redacted {
		line(txtRedacted.In(lang))
	}
	side := txtSidecarOK
	if o.Integrity.Sidecar != "match" {
		side = txtNoSidecar
	}
	line(txtIntactFull.F(side).In(lang))
	for _, n := range o.Notes {
		line(n.In(lang))
	}
	line("")
	if o.Report != nil {
		rep := *o.Report
		rep.Title = txtReportHead
		if err := report.WriteText(&b, rep, lang, g); err != nil {
			return err
		}
		line("")
	}
	if o.Facts != nil {
		if len(o.Changes) == 0 {
			line(txtRejudgedNo.In(lang))
		} else {
			line(txtRejudged.In(lang))
			for _, c := range o.Changes {
				title := c.ID
				if def, ok := checks.Lookup(c.ID); ok {
					title = def.Title.In(lang) + " (" + c.ID + ")"
				}
				line(txtChange.F(title, g.For(c.Was)+" "+c.Was.Word().In(lang), g.For(c.Now)+" "+c.Now.Word().In(lang)).In(lang))
			}
		}
		line("")
	}
	writeFindings(line, o.Findings, lang, g)
	line("")
	v := o.Verdict()
	line(txtVerdict.F(g.For(v) + " " + v.Word().In(lang)).In(lang))
	_, err := w.Write(b.Bytes())
	return err
}

func writeFindings(line func(string), fs []Finding, lang i18n.Lang, g display.Set) {
	if len(fs) == 0 {
		line(txtNoFindings.In(lang))
		return
	}
	line(txtFindings.In(lang))
	for _, f := range fs {
		status := checks.Warn
		if f.Fails {
			status = checks.Fail
		}
		where := txtWhere.F(machinetext.Escape(f.Source), f.Line).In(lang)
		var extra []string
		if f.Event != "" {
			extra = append(extra, txtEvent.F(f.Event).In(lang))
		}
		if f.Time != "" {
			extra = append(extra, machinetext.Escape(f.Time))
		}
		if f.Count > 1 {
			extra = append(extra, txtTimes.F(f.Count).In(lang))
		}
		if len(extra) > 0 {
			where += " · " + strings.Join(extra, " · ")
		}
		line(fmt.Sprintf(" %s %s  %s", g.For(status), machinetext.Escape(f.Code), where))
		const indent = "     "
		line(indent + f.Meaning.In(lang))
		if h := f.Hint.In(lang); h != "" {
			line(indent + txtWhatToDo.In(lang))
			for _, l := range strings.Split(h, "\n") {
				line(indent + "  " + l)
			}
		}
		if f.Excerpt != "" {
			line(indent + txtLine.In(lang) + f.Excerpt)
		}
	}
}
