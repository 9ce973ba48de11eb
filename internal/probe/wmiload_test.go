package probe

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"actwiz/internal/facts"
)

func TestWMISelectNamesEveryField(t *testing.T) {
	cases := map[string]string{
		wmiSelect[wmiBIOS]():            "SELECT SerialNumber, Manufacturer FROM Win32_BIOS",
		wmiSelect[wmiBaseBoard]():       "SELECT SerialNumber, Manufacturer, Product FROM Win32_BaseBoard",
		wmiSelect[wmiDiskDrive]():       "SELECT Index, Model, SerialNumber, InterfaceType, MediaType, PNPDeviceID FROM Win32_DiskDrive",
		wmiSelect[wmiNetworkAdapter]():  "SELECT Name, MACAddress, PhysicalAdapter, NetEnabled, ConfigManagerErrorCode, PNPDeviceID FROM Win32_NetworkAdapter",
		wmiSelect[wmiOperatingSystem](): "SELECT Caption, Version FROM Win32_OperatingSystem",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// Every field of every class must be a pointer: a non-pointer field would
// turn a NULL into "" or 0, which the checks would judge as a real value.
func TestWMIClassFieldsArePointers(t *testing.T) {
	for _, row := range []any{wmiBIOS{}, wmiBaseBoard{}, wmiDiskDrive{}, wmiNetworkAdapter{}, wmiOperatingSystem{}} {
		typ := reflect.TypeOf(row)
		for i := 0; i < typ.NumField(); i++ {
			if f := typ.Field(i); f.Type.Kind() != reflect.Pointer {
				t.Errorf("%s.%s is %s, not a pointer", typ.Name(), f.Name, f.Type)
			}
		}
	}
}

// props answers loadRow's reads from a map; a missing key is a read error.
func props(m map[string]any) func(string) (any, error) {
	return func(name string) (any, error) {
		v, ok := m[name]
		if !ok {
			return nil, errors.New("DISP_E_UNKNOWNNAME")
		}
		return v, nil
	}
}

func TestLoadRowConvertsWMIValueTypes(t *testing.T) {
	var nic wmiNetworkAdapter
	why := loadRow(&nic, props(map[string]any{
		"Name":                   "Intel(R) Ethernet",
		"MACAddress":             nil, // NULL
		"PhysicalAdapter":        true,
		"ConfigManagerErrorCode": uint32(22),
		"PNPDeviceID":            `PCI\VEN_8086`,
		// NetEnabled missing: the read fails, as under Wine
	}))
	if *nic.Name != "Intel(R) Ethernet" || nic.MACAddress != nil || !*nic.PhysicalAdapter ||
		*nic.ConfigManagerErrorCode != 22 || *nic.PNPDeviceID != `PCI\VEN_8086` || nic.NetEnabled != nil {
		t.Errorf("loaded %+v", nic)
	}
	if len(why) != 1 || !strings.Contains(why["NetEnabled"], "DISP_E_UNKNOWNNAME") {
		t.Errorf("reasons %v, want only NetEnabled's read error", why)
	}
}

func TestAssignIntegerWidths(t *testing.T) {
	for _, v := range []any{int8(7), int16(7), int32(7), int64(7), int(7), uint8(7), uint16(7), uint32(7), uint64(7), uint(7), "7", " 7 "} {
		var d wmiDiskDrive
		if why := loadRow(&d, props(map[string]any{"Index": v})); why["Index"] != "" {
			t.Errorf("%T %v: %s", v, v, why["Index"])
			continue
		}
		if d.Index == nil || *d.Index != 7 {
			t.Errorf("%T %v loaded as %v", v, v, d.Index)
		}
	}
}

func TestAssignRefusesWhatDoesNotFit(t *testing.T) {
	cases := []struct {
		field string
		val   any
		want  string
	}{
		{"Index", "seven", "not a whole number"},
		{"Index", 1.5, "expected a whole number"},
		{"Index", uint64(1 << 63), "too large"},
		{"Model", 42, "expected text"},
		{"SerialNumber", true, "expected text"},
	}
	for _, c := range cases {
		var d wmiDiskDrive
		why := loadRow(&d, props(map[string]any{c.field: c.val}))
		if !strings.Contains(why[c.field], c.want) {
			t.Errorf("%s = %T %v: reason %q, want it to contain %q", c.field, c.val, c.val, why[c.field], c.want)
		}
		if reflect.ValueOf(d).FieldByName(c.field).IsNil() == false {
			t.Errorf("%s = %v: field set despite the error", c.field, c.val)
		}
	}
	var n wmiNetworkAdapter
	if why := loadRow(&n, props(map[string]any{"PhysicalAdapter": int32(1)})); !strings.Contains(why["PhysicalAdapter"], "true or false") {
		t.Errorf("bool from int: %q", why["PhysicalAdapter"])
	}
}

func TestNothingRead(t *testing.T) {
	if nothingRead(&[]wmiBIOS{}) {
		t.Error("no rows counts as nothing read; it is an empty answer")
	}
	if !nothingRead(&[]wmiBIOS{{}, {}}) {
		t.Error("rows with no field set must count as nothing read")
	}
	if nothingRead(&[]wmiBIOS{{}, {Manufacturer: facts.Str("")}}) {
		t.Error("one field set (even to \"\") means the library could read")
	}
}

func TestDeviceErrorsGroupByReason(t *testing.T) {
	d := deviceErrors{}
	d.add("InLocalMachineContainer", "disk 0", "CR_FAILURE")
	d.add("InLocalMachineContainer", "disk 1", "CR_FAILURE")
	d.add("InLocalMachineContainer", "disk 2", "CR_NO_SUCH_DEVNODE")
	d.addRow("disk 1", map[string]string{"SerialNumber": "DISP_E_UNKNOWNNAME"})
	d.addRow("disk 2", nil)
	fe := FieldErrors{}
	d.into(fe)
	want := FieldErrors{
		"InLocalMachineContainer": "CR_FAILURE (disk 0, disk 1); CR_NO_SUCH_DEVNODE (disk 2)",
		"SerialNumber":            "DISP_E_UNKNOWNNAME (disk 1)",
	}
	if !reflect.DeepEqual(fe, want) {
		t.Errorf("got %v, want %v", fe, want)
	}
}

func TestClassesMapToFacts(t *testing.T) {
	d := wmiDiskDrive{Index: facts.Int(1), Model: facts.Str("M"), SerialNumber: facts.Str(" S "), InterfaceType: facts.Str("USB"), MediaType: facts.Str("External hard disk media"), PNPDeviceID: facts.Str(`USBSTOR\X`)}
	got := d.facts()
	want := facts.Disk{Index: facts.Int(1), Model: facts.Str("M"), SerialNumber: facts.Str(" S "), InterfaceType: facts.Str("USB"), MediaType: facts.Str("External hard disk media"), PNPDeviceID: facts.Str(`USBSTOR\X`)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("disk: got %+v, want %+v (serials stay raw; container and System come later)", got, want)
	}
	if b := (wmiBIOS{}).facts(); b == nil || b.SerialNumber != nil {
		t.Errorf("a BIOS row with NULLs maps to %+v", b)
	}
	h := wmiOperatingSystem{Caption: facts.Str("Microsoft Windows 10 Enterprise G "), Version: facts.Str("10.0.19044")}.host(facts.Host{Name: "PC"})
	if h.OSCaption != "Microsoft Windows 10 Enterprise G" || h.OSVersion != "10.0.19044" || h.Name != "PC" {
		t.Errorf("host %+v", h)
	}
	if l := (wmiNetworkAdapter{PNPDeviceID: facts.Str(`PCI\X`)}).label(); l != `adapter PCI\X` {
		t.Errorf("label of a nameless adapter: %q", l)
	}
}
