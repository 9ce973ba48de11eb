package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/facts"
	"actwiz/internal/probe"
	"actwiz/internal/report/supportcode"

	"github.com/spf13/pflag"
)

func sample() facts.Snapshot {
	s := facts.New()
	s.TakenAt = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	s.Host = facts.Host{Name: "PC-0142", OSFamily: "windows", OSCaption: "Microsoft Windows 10 Enterprise G", OSVersion: "10.0.19044"}
	s.BIOS = &facts.BIOS{SerialNumber: facts.Str("PF2XK7QW"), Manufacturer: facts.Str("LENOVO")}
	s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str("L1HF0AB03XZ")}
	s.Disks = []facts.Disk{{Index: facts.Int(0), Model: facts.Str("SAMSUNG MZVLB512HBJQ"), SerialNumber: facts.Str("0025_3881_91B1_3520."),
		InterfaceType: facts.Str("SCSI"), MediaType: facts.Str("Fixed hard disk media"), InLocalMachineContainer: facts.Bool(true), System: facts.Bool(true)}}
	s.NICs = []facts.NIC{{Name: facts.Str("Intel I219-V"), MACAddress: facts.Str("54:E1:AD:12:34:56"), PhysicalAdapter: facts.Bool(true),
		NetEnabled: facts.Bool(true), ConfigManagerErrorCode: facts.Int(0), PNPDeviceID: facts.Str(`PCI\VEN_8086&DEV_15BC`), InLocalMachineContainer: facts.Bool(true)}}
	return s
}

func saveSnapshot(t *testing.T, s facts.Snapshot) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "snap.json")
	if err := facts.Save(p, s); err != nil {
		t.Fatal(err)
	}
	return p
}

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, machine facts.Snapshot, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) },
		Machine:    func() probe.Reader { return probe.FromSnapshot(machine) },
		ConfigDirs: []string{t.TempDir()},
	}
	code := Run(context.Background(), args, env)
	return result{code, out.String(), errOut.String()}
}

func TestCheckExitCodes(t *testing.T) {
	failing := sample()
	failing.BIOS.SerialNumber = facts.Str("Default string")
	unknown := sample()
	unknown.Baseboard = nil
	unknown.SetErr("baseboard", "timed out after 15s")
	both := sample()
	both.BIOS.SerialNumber = facts.Str("To be filled by O.E.M.")
	both.NICs = nil
	cases := []struct {
		name string
		snap facts.Snapshot
		want int
	}{
		{"all pass", sample(), 0},
		{"a failure", failing, 1},
		{"an unknown", unknown, 3},
		{"fail outranks unknown", both, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := saveSnapshot(t, c.snap)
			if r := run(t, facts.Snapshot{}, "check", "--snapshot", file, "--lang", "en"); r.code != c.want {
				t.Errorf("snapshot: exit %d, want %d; stderr %q", r.code, c.want, r.stderr)
			}
			// The live path (the machine reader) must agree with the snapshot path.
			if r := run(t, c.snap, "check", "--lang", "en"); r.code != c.want {
				t.Errorf("machine: exit %d, want %d; stderr %q", r.code, c.want, r.stderr)
			}
		})
	}
}

func TestCheckJSONReport(t *testing.T) {
	s := sample()
	s.BIOS.SerialNumber = facts.Str("Default string")
	r := run(t, facts.Snapshot{}, "check", "--snapshot", saveSnapshot(t, s), "--format", "json", "--lang", "en")
	var rep struct {
		Schema string `json:"schema"`
		Checks []struct {
			ID, Status, Observed, Hint, Verify string
		} `json:"checks"`
		Code  string          `json:"code"`
		Facts *facts.Snapshot `json:"facts"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, r.stdout)
	}
	if rep.Schema != "actwiz.report/v1" || len(rep.Checks) != 6 || rep.Facts == nil {
		t.Fatalf("report = %+v", rep)
	}
	wantOrder := []string{"bios.serial", "board.serial", "disk.serial", "disk.fixed", "nic.present", "nic.fixed"}
	for i, c := range rep.Checks {
		if c.ID != wantOrder[i] {
			t.Errorf("check %d = %s; want %s (catalogue order)", i, c.ID, wantOrder[i])
		}
	}
	first := rep.Checks[0]
	if first.Status != "fail" || first.Observed != "Default string" || first.Hint == "" || !strings.Contains(first.Verify, "Get-CimInstance Win32_BIOS") {
		t.Errorf("bios.serial = %+v", first)
	}
	entries, _, err := supportcode.Decode(rep.Code)
	if err != nil || entries[0].Status != "fail" || entries[1].Status != "pass" {
		t.Errorf("code %q decodes to %v, %v", rep.Code, entries, err)
	}
}

func TestTextEscapesMachineValues(t *testing.T) {
	s := sample()
	s.BIOS.SerialNumber = facts.Str("\x1b]0;owned\x07\x1b[2J")
	s.Host.Name = "PC\x1b[31m"
	r := run(t, facts.Snapshot{}, "check", "--snapshot", saveSnapshot(t, s), "--lang", "en")
	if strings.ContainsAny(r.stdout, "\x1b\x07") {
		t.Fatalf("raw control characters reached the terminal:\n%q", r.stdout)
	}
	if !strings.Contains(r.stdout, `\x1b]0;owned\x07`) {
		t.Errorf("the escaped value is not shown:\n%s", r.stdout)
	}
}

func TestTextInBothLanguages(t *testing.T) {
	file := saveSnapshot(t, sample())
	zh := run(t, facts.Snapshot{}, "check", "--snapshot", file, "--lang", "zh")
	en := run(t, facts.Snapshot{}, "check", "--snapshot", file, "--lang", "en")
	for _, want := range []string{"BIOS 序列号", "主板序列号", "通过", "支持代码"} {
		if !strings.Contains(zh.stdout, want) {
			t.Errorf("Chinese output lacks %q:\n%s", want, zh.stdout)
		}
	}
	for _, want := range []string{"BIOS serial number", "PASS", "Support code"} {
		if !strings.Contains(en.stdout, want) {
			t.Errorf("English output lacks %q:\n%s", want, en.stdout)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		return p
	}
	notJSON := write("notjson.json", "{\"schema\": \"actwiz.snapshot/v1\", ")
	wrongSchema := write("wrong.json", `{"schema": "actwiz.report/v1"}`)
	wrongType := write("type.json", `{"schema": "actwiz.snapshot/v1", "disks": {"a": 1}}`)
	badConfig := write("actwiz.yaml", "probe:\n  timout: 5s\n")
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"snapshot not JSON", []string{"check", "--snapshot", notJSON}, []string{"notjson.json", "JSON"}},
		{"snapshot wrong schema", []string{"check", "--snapshot", wrongSchema}, []string{"wrong.json", "actwiz.report/v1", "actwiz.snapshot/v1"}},
		{"snapshot wrong type", []string{"check", "--snapshot", wrongType}, []string{"type.json", "disks"}},
		{"snapshot missing", []string{"check", "--snapshot", filepath.Join(dir, "nope.json")}, []string{"nope.json"}},
		{"unknown flag", []string{"check", "--colour"}, []string{"--colour", "help check"}},
		{"unknown command", []string{"chek"}, []string{"chek", "actwiz help"}},
		{"extra argument", []string{"check", "extra"}, []string{"extra"}},
		{"bad format", []string{"check", "--format", "xml"}, []string{"xml", "text, json"}},
		{"config typo", []string{"check", "--config", badConfig}, []string{"actwiz.yaml", "probe.timout", "probe.timeout"}},
		{"bad lang flag", []string{"check", "--lang", "fr"}, []string{"--lang", "zh or en"}},
		{"decode mistyped", []string{"decode", "012 721 649"}, []string{"012 721 649", "mistyped"}},
		{"decode letters", []string{"decode", "O12"}, []string{"O12"}},
		{"decode nothing", []string{"decode"}, []string{"actwiz decode"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, sample(), append(c.args, "--lang", "en")...)
			if c.name == "bad lang flag" {
				r = run(t, sample(), c.args...)
			}
			if r.code != 2 {
				t.Errorf("exit %d, want 2; stderr %q", r.code, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("nothing may be printed on stdout, got %q", r.stdout)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q does not mention %q", r.stderr, w)
				}
			}
			if strings.Contains(r.stderr, "goroutine") || strings.Count(strings.TrimSpace(r.stderr), "\n") > 1 {
				t.Errorf("stderr must be one or two plain sentences: %q", r.stderr)
			}
		})
	}
}

func TestBadInputInChinese(t *testing.T) {
	r := run(t, sample(), "check", "--snapshot", "/nonexistent/x.json", "--lang", "zh")
	if r.code != 2 || !strings.Contains(r.stderr, "快照文件") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestSnapshotCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pc.json")
	r := run(t, sample(), "snapshot", "-o", out, "--lang", "en")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	got, err := facts.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if *got.BIOS.SerialNumber != "PF2XK7QW" || len(got.Disks) != 1 || got.TakenAt.IsZero() {
		t.Errorf("snapshot round trip lost facts: %+v", got)
	}
	// Into a folder that does not exist: exit 2 and no file.
	bad := filepath.Join(t.TempDir(), "missing", "pc.json")
	if r := run(t, sample(), "snapshot", "-o", bad, "--lang", "en"); r.code != 2 || !strings.Contains(r.stderr, bad) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	stdout := run(t, sample(), "snapshot")
	if _, err := facts.Parse([]byte(stdout.stdout)); err != nil {
		t.Errorf("snapshot on stdout does not parse: %v", err)
	}
}

func TestDecodeCommand(t *testing.T) {
	s := sample()
	s.Baseboard.SerialNumber = facts.Str("None")
	j := run(t, facts.Snapshot{}, "check", "--snapshot", saveSnapshot(t, s), "--format", "json")
	var rep struct{ Code string }
	json.Unmarshal([]byte(j.stdout), &rep)
	r := run(t, facts.Snapshot{}, "decode", supportcode.Format(rep.Code), "--lang", "en")
	if r.code != 1 {
		t.Errorf("decode of a failing code: exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stdout, "FAIL") || !strings.Contains(r.stdout, "board.serial") {
		t.Errorf("decode output:\n%s", r.stdout)
	}
	lines := strings.Split(r.stdout, "\n")
	for _, l := range lines {
		if strings.Contains(l, "board.serial") && !strings.Contains(l, "FAIL") {
			t.Errorf("board.serial must decode as FAIL: %q", l)
		}
	}
}

func TestHelp(t *testing.T) {
	r := run(t, sample(), "help", "--lang", "en")
	for _, name := range []string{"check", "snapshot", "decode", "version"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("help does not list %s", name)
		}
	}
	if r := run(t, sample(), "check", "--help", "--lang", "zh"); r.code != 0 || !strings.Contains(r.stdout, "--snapshot") {
		t.Errorf("check --help: %d %q", r.code, r.stdout)
	}
}

func TestEveryFlagHasChineseHelp(t *testing.T) {
	for _, mk := range commands {
		c := mk()
		fs := pflag.NewFlagSet(c.Name(), pflag.ContinueOnError)
		var g globalFlags
		g.add(fs)
		c.Flags(fs)
		fs.VisitAll(func(f *pflag.Flag) {
			if flagHelpZH[f.Usage] == "" {
				t.Errorf("actwiz %s --%s: no Chinese for %q in flagHelpZH", c.Name(), f.Name, f.Usage)
			}
		})
	}
	r := run(t, sample(), "help", "check", "--lang", "zh")
	if !strings.Contains(r.stdout, "检查记录的快照") {
		t.Errorf("help check in Chinese shows English flag help:\n%s", r.stdout)
	}
}
