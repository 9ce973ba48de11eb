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
	// Errors maps a section ("disks") or a field ("bios.SerialNumber") to
	// the reason it could not be read. An empty string means no error.
	Errors map[string]string `json:"errors"`
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
