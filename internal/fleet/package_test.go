package fleet

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/report"
)

// packageOf writes a log package with the real collect code, holding the
// report actwiz writes into every package.
func packageOf(t *testing.T, dir, host, biosSerial string) string {
	t.Helper()
	s := facts.New()
	s.Host = facts.Host{Name: host, OSFamily: "windows"}
	s.BIOS = &facts.BIOS{SerialNumber: facts.Str(biosSerial)}
	s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str("BOARD-" + host)}
	s.Disks, s.NICs = []facts.Disk{}, []facts.NIC{}
	now := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	rep, err := report.Build(report.Input{Results: checks.RunAll(checks.Hardware, s, checks.DefaultRules()), Facts: s, Lang: i18n.EN, Version: "1.0.0", Source: report.Source{Kind: "machine"}, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := rep.JSON()
	out, err := collect.Write(context.Background(), collect.Options{Dir: dir, Prefix: "CMGE_Log", Host: host, Version: "1.0.0", Now: now, GOOS: "linux",
		Own: []collect.Own{{Name: parcel.ReportName, Data: data}}})
	if err != nil {
		t.Fatal(err)
	}
	return out.Path
}

func TestScanTakesPackages(t *testing.T) {
	dir := t.TempDir()
	packageOf(t, dir, "PC-1", "SHARED-1234")
	second := packageOf(t, filepath.Join(dir), "PC-2", "SHARED-1234")
	res, err := Scan(context.Background(), []string{dir}, Options{Rules: checks.DefaultRules()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != 2 || len(res.Duplicates) != 1 || res.Duplicates[0].Value != "SHARED-1234" {
		t.Errorf("a folder of two packages sharing a BIOS serial: %+v", res)
	}
	// A package named on the command line, whatever its name.
	renamed := filepath.Join(t.TempDir(), "from-user")
	os.Rename(second, renamed)
	if res, err := Scan(context.Background(), []string{renamed}, Options{}); err != nil || res.Files != 1 {
		t.Errorf("a package named directly: %+v %v", res, err)
	}
	// A package whose report was changed is refused, naming the entry.
	zr, err := zip.OpenReader(renamed)
	if err != nil {
		t.Fatal(err)
	}
	var at int64
	for _, f := range zr.File {
		if f.Name == parcel.ReportName {
			off, _ := f.DataOffset()
			at = off + int64(f.CompressedSize64)/2
		}
	}
	zr.Close()
	data, _ := os.ReadFile(renamed)
	data[at] ^= 0x20
	os.WriteFile(renamed, data, 0o644)
	res, err = Scan(context.Background(), []string{renamed}, Options{KeepGoing: true})
	if err != nil || len(res.Unreadable) != 1 || !strings.Contains(res.Unreadable[0].Reason, parcel.ReportName) {
		t.Errorf("a damaged package: %+v %v", res.Unreadable, err)
	}
}
