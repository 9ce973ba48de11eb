package probe

// Finding the disk that holds the running Windows: the disk numbers of the
// %SystemDrive% volume, which equal Win32_DiskDrive.Index.
//
// The volume is opened with no access rights at all. Microsoft's CreateFile
// documentation: "dwDesiredAccess can be zero, allowing the application to
// query device attributes without accessing a device", and
// IOCTL_VOLUME_GET_VOLUME_DISK_EXTENTS is defined with FILE_ANY_ACCESS, so
// the handle needs no read right. That is what lets a standard user, not
// only an administrator, ask the question (reading the volume would need
// administrator rights).

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

const ioctlVolumeGetVolumeDiskExtents = 0x00560000

// systemDiskNumbers returns the disk numbers the system volume lies on.
func systemDiskNumbers() ([]uint32, error) {
	drive, err := systemDrive()
	if err != nil {
		return nil, err
	}
	path := `\\.\` + drive
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, fmt.Errorf("volume path %q: %w", path, err)
	}
	h, err := windows.CreateFile(p, 0, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil, fmt.Errorf("opening volume %s: %w", path, err)
	}
	defer windows.CloseHandle(h)

	// Room for four extents first; a volume spanning more disks answers
	// ERROR_MORE_DATA with the count filled in, and is asked again.
	buf := make([]byte, diskExtentsHeader+4*diskExtentSize)
	for attempt := 0; ; attempt++ {
		var got uint32
		err = windows.DeviceIoControl(h, ioctlVolumeGetVolumeDiskExtents, nil, 0, &buf[0], uint32(len(buf)), &got, nil)
		if err == nil {
			disks, perr := parseDiskExtents(buf[:got])
			if perr != nil {
				return nil, fmt.Errorf("asking volume %s for its disks: %w", path, perr)
			}
			return disks, nil
		}
		if !errors.Is(err, windows.ERROR_MORE_DATA) || attempt > 0 {
			return nil, fmt.Errorf("asking volume %s for its disks: %w", path, err)
		}
		n := binary.LittleEndian.Uint32(buf)
		if n == 0 || n > 1024 {
			return nil, fmt.Errorf("asking volume %s for its disks: %w, with %d extents", path, err, n)
		}
		buf = make([]byte, diskExtentsHeader+int(n)*diskExtentSize)
	}
}

// systemDrive is "C:" or wherever Windows runs from: %SystemDrive%, or the
// first two characters of the Windows directory if that variable is gone.
func systemDrive() (string, error) {
	if d := os.Getenv("SystemDrive"); len(d) == 2 && d[1] == ':' {
		return d, nil
	}
	dir, err := windows.GetWindowsDirectory()
	if err != nil {
		return "", fmt.Errorf("finding the system drive: %w", err)
	}
	if len(dir) < 2 || dir[1] != ':' {
		return "", fmt.Errorf("finding the system drive: Windows directory %q has no drive letter", dir)
	}
	return dir[:2], nil
}
