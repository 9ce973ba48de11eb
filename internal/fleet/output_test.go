package fleet

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"actwiz/internal/i18n"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sampleResult is a batch of white-box PCs as fleet reports it; the values
// are made up for the test, not read from any machine.
func sampleResult() Result {
	two := []Machine{{"财务部-01", `E:\reports\财务部-01_20261126-093000.json`}, {"财务部-02", `E:\reports\财务部-02_20261126-094500.json`}}
	return Result{
		Schema: Schema, Machines: 3, Files: 5,
		Duplicates: []Duplicate{
			{Field: BIOSSerial, Value: "Default string", Hosts: []string{"财务部-01", "财务部-02"}, Machines: two, Placeholder: true},
			{Field: MAC, Value: "00:E0:4C:11:22:33", Hosts: []string{"财务部-01", "财务部-02"}, Machines: two},
		},
		Placeholders: []Placeholder{{Field: BIOSSerial, Value: "Default string", Hosts: []string{"财务部-01", "财务部-02"}, Machines: two}},
		Failing: []Failing{
			{Host: "财务部-01", File: two[0].File, Checks: []string{"bios.serial"}},
			{Host: "财务部-02", File: two[1].File, Checks: []string{"bios.serial", "nic.fixed"}},
		},
		Unreadable: []Unreadable{{File: `E:\reports\broken.json`, Problem: msgFile.F(`E:\reports\broken.json`, msgNotJSON.F("at byte 12: the file ends too early")), Reason: "x"}},
	}
}

// TestTextGolden fixes the text screen in both languages. Regenerate with:
// go test ./fleet -update
func TestTextGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		t.Run(string(lang), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteText(&buf, sampleResult(), lang); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "whitebox."+string(lang)+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./fleet -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("text differs from %s:\n%s", golden, buf.String())
			}
		})
	}
}
