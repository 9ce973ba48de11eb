package report

import (
	"bytes"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/i18n"
)

// A report need not come from this run's checks (a result from another
// step, a report file read back): the text printer escapes every line of
// it and keeps the line breaks of a numbered hint.
func TestWriteTextEscapesEveryText(t *testing.T) {
	const bad = "\x1b[2J\x1b]52;c;eA==\x07\u009b1m\u202e"
	r := Report{Code: "010000022", Checks: []Check{{
		ID: "disk.serial", Status: checks.Fail, Title: "Disk" + bad, Observed: "v" + bad,
		Detail: "Disk " + bad + " is odd.", Hint: "1. one" + bad + "\n2. two", VerifyCommands: []string{"wmic" + bad},
	}}}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		var buf bytes.Buffer
		if err := WriteText(&buf, r, lang, display.Plain); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if strings.ContainsAny(out, "\x1b\x07\u009b\u202e") {
			t.Errorf("%s: raw control characters in the text report:\n%q", lang, out)
		}
		if !strings.Contains(out, `1. one\x1b[2J`) || !strings.Contains(out, "\n       2. two\n") {
			t.Errorf("%s: the hint must be escaped line by line:\n%s", lang, out)
		}
	}
}
