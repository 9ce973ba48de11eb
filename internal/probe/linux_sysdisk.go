package probe

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"actwiz/internal/facts"
)

// markSystemDisks sets System on every listed disk: true for the disks that
// hold "/", false for the others. When that cannot be told it leaves System
// nil on all of them with the reason, rather than guess.
func (r *linuxReader) markSystemDisks(disks []facts.Disk, names []string, fe FieldErrors) {
	holding, err := r.systemDisks()
	if err != nil {
		fe["System"] = "cannot tell which disk holds the running system: " + err.Error()
		return
	}
	if !slices.ContainsFunc(names, func(name string) bool { return holding[name] }) {
		fe["System"] = fmt.Sprintf("the root file system is on %s, which is not one of the disks listed", strings.Join(linuxSortedKeys(holding), ", "))
		return
	}
	for i := range disks {
		disks[i].System = facts.Bool(holding[names[i]])
	}
}

// systemDisks names the disks that hold "/": the disk of the partition
// mounted there, or for device-mapper (LVM, LUKS) and software RAID every
// disk beneath it.
func (r *linuxReader) systemDisks() (map[string]bool, error) {
	mount, err := r.rootMount()
	if err != nil {
		return nil, err
	}
	device, err := r.rootBlockDevice(mount)
	if err != nil {
		return nil, err
	}
	holding := map[string]bool{}
	if err := r.collectDisksBeneath(device, holding, 0); err != nil {
		return nil, err
	}
	return holding, nil
}

// linuxMount is one line of proc/self/mountinfo, the fields used here.
type linuxMount struct {
	majorMinor, fsType, source string
}

// rootMount finds "/" in proc/self/mountinfo. Its format (proc(5)):
// "36 35 98:0 / / rw,noatime master:1 - ext4 /dev/sda2 rw": the third field
// is the device number, the fifth the mount point, and after the optional
// fields and "-" come the file system type and its source. When something
// is mounted over "/", the last line is the one in use.
func (r *linuxReader) rootMount() (linuxMount, error) {
	const rel = "proc/self/mountinfo"
	text, err := r.readAttr(rel)
	if err != nil {
		return linuxMount{}, fmt.Errorf("%s", r.readReason(rel, err))
	}
	var root linuxMount
	found := false
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) < 7 || f[4] != "/" {
			continue
		}
		sep := slices.Index(f[6:], "-") + 6
		if sep < 6 || sep+2 >= len(f) {
			continue
		}
		root, found = linuxMount{majorMinor: f[2], fsType: f[sep+1], source: f[sep+2]}, true
	}
	if !found {
		return linuxMount{}, fmt.Errorf("%s has no entry for /", r.path(rel))
	}
	return root, nil
}

// rootBlockDevice names the block device mounted on "/" (a disk, a
// partition, or a device-mapper or RAID device).
func (r *linuxReader) rootBlockDevice(m linuxMount) (string, error) {
	if path, err := r.devicePath("sys/dev/block/" + m.majorMinor); err == nil {
		return path[len(path)-1], nil
	}
	// btrfs, among others, reports an anonymous device number (major 0);
	// its mount source names the device instead, often through a link
	// such as /dev/mapper/root -> ../dm-0.
	if strings.HasPrefix(m.source, "/dev/") {
		name := filepath.Base(m.source)
		if resolved, err := filepath.EvalSymlinks(r.path(m.source)); err == nil {
			name = filepath.Base(resolved)
		}
		if _, err := os.Stat(r.path("sys/class/block/" + name)); err == nil {
			return name, nil
		}
	}
	// tmpfs or overlay (a live system, a container), a network file
	// system: nothing to name, and a guess would mislead.
	return "", fmt.Errorf("the root file system is %s from %q, not a disk device", m.fsType, m.source)
}

// collectDisksBeneath adds to holding the disks beneath block device name:
// a partition's disk, or the disks beneath every slave of a device-mapper
// or RAID device, however deeply stacked (LUKS on LVM on RAID).
func (r *linuxReader) collectDisksBeneath(name string, holding map[string]bool, depth int) error {
	if depth > 16 {
		return fmt.Errorf("the block devices beneath %s are stacked too deep to follow", name)
	}
	dir := "sys/class/block/" + name
	if _, err := os.Stat(r.path(dir + "/partition")); err == nil {
		path, err := r.devicePath(dir)
		if err != nil {
			return err
		}
		if len(path) < 2 {
			return fmt.Errorf("partition %s has no parent device in sysfs", name)
		}
		return r.collectDisksBeneath(path[len(path)-2], holding, depth+1)
	}
	slaves, err := os.ReadDir(r.path(dir + "/slaves"))
	if err != nil || len(slaves) == 0 {
		holding[name] = true
		return nil
	}
	for _, slave := range slaves {
		if err := r.collectDisksBeneath(slave.Name(), holding, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func linuxSortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
