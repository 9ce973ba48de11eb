package inbox

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
	"actwiz/internal/logs/parcel"
	"actwiz/internal/report"
)

// planted is a log file put where a files collector finds it, in the
// encoding Windows would have written it.
type planted struct {
	collector, category string
	testdata            string // under testdata/logs, UTF-8
	encoding            string // utf-8, gbk or utf-16le (with BOM)
}

func encode(t *testing.T, data []byte, encoding string) []byte {
	t.Helper()
	var out []byte
	var err error
	switch encoding {
	case "utf-8":
		return data
	case "gbk":
		out, err = simplifiedchinese.GBK.NewEncoder().Bytes(data)
	case "utf-16le":
		out, err = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
	default:
		t.Fatalf("encoding %s", encoding)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// machine is the facts of the package's PC: a BIOS serial that passed
// when the package was made and that a site later listed as a
// placeholder.
func machine() facts.Snapshot {
	s := facts.New()
	s.TakenAt = time.Date(2026, 11, 26, 9, 29, 0, 0, time.UTC)
	s.Host = facts.Host{Name: "PC-0142", OSFamily: "windows", OSCaption: "Microsoft Windows 10 Enterprise G", OSVersion: "10.0.19044"}
	s.BIOS = &facts.BIOS{SerialNumber: facts.Str("ABC123456")}
	s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str("L1HF0AB03XZ")}
	s.Disks = []facts.Disk{{Index: facts.Int(0), SerialNumber: facts.Str("0025_3881_91B1_3520."), InterfaceType: facts.Str("SCSI"), InLocalMachineContainer: facts.Bool(true), System: facts.Bool(true)}}
	s.NICs = []facts.NIC{{Name: facts.Str("Intel I219-V"), MACAddress: facts.Str("54:E1:AD:12:34:56"), PhysicalAdapter: facts.Bool(true), NetEnabled: facts.Bool(true), ConfigManagerErrorCode: facts.Int(0), PNPDeviceID: facts.Str(`PCI\VEN_8086&DEV_15BC`), InLocalMachineContainer: facts.Bool(true)}}
	return s
}

var packedAt = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// makePackage writes a package with collect.Write, the code actwiz collect
// runs: files collectors over planted logs, and actwiz's own report and
// facts as steps/logs.go makes them.
func makePackage(t *testing.T, dir string, snap facts.Snapshot, plants []planted, extra ...collect.Collector) string {
	t.Helper()
	return makePackageAt(t, dir, snap, "CAS-04851-R7R3X9", packedAt, plants, extra...)
}

func makePackageAt(t *testing.T, dir string, snap facts.Snapshot, caseID string, packedAt time.Time, plants []planted, extra ...collect.Collector) string {
	t.Helper()
	src := t.TempDir()
	var cs []collect.Collector
	for _, p := range plants {
		data, err := os.ReadFile(filepath.Join("testdata", "logs", p.testdata))
		if err != nil {
			t.Fatal(err)
		}
		sub := filepath.Join(src, p.collector)
		os.MkdirAll(sub, 0o755)
		path := filepath.Join(sub, p.testdata)
		if err := os.WriteFile(path, encode(t, data, p.encoding), 0o644); err != nil {
			t.Fatal(err)
		}
		cs = append(cs, collect.Collector{Name: p.collector, Category: p.category, Files: []string{path}})
	}
	cs = append(cs, extra...)
	results := checks.RunAll(checks.Hardware, snap, checks.DefaultRules())
	rep, err := report.Build(report.Input{Results: results, Facts: snap, Lang: i18n.ZH, Version: "1.0.0", Source: report.Source{Kind: "machine"}, Case: caseID, Now: packedAt})
	if err != nil {
		t.Fatal(err)
	}
	repJSON, _ := rep.JSON()
	factsJSON, _ := facts.Marshal(snap)
	out, err := collect.Write(context.Background(), collect.Options{
		Dir: dir, Prefix: "CMGE_Log", Host: snap.Host.Name, Case: caseID, Version: "1.0.0", Now: packedAt,
		Collectors: cs, GOOS: "linux",
		Own: []collect.Own{{Name: parcel.ReportName, Data: repJSON}, {Name: parcel.FactsName, Data: factsJSON}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.Path
}

// casePlants are the case's logs as a Chinese Windows leaves them.
var casePlants = []planted{
	{"spp-events", "activation-log", "spp-events-en.txt", "utf-8"},
	{"spp-events-xml", "activation-log", "spp-events.xml", "utf-16le"},
	{"cmit-client-logs", "activation-log", "cmge-client.log", "gbk"},
	{"winhttp-proxy", "network", "winhttp-proxy-zh.txt", "gbk"},
	{"nslookup", "network", "nslookup.txt", "utf-16le"},
}

// Collector is a files collector over paths.
func Collector(name, category string, paths ...string) collect.Collector {
	return collect.Collector{Name: name, Category: category, Files: paths}
}
