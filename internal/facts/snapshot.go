// Package facts holds what actwiz reads from a machine: the values the
// hardware checks judge. The type is also the on-disk snapshot format
// actwiz.snapshot/v1 (spec §3), so a machine's state can be recorded once
// and judged anywhere. Field names are WMI's.
//
// A nil pointer, nil slice or nil section means "could not be read"; the
// reason lives in Errors under the section name (or "section.Field").
//
// It may import internal/files, internal/i18n and internal/machinetext only.
package facts

import "time"

// Schema is the value of the "schema" member of every snapshot.
const Schema = "actwiz.snapshot/v1"

// Section names one query of the probe; it is also the key in Errors.
type Section string

const (
	SectionBIOS      Section = "bios"
	SectionBaseboard Section = "baseboard"
	SectionDisks     Section = "disks"
	SectionNICs      Section = "nics"
)

// Sections lists every section in the order the probe reports them.
var Sections = []Section{SectionBIOS, SectionBaseboard, SectionDisks, SectionNICs}

type Snapshot struct {
	Schema    string     `json:"schema"`
	TakenAt   time.Time  `json:"taken_at"`
	Host      Host       `json:"host"`
	BIOS      *BIOS      `json:"bios"`
	Baseboard *Baseboard `json:"baseboard"`
	Disks     []Disk     `json:"disks"`
	NICs      []NIC      `json:"nics"`
	// SMBIOS is the second source of the two serials (see SMBIOS); older
	// snapshots have none, and older readers ignore it.
	SMBIOS *SMBIOS `json:"smbios,omitempty"`
	// Errors maps a section ("disks") or a field ("bios.SerialNumber") to
	// the reason it could not be read. An empty string means no error.
	Errors map[string]string `json:"errors"`
	// ErrorKinds classifies some of those reasons under the same keys
	// (KindTimeout…). Absent from older snapshots; a reason without a
	// kind is judged by its text alone.
	ErrorKinds map[string]string `json:"error_kinds,omitempty"`
}

type Host struct {
	Name      string `json:"name"`
	OSFamily  string `json:"os_family"`
	OSCaption string `json:"os_caption"`
	OSVersion string `json:"os_version"`
}

type BIOS struct {
	SerialNumber *string `json:"SerialNumber"`
	Manufacturer *string `json:"Manufacturer"`
}

type Baseboard struct {
	SerialNumber *string `json:"SerialNumber"`
	Manufacturer *string `json:"Manufacturer"`
	Product      *string `json:"Product"`
}

type Disk struct {
	Index                   *int    `json:"Index"`
	Model                   *string `json:"Model"`
	SerialNumber            *string `json:"SerialNumber"`
	InterfaceType           *string `json:"InterfaceType"`
	MediaType               *string `json:"MediaType"`
	PNPDeviceID             *string `json:"PNPDeviceID"`
	InLocalMachineContainer *bool   `json:"InLocalMachineContainer"`
	// System is true for the disk holding the running OS.
	System *bool `json:"System"`
}

type NIC struct {
	Name                    *string `json:"Name"`
	MACAddress              *string `json:"MACAddress"`
	PhysicalAdapter         *bool   `json:"PhysicalAdapter"`
	NetEnabled              *bool   `json:"NetEnabled"`
	ConfigManagerErrorCode  *int    `json:"ConfigManagerErrorCode"`
	PNPDeviceID             *string `json:"PNPDeviceID"`
	InLocalMachineContainer *bool   `json:"InLocalMachineContainer"`
}

// New returns an empty snapshot with every section unread.
func New() Snapshot {
	return Snapshot{Schema: Schema, Errors: map[string]string{}}
}

// Err returns the recorded reason why key (a section or "section.Field")
// could not be read, or "".
func (s Snapshot) Err(key string) string {
	return s.Errors[key]
}

// SetErr records why key could not be read.
func (s *Snapshot) SetErr(key, reason string) {
	if s.Errors == nil {
		s.Errors = map[string]string{}
	}
	s.Errors[key] = reason
}

// Str, Bool and Int make literal facts readable in probes and tests.
func Str(v string) *string { return &v }
func Bool(v bool) *bool    { return &v }
func Int(v int) *int       { return &v }

// SectionSMBIOS is the firmware's own table, read without WMI. It is a
// second source beside the four sections of spec §3, not one of them, so
// it is not in Sections: snapshots without it stay complete.
const SectionSMBIOS Section = "smbios"

// SMBIOS holds the serials as the firmware's SMBIOS table has them
// (type 1 system, type 2 baseboard), read directly: GetSystemFirmwareTable
// ('RSMB') on Windows, /sys/firmware/dmi/tables/DMI on Linux. WMI's
// Win32_BIOS.SerialNumber and Win32_BaseBoard.SerialNumber come from the
// same two fields, so this source answers when WMI is broken or stalled,
// and a difference between the two means WMI's copy is stale.
//
// A nil field means the table has no such structure (a board without a
// type 2 record); a string the firmware left out (index 0) is "".
type SMBIOS struct {
	SystemSerialNumber    *string `json:"SystemSerialNumber"`
	SystemManufacturer    *string `json:"SystemManufacturer"`
	BaseboardSerialNumber *string `json:"BaseboardSerialNumber"`
	BaseboardManufacturer *string `json:"BaseboardManufacturer"`
	// Version is the SMBIOS version the table declares ("3.2").
	Version string `json:"Version"`
	// Source says where the table was read: "GetSystemFirmwareTable(RSMB)"
	// or "/sys/firmware/dmi/tables/DMI".
	Source string `json:"source"`
}

// Reason kinds: what the probe knew about a failure when it recorded it
// (from an HRESULT, an errno, a deadline), so that a check picks its
// advice from that and not from the English words of the reason.
const (
	KindTimeout      = "timeout"
	KindCancelled    = "cancelled"
	KindAccessDenied = "access-denied"
	// KindWMIService: the Windows Management Instrumentation service is
	// stopped or disabled (HRESULT 0x80070422 and kin).
	KindWMIService = "wmi-service"
	// KindWMIRepository: WMI says a class or namespace every Windows has
	// does not exist (WBEM_E_INVALID_CLASS, WBEM_E_INVALID_NAMESPACE): its
	// repository is damaged.
	KindWMIRepository = "wmi-repository"
	// KindNoSMBIOS: the firmware offers no SMBIOS (DMI) table at all.
	KindNoSMBIOS = "no-smbios"
	// KindUnsupported: this system or reader cannot read the section.
	KindUnsupported = "unsupported"
)

// ErrKind returns the kind recorded with key's reason, or "".
func (s Snapshot) ErrKind(key string) string { return s.ErrorKinds[key] }

// SetErrKind records the kind of key's reason; "" records nothing.
func (s *Snapshot) SetErrKind(key, kind string) {
	if kind == "" {
		return
	}
	if s.ErrorKinds == nil {
		s.ErrorKinds = map[string]string{}
	}
	s.ErrorKinds[key] = kind
}
