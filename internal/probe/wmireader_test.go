package probe

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"actwiz/internal/facts"
)

// fakeProvider answers WQL queries the way WMI's providers would, after
// delay; the class named stuck never answers (until the test ends), as a
// hung Win32_NetworkAdapter provider does on real machines.
type fakeProvider struct {
	delay   time.Duration
	stuck   string
	release chan struct{}
}

func (p fakeProvider) run(wql string, dst any) ([]map[string]string, error) {
	if p.stuck != "" && strings.HasSuffix(wql, " FROM "+p.stuck) {
		<-p.release
		return nil, errors.New("answered too late")
	}
	time.Sleep(p.delay)
	switch rows := dst.(type) {
	case *[]wmiBIOS:
		*rows = []wmiBIOS{{SerialNumber: facts.Str("PF2XK7QW"), Manufacturer: facts.Str("LENOVO")}}
	case *[]wmiBaseBoard:
		*rows = []wmiBaseBoard{{SerialNumber: facts.Str("L1HF0AB03XZ"), Manufacturer: facts.Str("LENOVO"), Product: facts.Str("3136")}}
	case *[]wmiDiskDrive:
		*rows = []wmiDiskDrive{{Index: facts.Int(0), Model: facts.Str("SAMSUNG MZVLB512HBJQ-000L7"), SerialNumber: facts.Str("0025_3881_91B1_3520."), InterfaceType: facts.Str("SCSI"), MediaType: facts.Str("Fixed hard disk media"), PNPDeviceID: facts.Str(`SCSI\DISK&VEN_NVME\5&1A2B3C4D&0&000000`)}}
	case *[]wmiNetworkAdapter:
		*rows = []wmiNetworkAdapter{{Name: facts.Str("Intel(R) Ethernet Connection (7) I219-V"), MACAddress: facts.Str("54:E1:AD:12:34:56"), PhysicalAdapter: facts.Bool(true), PNPDeviceID: facts.Str(`PCI\VEN_8086&DEV_15BC`)}}
	case *[]wmiOperatingSystem:
		*rows = []wmiOperatingSystem{{Caption: facts.Str("Microsoft Windows 10 Enterprise G"), Version: facts.Str("10.0.19044")}}
	}
	return nil, nil
}

func fakeWindows(p fakeProvider) wmiReader {
	return wmiReader{
		src:         perQuery{run: p.run},
		container:   func(string) (bool, error) { return true, nil },
		systemDisks: func() ([]uint32, error) { return []uint32{0}, nil },
		firmware: func(context.Context) (*facts.SMBIOS, error) {
			return &facts.SMBIOS{SystemSerialNumber: facts.Str("PF2XK7QW"), Source: "fake"}, nil
		},
		hostName: func() (string, error) { return "PC-0142", nil },
	}
}

// TestStuckProviderCostsNoOtherSection: with Win32_NetworkAdapter's
// provider never answering, every other section still arrives in about
// the provider's delay, and only the adapters end at the deadline, as a
// timeout. Under the wmi library's package-wide lock (actwiz before), a
// stuck query holding the lock made every section queued behind it time
// out too.
func TestStuckProviderCostsNoOtherSection(t *testing.T) {
	const (
		delay    = 20 * time.Millisecond
		deadline = 600 * time.Millisecond
		inTime   = 200 * time.Millisecond
	)
	p := fakeProvider{delay: delay, stuck: "Win32_NetworkAdapter", release: make(chan struct{})}
	t.Cleanup(func() { close(p.release) })

	start := time.Now()
	arrived := map[facts.Section]time.Duration{}
	s := facts.New()
	for part := range Stream(context.Background(), fakeWindows(p), deadline) {
		arrived[part.Section] = time.Since(start)
		part.Apply(&s)
	}
	t.Logf("arrivals with Win32_NetworkAdapter stuck: %v", arrived)
	for _, sec := range []facts.Section{facts.SectionBIOS, facts.SectionBaseboard, facts.SectionDisks, facts.SectionSMBIOS} {
		if arrived[sec] > inTime {
			t.Errorf("%s arrived after %s, want within %s: the stuck adapters held it up", sec, arrived[sec], inTime)
		}
	}
	if s.BIOS == nil || s.BIOS.SerialNumber == nil || *s.BIOS.SerialNumber != "PF2XK7QW" {
		t.Errorf("BIOS serial not read: %+v (%q)", s.BIOS, s.Err("bios"))
	}
	if len(s.Disks) != 1 || s.Baseboard == nil {
		t.Errorf("disks %v, baseboard %v", s.Disks, s.Baseboard)
	}
	if got := arrived[facts.SectionNICs]; got < deadline || got > deadline+inTime {
		t.Errorf("adapters arrived after %s, want at the %s deadline", got, deadline)
	}
	if s.NICs != nil || s.ErrKind("nics") != facts.KindTimeout || !strings.Contains(s.Err("nics"), "timed out") {
		t.Errorf("adapters: %v, reason %q, kind %q; want unread, timed out", s.NICs, s.Err("nics"), s.ErrKind("nics"))
	}
}

// Each section query is handed a context that ends at its own deadline,
// and the source returns at it even though the provider never does.
func TestPerQueryGivesUpAtTheDeadline(t *testing.T) {
	p := fakeProvider{stuck: "Win32_BIOS", release: make(chan struct{})}
	t.Cleanup(func() { close(p.release) })
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var rows []wmiBIOS
	start := time.Now()
	_, err := perQuery{run: p.run}.query(ctx, wmiSelect[wmiBIOS](), &rows)
	if took := time.Since(start); took > 500*time.Millisecond {
		t.Errorf("returned after %s", took)
	}
	if ReasonKind(err) != facts.KindTimeout || !strings.Contains(err.Error(), "Win32_BIOS") || rows != nil {
		t.Errorf("err %v (kind %q), rows %v", err, ReasonKind(err), rows)
	}
}

// Sections run concurrently on their connections: four providers that
// each take 100 ms answer together in about 100 ms, not 400.
func TestSectionsQueryConcurrently(t *testing.T) {
	const delay = 100 * time.Millisecond
	var mu sync.Mutex
	running, most := 0, 0
	p := fakeProvider{delay: delay}
	r := fakeWindows(p)
	r.src = perQuery{run: func(wql string, dst any) ([]map[string]string, error) {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		defer func() { mu.Lock(); running--; mu.Unlock() }()
		return p.run(wql, dst)
	}}
	start := time.Now()
	s := Take(context.Background(), r, 5*time.Second, time.Now)
	took := time.Since(start)
	t.Logf("4 sections of %s each took %s together, %d at once", delay, took, most)
	if most < 4 || took > 3*delay {
		t.Errorf("%d queries at once, %s in all: the sections waited for each other", most, took)
	}
	if s.Host.OSCaption != "Microsoft Windows 10 Enterprise G" || s.Host.Name != "PC-0142" {
		t.Errorf("host %+v", s.Host)
	}
}
