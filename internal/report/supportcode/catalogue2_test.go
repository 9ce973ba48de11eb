package supportcode

import (
	"testing"

	"actwiz/checks"
)

func TestVersion2ExtendsVersion1(t *testing.T) {
	v1, v2 := Catalogues[1], Catalogues[2]
	for i, id := range v1 {
		if v2[i] != id {
			t.Fatalf("version 2 must list version 1's ids first; position %d is %s", i, v2[i])
		}
	}
	results := []checks.Result{{ID: "bios.serial", Status: checks.Pass}, {ID: "serial.match", Status: checks.Warn}, {ID: "activation.attempt", Status: checks.Skip}}
	code, err := Encode(results)
	if err != nil {
		t.Fatal(err)
	}
	entries, version, err := Decode(code)
	if err != nil || version != 2 || len(entries) != 14 {
		t.Fatalf("Decode(%s) = %d entries, version %d, %v", code, len(entries), version, err)
	}
	want := map[string]checks.Status{"bios.serial": checks.Pass, "serial.match": checks.Warn, "activation.attempt": checks.Skip, "nic.fixed": NotRun}
	for _, e := range entries {
		if w, ok := want[e.ID]; ok && e.Status != w {
			t.Errorf("%s = %s; want %s", e.ID, e.Status, w)
		}
	}
	if hw, _ := Encode(results[:1]); hw[:2] != "01" {
		t.Errorf("hardware-only results must keep version 1 codes, got %s", hw)
	}
}
