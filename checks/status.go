// Package checks judges facts. Every check is a pure function of a snapshot
// and the configured rules: no I/O, so every rule is tested on any OS and a
// recorded snapshot is judged exactly as the live machine would be.
//
// It may import internal/facts and internal/i18n only: the rules sit just above the facts they judge.
package checks

import "actwiz/internal/i18n"

// Status is the outcome of one check (spec §1).
type Status string

const (
	Pass    Status = "pass"
	Warn    Status = "warn"
	Fail    Status = "fail"
	Unknown Status = "unknown"
	Skip    Status = "skip"
)

// Statuses lists every status; its order is the support code's digit order.
var Statuses = []Status{Pass, Warn, Fail, Unknown, Skip}

// Valid reports whether s is one of the five statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Word is the status as a person reads it, next to its symbol.
func (s Status) Word() i18n.Text {
	switch s {
	case Pass:
		return i18n.T("通过", "PASS")
	case Warn:
		return i18n.T("注意", "WARN")
	case Fail:
		return i18n.T("不通过", "FAIL")
	case Unknown:
		return i18n.T("未知", "UNKNOWN")
	case Skip:
		return i18n.T("跳过", "SKIP")
	}
	return i18n.T(string(s), string(s))
}

// ExitCode is the exit status of a command that judged these results
// (spec §5): 1 if any failed, else 3 if any is unknown, else 0.
func ExitCode(results []Result) int {
	code := 0
	for _, r := range results {
		switch r.Status {
		case Fail:
			return 1
		case Unknown:
			code = 3
		}
	}
	return code
}
