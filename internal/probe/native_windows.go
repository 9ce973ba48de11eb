package probe

// The Windows reader: WMI for the identity values, each query on its own
// connection (wmi_windows.go), cfgmgr32 for "In root container"
// (devprop_windows.go), the system volume's disk extents for the system
// disk (sysdisk_windows.go) and the SMBIOS table for the second source
// (smbios_windows.go). The logic joining them is wmireader.go.

import "os"

// Native returns the reader for this machine.
func Native() Reader {
	return wmiReader{
		src:         ownConnections,
		container:   inLocalMachineContainer,
		systemDisks: systemDiskNumbers,
		firmware:    readFirmwareTable,
		hostName:    os.Hostname,
	}
}
