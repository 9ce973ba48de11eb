package probe

// Decoding the system volume's disk extents and marking the system disk.
// The IOCTL itself is in sysdisk_windows.go; this file has no build tag so
// the decoding is tested on Linux.

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"actwiz/internal/facts"
)

// Layout of VOLUME_DISK_EXTENTS (winioctl.h), the same for 386 and amd64:
// a DWORD count, padding to 8, then DISK_EXTENT records of 24 bytes
// (DWORD DiskNumber, padding, LARGE_INTEGER StartingOffset, LARGE_INTEGER
// ExtentLength).
const (
	diskExtentsHeader = 8
	diskExtentSize    = 24
)

// parseDiskExtents returns the disk numbers a VOLUME_DISK_EXTENTS buffer
// names, without duplicates. A volume spanning or mirrored over several
// disks names each of them.
func parseDiskExtents(buf []byte) ([]uint32, error) {
	if len(buf) < 4 {
		return nil, fmt.Errorf("volume disk extents answer is %d bytes, too short", len(buf))
	}
	n := binary.LittleEndian.Uint32(buf)
	if n == 0 {
		return nil, fmt.Errorf("the volume lies on no disk")
	}
	if need := diskExtentsHeader + int64(n)*diskExtentSize; int64(len(buf)) < need {
		return nil, fmt.Errorf("volume disk extents answer is %d bytes for %d extents, need %d", len(buf), n, need)
	}
	var disks []uint32
	for i := 0; i < int(n); i++ {
		d := binary.LittleEndian.Uint32(buf[diskExtentsHeader+i*diskExtentSize:])
		if !slices.Contains(disks, d) {
			disks = append(disks, d)
		}
	}
	return disks, nil
}

// markSystemDisks sets System on every disk: true for the disks holding the
// system volume, false for the others. When none of the system disk
// numbers matches a Win32_DiskDrive.Index, "false" everywhere would claim
// there is no system disk at all; every System stays nil instead, and the
// mismatch is returned as the reason. A disk without Index stays nil.
func markSystemDisks(disks []facts.Disk, systemDisks []uint32) error {
	matched := false
	for i := range disks {
		if disks[i].Index == nil {
			continue
		}
		on := slices.Contains(systemDisks, uint32(*disks[i].Index))
		disks[i].System = facts.Bool(on)
		matched = matched || on
	}
	if matched {
		return nil
	}
	for i := range disks {
		disks[i].System = nil
	}
	nums := make([]string, len(systemDisks))
	for i, d := range systemDisks {
		nums[i] = fmt.Sprint(d)
	}
	return fmt.Errorf("the system volume is on disk %s, which is not among the disks WMI listed", strings.Join(nums, " and "))
}
