package probe

import (
	"context"
	"fmt"

	"github.com/digitalocean/go-smbios/smbios"

	"actwiz/internal/facts"
)

// readFirmwareTable reads the firmware table through
// GetSystemFirmwareTable('RSMB'), which needs no WMI and no administrator
// rights. go-smbios makes the call.
func readFirmwareTable(context.Context) (*facts.SMBIOS, error) {
	rc, ep, err := smbios.Stream()
	if err != nil {
		return nil, fmt.Errorf("GetSystemFirmwareTable('RSMB'): %w", err)
	}
	defer rc.Close()
	_, size := ep.Table()
	return decodeSMBIOS(rc, size, ep, "GetSystemFirmwareTable(RSMB)")
}
