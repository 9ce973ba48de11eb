package fleet

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"actwiz/internal/facts"
)

// TestLeanFactsMatchesEncodingJSON decodes the same facts both ways and
// compares what fleet uses.
func TestLeanFactsMatchesEncodingJSON(t *testing.T) {
	raw := `{
	  "schema": "actwiz.snapshot/v1", "taken_at": "2026-11-26T09:30:00Z",
	  "host": {"name": "财务部-\"01\"", "os_family": "windows"},
	  "bios": {"SerialNumber": "  PF2XK7QW\t", "Manufacturer": null},
	  "baseboard": {"SerialNumber": null},
	  "disks": [
	    {"Index": 0, "SerialNumber": "0025_3881_91B1_3520.", "InterfaceType": "SCSI", "MediaType": "Fixed hard disk media", "InLocalMachineContainer": true, "System": true},
	    {"Index": 1, "SerialNumber": null, "InterfaceType": "USB", "MediaType": null, "InLocalMachineContainer": false, "System": false}
	  ],
	  "nics": [
	    {"Name": "Intel", "MACAddress": "54:E1:AD:12:34:56", "PhysicalAdapter": true, "NetEnabled": null, "PNPDeviceID": "PCI\\VEN_8086", "InLocalMachineContainer": null}
	  ],
	  "errors": {"baseboard.SerialNumber": "access denied"}
	}`
	var full facts.Snapshot
	if err := json.Unmarshal([]byte(raw), &full); err != nil {
		t.Fatal(err)
	}
	lean, err := leanFacts([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if lean.Host.Name != full.Host.Name {
		t.Errorf("host %q, want %q", lean.Host.Name, full.Host.Name)
	}
	if !reflect.DeepEqual(lean.BIOS.SerialNumber, full.BIOS.SerialNumber) || lean.Baseboard == nil || lean.Baseboard.SerialNumber != nil {
		t.Errorf("serials %+v %+v", lean.BIOS, lean.Baseboard)
	}
	if len(lean.Disks) != 2 || len(lean.NICs) != 1 {
		t.Fatalf("disks %d, nics %d", len(lean.Disks), len(lean.NICs))
	}
	for i, d := range full.Disks {
		l := lean.Disks[i]
		if !reflect.DeepEqual([]any{l.SerialNumber, l.InterfaceType, l.MediaType, l.InLocalMachineContainer},
			[]any{d.SerialNumber, d.InterfaceType, d.MediaType, d.InLocalMachineContainer}) {
			t.Errorf("disk %d: %+v, want %+v", i, l, d)
		}
	}
	n, l := full.NICs[0], lean.NICs[0]
	if !reflect.DeepEqual([]any{l.MACAddress, l.PNPDeviceID, l.PhysicalAdapter, l.InLocalMachineContainer},
		[]any{n.MACAddress, n.PNPDeviceID, n.PhysicalAdapter, n.InLocalMachineContainer}) {
		t.Errorf("nic: %+v, want %+v", l, n)
	}
}

func TestLeanFactsRefusesWrongTypes(t *testing.T) {
	cases := map[string]string{
		`{"bios": {"SerialNumber": 12345}}`:               "bios.SerialNumber",
		`{"disks": [{"InLocalMachineContainer": "yes"}]}`: "disks.InLocalMachineContainer",
		`{"nics": {"MACAddress": "x"}}`:                   "expected an array",
		`{"baseboard": {"SerialNumber": "unterminated}}`:  "not closed",
	}
	for raw, want := range cases {
		if _, err := leanFacts([]byte(raw)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("leanFacts(%s) = %v, want an error mentioning %q", raw, err, want)
		}
	}
}
