package checks

import "actwiz/internal/facts"

// The functions below expose the spec §2 device rules to code that compares
// machines (actwiz fleet): a USB stick or USB network adapter moves from PC
// to PC with the technician, so its serial or MAC address says nothing about
// the machine and must not be counted as a duplicate.

// DiskRemovable reports whether d is removable by the rule of disk.fixed.
func DiskRemovable(d facts.Disk) bool { return removable(d) }

// NICIdentifies reports whether n's MAC address belongs to the machine
// itself: a physical adapter, not removable, with a MAC address that is not
// empty or all zeros. Disabled adapters still count: their MAC is the same.
func NICIdentifies(n facts.NIC) bool {
	return physical(n) && hasMAC(n) && nicRemovability(n) != isRemovable
}
