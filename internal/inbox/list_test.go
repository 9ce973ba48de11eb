package inbox

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/parcel"
)

func flipIn(t *testing.T, path, entry string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var at int64 = -1
	for _, f := range zr.File {
		if f.Name == entry {
			off, _ := f.DataOffset()
			at = off + int64(f.CompressedSize64)/2
		}
	}
	zr.Close()
	data, _ := os.ReadFile(path)
	data[at] ^= 0x55
	os.WriteFile(path, data, 0o644)
}

func TestList(t *testing.T) {
	dir := t.TempDir()
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	good := machine()
	good.Host.Name = "PC-GOOD"
	makePackageAt(t, dir, good, "CAS-1", day(20), nil)
	bad := machine()
	bad.Host.Name = "PC-BAD"
	bad.Baseboard.SerialNumber = facts.Str("Default string")
	// A case field that a spreadsheet would run as a formula.
	os.MkdirAll(filepath.Join(dir, "reseller-7"), 0o755)
	makePackageAt(t, filepath.Join(dir, "reseller-7"), bad, "=HYPERLINK(\"x\")", day(24), casePlants)
	broken := machine()
	broken.Host.Name = "PC-BROKEN"
	damaged := makePackageAt(t, dir, broken, "CAS-3", day(22), nil)
	flipIn(t, damaged, parcel.ReportName)
	os.WriteFile(filepath.Join(dir, "photos.zip"), []byte("PK\x03\x04 not a zip"), 0o644)

	items, err := List(context.Background(), dir, checks.DefaultRules())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Host+":"+it.Verdict)
	}
	// Newest first; a file with no time (not a package) last.
	want := []string{"PC-BAD:fail", "PC-BROKEN:damaged", "PC-GOOD:pass", ":not-a-package"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("list %v; want %v", got, want)
	}
	if items[1].IntegrityOK || !strings.Contains(items[1].IntegrityText().EN, parcel.ReportName) {
		t.Errorf("damaged package: %+v", items[1].IntegrityText())
	}
	if items[0].FirstFinding(i18n.EN) == "-" || items[0].Findings[0].ID != "board.serial" {
		t.Errorf("first finding %q", items[0].FirstFinding(i18n.EN))
	}
	if ListExitCode(items) != 1 {
		t.Errorf("exit %d", ListExitCode(items))
	}

	js, err := ListJSON(dir, items, i18n.EN)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema   string
		Packages []struct {
			Path, Host, Case, Verdict string
			TakenAt                   *time.Time `json:"taken_at"`
			IntegrityOK               bool       `json:"integrity_ok"`
			Findings                  []struct{ ID, Status string }
		}
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != InboxSchema || len(doc.Packages) != 4 || doc.Packages[0].TakenAt == nil || !doc.Packages[0].TakenAt.Equal(day(24)) || doc.Packages[3].TakenAt != nil || doc.Packages[2].Findings == nil {
		t.Errorf("json %s", js)
	}

	var buf bytes.Buffer
	if err := WriteListCSV(&buf, items, i18n.ZH); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbf")) {
		t.Errorf("csv without a byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil || len(rows) != 5 || rows[0][1] != "主机名" {
		t.Fatalf("csv %v %v", rows, err)
	}
	if rows[1][2] != "'=HYPERLINK(\"x\")" {
		t.Errorf("a formula in a cell is not defused: %q", rows[1][2])
	}
}

// TestListReadsNoLogs: a package whose logs are damaged lists as intact
// (only opening it reads them), so a list of hundreds stays fast.
func TestListReadsNoLogs(t *testing.T) {
	dir := t.TempDir()
	path := makePackage(t, dir, machine(), casePlants[:1])
	p, err := parcel.Open(path, parcel.Quick)
	if err != nil {
		t.Fatal(err)
	}
	log := p.Entries()[0].Name
	p.Close()
	flipIn(t, path, log)
	items, err := List(context.Background(), dir, checks.DefaultRules())
	if err != nil || len(items) != 1 || !items[0].IntegrityOK {
		t.Fatalf("list %+v %v", items, err)
	}
	o, err := Open(context.Background(), path, Options{Rules: checks.DefaultRules()})
	if err != nil || o.Integrity.OK || o.ExitCode() != 2 {
		t.Errorf("open of the same package: %+v %v", o.Integrity, err)
	}
}
