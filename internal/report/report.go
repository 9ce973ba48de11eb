// Package report turns check results into the report of spec §4: JSON for
// programs, a table for people. Both carry the support code.
//
// It may import checks, internal/facts, internal/report/supportcode and the text and file helpers; never steps or ui.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/report/supportcode"
)

// Schema is the value of the report's "schema" member.
const Schema = "actwiz.report/v1"

// Report is the JSON document. The first members are fixed by spec §4;
// the rest are actwiz's own.
type Report struct {
	Schema      string          `json:"schema"`
	Checks      []Check         `json:"checks"`
	Code        string          `json:"code"`
	Tool        Tool            `json:"tool"`
	GeneratedAt time.Time       `json:"generated_at"`
	Lang        i18n.Lang       `json:"lang"`
	Source      Source          `json:"source"`
	Host        facts.Host      `json:"host"`
	Case        string          `json:"case,omitempty"`
	Facts       *facts.Snapshot `json:"facts,omitempty"`
	// Title heads the text output; empty means the hardware check's.
	Title i18n.Text `json:"-"`
}

// Check is one result as written in the report.
type Check struct {
	ID       string        `json:"id"`
	Status   checks.Status `json:"status"`
	Observed string        `json:"observed"`
	Hint     string        `json:"hint"`
	// Verify is the PowerShell command (spec §4); VerifyCommands adds the
	// vendor's wmic form and, on Linux, the Linux one.
	Verify         string   `json:"verify"`
	Title          string   `json:"title"`
	Rule           string   `json:"rule"`
	Detail         string   `json:"detail"`
	VerifyCommands []string `json:"verify_commands"`
}

type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Source says what was judged: this machine, or a recorded snapshot.
type Source struct {
	Kind string `json:"kind"` // "machine" or "snapshot"
	File string `json:"file,omitempty"`
}

// Input is everything a report is built from.
type Input struct {
	Results []checks.Result
	Facts   facts.Snapshot
	Lang    i18n.Lang
	Version string
	Source  Source
	Case    string
	Now     time.Time
}

// Build assembles the report.
func Build(in Input) (Report, error) {
	code, err := supportcode.Encode(in.Results)
	if err != nil {
		return Report{}, fmt.Errorf("building the support code: %w", err)
	}
	snap := in.Facts
	rep := Report{
		Schema:      Schema,
		Code:        code,
		Tool:        Tool{Name: "actwiz", Version: in.Version},
		GeneratedAt: in.Now.UTC().Truncate(time.Second),
		Lang:        in.Lang,
		Source:      in.Source,
		Host:        in.Facts.Host,
		Case:        in.Case,
		Facts:       &snap,
		Checks:      make([]Check, 0, len(in.Results)),
	}
	for _, r := range in.Results {
		def, _ := checks.Lookup(r.ID)
		verify := def.VerifyFor(in.Facts.Host.OSFamily)
		c := Check{
			ID:             r.ID,
			Status:         r.Status,
			Observed:       r.Observed,
			Hint:           r.Hint.In(in.Lang),
			Title:          def.Title.In(in.Lang),
			Rule:           def.Rule.In(in.Lang),
			Detail:         r.Detail.In(in.Lang),
			VerifyCommands: verify,
		}
		if len(def.Verify) > 0 {
			c.Verify = def.Verify[0]
		}
		if c.VerifyCommands == nil {
			c.VerifyCommands = []string{}
		}
		rep.Checks = append(rep.Checks, c)
	}
	return rep, nil
}

// JSON renders the report, indented, with a final newline. Control
// characters in observed values are escaped by the JSON encoder.
func (r Report) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("encoding report: %w", err)
	}
	return buf.Bytes(), nil
}
