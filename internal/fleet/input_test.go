package fleet

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"

	"actwiz/checks"
)

// minimalReport is a report as other tooling might write it, with the
// members fleet reads.
func minimalReport(host, bios, extra string) string {
	return `{"schema": "actwiz.report/v1", "generated_at": "2026-11-26T09:00:00Z", "checks": [],
 "facts": {"host": {"name": "` + host + `"}, "bios": {"SerialNumber": "` + bios + `"}` + extra + `}}`
}

func TestFleetReadsWhatWindowsWrites(t *testing.T) {
	dir := t.TempDir()
	rules := checks.DefaultRules()
	plain, err := os.ReadFile(writeReport(t, t.TempDir(), pc{host: "PC-张三", bios: "S1", board: "B1", at: t0}, rules))
	if err != nil {
		t.Fatal(err)
	}
	le := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(string(plain))) {
		le = binary.LittleEndian.AppendUint16(le, u)
	}
	writeFile(t, filepath.Join(dir, "bom.json"), "\xef\xbb\xbf"+strings.ReplaceAll(string(plain), "PC-张三", "PC-BOM"))
	writeFile(t, filepath.Join(dir, "utf16.json"), string(le))
	r := scan(t, []string{dir}, Options{Rules: rules})
	if r.Files != 2 || len(r.Unreadable) != 0 || len(dup(r, BIOSSerial)) != 1 {
		t.Errorf("a BOM and a UTF-16 report: %d files, unreadable %+v, duplicates %+v", r.Files, r.Unreadable, r.Duplicates)
	}
}

func TestFleetWordsAndBoundsBadReports(t *testing.T) {
	dir := t.TempDir()
	million := func(member string) string {
		return `, "` + member + `": [{}` + strings.Repeat(`,{}`, 1_000_000) + `]`
	}
	bad := map[string][]string{
		writeFile(t, filepath.Join(dir, "array.json"), `[`+minimalReport("A", "S", "")+`]`):                                                                              {"does not hold a JSON object"},
		writeFile(t, filepath.Join(dir, "numschema.json"), `{"schema": 5}`):                                                                                              {`"schema" 5, which is not text`},
		writeFile(t, filepath.Join(dir, "snapnum.json"), `{"schema": "actwiz.snapshot/v1", "taken_at": "yesterday"}`):                                                    {`"taken_at" as the text "yesterday"`},
		writeFile(t, filepath.Join(dir, "badtime.json"), strings.Replace(minimalReport("B", "S", ""), "2026-11-26T09:00:00Z", "soon", 1)):                                {`"generated_at" "soon"`, "2026-01-31T08:00:00+08:00"},
		writeFile(t, filepath.Join(dir, "disks.json"), minimalReport("C", "S", million("disks"))):                                                                        {"more than 1024 disks"},
		writeFile(t, filepath.Join(dir, "nics.json"), minimalReport("D", "S", million("nics"))):                                                                          {"more than 1024 network adapters"},
		writeFile(t, filepath.Join(dir, "snapdisks.json"), `{"schema": "actwiz.snapshot/v1"`+million("disks")+`}`):                                                       {"more than 1024 disks"},
		writeFile(t, filepath.Join(dir, "longserial.json"), minimalReport("E", strings.Repeat("S", 2000), "")):                                                           {"longer than 1024 bytes"},
		writeFile(t, filepath.Join(dir, "checks.json"), strings.Replace(minimalReport("F", "S", ""), `"checks": []`, `"checks": [{}`+strings.Repeat(`,{}`, 300)+`]`, 1)): {"more than 256 checks"},
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := scan(t, []string{dir}, Options{KeepGoing: true})
	runtime.ReadMemStats(&after)
	got := map[string]string{}
	for _, u := range r.Unreadable {
		got[u.File] = u.Problem.EN
	}
	for path, wants := range bad {
		for _, w := range wants {
			if !strings.Contains(got[path], w) {
				t.Errorf("%s: %q; want it to say %q", filepath.Base(path), got[path], w)
			}
		}
		for _, w := range []string{"top level", "string, not number", "2006-01-02", "struct {"} {
			if strings.Contains(got[path], w) {
				t.Errorf("%s: %q speaks Go (%q)", filepath.Base(path), got[path], w)
			}
		}
	}
	// Three files of a million entries are 9 MB of JSON; decoded whole
	// they took gigabytes.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 512<<20 {
		t.Errorf("reading the bad files allocated %d MiB", alloc>>20)
	}
}
