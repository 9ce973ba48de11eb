package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"actwiz/internal/display"
	"actwiz/internal/i18n"
	"actwiz/steps"
)

// variant is one language, size and theme every screen is drawn in.
type variant struct {
	lang   i18n.Lang
	w, h   int
	glyphs display.Set
}

func (v variant) name() string {
	return fmt.Sprintf("%s-%dx%d-%s", v.lang, v.w, v.h, v.glyphs.Name)
}

var variants = []variant{
	{i18n.ZH, 80, 24, display.Unicode}, {i18n.EN, 80, 24, display.Unicode},
	{i18n.ZH, 120, 40, display.Unicode}, {i18n.EN, 120, 40, display.Unicode},
	{i18n.ZH, 80, 24, display.Plain}, {i18n.EN, 80, 24, display.Plain},
}

// screens drive the wizard to each screen from a fresh start.
var screens = []struct {
	name  string
	drive func(t *testing.T, v variant) *driver
}{
	{"welcome", func(t *testing.T, v variant) *driver {
		return newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, snapshot: "whitebox-placeholders.json"})
	}},
	{"welcome-case-problem", func(t *testing.T, v variant) *driver {
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, snapshot: "whitebox-placeholders.json"})
		d.send(keyMsg("案件 4851"))
		d.key("enter")
		return d
	}},
	{"welcome-language", func(t *testing.T, v variant) *driver {
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h})
		d.key("cas-04851-r7r3x", "tab")
		return d
	}},
	{"hardware-running", func(t *testing.T, v variant) *driver {
		release := make(chan struct{})
		t.Cleanup(func() { close(release) })
		snap := loadSnapshot(t, "whitebox-placeholders.json")
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, reader: gatedReader{snap: snap, release: release}})
		d.key("enter")
		d.until(func() bool { return d.resultsIn() == 2 })
		return d
	}},
	{"hardware-done", func(t *testing.T, v variant) *driver {
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, snapshot: "whitebox-placeholders.json", caseNo: "CAS-04851-R7R3X9"})
		d.key("enter")
		d.until(func() bool { return d.hardware().state == finished })
		return d
	}},
	{"hardware-selected-warn", func(t *testing.T, v variant) *driver {
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, snapshot: "whitebox-placeholders.json"})
		d.key("enter")
		d.until(func() bool { return d.hardware().state == finished })
		d.key("down", "j", "down")
		return d
	}},
	{"help", func(t *testing.T, v variant) *driver {
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, snapshot: "lenovo-good.json"})
		d.key("enter")
		d.until(func() bool { return d.hardware().state == finished })
		d.key("?")
		return d
	}},
	{"quit-confirm", func(t *testing.T, v variant) *driver {
		release := make(chan struct{})
		t.Cleanup(func() { close(release) })
		snap := loadSnapshot(t, "lenovo-good.json")
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, reader: gatedReader{snap: snap, release: release}})
		d.key("enter")
		d.until(func() bool { return d.resultsIn() == 2 })
		d.key("q")
		return d
	}},
	{"question-choose", func(t *testing.T, v variant) *driver {
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, snapshot: "lenovo-good.json", extra: []steps.Step{&askingStep{}}})
		d.key("enter")
		d.until(func() bool { return d.hardware().state == finished })
		d.key("enter")
		d.until(func() bool { return d.m.stepsV[1].question != nil })
		d.key("y")
		d.until(func() bool { return d.m.stepsV[1].question != nil })
		d.key("down")
		return d
	}},
	{"summary-fail", func(t *testing.T, v variant) *driver {
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, snapshot: "whitebox-placeholders.json", caseNo: "CAS-04851-R7R3X9"})
		d.key("enter")
		d.until(func() bool { return d.hardware().state == finished })
		d.key("enter")
		d.drain()
		return d
	}},
	{"summary-pass", func(t *testing.T, v variant) *driver {
		d := newDriver(t, setup{lang: v.lang, glyphs: v.glyphs, w: v.w, h: v.h, snapshot: "lenovo-good.json"})
		d.key("enter")
		d.until(func() bool { return d.hardware().state == finished })
		d.key("enter")
		d.drain()
		return d
	}},
}

func TestScreensGolden(t *testing.T) {
	for _, sc := range screens {
		for _, v := range variants {
			t.Run(sc.name+"/"+v.name(), func(t *testing.T) {
				d := sc.drive(t, v)
				got := d.view()
				checkFits(t, got, v.w, v.h)
				golden(t, filepath.Join("testdata", "golden", sc.name+"_"+v.name()+".txt"), got)
			})
		}
	}
}

// checkFits: no line reaches into the terminal's rightMargin (a Windows
// console wraps at the last column, Wine's near it), no more lines than
// it has.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%d lines on a %d-line terminal", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w-rightMargin {
			t.Errorf("line %d is %d cells wide on a %d-column terminal, whose last %d columns stay empty: %q", i+1, n, w, rightMargin, l)
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file (run go test ./ui -update): %v", err)
	}
	if string(want) != got {
		t.Errorf("screen differs from %s (run go test ./ui -update after checking it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
