package fleet

import (
	"errors"
	"fmt"

	"actwiz/internal/facts"
)

// leanFacts decodes from a report's facts only what fleet compares: the
// host name, the two serials, and for disks and adapters the fields that
// say whether they belong to the machine. It walks the JSON itself because
// encoding/json was, at a third of the CPU time, the largest cost of a
// hundred-thousand-report run. Snapshot files, which are judged, are
// decoded whole with encoding/json instead.
func leanFacts(raw []byte) (facts.Snapshot, error) {
	var s facts.Snapshot
	err := members(raw, func(key, value []byte) error {
		var err error
		switch string(key) {
		case "host":
			err = members(value, func(k, v []byte) error {
				if string(k) == "name" {
					name, err := optString(v, "host.name")
					if name != nil {
						s.Host.Name = *name
					}
					return err
				}
				return nil
			})
		case "bios":
			if isNull(value) {
				return nil
			}
			s.BIOS = &facts.BIOS{}
			err = members(value, func(k, v []byte) (err error) {
				if string(k) == "SerialNumber" {
					s.BIOS.SerialNumber, err = optString(v, "bios.SerialNumber")
				}
				return err
			})
		case "baseboard":
			if isNull(value) {
				return nil
			}
			s.Baseboard = &facts.Baseboard{}
			err = members(value, func(k, v []byte) (err error) {
				if string(k) == "SerialNumber" {
					s.Baseboard.SerialNumber, err = optString(v, "baseboard.SerialNumber")
				}
				return err
			})
		case "disks":
			err = elements(value, func(e []byte) error {
				if len(s.Disks) == facts.MaxDisks {
					return errTooManyDisks
				}
				var d facts.Disk
				err := members(e, func(k, v []byte) (err error) {
					switch string(k) {
					case "SerialNumber":
						d.SerialNumber, err = optString(v, "disks.SerialNumber")
					case "InterfaceType":
						d.InterfaceType, err = optString(v, "disks.InterfaceType")
					case "MediaType":
						d.MediaType, err = optString(v, "disks.MediaType")
					case "InLocalMachineContainer":
						d.InLocalMachineContainer, err = optBool(v, "disks.InLocalMachineContainer")
					}
					return err
				})
				s.Disks = append(s.Disks, d)
				return err
			})
		case "nics":
			err = elements(value, func(e []byte) error {
				if len(s.NICs) == facts.MaxNICs {
					return errTooManyNICs
				}
				var n facts.NIC
				err := members(e, func(k, v []byte) (err error) {
					switch string(k) {
					case "MACAddress":
						n.MACAddress, err = optString(v, "nics.MACAddress")
					case "PNPDeviceID":
						n.PNPDeviceID, err = optString(v, "nics.PNPDeviceID")
					case "PhysicalAdapter":
						n.PhysicalAdapter, err = optBool(v, "nics.PhysicalAdapter")
					case "InLocalMachineContainer":
						n.InLocalMachineContainer, err = optBool(v, "nics.InLocalMachineContainer")
					}
					return err
				})
				s.NICs = append(s.NICs, n)
				return err
			})
		}
		return err
	})
	return s, err
}

// The bounds of facts.Parse hold for reports too: a report listing a
// million disks is refused before it takes gigabytes.
var (
	errTooManyDisks = errors.New("too many disks")
	errTooManyNICs  = errors.New("too many network adapters")
)

func isNull(v []byte) bool { return string(v) == "null" }

// optString decodes a string that may be null (not read).
func optString(v []byte, field string) (*string, error) {
	if isNull(v) {
		return nil, nil
	}
	if len(v) == 0 || v[0] != '"' {
		return nil, fmt.Errorf("%s must be a string or null, not %.20s", field, v)
	}
	s, err := stringValue(v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	return &s, nil
}

// optBool decodes a boolean that may be null (not read).
func optBool(v []byte, field string) (*bool, error) {
	switch string(v) {
	case "null":
		return nil, nil
	case "true":
		return facts.Bool(true), nil
	case "false":
		return facts.Bool(false), nil
	}
	return nil, fmt.Errorf("%s must be true, false or null, not %.20s", field, v)
}
