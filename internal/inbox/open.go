// Package inbox is the support desk's side of a log package: it opens what
// users send (integrity first, then the machine's report, the facts judged
// again with this actwiz's rules, and findings from the logs) and lists a
// folder of packages.
//
// It sits above fleet and config: it may import internal/logs/parcel,
// report, activation, serial, checks and fleet; never steps or ui.
package inbox

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/report"
)

// Options are today's knowledge a package is read with.
type Options struct {
	// Rules judge the facts again (this actwiz's placeholders and config).
	Rules checks.Rules
	// Findings are the log rules; nil means BuiltinRules.
	Findings Rules
}

// Change is a check whose verdict is different today.
type Change struct {
	ID  string        `json:"id"`
	Was checks.Status `json:"was"`
	Now checks.Status `json:"now"`
}

// Opened is one package read in full.
type Opened struct {
	Path      string
	Manifest  collect.Manifest
	Integrity parcel.Integrity
	// Report is the machine's report as stored (nil when it is missing);
	// ReportRaw its exact bytes.
	Report    *report.Report
	ReportRaw json.RawMessage
	Facts     *facts.Snapshot
	// Rejudged are the hardware checks judged again from Facts; Changes
	// those whose status differs from the report's.
	Rejudged []checks.Result
	Changes  []Change
	Findings []Finding
	// Notes say what could not be read (a missing report, a file too
	// large to search).
	Notes []i18n.Text
}

var (
	msgNoReport  = i18n.T("包里没有可用的 actwiz 报告（%s）", "the package holds no usable actwiz report (%s)")
	msgNoFacts   = i18n.T("包里没有可用的硬件信息快照，无法按现在的规则重新判断（%s）", "the package holds no usable facts snapshot, so nothing could be judged again (%s)")
	msgBadReport = i18n.T("不是 %s", "it is not %s")
)

// maxOwn bounds the report and facts files read from a package.
const maxOwn = 8 << 20

// Open reads a package: its integrity in full, and, when it is intact,
// its report, facts and findings. A damaged package comes back with its
// problems and nothing else: none of it can be trusted. A file that is
// not a package gives parcel's *NotPackageError.
func Open(ctx context.Context, path string, opts Options) (*Opened, error) {
	p, err := parcel.Open(path, parcel.Full)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	o := &Opened{Path: path, Manifest: p.Manifest, Integrity: p.Integrity}
	if !p.Integrity.OK {
		return o, nil
	}
	o.readOwn(p, opts.Rules)
	rules := opts.Findings
	if rules == nil {
		rules = BuiltinRules()
	}
	var notes []i18n.Text
	o.Findings, notes = scan(ctx, p, rules)
	o.Notes = append(o.Notes, notes...)
	// Reading the logs may have found an entry damaged after all (a
	// stream that fails halfway); the verdict follows it.
	o.Integrity = p.Integrity
	if !o.Integrity.OK {
		o.Report, o.ReportRaw, o.Facts, o.Rejudged, o.Changes, o.Findings = nil, nil, nil, nil, nil, nil
	}
	return o, ctx.Err()
}

// readOwn reads the report and the facts and judges the facts again.
func (o *Opened) readOwn(p *parcel.Parcel, rules checks.Rules) {
	rep, raw, problem := readReport(p)
	if problem.Empty() {
		o.Report, o.ReportRaw = rep, raw
	} else {
		o.Notes = append(o.Notes, msgNoReport.F(problem))
	}
	snap, problem := readFacts(p, rep)
	if !problem.Empty() {
		o.Notes = append(o.Notes, msgNoFacts.F(problem))
		return
	}
	o.Facts = snap
	o.Rejudged = checks.RunAll(checks.Hardware, *snap, rules)
	if rep == nil {
		return
	}
	was := map[string]checks.Status{}
	for _, c := range rep.Checks {
		was[c.ID] = c.Status
	}
	for _, r := range o.Rejudged {
		if w, ok := was[r.ID]; ok && w != r.Status {
			o.Changes = append(o.Changes, Change{ID: r.ID, Was: w, Now: r.Status})
		}
	}
}

func readReport(p *parcel.Parcel) (*report.Report, json.RawMessage, i18n.Text) {
	data, err := p.Read(parcel.ReportName, maxOwn)
	if err != nil {
		text, _ := parcel.ErrorText(err)
		return nil, nil, text
	}
	var rep report.Report
	if err := json.Unmarshal(data, &rep); err != nil || rep.Schema != report.Schema {
		return nil, nil, msgBadReport.F(report.Schema)
	}
	return &rep, json.RawMessage(data), i18n.Text{}
}

// readFacts takes the facts snapshot, or the report's copy of it when the
// package has none.
func readFacts(p *parcel.Parcel, rep *report.Report) (*facts.Snapshot, i18n.Text) {
	data, err := p.Read(parcel.FactsName, maxOwn)
	if err != nil {
		if rep != nil && rep.Facts != nil {
			return rep.Facts, i18n.Text{}
		}
		text, _ := parcel.ErrorText(err)
		return nil, text
	}
	snap, err := facts.Parse(data)
	if err != nil {
		var ie *facts.InputError
		if asInput(err, &ie) {
			return nil, ie.Problem
		}
		return nil, i18n.T(err.Error(), err.Error())
	}
	return &snap, i18n.Text{}
}

// Verdict is the package's overall status: fail when a check fails today
// or a finding says activation will fail.
func (o *Opened) Verdict() checks.Status {
	if !o.Integrity.OK {
		return checks.Fail
	}
	v := checks.Pass
	for _, c := range o.Statuses() {
		switch {
		case c.Status == checks.Fail:
			return checks.Fail
		case c.Status == checks.Unknown || c.Status == checks.Warn:
			v = checks.Warn
		}
	}
	for _, f := range o.Findings {
		if f.Fails {
			return checks.Fail
		}
	}
	if len(o.Findings) > 0 {
		v = checks.Warn
	}
	return v
}

// Statuses are the report's checks with today's verdict where the facts
// could be judged again.
func (o *Opened) Statuses() []checks.Result {
	now := map[string]checks.Result{}
	for _, r := range o.Rejudged {
		now[r.ID] = r
	}
	var out []checks.Result
	seen := map[string]bool{}
	if o.Report != nil {
		for _, c := range o.Report.Checks {
			seen[c.ID] = true
			if r, ok := now[c.ID]; ok {
				out = append(out, r)
			} else {
				out = append(out, checks.Result{ID: c.ID, Status: c.Status, Observed: c.Observed})
			}
		}
	}
	for _, r := range o.Rejudged {
		if !seen[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// ExitCode: 2 damaged, 1 a check fails or a finding says activation will
// fail, else 0.
func (o *Opened) ExitCode() int {
	switch {
	case !o.Integrity.OK:
		return 2
	case o.Verdict() == checks.Fail:
		return 1
	}
	return 0
}

// TakenAt is when the package was made.
func (o *Opened) TakenAt() time.Time { return o.Manifest.CreatedAt }

func asInput(err error, target **facts.InputError) bool { return errors.As(err, target) }
