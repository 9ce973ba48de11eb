package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/display"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func build(t *testing.T, snapshot string, lang i18n.Lang) Report {
	t.Helper()
	snap, err := facts.Load(filepath.Join("..", "..", "testdata", "snapshots", snapshot))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Build(Input{
		Results: checks.RunAll(checks.Hardware, snap, checks.DefaultRules()),
		Facts:   snap, Lang: lang, Version: "test",
		Source: Source{Kind: "snapshot", File: snapshot},
		Now:    time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestTextGolden pins the text report a person reads, in both languages
// and both glyph sets. Regenerate with: go test ./report -update
func TestTextGolden(t *testing.T) {
	cases := []struct {
		snapshot string
		lang     i18n.Lang
		glyphs   display.Set
	}{
		{"whitebox-oem-placeholders.json", i18n.ZH, display.Unicode},
		{"whitebox-oem-placeholders.json", i18n.EN, display.Unicode},
		{"lenovo-thinkcentre-m720q.json", i18n.ZH, display.Plain},
		{"probe-timeout-disks.json", i18n.EN, display.Plain},
	}
	for _, c := range cases {
		name := strings.TrimSuffix(c.snapshot, ".json") + "." + string(c.lang) + "." + c.glyphs.Name + ".golden"
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteText(&buf, build(t, c.snapshot, c.lang), c.lang, c.glyphs); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name)
			if *update {
				os.MkdirAll("testdata", 0o755)
				os.WriteFile(golden, buf.Bytes(), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update)", err)
			}
			if buf.String() != string(want) {
				t.Errorf("text report differs from %s:\n%s", golden, buf.String())
			}
		})
	}
}

func TestPlainGlyphsAreASCIIOutsideText(t *testing.T) {
	var buf bytes.Buffer
	WriteText(&buf, build(t, "whitebox-oem-placeholders.json", i18n.EN), i18n.EN, display.Plain)
	for _, line := range strings.Split(buf.String(), "\n") {
		if len(line) > 1 && line[0] == ' ' && strings.ContainsAny(line[:2], "✓✗") {
			t.Errorf("unicode status glyph in plain mode: %q", line)
		}
	}
}

func TestJSONCarriesFactsAndEveryCheck(t *testing.T) {
	rep := build(t, "whitebox-oem-placeholders.json", i18n.EN)
	data, err := rep.JSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"schema": "actwiz.report/v1"`, `"facts": {`, `"schema": "actwiz.snapshot/v1"`, `"code": "`, `"verify": "Get-CimInstance`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("report JSON lacks %s", want)
		}
	}
	for i, c := range rep.Checks {
		if c.ID != checks.Hardware[i].ID {
			t.Errorf("check %d is %s; want catalogue order", i, c.ID)
		}
		if c.Status != checks.Pass && c.Status != checks.Skip && c.Hint == "" {
			t.Errorf("%s is %s without a hint", c.ID, c.Status)
		}
	}
}
