package probe

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/digitalocean/go-smbios/smbios"

	"actwiz/internal/facts"
)

// dumpBinTableOffset is where dmidecode --dump-bin puts the structure
// table: the entry point at 0, the table at 0x20 (dmidecode's man page).
const dumpBinTableOffset = 0x20

// TestDecodeSMBIOSRealTables decodes every real table in testdata/smbios and
// compares with the serials dmidecode 3.4 decoded from the same bytes
// (index.json; null = no such structure). dmidecode prints a string index
// of 0 as "Not Specified"; actwiz records it as "" (no string).
func TestDecodeSMBIOSRealTables(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "smbios")
	data, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var index struct {
		Tables []struct {
			File         string  `json:"file"`
			Source       string  `json:"source"`
			SystemSerial *string `json:"system_serial"`
			BoardSerial  *string `json:"board_serial"`
			SystemMaker  *string `json:"system_manufacturer"`
		} `json:"tables"`
	}
	if err := json.Unmarshal(data, &index); err != nil {
		t.Fatal(err)
	}
	if len(index.Tables) < 18 {
		t.Fatalf("index.json lists %d tables, want all 18", len(index.Tables))
	}
	asDmidecode := func(v *string) string {
		switch {
		case v == nil:
			return "<none>"
		case *v == "":
			return "Not Specified"
		}
		return *v
	}
	want := func(v *string) string {
		if v == nil {
			return "<none>"
		}
		return *v
	}
	for _, tab := range index.Tables {
		t.Run(tab.File, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, tab.File))
			if err != nil {
				t.Fatal(err)
			}
			ep, err := entryPoint(raw)
			if err != nil {
				t.Fatalf("entry point: %v", err)
			}
			_, size := ep.Table()
			got, err := decodeSMBIOS(bytes.NewReader(raw[dumpBinTableOffset:]), size, ep, "test")
			if err != nil {
				t.Fatal(err)
			}
			if g, w := asDmidecode(got.SystemSerialNumber), want(tab.SystemSerial); g != w {
				t.Errorf("system serial %q, dmidecode says %q (%s)", g, w, tab.Source)
			}
			if g, w := asDmidecode(got.BaseboardSerialNumber), want(tab.BoardSerial); g != w {
				t.Errorf("board serial %q, dmidecode says %q (%s)", g, w, tab.Source)
			}
			if g, w := asDmidecode(got.SystemManufacturer), want(tab.SystemMaker); g != w {
				t.Errorf("system manufacturer %q, dmidecode says %q", g, w)
			}
		})
	}
}

// A table cut short inside a structure is an error, not a half answer.
func TestDecodeSMBIOSTruncated(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "smbios", "u-root__Lenovo-ThinkPad-T480.bin"))
	if err != nil {
		t.Fatal(err)
	}
	ep, err := entryPoint(raw)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeSMBIOS(bytes.NewReader(raw[dumpBinTableOffset:dumpBinTableOffset+30]), 30, ep, "test"); err == nil {
		t.Error("a table cut inside its first structure was accepted")
	}
}

// entryPoint parses the entry point of a dump-bin file. go-smbios checks a
// 64-bit entry point's checksum over every byte it is given, not only the
// entry point's length, so it gets the entry point's area alone (as the
// kernel's smbios_entry_point file has it).
func entryPoint(raw []byte) (smbios.EntryPoint, error) {
	return smbios.ParseEntryPoint(bytes.NewReader(raw[:dumpBinTableOffset]))
}

// The Linux reader reads the kernel's copy of the table (a real one here,
// Lenovo ThinkPad T480, SMBIOS 3.0) and records, when it cannot, that root
// is needed, with the kind the checks pick their advice from.
func TestLinuxSMBIOSTable(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "smbios", "u-root__Lenovo-ThinkPad-T480.bin"))
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeSys(t)
	f.basics(desktopDMI)
	f.write(linuxSMBIOSEntryPoint, string(raw[:raw[6]])) // a 64-bit entry point's length is at 06h
	f.write(linuxSMBIOSTable, string(raw[dumpBinTableOffset:]))

	s := Take(context.Background(), f.reader(0), time.Minute, time.Now)
	if s.SMBIOS == nil {
		t.Fatalf("no smbios: %q", s.Err("smbios"))
	}
	if got := asJSON(t, s.SMBIOS); got != `{"SystemSerialNumber":"PC131TBF","SystemManufacturer":"LENOVO","BaseboardSerialNumber":"L1HF9380025","BaseboardManufacturer":"LENOVO","Version":"3.0","source":"/sys/firmware/dmi/tables/DMI"}` {
		t.Errorf("smbios %s", got)
	}

	s = Take(context.Background(), f.reader(syscall.EACCES, linuxSMBIOSTable), time.Minute, time.Now)
	if s.SMBIOS != nil || !strings.Contains(s.Err("smbios"), "root") || s.ErrKind("smbios") != facts.KindAccessDenied {
		t.Errorf("not root: smbios %v, reason %q, kind %q", s.SMBIOS, s.Err("smbios"), s.ErrKind("smbios"))
	}
}
