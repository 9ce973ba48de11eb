package probe

import (
	"encoding/binary"
	"reflect"
	"strings"
	"testing"

	"actwiz/internal/facts"
)

// extents builds a VOLUME_DISK_EXTENTS buffer from the documented layout
// (winioctl.h), with every offset written out here rather than taken from
// the implementation:
//
//	typedef struct _VOLUME_DISK_EXTENTS {
//	    DWORD       NumberOfDiskExtents;   // offset 0, then 4 bytes padding
//	    DISK_EXTENT Extents[ANYSIZE_ARRAY]; // offset 8 (LARGE_INTEGER alignment)
//	} VOLUME_DISK_EXTENTS;
//	typedef struct _DISK_EXTENT {         // 24 bytes
//	    DWORD         DiskNumber;          // +0, then 4 bytes padding
//	    LARGE_INTEGER StartingOffset;      // +8
//	    LARGE_INTEGER ExtentLength;        // +16
//	} DISK_EXTENT;
//
// Padding is filled with 0xCC and the offsets and lengths are small
// numbers, so a parser reading at a wrong offset reads wrong disk numbers.
func extents(disks ...uint32) []byte {
	buf := make([]byte, 8+24*len(disks))
	for i := range buf {
		buf[i] = 0xCC
	}
	binary.LittleEndian.PutUint32(buf[0:], uint32(len(disks)))
	for i, d := range disks {
		e := 8 + 24*i
		binary.LittleEndian.PutUint32(buf[e+0:], d)
		binary.LittleEndian.PutUint64(buf[e+8:], uint64(7+i))  // StartingOffset
		binary.LittleEndian.PutUint64(buf[e+16:], uint64(9+i)) // ExtentLength
	}
	return buf
}

func TestParseDiskExtents(t *testing.T) {
	cases := []struct {
		name string
		buf  []byte
		want []uint32
	}{
		{"one extent", extents(0), []uint32{0}},
		{"disk 2", extents(2), []uint32{2}},
		{"spanned volume, duplicates dropped, order kept", extents(2, 1, 2), []uint32{2, 1}},
		// The same spanned volume written byte by byte, as a Windows
		// answer for a volume on disks 1 and 3 looks in a hex dump.
		{"hex of a two-disk volume", []byte{
			0x02, 0, 0, 0, 0xCC, 0xCC, 0xCC, 0xCC, // NumberOfDiskExtents = 2, padding
			0x01, 0, 0, 0, 0xCC, 0xCC, 0xCC, 0xCC, // Extents[0].DiskNumber = 1, padding
			0, 0, 0x10, 0, 0, 0, 0, 0, // StartingOffset = 1 MiB
			0, 0, 0, 0x40, 0, 0, 0, 0, // ExtentLength = 1 GiB
			0x03, 0, 0, 0, 0xCC, 0xCC, 0xCC, 0xCC, // Extents[1].DiskNumber = 3, padding
			0, 0, 0x10, 0, 0, 0, 0, 0,
			0, 0, 0, 0x40, 0, 0, 0, 0,
		}, []uint32{1, 3}},
	}
	for _, c := range cases {
		got, err := parseDiskExtents(c.buf)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	for _, bad := range [][]byte{nil, {1, 0}, extents(), extents(0, 1)[:8+24]} {
		if _, err := parseDiskExtents(bad); err == nil {
			t.Errorf("%d-byte buffer accepted", len(bad))
		}
	}
}

func TestMarkSystemDisks(t *testing.T) {
	disks := []facts.Disk{{Index: facts.Int(0)}, {Index: facts.Int(1)}, {}}
	if err := markSystemDisks(disks, []uint32{1}); err != nil {
		t.Fatal(err)
	}
	if *disks[0].System || !*disks[1].System || disks[2].System != nil {
		t.Errorf("System = %v, %v, %v; want false, true, nil", disks[0].System, disks[1].System, disks[2].System)
	}

	disks = []facts.Disk{{Index: facts.Int(0)}, {Index: facts.Int(1)}}
	err := markSystemDisks(disks, []uint32{3})
	if err == nil || !strings.Contains(err.Error(), "disk 3") {
		t.Errorf("unmatched system disk: error %v", err)
	}
	if disks[0].System != nil || disks[1].System != nil {
		t.Error("with no disk matching, System must stay unknown, not false")
	}
}
