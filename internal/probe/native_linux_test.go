//go:build linux

package probe

import (
	"context"
	"testing"
	"time"

	"actwiz/internal/facts"
)

// TestNativeLinuxSmoke reads the machine the tests run on. It asserts only
// what holds on any Linux machine, whatever its hardware or privileges:
// every section is read or says why not, and the host is named.
func TestNativeLinuxSmoke(t *testing.T) {
	s := Take(context.Background(), Native(), 10*time.Second, time.Now)
	if s.Host.OSFamily != "linux" || s.Host.OSVersion == "" {
		t.Errorf("host = %+v, want os_family linux and a kernel release", s.Host)
	}
	read := map[facts.Section]bool{
		facts.SectionBIOS:      s.BIOS != nil,
		facts.SectionBaseboard: s.Baseboard != nil,
		facts.SectionDisks:     s.Disks != nil,
		facts.SectionNICs:      s.NICs != nil,
	}
	for sec, ok := range read {
		if reason := s.Err(string(sec)); ok == (reason != "") {
			t.Errorf("section %s: read = %v, reason = %q; want exactly one of them", sec, ok, reason)
		}
	}
	for i, d := range s.Disks {
		if d.Index == nil || *d.Index != i {
			t.Errorf("disk %d has Index %v", i, d.Index)
		}
	}
	for _, n := range s.NICs {
		if n.Name == nil || *n.Name == "" {
			t.Errorf("an adapter has no name: %+v", n)
		}
	}
	t.Logf("this machine: %d disks, %d adapters, errors %q", len(s.Disks), len(s.NICs), s.Errors)
}
