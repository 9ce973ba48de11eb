package fleet

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/report"
)

// pc describes a generated machine. Reports are built by report.Build from
// checks.RunAll, exactly as actwiz check --save writes them.
type pc struct {
	host, bios, board string
	disks             []string // fixed disk serials
	macs              []string
	nicDisabled       bool
	at                time.Time
}

var t0 = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// usbStick is the technician's stick, plugged into every machine: its serial
// must never count as a duplicate.
var usbStick = facts.Disk{
	Model: facts.Str("SanDisk Ultra"), SerialNumber: facts.Str("4C530001230512115283"),
	InterfaceType: facts.Str("USB"), MediaType: facts.Str("Removable Media"),
	InLocalMachineContainer: facts.Bool(false), System: facts.Bool(false),
}

func (p pc) snapshot() facts.Snapshot {
	s := facts.New()
	s.TakenAt = p.at
	s.Host = facts.Host{Name: p.host, OSFamily: "windows"}
	s.BIOS = &facts.BIOS{SerialNumber: facts.Str(p.bios), Manufacturer: facts.Str("LENOVO")}
	s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str(p.board)}
	s.Disks = []facts.Disk{}
	for i, d := range p.disks {
		s.Disks = append(s.Disks, facts.Disk{
			Index: facts.Int(i), SerialNumber: facts.Str(d), InterfaceType: facts.Str("SCSI"),
			MediaType: facts.Str("Fixed hard disk media"), InLocalMachineContainer: facts.Bool(true), System: facts.Bool(i == 0),
		})
	}
	s.Disks = append(s.Disks, usbStick)
	s.NICs = []facts.NIC{}
	for _, m := range p.macs {
		s.NICs = append(s.NICs, facts.NIC{
			Name: facts.Str("Intel(R) Ethernet"), MACAddress: facts.Str(m), PhysicalAdapter: facts.Bool(true),
			NetEnabled: facts.Bool(!p.nicDisabled), ConfigManagerErrorCode: facts.Int(0),
			PNPDeviceID: facts.Str(`PCI\VEN_8086&DEV_15BC`), InLocalMachineContainer: facts.Bool(true),
		})
	}
	// A USB network adapter the technician carries along.
	s.NICs = append(s.NICs, facts.NIC{
		Name: facts.Str("USB Ethernet"), MACAddress: facts.Str("00:E0:4C:68:00:01"), PhysicalAdapter: facts.Bool(true),
		NetEnabled: facts.Bool(true), PNPDeviceID: facts.Str(`USB\VID_0BDA&PID_8153\000001`), InLocalMachineContainer: facts.Bool(false),
	})
	return s
}

// writeReport saves p's report in dir and returns its path.
func writeReport(t *testing.T, dir string, p pc, rules checks.Rules) string {
	t.Helper()
	snap := p.snapshot()
	rep, err := report.Build(report.Input{
		Results: checks.RunAll(checks.Hardware, snap, rules), Facts: snap, Lang: i18n.ZH,
		Version: "test", Source: report.Source{Kind: "machine"}, Now: p.at,
	})
	if err != nil {
		t.Fatal(err)
	}
	path, err := report.Save(dir, rep)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func writeSnapshotFile(t *testing.T, dir string, p pc) string {
	t.Helper()
	path := filepath.Join(dir, p.host+".snapshot.json")
	if err := facts.Save(path, p.snapshot()); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func scan(t *testing.T, paths []string, opts Options) Result {
	t.Helper()
	if opts.Rules.Placeholders.Extra() == nil {
		opts.Rules = checks.DefaultRules()
	}
	r, err := Scan(context.Background(), paths, opts)
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	return r
}

func dup(r Result, field Field) []Duplicate {
	var out []Duplicate
	for _, d := range r.Duplicates {
		if d.Field == field {
			out = append(out, d)
		}
	}
	return out
}

func TestDuplicatesAcrossHosts(t *testing.T) {
	dir := t.TempDir()
	rules := checks.DefaultRules()
	// The same board serial written differently (case, padding, inner
	// spaces), the same MAC with other separators: still duplicates.
	writeReport(t, dir, pc{host: "PC-01", bios: "PF2XK7QW", board: "L1HF0AB03XZ", disks: []string{"S3Z1NB0K"}, macs: []string{"54:E1:AD:12:34:56"}, at: t0}, rules)
	writeReport(t, filepath.Join(dir, "floor2"), pc{host: "PC-02", bios: "PF2XK7QA", board: "  l1hf0ab03xz ", disks: []string{"S3Z1NB0L"}, macs: []string{"54-e1-ad-12-34-56"}, at: t0}, rules)
	writeReport(t, dir, pc{host: "PC-03", bios: "PF2XK7QB", board: "L1HF0AB03YY", disks: []string{"S3Z1NB0K"}, macs: []string{"54:E1:AD:12:34:99"}, at: t0}, rules)

	r := scan(t, []string{dir}, Options{})
	if r.Machines != 3 || r.Files != 3 {
		t.Fatalf("machines %d, files %d; want 3 and 3", r.Machines, r.Files)
	}
	want := map[Field][]string{
		BoardSerial: {"PC-01", "PC-02"},
		DiskSerial:  {"PC-01", "PC-03"},
		MAC:         {"PC-01", "PC-02"},
	}
	for _, f := range Fields {
		got := dup(r, f)
		if want[f] == nil {
			if len(got) != 0 {
				t.Errorf("%s: unexpected duplicates %+v", f, got)
			}
			continue
		}
		if len(got) != 1 || !slices.Equal(got[0].Hosts, want[f]) {
			t.Errorf("%s: duplicates %+v, want one on %v", f, got, want[f])
		}
	}
	if d := dup(r, MAC); len(d) == 1 && d[0].Value != "54:E1:AD:12:34:56" {
		t.Errorf("MAC shown as %q, want 54:E1:AD:12:34:56", d[0].Value)
	}
	if len(r.Failing) != 0 || r.ExitCode() != ExitFindings {
		t.Errorf("failing %+v, exit %d; want none failing and exit 1", r.Failing, r.ExitCode())
	}
}

func TestSameMachineTwiceIsOneMachineNewestCounting(t *testing.T) {
	dir := t.TempDir()
	rules := checks.DefaultRules()
	old := pc{host: "PC-01", bios: "PF2XK7QW", board: "L1HF0AB03XZ", disks: []string{"S3Z1NB0K"}, macs: []string{"54:E1:AD:12:34:56"}, nicDisabled: true, at: t0}
	fixed := old
	fixed.nicDisabled, fixed.at = false, t0.Add(time.Hour)
	// Written newest first, so file order cannot be what picks the winner.
	writeReport(t, dir, fixed, rules)
	writeReport(t, dir, old, rules)
	// Another host name with the same hardware is another machine.
	other := fixed
	other.host = "pc-01-renamed"
	writeReport(t, filepath.Join(dir, "b"), other, rules)

	r := scan(t, []string{dir}, Options{})
	if r.Machines != 2 || r.Files != 3 {
		t.Fatalf("machines %d, files %d; want 2 and 3", r.Machines, r.Files)
	}
	for _, d := range r.Duplicates {
		if slices.Contains(d.Hosts, "PC-01") && !slices.Contains(d.Hosts, "pc-01-renamed") {
			t.Errorf("PC-01 reported twice is flagged as a duplicate of itself: %+v", d)
		}
	}
	if len(r.Failing) != 0 {
		t.Errorf("the older report's failing nic.present counted: %+v", r.Failing)
	}

	// With only the same machine twice, the fleet is clean.
	only := t.TempDir()
	writeReport(t, only, fixed, rules)
	writeReport(t, only, old, rules)
	r = scan(t, []string{only}, Options{})
	if r.Machines != 1 || len(r.Duplicates) != 0 || r.ExitCode() != ExitClean {
		t.Errorf("same machine twice: %+v; want 1 machine, no duplicates, exit 0", r)
	}
}

func TestPlaceholdersNamed(t *testing.T) {
	dir := t.TempDir()
	rules := checks.Rules{Placeholders: checks.NewPlaceholders([]string{"ACME-0000"})}
	writeReport(t, dir, pc{host: "WB-01", bios: "Default string", board: "BRD-1", macs: []string{"00:11:22:33:44:01"}, at: t0}, rules)
	writeReport(t, dir, pc{host: "WB-02", bios: "default  STRING", board: "BRD-2", macs: []string{"00:11:22:33:44:02"}, at: t0}, rules)
	writeReport(t, dir, pc{host: "WB-03", bios: "SER-3", board: "To be filled by O.E.M.", macs: []string{"00:11:22:33:44:03"}, at: t0}, rules)
	writeSnapshotFile(t, dir, pc{host: "WB-04", bios: "ACME-0000", board: "BRD-4", macs: []string{"00:11:22:33:44:04"}, at: t0})

	r := scan(t, []string{dir}, Options{Rules: rules})
	type key struct {
		field Field
		value string
	}
	got := map[key][]string{}
	for _, p := range r.Placeholders {
		got[key{p.Field, p.Value}] = p.Hosts
	}
	want := map[key][]string{
		{BIOSSerial, "Default string"}:          {"WB-01", "WB-02"},
		{BoardSerial, "To be filled by O.E.M."}: {"WB-03"},
		{BIOSSerial, "ACME-0000"}:               {"WB-04"},
	}
	if len(got) != len(want) {
		t.Errorf("placeholders %v, want %v", got, want)
	}
	for k, hosts := range want {
		if !slices.Equal(got[k], hosts) {
			t.Errorf("placeholder %v on %v, want %v", k, got[k], hosts)
		}
	}
	ds := dup(r, BIOSSerial)
	if len(ds) != 1 || !ds[0].Placeholder || !slices.Equal(ds[0].Hosts, []string{"WB-01", "WB-02"}) {
		t.Errorf("the shared placeholder must also be a duplicate marked as placeholder: %+v", ds)
	}
	// The snapshot file was judged here, with the site's placeholder list.
	var snapFailing []string
	for _, f := range r.Failing {
		if f.Host == "WB-04" {
			snapFailing = f.Checks
		}
	}
	if !slices.Contains(snapFailing, "bios.serial") {
		t.Errorf("snapshot WB-04 failing %v, want bios.serial (site placeholder)", snapFailing)
	}
	if r.ExitCode() != ExitFindings {
		t.Errorf("exit %d, want 1", r.ExitCode())
	}
}

func TestCSVKeepsChinese(t *testing.T) {
	dir := t.TempDir()
	rules := checks.DefaultRules()
	writeReport(t, dir, pc{host: "财务部-01", bios: "同一序列号", board: "B1", at: t0}, rules)
	writeReport(t, dir, pc{host: "财务部-02", bios: "同一序列号", board: "B2", at: t0}, rules)
	r := scan(t, []string{dir}, Options{})

	var buf bytes.Buffer
	if err := WriteCSV(&buf, r, i18n.ZH); err != nil {
		t.Fatal(err)
	}
	data, ok := bytes.CutPrefix(buf.Bytes(), []byte(utf8BOM))
	if !ok {
		t.Fatalf("CSV does not start with the UTF-8 byte order mark Excel needs: % x", buf.Bytes()[:min(8, buf.Len())])
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not read back: %v", err)
	}
	if !slices.Equal(rows[0], []string{"类别", "字段", "值", "主机名", "文件", "说明"}) {
		t.Errorf("header %q", rows[0])
	}
	var hosts []string
	for _, row := range rows[1:] {
		if row[0] == KindDuplicate && row[1] == string(BIOSSerial) {
			if row[2] != "同一序列号" {
				t.Errorf("value %q, want 同一序列号", row[2])
			}
			hosts = append(hosts, row[3])
		}
	}
	if !slices.Equal(hosts, []string{"财务部-01", "财务部-02"}) {
		t.Errorf("duplicate rows name %q, want both 财务部 machines", hosts)
	}
}

func TestCellSafe(t *testing.T) {
	cases := []struct{ in, want string }{
		{"PF2XK7QW", "PF2XK7QW"},
		{"-1", "-1"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+cmd", "'+cmd"},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{`C:\reports\PC-01.json`, `C:\reports\PC-01.json`},
		{"a\x1bb", `a\x1bb`},
	}
	for _, c := range cases {
		if got := cellSafe(c.in); got != c.want {
			t.Errorf("cellSafe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestBadFilesNamed(t *testing.T) {
	dir := t.TempDir()
	rules := checks.DefaultRules()
	writeReport(t, dir, pc{host: "PC-01", bios: "S1", board: "B1", at: t0}, rules)
	writeReport(t, dir, pc{host: "PC-02", bios: "S1", board: "B2", at: t0}, rules)
	bad := map[string]string{
		writeFile(t, filepath.Join(dir, "broken.json"), `{"schema": "actwiz.report/v1", "checks": [`):    "not valid JSON",
		writeFile(t, filepath.Join(dir, "sub", "other.json"), `{"schema": "someone.else/v2"}`):           `"someone.else/v2"`,
		writeFile(t, filepath.Join(dir, "nofacts.json"), `{"schema": "actwiz.report/v1", "checks": []}`): "without its facts",
	}
	// Not reports, and not read: other files on the stick, macOS litter.
	writeFile(t, filepath.Join(dir, "actwiz.yaml"), "lang: zh\n")
	writeFile(t, filepath.Join(dir, "._PC-01.json"), "\x00\x05\x16\x07")
	missing := filepath.Join(dir, "no-such-folder")

	_, err := Scan(context.Background(), []string{dir}, Options{Rules: rules})
	text, ok := ErrorText(err)
	if !ok {
		t.Fatalf("without --keep-going a bad file must end the scan with its name; got %v", err)
	}
	named := false
	for path := range bad {
		named = named || strings.Contains(text.EN, path) && strings.Contains(text.ZH, path)
	}
	if !named {
		t.Errorf("error %q names none of the bad files", text.EN)
	}

	r := scan(t, []string{dir, missing}, Options{Rules: rules, KeepGoing: true})
	if r.Machines != 2 || len(dup(r, BIOSSerial)) != 1 {
		t.Errorf("--keep-going must still compare the good reports: %d machines, duplicates %+v", r.Machines, r.Duplicates)
	}
	got := map[string]string{}
	for _, u := range r.Unreadable {
		got[u.File] = u.Problem.EN
	}
	bad[missing] = "cannot be read"
	for path, why := range bad {
		if !strings.Contains(got[path], why) || !strings.Contains(got[path], path) {
			t.Errorf("unreadable %s: %q, want a message naming it and saying %q", path, got[path], why)
		}
	}
	if len(got) != len(bad) {
		t.Errorf("unreadable %v; want exactly %d files", got, len(bad))
	}
	if r.ExitCode() != ExitUnreadable {
		t.Errorf("exit %d, want 2", r.ExitCode())
	}
}

func TestEmptyFolderIsNamed(t *testing.T) {
	dir := t.TempDir()
	_, err := Scan(context.Background(), []string{dir}, Options{Rules: checks.DefaultRules()})
	if text, ok := ErrorText(err); !ok || !strings.Contains(text.EN, dir) {
		t.Errorf("a folder without reports must be named as an error, got %v", err)
	}
}

func TestCleanFleetAndJSON(t *testing.T) {
	dir := t.TempDir()
	rules := checks.DefaultRules()
	for i, host := range []string{"PC-01", "PC-02", "PC-03"} {
		writeReport(t, dir, pc{host: host, bios: "SER" + host, board: "BRD" + host, disks: []string{"D" + host},
			macs: []string{"54:E1:AD:12:34:5" + string(rune('0'+i))}, at: t0}, rules)
	}
	r := scan(t, []string{dir}, Options{})
	if r.ExitCode() != ExitClean {
		t.Fatalf("clean fleet: exit %d, result %+v", r.ExitCode(), r)
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Schema     string            `json:"schema"`
		Machines   int               `json:"machines"`
		Duplicates []json.RawMessage `json:"duplicates"`
	}
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Schema != Schema || back.Machines != 3 || back.Duplicates == nil || len(back.Duplicates) != 0 {
		t.Errorf("JSON %s", buf.String())
	}
	buf.Reset()
	if err := WriteText(&buf, r, i18n.EN); err != nil || !strings.Contains(buf.String(), "No serial or MAC address is duplicated") {
		t.Errorf("text output %q, %v", buf.String(), err)
	}
}

func TestTextEscapesValues(t *testing.T) {
	r := Result{Machines: 2, Files: 2, Duplicates: []Duplicate{{
		Field: BIOSSerial, Value: "evil\x1b]0;pwned\x07", Hosts: []string{"A\x1b[2J", "B"},
	}}}
	var buf bytes.Buffer
	if err := WriteText(&buf, r, i18n.ZH); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(buf.String(), 0x1b) || strings.ContainsRune(buf.String(), 0x07) {
		t.Errorf("raw control characters reached the text output: %q", buf.String())
	}
}

func TestNormalizeMAC(t *testing.T) {
	cases := []struct{ in, want string }{
		{"54:E1:AD:12:34:56", "54:E1:AD:12:34:56"},
		{"54-e1-ad-12-34-56", "54:E1:AD:12:34:56"},
		{"54e1.ad12.3456", "54:E1:AD:12:34:56"},
		{"00:00:00:00:00:00", ""},
		{"not a mac", "NOT A MAC"},
	}
	for _, c := range cases {
		if got := normalizeMAC(c.in); got != c.want {
			t.Errorf("normalizeMAC(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCancelledScanStops(t *testing.T) {
	dir := t.TempDir()
	rules := checks.DefaultRules()
	for _, h := range []string{"PC-01", "PC-02", "PC-03"} {
		writeReport(t, dir, pc{host: h, bios: "S" + h, board: "B" + h, at: t0}, rules)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Scan(ctx, []string{dir}, Options{Rules: rules}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled scan returned %v, want context.Canceled", err)
	}
}
