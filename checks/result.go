package checks

import (
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// Result is what one check concluded.
type Result struct {
	ID     string
	Status Status
	// Observed is the raw value read (or a short list of them); empty when
	// nothing could be read.
	Observed string
	// Detail says in one sentence what was found and why it has this status.
	Detail i18n.Text
	// Hint says what to do, in order; always set for anything not pass.
	Hint i18n.Text
}

// Definition describes a check independently of any machine.
type Definition struct {
	ID    string
	Title i18n.Text
	Rule  i18n.Text
	// Verify lists commands a person can run to see the same value by hand:
	// PowerShell first, then the vendor's wmic form.
	Verify []string
	// VerifyLinux is the same on Linux.
	VerifyLinux []string
	// Needs lists the fact sections the check reads; it can run as soon as
	// they have all arrived.
	Needs []facts.Section
	// After lists checks whose results this one reads.
	After []string
	run   func(s facts.Snapshot, r Rules, earlier map[string]Result) Result
}

// VerifyFor returns the verify commands suited to the machine's OS family.
func (d Definition) VerifyFor(osFamily string) []string {
	if osFamily == "linux" && len(d.VerifyLinux) > 0 {
		return append(append([]string{}, d.VerifyLinux...), d.Verify...)
	}
	return d.Verify
}

// Run judges s. earlier holds the results of the checks named in After.
func (d Definition) Run(s facts.Snapshot, r Rules, earlier map[string]Result) Result {
	res := d.run(s, r, earlier)
	res.ID = d.ID
	// Explanations quote values read from the machine (a placeholder, a
	// disk model, a recorded read error), which can hold any bytes: they
	// are escaped here, once for every check, so no view or report can
	// print one raw. Observed stays the raw value (spec §4).
	res.Detail = escapeText(res.Detail)
	res.Hint = escapeText(res.Hint)
	return res
}

// Rules is the configurable part of the checks.
type Rules struct {
	Placeholders Placeholders
}

// DefaultRules returns the rules with the spec's defaults.
func DefaultRules() Rules { return Rules{Placeholders: NewPlaceholders(nil)} }

// Hardware is the catalogue of hardware checks, in report order. Its order
// and ids are a contract (spec §2).
var Hardware = []Definition{biosSerial, boardSerial, diskSerial, diskFixed, nicPresent, nicFixed}

// registered holds the definitions of checks judged outside this package
// (serial, activation): their packages register them so reports and views
// find their titles and rules.
var registered []Definition

// Register adds definitions of checks that other packages judge.
func Register(defs ...Definition) { registered = append(registered, defs...) }

// Lookup finds a definition by id in the known catalogues.
func Lookup(id string) (Definition, bool) {
	for _, d := range append(Hardware[:len(Hardware):len(Hardware)], registered...) {
		if d.ID == id {
			return d, true
		}
	}
	return Definition{}, false
}

// RunAll judges a complete snapshot with every definition, in order.
func RunAll(defs []Definition, s facts.Snapshot, r Rules) []Result {
	done := map[string]Result{}
	out := make([]Result, 0, len(defs))
	for _, d := range defs {
		res := d.Run(s, r, done)
		done[d.ID] = res
		out = append(out, res)
	}
	return out
}

func escapeText(t i18n.Text) i18n.Text {
	return i18n.Text{ZH: machinetext.EscapeLines(t.ZH), EN: machinetext.EscapeLines(t.EN)}
}
