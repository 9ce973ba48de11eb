// Package fleet compares the reports of many machines. One machine cannot
// prove that its BIOS or board serial is unique; a folder of reports from a
// batch of PCs can. Fleet reads report and snapshot files, keeps the newest
// report of each machine, and finds every serial and MAC address that
// appears on more than one machine, every placeholder serial, and every
// machine's own failing checks.
//
// It is built for a hundred thousand reports: files are decoded by a
// bounded pool of workers into only the members it needs, and every value is
// interned, so memory grows with the number of distinct values and
// machines, not with the size of the reports.
//
// It may import checks, internal/facts, internal/report and the text and file helpers.
package fleet

import (
	"actwiz/checks"
	"actwiz/internal/i18n"
)

// Schema is the value of the "schema" member of fleet's JSON output.
const Schema = "actwiz.fleet/v1"

// Field names a compared value; the names are a contract of the JSON output.
type Field string

const (
	BIOSSerial  Field = "bios.serial"
	BoardSerial Field = "board.serial"
	DiskSerial  Field = "disk.serial"
	MAC         Field = "mac"
)

// Fields lists the compared fields in output order.
var Fields = []Field{BIOSSerial, BoardSerial, DiskSerial, MAC}

// Title is the field as a person reads it.
func (f Field) Title() i18n.Text {
	switch f {
	case BIOSSerial:
		return i18n.T("BIOS 序列号", "BIOS serial")
	case BoardSerial:
		return i18n.T("主板序列号", "board serial")
	case DiskSerial:
		return i18n.T("硬盘序列号", "disk serial")
	case MAC:
		return i18n.T("MAC 地址", "MAC address")
	}
	return i18n.T(string(f), string(f))
}

// Options are the settings of one comparison.
type Options struct {
	// Rules judge snapshot files (reports carry their own results) and
	// name placeholder serials.
	Rules checks.Rules
	// KeepGoing reads on past unreadable files, listing them in the result;
	// without it the first unreadable file ends the run.
	KeepGoing bool
	// Workers bounds how many files are decoded at once; 0 picks a number
	// suited to the machine.
	Workers int
}

// Machine is one machine as the findings name it.
type Machine struct {
	Host string `json:"host"`
	File string `json:"file"`
}

// Duplicate is a value found on more than one machine.
type Duplicate struct {
	Field Field  `json:"field"`
	Value string `json:"value"`
	// Hosts are the machines' host names, sorted; Machines says which
	// report each one comes from.
	Hosts    []string  `json:"hosts"`
	Machines []Machine `json:"machines"`
	// Placeholder is true when the value is also a factory placeholder.
	Placeholder bool `json:"placeholder"`
}

// Placeholder is a factory placeholder serial and the machines carrying it.
type Placeholder struct {
	Field    Field     `json:"field"`
	Value    string    `json:"value"`
	Hosts    []string  `json:"hosts"`
	Machines []Machine `json:"machines"`
}

// Failing is a machine whose own checks failed.
type Failing struct {
	Host   string   `json:"host"`
	File   string   `json:"file"`
	Checks []string `json:"checks"`
}

// Unreadable is an input that could not be used.
type Unreadable struct {
	File    string    `json:"file"`
	Problem i18n.Text `json:"-"`
	// Reason is Problem in English, for programs.
	Reason string `json:"reason"`
}

// Result is everything fleet found.
type Result struct {
	Schema string `json:"schema"`
	// Machines counts distinct machines; Files counts the files read.
	Machines     int           `json:"machines"`
	Files        int           `json:"files"`
	Duplicates   []Duplicate   `json:"duplicates"`
	Placeholders []Placeholder `json:"placeholders"`
	Failing      []Failing     `json:"failing"`
	Unreadable   []Unreadable  `json:"unreadable"`
}

// Exit statuses (spec §5 style).
const (
	ExitClean      = 0
	ExitFindings   = 1
	ExitUnreadable = 2
)

// ExitCode is 2 when some input was unreadable, else 1 when something is
// duplicated, a placeholder or failing, else 0.
func (r Result) ExitCode() int {
	switch {
	case len(r.Unreadable) > 0:
		return ExitUnreadable
	case len(r.Duplicates) > 0 || len(r.Placeholders) > 0 || len(r.Failing) > 0:
		return ExitFindings
	}
	return ExitClean
}
