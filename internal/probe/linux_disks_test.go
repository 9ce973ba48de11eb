package probe

import (
	"context"
	"slices"
	"strings"
	"testing"

	"actwiz/internal/facts"
)

// fakeDisk is one block device as sysfs shows it.
type fakeDisk struct {
	name       string
	majorMinor string
	dir        string            // its directory under sys/devices
	device     string            // where its device link leads, under sys/devices; "" for none
	attrs      map[string]string // files in dir ("removable", "serial")
	devAttrs   map[string]string // files in the device directory ("model", "serial")
	udev       string            // its udev database file; "" for none
	partitions map[string]string // name → major:minor
	slaves     map[string]string // block devices it is built on (device-mapper, RAID): name → directory under sys/devices
}

func (f *fakeSys) disk(d fakeDisk) {
	f.t.Helper()
	dir := "sys/devices/" + d.dir
	f.write(dir+"/dev", d.majorMinor+"\n")
	if _, ok := d.attrs["removable"]; !ok {
		f.write(dir+"/removable", "0\n")
	}
	for file, v := range d.attrs {
		f.write(dir+"/"+file, v)
	}
	if d.device != "" {
		f.mkdir("sys/devices/" + d.device)
		f.link(dir+"/device", "sys/devices/"+d.device)
		for file, v := range d.devAttrs {
			f.write("sys/devices/"+d.device+"/"+file, v)
		}
	}
	f.link("sys/block/"+d.name, dir)
	f.link("sys/class/block/"+d.name, dir)
	f.link("sys/dev/block/"+d.majorMinor, dir)
	if d.udev != "" {
		f.write("run/udev/data/b"+d.majorMinor, d.udev)
	}
	for name, majorMinor := range d.partitions {
		part := dir + "/" + name
		f.write(part+"/dev", majorMinor+"\n")
		f.write(part+"/partition", "1\n")
		f.link("sys/class/block/"+name, part)
		f.link("sys/dev/block/"+majorMinor, part)
	}
	for slave, slaveDir := range d.slaves {
		f.link(dir+"/slaves/"+slave, "sys/devices/"+slaveDir)
	}
}

// The disks of the tests, each where the kernel puts it.
const (
	sataDir    = "pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0"
	sata2Dir   = "pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0"
	usbDiskDir = "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0"
	nvmeCtrl   = "pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0"
	virtioDir  = "pci0000:00/0000:00:02.0/virtio1"
)

func sataDisk(name, majorMinor, device, udev string) fakeDisk {
	return fakeDisk{
		name: name, majorMinor: majorMinor, dir: device + "/block/" + name, device: device,
		devAttrs: map[string]string{"model": "Samsung SSD 860  \n"}, udev: udev,
	}
}

func nvmeDisk() fakeDisk {
	return fakeDisk{
		name: "nvme0n1", majorMinor: "259:0", dir: nvmeCtrl + "/nvme0n1", device: nvmeCtrl,
		devAttrs: map[string]string{"model": "Samsung SSD 970 EVO Plus 1TB            \n", "serial": "S4EWNX0R123456      \n"},
	}
}

func virtioDisk(serial string) fakeDisk {
	return fakeDisk{
		name: "vda", majorMinor: "254:0", dir: virtioDir + "/block/vda", device: virtioDir,
		attrs: map[string]string{"serial": serial}, // virtio_blk writes no newline
	}
}

// virtualDisk is a block device the kernel keeps under sys/devices/virtual.
func virtualDisk(name, majorMinor string) fakeDisk {
	return fakeDisk{name: name, majorMinor: majorMinor, dir: "virtual/block/" + name}
}

const udevSamsung = "S:disk/by-id/ata-Samsung_SSD_860_EVO_500GB_S3Z1NB0K123456A\nE:ID_SERIAL=Samsung_SSD_860_EVO_500GB_S3Z1NB0K123456A\nE:ID_SERIAL_SHORT=S3Z1NB0K123456A\nG:systemd\n"

func TestLinuxDisks(t *testing.T) {
	sata := func(serial string) facts.Disk {
		return facts.Disk{
			Model: facts.Str("Samsung SSD 860"), SerialNumber: nilOr(serial), InterfaceType: facts.Str("IDE"),
			MediaType: facts.Str("Fixed hard disk media"), InLocalMachineContainer: facts.Bool(true),
			PNPDeviceID: facts.Str(`PCI\0000:00:17.0\ata1\host0\target0:0:0\0:0:0:0\block\sda`),
		}
	}
	nvme := facts.Disk{
		Model: facts.Str("Samsung SSD 970 EVO Plus 1TB"), SerialNumber: facts.Str("S4EWNX0R123456      "),
		InterfaceType: facts.Str("SCSI"), MediaType: facts.Str("Fixed hard disk media"),
		PNPDeviceID:             facts.Str(`PCI\0000:3d:00.0\nvme\nvme0\nvme0n1`),
		InLocalMachineContainer: facts.Bool(true),
	}
	virtio := func(serial string) facts.Disk {
		return facts.Disk{
			SerialNumber: facts.Str(serial), InterfaceType: facts.Str("SCSI"), MediaType: facts.Str("Fixed hard disk media"),
			PNPDeviceID: facts.Str(`VIRTIO\virtio1\block\vda`), InLocalMachineContainer: facts.Bool(true),
		}
	}
	usb := func(media string) facts.Disk {
		return facts.Disk{
			Model: facts.Str("Samsung SSD 860"), SerialNumber: facts.Str("S3Z1NB0K123456A"), InterfaceType: facts.Str("USB"),
			MediaType: facts.Str(media), InLocalMachineContainer: facts.Bool(false),
			PNPDeviceID: facts.Str(`USB\2-1\2-1:1.0\host6\target6:0:0\6:0:0:0\block\sdb`),
		}
	}
	cases := []struct {
		name         string
		setup        func(f *fakeSys) // more of the tree, before the disks
		disks        []fakeDisk
		want         []facts.Disk
		serialReason string // substring of errors["SerialNumber"], "" for none
	}{{
		name:  "SATA disk with a udev serial",
		disks: []fakeDisk{sataDisk("sda", "8:0", sataDir, udevSamsung)},
		want:  []facts.Disk{sata("S3Z1NB0K123456A")},
	}, {
		name:  "udev has only ID_SERIAL",
		disks: []fakeDisk{sataDisk("sda", "8:0", sataDir, "E:ID_SERIAL=Samsung_SSD_860_S3Z1NB\n")},
		want:  []facts.Disk{sata("Samsung_SSD_860_S3Z1NB")},
	}, {
		name: "SATA disk without udev, serial from VPD page 0x80",
		disks: []fakeDisk{func() fakeDisk {
			d := sataDisk("sda", "8:0", sataDir, "")
			d.devAttrs["vpd_pg80"] = "\x00\x80\x00\x14     S3Z1NB0K123456A"
			return d
		}()},
		want: []facts.Disk{sata("     S3Z1NB0K123456A")},
	}, {
		name:         "no serial anywhere",
		disks:        []fakeDisk{sataDisk("sda", "8:0", sataDir, "E:ID_MODEL=x\n")},
		want:         []facts.Disk{sata("")},
		serialReason: "sda: no serial number found",
	}, {
		name:  "NVMe disk with device/serial",
		disks: []fakeDisk{nvmeDisk()},
		want:  []facts.Disk{nvme},
	}, {
		name: "NVMe disk under native multipath",
		setup: func(f *fakeSys) {
			// The namespace hangs from its subsystem, which links to its controller.
			f.write("sys/devices/"+nvmeCtrl+"/serial", "S4EWNX0R123456      \n")
			f.link("sys/devices/virtual/nvme-subsystem/nvme-subsys0/nvme0", "sys/devices/"+nvmeCtrl)
		},
		disks: []fakeDisk{{
			name: "nvme0n1", majorMinor: "259:0", dir: "virtual/nvme-subsystem/nvme-subsys0/nvme0n1",
			device: "virtual/nvme-subsystem/nvme-subsys0",
			devAttrs: map[string]string{
				"model": "Samsung SSD 970 EVO Plus 1TB            \n", "serial": "S4EWNX0R123456      \n",
			},
		}},
		want: []facts.Disk{nvme},
	}, {
		name:  "virtio disk",
		disks: []fakeDisk{virtioDisk("overlayblk")},
		want:  []facts.Disk{virtio("overlayblk")},
	}, {
		name:  "virtio disk without a serial",
		disks: []fakeDisk{virtioDisk("")},
		want:  []facts.Disk{virtio("")},
	}, {
		name:  "USB hard disk",
		disks: []fakeDisk{sataDisk("sdb", "8:16", usbDiskDir, udevSamsung)},
		want:  []facts.Disk{usb("External hard disk media")},
	}, {
		name: "USB stick",
		disks: []fakeDisk{func() fakeDisk {
			d := sataDisk("sdb", "8:16", usbDiskDir, udevSamsung)
			d.attrs = map[string]string{"removable": "1\n"}
			return d
		}()},
		want: []facts.Disk{usb("Removable Media")},
	}, {
		name: "devices that are not disks are left out",
		disks: []fakeDisk{
			virtualDisk("loop0", "7:0"), virtualDisk("ram0", "1:0"), virtualDisk("zram0", "253:0"),
			virtualDisk("dm-0", "254:0"), virtualDisk("md0", "9:0"), virtualDisk("nbd0", "43:0"),
			virtualDisk("ublkb0", "250:0"), // unknown to the list, but virtual
			{name: "sr0", majorMinor: "11:0", dir: "pci0000:00/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0/block/sr0"},
			{name: "mmcblk0boot0", majorMinor: "179:8", dir: "platform/fe310000.mmc/mmc_host/mmc0/mmc0:0001/block/mmcblk0/mmcblk0boot0"},
			sataDisk("sda", "8:0", sataDir, udevSamsung),
		},
		want: []facts.Disk{sata("S3Z1NB0K123456A")},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeSys(t)
			if c.setup != nil {
				c.setup(f)
			}
			for _, d := range c.disks {
				f.disk(d)
			}
			disks, fe, err := f.reader(0).Disks(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for i := range c.want {
				c.want[i].Index = facts.Int(i)
			}
			for i := range disks {
				disks[i].System = nil // TestLinuxSystemDisk covers it; here no root is mounted
			}
			if got, want := asJSON(t, disks), asJSON(t, c.want); got != want {
				t.Errorf("disks =\n%s\nwant\n%s", got, want)
			}
			if got := fe["SerialNumber"]; c.serialReason == "" && got != "" || !strings.Contains(got, c.serialReason) {
				t.Errorf("errors[SerialNumber] = %q, want %q", got, c.serialReason)
			}
		})
	}
}

// nilOr returns nil for "", which the table uses for "not read".
func nilOr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func TestLinuxDiskOrder(t *testing.T) {
	f := newFakeSys(t)
	names := []string{"sdaa", "nvme10n1", "sdb", "nvme2n1", "sda", "vda"}
	for i, name := range names {
		f.disk(fakeDisk{name: name, majorMinor: "8:" + string(rune('0'+i)), dir: "platform/host/block/" + name})
	}
	disks, _, err := f.reader(0).Disks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range disks {
		got = append(got, strings.TrimPrefix(*d.PNPDeviceID, `PLATFORM\host\block\`))
	}
	want := []string{"nvme2n1", "nvme10n1", "sda", "sdb", "sdaa", "vda"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}

// mountinfo returns a proc/self/mountinfo whose "/" is the given device,
// file system type and source, among the usual pseudo file systems.
func mountinfo(majorMinor, fsType, source string) string {
	return "22 27 0:21 / /proc rw,relatime shared:12 - proc proc rw\n" +
		"23 27 0:22 / /sys rw,relatime shared:2 - sysfs sysfs rw\n" +
		"27 1 " + majorMinor + " / / rw,relatime shared:1 - " + fsType + " " + source + " rw,errors=remount-ro\n" +
		"40 27 0:35 / /tmp rw,nosuid,nodev shared:18 - tmpfs tmpfs rw\n"
}

func TestLinuxSystemDisk(t *testing.T) {
	sda := func() fakeDisk {
		d := sataDisk("sda", "8:0", sataDir, udevSamsung)
		d.partitions = map[string]string{"sda1": "8:1", "sda2": "8:2"}
		return d
	}
	sdb := func() fakeDisk {
		d := sataDisk("sdb", "8:16", sata2Dir, "")
		d.partitions = map[string]string{"sdb1": "8:17"}
		return d
	}
	nvme := func() fakeDisk {
		d := nvmeDisk()
		d.partitions = map[string]string{"nvme0n1p1": "259:1", "nvme0n1p3": "259:3"}
		return d
	}
	mapped := func(name, majorMinor string, slaves map[string]string) fakeDisk {
		d := virtualDisk(name, majorMinor)
		d.slaves = slaves
		return d
	}
	cases := []struct {
		name       string
		disks      []fakeDisk
		mounts     string
		devLinks   map[string]string // links under dev, for mount sources
		wantSystem []string          // name of each disk whose System is true, in order; nil: System unknown
		wantReason string            // substring of errors["System"]
	}{{
		name:       "root on a partition",
		disks:      []fakeDisk{sda(), sdb()},
		mounts:     mountinfo("8:2", "ext4", "/dev/sda2"),
		wantSystem: []string{"sda"},
	}, {
		name:       "root on a whole disk",
		disks:      []fakeDisk{sda(), sdb()},
		mounts:     mountinfo("8:16", "xfs", "/dev/sdb"),
		wantSystem: []string{"sdb"},
	}, {
		name:       "root on LVM over an NVMe partition",
		disks:      []fakeDisk{sda(), nvme(), mapped("dm-0", "254:0", map[string]string{"nvme0n1p3": nvmeCtrl + "/nvme0n1/nvme0n1p3"})},
		mounts:     mountinfo("254:0", "ext4", "/dev/mapper/vg-root"),
		wantSystem: []string{"nvme0n1"},
	}, {
		name: "root on LUKS over LVM over RAID 1",
		disks: []fakeDisk{
			sda(), sdb(),
			mapped("md0", "9:0", map[string]string{"sda2": sataDir + "/block/sda/sda2", "sdb1": sata2Dir + "/block/sdb/sdb1"}),
			mapped("dm-0", "254:0", map[string]string{"md0": "virtual/block/md0"}),
			mapped("dm-1", "254:1", map[string]string{"dm-0": "virtual/block/dm-0"}),
		},
		mounts:     mountinfo("254:1", "ext4", "/dev/mapper/luks-root"),
		wantSystem: []string{"sda", "sdb"},
	}, {
		name:       "btrfs, whose device number is anonymous",
		disks:      []fakeDisk{sda(), sdb()},
		mounts:     mountinfo("0:31", "btrfs", "/dev/sdb1"),
		wantSystem: []string{"sdb"},
	}, {
		name:       "btrfs on LUKS, named through /dev/mapper",
		disks:      []fakeDisk{sda(), nvme(), mapped("dm-0", "254:0", map[string]string{"nvme0n1p3": nvmeCtrl + "/nvme0n1/nvme0n1p3"})},
		mounts:     mountinfo("0:31", "btrfs", "/dev/mapper/luks-1234"),
		devLinks:   map[string]string{"dev/mapper/luks-1234": "dev/dm-0"},
		wantSystem: []string{"nvme0n1"},
	}, {
		name:       "root on overlay, as on a live USB",
		disks:      []fakeDisk{sda(), sdb()},
		mounts:     mountinfo("0:33", "overlay", "overlay"),
		wantReason: `overlay from "overlay"`,
	}, {
		name:       "root on tmpfs",
		disks:      []fakeDisk{sda()},
		mounts:     mountinfo("0:24", "tmpfs", "tmpfs"),
		wantReason: "not a disk device",
	}, {
		name:       "root on a loop device",
		disks:      []fakeDisk{sda(), virtualDisk("loop0", "7:0")},
		mounts:     mountinfo("7:0", "squashfs", "/dev/loop0"),
		wantReason: "on loop0, which is not one of the disks listed",
	}, {
		name:       "no mountinfo",
		disks:      []fakeDisk{sda()},
		wantReason: "mountinfo does not exist",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeSys(t)
			for _, d := range c.disks {
				f.disk(d)
			}
			if c.mounts != "" {
				f.write("proc/self/mountinfo", c.mounts)
			}
			for link, target := range c.devLinks {
				f.write(target, "")
				f.link(link, target)
			}
			disks, fe, err := f.reader(0).Disks(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var gotSystem []string
			for _, d := range disks {
				if (d.System == nil) != (c.wantSystem == nil) {
					t.Fatalf("disk %s: System = %v, want known = %v (errors: %q)", *d.PNPDeviceID, d.System, c.wantSystem != nil, fe["System"])
				}
				if d.System != nil && *d.System {
					gotSystem = append(gotSystem, (*d.PNPDeviceID)[strings.LastIndex(*d.PNPDeviceID, `\`)+1:])
				}
			}
			if c.wantSystem != nil && !slices.Equal(gotSystem, c.wantSystem) {
				t.Errorf("system disks = %v, want %v", gotSystem, c.wantSystem)
			}
			if got := fe["System"]; c.wantReason == "" && got != "" || !strings.Contains(got, c.wantReason) {
				t.Errorf("errors[System] = %q, want %q", got, c.wantReason)
			}
		})
	}
}
