package probe

import (
	"encoding/binary"
	"reflect"
	"strings"
	"testing"

	"actwiz/internal/facts"
)

// extents builds a VOLUME_DISK_EXTENTS buffer as Windows returns it.
func extents(disks ...uint32) []byte {
	buf := make([]byte, diskExtentsHeader+len(disks)*diskExtentSize)
	binary.LittleEndian.PutUint32(buf, uint32(len(disks)))
	for i, d := range disks {
		off := diskExtentsHeader + i*diskExtentSize
		binary.LittleEndian.PutUint32(buf[off:], d)
		binary.LittleEndian.PutUint64(buf[off+8:], 1<<20)  // StartingOffset
		binary.LittleEndian.PutUint64(buf[off+16:], 1<<30) // ExtentLength
	}
	return buf
}

func TestParseDiskExtents(t *testing.T) {
	got, err := parseDiskExtents(extents(0))
	if err != nil || !reflect.DeepEqual(got, []uint32{0}) {
		t.Errorf("one extent: %v, %v", got, err)
	}
	got, err = parseDiskExtents(extents(2, 1, 2))
	if err != nil || !reflect.DeepEqual(got, []uint32{2, 1}) {
		t.Errorf("spanned volume: %v, %v", got, err)
	}
	for _, bad := range [][]byte{nil, {1, 0}, extents(), extents(0, 1)[:diskExtentsHeader+diskExtentSize]} {
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
