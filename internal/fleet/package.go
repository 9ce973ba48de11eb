package fleet

import (
	"actwiz/internal/i18n"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/machinetext"
)

var (
	msgPackageDamaged  = i18n.T("日志包已损坏或被改动（%s），不能使用", "the log package is damaged or was changed (%s) and cannot be used")
	msgPackageNoReport = i18n.T("日志包里没有可用的 actwiz 报告（%s）", "the log package holds no usable actwiz report (%s)")
)

// readPackage takes the machine from a log package's report, as from a
// report file. The package gets parcel's quick check: its directory, its
// manifest and the report's own hash, not every log it holds.
func readPackage(path string) sightingOrError {
	fail := func(problem i18n.Text) sightingOrError {
		return sightingOrError{err: &inputError{file: path, problem: problem}}
	}
	p, err := parcel.Open(path, parcel.Quick)
	if err != nil {
		text, _ := parcel.ErrorText(err)
		return fail(text)
	}
	defer p.Close()
	if !p.Integrity.OK {
		var names []i18n.Text
		for _, pr := range p.Integrity.Problems {
			e := machinetext.Escape(pr.Entry)
			names = append(names, i18n.T(e, e))
		}
		return fail(msgPackageDamaged.F(i18n.Join(names, "、", ", ")))
	}
	data, err := p.Read(parcel.ReportName, 8<<20)
	if err != nil {
		text, _ := parcel.ErrorText(err)
		return fail(msgPackageNoReport.F(text))
	}
	rd := &reader{}
	s, snap, problem := rd.decode(path, data)
	if !problem.Empty() {
		return fail(msgPackageNoReport.F(problem))
	}
	if problem := identify(&s, snap); !problem.Empty() {
		return fail(msgPackageNoReport.F(problem))
	}
	return sightingOrError{s: s}
}
