package probe

// The WMI classes the Windows probe reads, and how a row of each becomes
// facts. This file has no build tag on purpose: the mapping is plain Go and
// is tested on Linux; only the query itself (wmi_windows.go) needs Windows.
//
// Field names are WMI property names: both the wmi library and the go-ole
// fallback look each property up by its field's name, and wmiSelect builds
// the WQL column list from them. Every field is a pointer so that a NULL
// property stays nil, which the checks report as "unknown" rather than as an
// empty value.

import (
	"fmt"
	"reflect"
	"strings"

	"actwiz/internal/facts"
)

// wmiRow is implemented by every class struct below; wmiClass names the
// WMI class the struct is read from.
type wmiRow interface{ wmiClass() string }

type wmiBIOS struct {
	SerialNumber *string
	Manufacturer *string
}

type wmiBaseBoard struct {
	SerialNumber *string
	Manufacturer *string
	Product      *string
}

type wmiDiskDrive struct {
	Index         *int
	Model         *string
	SerialNumber  *string
	InterfaceType *string
	MediaType     *string
	PNPDeviceID   *string
}

type wmiNetworkAdapter struct {
	Name                   *string
	MACAddress             *string
	PhysicalAdapter        *bool
	NetEnabled             *bool
	ConfigManagerErrorCode *int
	PNPDeviceID            *string
}

type wmiOperatingSystem struct {
	Caption *string
	Version *string
}

func (wmiBIOS) wmiClass() string            { return "Win32_BIOS" }
func (wmiBaseBoard) wmiClass() string       { return "Win32_BaseBoard" }
func (wmiDiskDrive) wmiClass() string       { return "Win32_DiskDrive" }
func (wmiNetworkAdapter) wmiClass() string  { return "Win32_NetworkAdapter" }
func (wmiOperatingSystem) wmiClass() string { return "Win32_OperatingSystem" }

// wmiSelect returns the WQL query that reads exactly the fields of T.
// Naming the columns (rather than SELECT *) keeps each query small: some
// Win32_NetworkAdapter and Win32_DiskDrive properties are slow to compute.
func wmiSelect[T wmiRow]() string {
	var row T
	t := reflect.TypeOf(row)
	cols := make([]string, 0, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() {
			cols = append(cols, f.Name)
		}
	}
	return fmt.Sprintf("SELECT %s FROM %s", strings.Join(cols, ", "), row.wmiClass())
}

func (b wmiBIOS) facts() *facts.BIOS {
	return &facts.BIOS{SerialNumber: b.SerialNumber, Manufacturer: b.Manufacturer}
}

func (b wmiBaseBoard) facts() *facts.Baseboard {
	return &facts.Baseboard{SerialNumber: b.SerialNumber, Manufacturer: b.Manufacturer, Product: b.Product}
}

// facts leaves InLocalMachineContainer and System nil: they come from
// cfgmgr32 and the system volume, not from WMI.
func (d wmiDiskDrive) facts() facts.Disk {
	return facts.Disk{
		Index:         d.Index,
		Model:         d.Model,
		SerialNumber:  d.SerialNumber,
		InterfaceType: d.InterfaceType,
		MediaType:     d.MediaType,
		PNPDeviceID:   d.PNPDeviceID,
	}
}

func (n wmiNetworkAdapter) facts() facts.NIC {
	return facts.NIC{
		Name:                   n.Name,
		MACAddress:             n.MACAddress,
		PhysicalAdapter:        n.PhysicalAdapter,
		NetEnabled:             n.NetEnabled,
		ConfigManagerErrorCode: n.ConfigManagerErrorCode,
		PNPDeviceID:            n.PNPDeviceID,
	}
}

// host fills the OS part of facts.Host. Caption often ends in a space on
// real Windows ("Microsoft Windows 10 Enterprise G "); that is noise, not
// identity, so it is trimmed here (serials, by contrast, are kept raw).
func (o wmiOperatingSystem) host(h facts.Host) facts.Host {
	if o.Caption != nil {
		h.OSCaption = strings.TrimSpace(*o.Caption)
	}
	if o.Version != nil {
		h.OSVersion = strings.TrimSpace(*o.Version)
	}
	return h
}

// label names a disk in a reason text the way a person finds it again:
// by its number in Disk Management (= Index).
func (d wmiDiskDrive) label() string {
	switch {
	case d.Index != nil:
		return fmt.Sprintf("disk %d", *d.Index)
	case d.Model != nil && *d.Model != "":
		return "disk " + *d.Model
	case d.PNPDeviceID != nil && *d.PNPDeviceID != "":
		return "disk " + *d.PNPDeviceID
	}
	return "a disk with no Index"
}

// label names an adapter by the name Device Manager and ipconfig show.
func (n wmiNetworkAdapter) label() string {
	switch {
	case n.Name != nil && *n.Name != "":
		return "adapter " + *n.Name
	case n.PNPDeviceID != nil && *n.PNPDeviceID != "":
		return "adapter " + *n.PNPDeviceID
	}
	return "an adapter with no name"
}
