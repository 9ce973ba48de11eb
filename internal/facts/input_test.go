package facts

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// goWords are Go's own words, which a person cannot act on.
var goWords = []string{"struct {", "*string", "[]facts", "json:", "2006-01-02T15:04:05Z07:00", "Go value", "top level", "main."}

func TestLoadWordsProblemsPlainly(t *testing.T) {
	dir := t.TempDir()
	huge := strings.Repeat("v", 1<<20)
	cases := []struct {
		name, content string
		want          []string
	}{
		{"array", `[{"schema": "actwiz.snapshot/v1"}]`, []string{"a list [ … ]", "one JSON object"}},
		{"string", `"actwiz.snapshot/v1"`, []string{"holds text", "one JSON object"}},
		{"numeric schema", `{"schema": 5}`, []string{`"schema" as the number 5`, `"actwiz.snapshot/v1"`}},
		{"bad taken_at", `{"schema": "actwiz.snapshot/v1", "taken_at": "yesterday"}`, []string{`"taken_at" as the text "yesterday"`, "2026-01-31T08:00:00+08:00"}},
		{"numeric taken_at", `{"schema": "actwiz.snapshot/v1", "taken_at": 1700000000}`, []string{`"taken_at" as the number 1700000000`}},
		{"wrong type", "{\"schema\": \"actwiz.snapshot/v1\",\n \"disks\": [{\"Index\": \"one\"}]}", []string{"line 2, column 22", `"disks.Index" must be a whole number or null, not text`}},
		{"wrong shape", `{"schema": "actwiz.snapshot/v1", "disks": "none"}`, []string{`"disks" must be a list [ … ] or null, not text`}},
		{"truncated", `{"schema": "actwiz.snapshot/v1", "bios": {`, []string{"not valid JSON (the file ends too early)"}},
		{"huge schema", `{"schema": "` + huge + `"}`, []string{"has schema", "…"}},
	}
	for _, c := range cases {
		p := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".json")
		os.WriteFile(p, []byte(c.content), 0o644)
		_, err := Load(p)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: want *InputError, got %v", c.name, err)
			continue
		}
		msg := ie.Text()
		for _, w := range append(c.want, p) {
			if !strings.Contains(msg.EN, w) {
				t.Errorf("%s: %q does not say %q", c.name, msg.EN, w)
			}
		}
		for _, w := range goWords {
			if strings.Contains(msg.EN, w) || strings.Contains(msg.ZH, w) {
				t.Errorf("%s: %q speaks Go (%q)", c.name, msg.EN, w)
			}
		}
		if len(msg.EN) > 400 || len(msg.ZH) > 400 {
			t.Errorf("%s: message of %d bytes; a quoted value must be cut", c.name, len(msg.EN))
		}
	}
}

func TestLoadReadsWhatWindowsWrites(t *testing.T) {
	dir := t.TempDir()
	plain := `{"schema": "actwiz.snapshot/v1", "host": {"name": "PC-张三"}}`
	// UTF-16 by hand: every character here is in the BMP, so each is
	// its code unit, low byte first (LE) or high byte first (BE).
	utf16 := func(bigEndian bool) []byte {
		out := []byte{0xff, 0xfe}
		if bigEndian {
			out = []byte{0xfe, 0xff}
		}
		for _, r := range plain {
			lo, hi := byte(r), byte(r>>8)
			if bigEndian {
				lo, hi = hi, lo
			}
			out = append(out, lo, hi)
		}
		return out
	}
	cases := map[string][]byte{
		"utf8-bom":  append([]byte{0xef, 0xbb, 0xbf}, plain...),
		"utf16le":   utf16(false),
		"utf16be":   utf16(true),
		"utf8-crlf": []byte(strings.ReplaceAll(plain, " ", "\r\n")),
	}
	for name, data := range cases {
		p := filepath.Join(dir, name+".json")
		os.WriteFile(p, data, 0o644)
		s, err := Load(p)
		if err != nil || s.Host.Name != "PC-张三" {
			t.Errorf("%s: %+v, %v", name, s.Host, err)
		}
	}
}

func TestParseBoundsDisksAndAdapters(t *testing.T) {
	for _, member := range []string{"disks", "nics"} {
		// A million empty entries is 3 MB of JSON and, decoded, gigabytes.
		data := `{"schema": "actwiz.snapshot/v1", "` + member + `": [{}` + strings.Repeat(`,{"x":[1,{"y":","}]}`, 1_000_000) + `]}`
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Parse([]byte(data))
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), "lists more than 1024") {
			t.Errorf("%s: a million entries: %v; want them refused", member, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
			t.Errorf("%s: refusing a million entries allocated %d MiB", member, alloc>>20)
		}
	}
	ok := `{"schema": "actwiz.snapshot/v1", "disks": [{}` + strings.Repeat(`,{"Model":"a,]}"}`, MaxDisks-1) + `]}`
	if s, err := Parse([]byte(ok)); err != nil || len(s.Disks) != MaxDisks {
		t.Errorf("%d disks: %d read, %v; want all", MaxDisks, len(s.Disks), err)
	}
}

func TestCountElements(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{`null`, 0}, {`[]`, 0}, {`[ ]`, 0}, {`[1]`, 1}, {`[1,2]`, 2},
		{`[{"a":[1,2]},"x,y",[3,4]]`, 3}, {`["a\",b", 1]`, 2}, {`["\\", 1]`, 2},
		{`"a,b"`, 0}, {`{"a":1,"b":2}`, 0},
	}
	for _, c := range cases {
		if got := countElements([]byte(c.in), 100); got != c.want {
			t.Errorf("countElements(%s) = %d; want %d", c.in, got, c.want)
		}
	}
}
