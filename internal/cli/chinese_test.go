package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"actwiz/internal/facts"
)

// englishSentence is three or more ASCII words in a row: in Chinese mode
// that is an English sentence, unless it is a command, a path, an option
// or a value, which englishIn removes first.
var englishSentence = regexp.MustCompile(`[A-Za-z][a-z']+(?:[ ,:;]+[A-Za-z][a-z']+){2,}`)

// exempt is what stays as it is in every language: quoted and
// backquoted values, commands (from "actwiz" to the end of the clause),
// options, paths and URLs.
var exempt = []*regexp.Regexp{
	// A command line shown to run (the verify commands, the repair steps).
	regexp.MustCompile(`^\s*(?:wmic|Get-\w+|sc|net|winmgmt|slmgr|cscript|sudo|actwiz)\b.*`),
	regexp.MustCompile("`[^`]*`|\"[^\"]*\"|“[^”]*”|‘[^’]*’|'[^']*'|「[^」]*」"),
	// Identifiers: keys, categories, properties (probe.timeout,
	// group-policy, InLocalMachineContainer=true).
	regexp.MustCompile(`\S*[A-Za-z0-9][._=-][A-Za-z0-9]\S*`),
	// Values read from the machine that happen to be words: WMI's
	// MediaType strings.
	regexp.MustCompile(`(?:Fixed|External|Removable) hard disk media|Removable [Mm]edia`),
	regexp.MustCompile(`(?:sudo )?actwiz(?: [^ ，。；：（）]+)*`),
	regexp.MustCompile(`\S*[/\\]\S*`),
	regexp.MustCompile(`--?[a-z][a-z-]*(?:[ =][^ ，。；]+)?`),
}

func englishIn(line string) string {
	for _, re := range exempt {
		line = re.ReplaceAllString(line, " ")
	}
	return englishSentence.FindString(line)
}

// TestChineseAllTheWay runs the CLI in Chinese over bad flags, bad
// configuration, missing files and odd snapshots, and fails on any line
// holding an English sentence.
func TestChineseAllTheWay(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	unread := sample()
	unread.BIOS = nil
	unread.SetErr("bios", "this machine has no SMBIOS (DMI) table (/sys/class/dmi/id does not exist), so the firmware gives no BIOS or board serial number; usual on ARM boards and some virtual machines")
	unread.SetErrKind("bios", facts.KindNoSMBIOS)
	unread.Baseboard = nil
	unread.SetErr("baseboard", "could not read /sys/class/dmi/id/board_serial: input/output error")
	unread.NICs = nil
	unread.SetErr("nics", "timed out after 15s")
	unread.SetErrKind("nics", facts.KindTimeout)
	unread.Disks[0].SerialNumber = nil
	unread.SetErr("disks.SerialNumber", "permission denied reading /sys/block/sda/device/serial: Linux lets only root read it; run actwiz as root, for example with sudo")
	oldUnread := unread
	oldUnread.ErrorKinds = nil // a snapshot from before kinds were recorded
	unreadFile := saveSnapshot(t, unread)
	oldFile := filepath.Join(dir, "old.json")
	if err := facts.Save(oldFile, oldUnread); err != nil {
		t.Fatal(err)
	}

	inputs := [][]string{
		{"help"}, {"--help"}, {"help", "check"}, {"help", "collect"}, {"help", "fleet"}, {"help", "activate"},
		{"help", "config"}, {"help", "serial"}, {"help", "wizard"}, {"help", "completion"},
		{"chek"}, {"nosuch"}, {"check", "--colour"}, {"check", "--snapshot"}, {"collect", "--redact=maybe"},
		{"fleet", "-x"}, {"collect", "-o", "out"}, {"collect", "--only", "gpu"}, {"check", "--format", "xml"},
		{"check", "extra"}, {"completion"}, {"decode"}, {"decode", "O12"}, {"decode", "012 721 649"},
		{"check", "--snapshot", filepath.Join(dir, "missing.json")},
		{"check", "--snapshot", write("notjson.json", `{"schema": "actwiz.snapshot/v1", `)},
		{"check", "--snapshot", write("badjson.json", `{"schema": "actwiz.snapshot/v1", x}`)},
		{"check", "--snapshot", write("wrong.json", `{"schema": "actwiz.report/v1"}`)},
		{"check", "--snapshot", write("unknown.json", `{"schema": "actwiz.snapshot/v1", "gpu": {"name": "x"}}`)},
		{"check", "--snapshot", write("type.json", `{"schema": "actwiz.snapshot/v1", "disks": {"a": 1}}`)},
		{"check", "--snapshot", unreadFile}, {"check", "--snapshot", oldFile},
		{"wizard", "--plain", "--snapshot", unreadFile, "--config", write("hermetic.yaml", "activation:\n  endpoints: [\"https://127.0.0.1:1\"]\n")},
		{"check", "--config", write("typo.yaml", "probe:\n  timout: 5s\n")},
		{"check", "--config", write("type.yaml", "probe:\n  timeout: [1]\n")},
		{"check", "--config", write("bad.yaml", "probe: [\n")},
		{"check", "--config", filepath.Join(dir, "none.yaml")},
		{"config", "--check", write("theme.yaml", "ui:\n  theme: neon\n")},
		{"config"}, {"upload", filepath.Join(dir, "missing.zip")}, {"open", filepath.Join(dir, "missing.zip")},
		{"fleet", filepath.Join(dir, "missing.json")}, {"snapshot", "-o", filepath.Join(dir, "no", "x.json")},
	}
	for _, args := range inputs {
		r := run(t, sample(), append(args, "--lang", "zh")...)
		for _, line := range strings.Split(r.stdout+r.stderr, "\n") {
			if en := englishIn(line); en != "" {
				t.Errorf("actwiz %s --lang zh: English %q in %q", strings.Join(args, " "), en, line)
			}
		}
	}
}

func TestEnglishDetector(t *testing.T) {
	cases := []struct {
		line    string
		english bool
	}{
		{"无法读取：this machine has no SMBIOS table", true},
		{"Bad option: unknown flag", true},
		{"运行 actwiz help check 查看可用的参数。", false},
		{"没有 --colour 这个参数。", false},
		{"配置文件 /tmp/a b c/actwiz.yaml 中有未知的设置项 \"probe.timout\"。", false},
		{"系统原文：“could not read the file”", false},
		{"请用 sudo actwiz collect 再运行", false},
	}
	for _, c := range cases {
		if got := englishIn(c.line) != ""; got != c.english {
			t.Errorf("%q: english %v, want %v", c.line, got, c.english)
		}
	}
}
