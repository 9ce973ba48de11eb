package collect

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeWevtutil puts a wevtutil on PATH that does what Windows' does with
// epl (writes the export) and al (writes LocaleMetaData beside it), and
// fails al for an export whose name says "broken" and epl for Security.
func fakeWevtutil(t *testing.T) {
	bin := t.TempDir()
	script := `#!/bin/sh
case "$1" in
epl)
	if [ "$2" = Security ]; then echo "Failed to export log Security. Access is denied." >&2; exit 5; fi
	printf 'ElfFile' > "$3" ;;
al)
	case "$2" in *broken*) echo "Failed to archive log." >&2; exit 87 ;; esac
	d=$(dirname "$2"); b=$(basename "$2" .evtx)
	mkdir -p "$d/LocaleMetaData" && printf 'MTA' > "$d/LocaleMetaData/${b}_1033.MTA" ;;
esac
`
	if err := os.WriteFile(filepath.Join(bin, "wevtutil"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func TestEventLogIsArchivedAfterExport(t *testing.T) {
	requireUnix(t)
	fakeWevtutil(t)
	opts := baseOptions(t)
	opts.GOOS = "windows" // event logs are only exported there
	opts.Collectors = []Collector{
		{Name: "eventlog-system", Category: "system-log", EventLog: "System"},
		{Name: "eventlog-broken", Category: "system-log", EventLog: "Application"},
		{Name: "eventlog-security", Category: "system-log", EventLog: "Security"},
	}
	out, err := Write(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	entries, m := readBack(t, out.Path)

	ok := collectorByName(m, "eventlog-system")
	if ok.Status != Pass || ok.Error != "" {
		t.Errorf("export and archive both worked: %s %q", ok.Status, ok.Error)
	}
	for _, name := range []string{"system-log-系统日志/eventlog-system.evtx", "system-log-系统日志/LocaleMetaData/eventlog-system_1033.MTA"} {
		if _, found := entries[name]; !found {
			t.Errorf("no %s in the package: %v", name, keys(entries))
		}
	}

	broken := collectorByName(m, "eventlog-broken")
	if broken.Status != Warn || !strings.Contains(broken.Error, "wevtutil al did not succeed (exited with status 87)") || !strings.Contains(broken.ErrorZH, "wevtutil al 没有成功") {
		t.Errorf("archive failed: %s %q / %q, want a warning naming wevtutil al", broken.Status, broken.Error, broken.ErrorZH)
	}
	if _, found := entries["system-log-系统日志/eventlog-broken.evtx"]; !found {
		t.Errorf("the export is kept when al fails: %v", keys(entries))
	}

	denied := collectorByName(m, "eventlog-security")
	if denied.Status != Fail || !denied.NeedsAdmin || !strings.Contains(denied.Error, "Access was denied to wevtutil epl Security") {
		t.Errorf("denied export: %s needs_admin=%v %q", denied.Status, denied.NeedsAdmin, denied.Error)
	}
}
