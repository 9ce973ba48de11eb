package probe

// The second source of the two serials: the firmware's SMBIOS table, read
// directly and decoded with github.com/digitalocean/go-smbios. WMI's
// Win32_BIOS.SerialNumber is the type 1 (system) serial and
// Win32_BaseBoard.SerialNumber the type 2 (baseboard) serial of this same
// table, so it answers when WMI is broken or stalled, and comparing the two
// shows a stale WMI repository. No build tag: decoding is tested on Linux
// on real tables (testdata/smbios).

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/digitalocean/go-smbios/smbios"

	"actwiz/internal/facts"
)

// FirmwareReader is a Reader that can also read the SMBIOS table without
// WMI. probe.Stream asks for it as the SMBIOS part when the reader has it.
type FirmwareReader interface {
	SMBIOS(ctx context.Context) (*facts.SMBIOS, error)
}

// SMBIOS structure types and the offsets (from the start of the structure,
// header included) of the fields read, per the DMTF SMBIOS specification
// (DSP0134) §7.2 and §7.3: both put Manufacturer at 04h and Serial Number
// at 07h.
const (
	smbiosTypeSystem    = 1
	smbiosTypeBaseboard = 2
	smbiosHeaderLen     = 4
	smbiosManufacturer  = 0x04
	smbiosSerial        = 0x07
)

// endOfTable is a type 127 structure. Appended after the table so that the
// decoder, which reads until it sees one, also stops on a table that ends
// without its own (the decoder then never reads past the table's size).
var endOfTable = []byte{127, smbiosHeaderLen, 0xFF, 0xFE, 0, 0}

// decodeSMBIOS reads the type 1 and type 2 structures of an SMBIOS
// structure table of size bytes. The first structure of each type counts,
// as in dmidecode's and Windows' reading.
func decodeSMBIOS(table io.Reader, size int, ep smbios.EntryPoint, source string) (*facts.SMBIOS, error) {
	major, minor, _ := ep.Version()
	structures, err := smbios.NewDecoder(io.MultiReader(io.LimitReader(table, int64(size)), bytes.NewReader(endOfTable))).Decode()
	if err != nil {
		return nil, fmt.Errorf("decoding the SMBIOS %d.%d table from %s: %w", major, minor, source, err)
	}
	out := &facts.SMBIOS{Version: fmt.Sprintf("%d.%d", major, minor), Source: source}
	var sawSystem, sawBoard bool
	for _, s := range structures {
		switch {
		case s.Header.Type == smbiosTypeSystem && !sawSystem:
			sawSystem = true
			out.SystemSerialNumber = smbiosString(s, smbiosSerial)
			out.SystemManufacturer = smbiosString(s, smbiosManufacturer)
		case s.Header.Type == smbiosTypeBaseboard && !sawBoard:
			sawBoard = true
			out.BaseboardSerialNumber = smbiosString(s, smbiosSerial)
			out.BaseboardManufacturer = smbiosString(s, smbiosManufacturer)
		}
	}
	return out, nil
}

// smbiosString returns the string a structure's field at offset points to.
// A field past the structure's length (an older SMBIOS version) is nil; a
// string index of 0 means the firmware gives no string, "" (dmidecode
// prints "Not Specified"); an index past the strings present is shown the
// way dmidecode shows it, "<BAD INDEX>", which the checks know as a
// placeholder.
func smbiosString(s *smbios.Structure, offset int) *string {
	i := offset - smbiosHeaderLen
	if i < 0 || i >= len(s.Formatted) {
		return nil
	}
	idx := int(s.Formatted[i])
	switch {
	case idx == 0:
		return facts.Str("")
	case idx > len(s.Strings):
		return facts.Str("<BAD INDEX>")
	}
	return facts.Str(s.Strings[idx-1])
}
