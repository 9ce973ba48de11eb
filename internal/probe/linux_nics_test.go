package probe

import (
	"context"
	"strings"
	"syscall"
	"testing"

	"actwiz/internal/facts"
)

// fakeNIC is one network interface as sysfs shows it.
type fakeNIC struct {
	name    string
	dir     string // its directory under sys/devices
	device  string // where its device link leads, under sys/devices; "" for none
	address *string
	flags   string
}

func (f *fakeSys) nic(n fakeNIC) {
	f.t.Helper()
	dir := "sys/devices/" + n.dir
	f.write(dir+"/flags", n.flags+"\n")
	if n.address != nil {
		f.write(dir+"/address", *n.address+"\n")
	}
	if n.device != "" {
		f.mkdir("sys/devices/" + n.device)
		f.link(dir+"/device", "sys/devices/"+n.device)
	}
	f.link("sys/class/net/"+n.name, dir)
}

func TestLinuxNICs(t *testing.T) {
	onboard := fakeNIC{
		name: "eno1", dir: "pci0000:00/0000:00:1f.6/net/eno1", device: "pci0000:00/0000:00:1f.6",
		address: facts.Str("54:e1:ad:12:34:56"), flags: "0x1003",
	}
	onboardWant := facts.NIC{
		Name: facts.Str("eno1"), MACAddress: facts.Str("54:E1:AD:12:34:56"), PhysicalAdapter: facts.Bool(true),
		NetEnabled: facts.Bool(true), ConfigManagerErrorCode: facts.Int(0),
		PNPDeviceID: facts.Str(`PCI\0000:00:1f.6\net\eno1`), InLocalMachineContainer: facts.Bool(true),
	}
	software := func(name, address, flags string) fakeNIC {
		return fakeNIC{name: name, dir: "virtual/net/" + name, address: &address, flags: flags}
	}
	softwareWant := func(name, mac string, up bool) facts.NIC {
		return facts.NIC{
			Name: facts.Str(name), MACAddress: nilOr(mac), PhysicalAdapter: facts.Bool(false),
			NetEnabled: facts.Bool(up), InLocalMachineContainer: facts.Bool(true),
		}
	}
	cases := []struct {
		name       string
		nics       []fakeNIC
		deny       []string
		want       []facts.NIC
		wantReason map[string]string // field → substring of its reason
	}{{
		name: "onboard Ethernet",
		nics: []fakeNIC{onboard},
		want: []facts.NIC{onboardWant},
	}, {
		name: "USB adapter",
		nics: []fakeNIC{{
			name: "enx00e04c680001", dir: "pci0000:00/0000:00:14.0/usb2/2-2/2-2:1.0/net/enx00e04c680001",
			device: "pci0000:00/0000:00:14.0/usb2/2-2/2-2:1.0", address: facts.Str("00:e0:4c:68:00:01"), flags: "0x1003",
		}},
		want: []facts.NIC{{
			Name: facts.Str("enx00e04c680001"), MACAddress: facts.Str("00:E0:4C:68:00:01"), PhysicalAdapter: facts.Bool(true),
			NetEnabled: facts.Bool(true), ConfigManagerErrorCode: facts.Int(0),
			PNPDeviceID: facts.Str(`USB\2-2\2-2:1.0\net\enx00e04c680001`), InLocalMachineContainer: facts.Bool(false),
		}},
	}, {
		name: "virtio adapter in a virtual machine",
		nics: []fakeNIC{{
			name: "eth0", dir: "pci0000:00/0000:00:03.0/virtio2/net/eth0", device: "pci0000:00/0000:00:03.0/virtio2",
			address: facts.Str("02:fc:00:00:00:01"), flags: "0x1003",
		}},
		want: []facts.NIC{{
			Name: facts.Str("eth0"), MACAddress: facts.Str("02:FC:00:00:00:01"), PhysicalAdapter: facts.Bool(true),
			NetEnabled: facts.Bool(true), ConfigManagerErrorCode: facts.Int(0),
			PNPDeviceID: facts.Str(`VIRTIO\virtio2\net\eth0`), InLocalMachineContainer: facts.Bool(true),
		}},
	}, {
		name: "software interfaces",
		nics: []fakeNIC{
			software("lo", "00:00:00:00:00:00", "0x9"),
			software("docker0", "02:42:ac:11:00:01", "0x1003"),
			software("veth1a2b3c", "3e:41:aa:01:02:03", "0x1003"),
		},
		want: []facts.NIC{
			softwareWant("docker0", "02:42:AC:11:00:01", true),
			softwareWant("lo", "00:00:00:00:00:00", true),
			softwareWant("veth1a2b3c", "3E:41:AA:01:02:03", true),
		},
	}, {
		name: "adapter taken down",
		nics: []fakeNIC{func() fakeNIC { n := onboard; n.flags = "0x1002"; return n }()},
		want: []facts.NIC{func() facts.NIC { n := onboardWant; n.NetEnabled = facts.Bool(false); return n }()},
	}, {
		name: "interfaces without a hardware address",
		nics: []fakeNIC{
			software("tun0", "", "0x1091"),                               // tun in IP mode: empty file
			{name: "wg0", dir: "virtual/net/wg0", flags: "0x91"},         // no file at all
			func() fakeNIC { n := onboard; n.address = nil; return n }(), // a driver that sets none
		},
		want: []facts.NIC{
			func() facts.NIC { n := onboardWant; n.MACAddress = nil; return n }(),
			softwareWant("tun0", "", true),
			softwareWant("wg0", "", true),
		},
	}, {
		name:       "flags unreadable",
		nics:       []fakeNIC{onboard},
		deny:       []string{"sys/class/net/eno1/flags"},
		want:       []facts.NIC{func() facts.NIC { n := onboardWant; n.NetEnabled = nil; return n }()},
		wantReason: map[string]string{"NetEnabled": "eno1: permission denied"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeSys(t)
			for _, n := range c.nics {
				f.nic(n)
			}
			// The bonding driver keeps a control file among the interfaces.
			f.write("sys/class/net/bonding_masters", "\n")
			nics, fe, err := f.reader(syscall.EACCES, c.deny...).NICs(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got, want := asJSON(t, nics), asJSON(t, c.want); got != want {
				t.Errorf("nics =\n%s\nwant\n%s", got, want)
			}
			if len(fe) != len(c.wantReason) {
				t.Errorf("field errors = %q, want %d", fe, len(c.wantReason))
			}
			for field, part := range c.wantReason {
				if !strings.Contains(fe[field], part) {
					t.Errorf("errors[%s] = %q, want it to contain %q", field, fe[field], part)
				}
			}
		})
	}
}
