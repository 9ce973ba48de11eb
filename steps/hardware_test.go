package steps

import (
	"context"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/facts"
	"actwiz/internal/probe"
)

// hangingReader answers every section from snap except the one that never
// returns, like a stuck WMI provider.
type hangingReader struct {
	snap  facts.Snapshot
	hang  facts.Section
	block chan struct{}
}

func (r hangingReader) Host(context.Context) facts.Host { return r.snap.Host }
func (r hangingReader) wait(sec facts.Section) {
	if sec == r.hang {
		<-r.block
	}
}
func (r hangingReader) BIOS(ctx context.Context) (*facts.BIOS, probe.FieldErrors, error) {
	r.wait(facts.SectionBIOS)
	return r.snap.BIOS, nil, nil
}
func (r hangingReader) Baseboard(ctx context.Context) (*facts.Baseboard, probe.FieldErrors, error) {
	r.wait(facts.SectionBaseboard)
	return r.snap.Baseboard, nil, nil
}
func (r hangingReader) Disks(ctx context.Context) ([]facts.Disk, probe.FieldErrors, error) {
	r.wait(facts.SectionDisks)
	return r.snap.Disks, nil, nil
}
func (r hangingReader) NICs(ctx context.Context) ([]facts.NIC, probe.FieldErrors, error) {
	r.wait(facts.SectionNICs)
	return r.snap.NICs, nil, nil
}

func goodSnapshot() facts.Snapshot {
	s := facts.New()
	s.Host = facts.Host{Name: "PC-1", OSFamily: "windows"}
	s.BIOS = &facts.BIOS{SerialNumber: facts.Str("PF2XK7QW")}
	s.Baseboard = &facts.Baseboard{SerialNumber: facts.Str("L1HF0AB03XZ")}
	s.Disks = []facts.Disk{{Index: facts.Int(0), SerialNumber: facts.Str("S3Z9NB0K"), InterfaceType: facts.Str("SCSI"),
		MediaType: facts.Str("Fixed hard disk media"), InLocalMachineContainer: facts.Bool(true), System: facts.Bool(true)}}
	s.NICs = []facts.NIC{{Name: facts.Str("Intel"), MACAddress: facts.Str("54:E1:AD:12:34:56"), PhysicalAdapter: facts.Bool(true),
		NetEnabled: facts.Bool(true), PNPDeviceID: facts.Str(`PCI\VEN_8086`), InLocalMachineContainer: facts.Bool(true)}}
	return s
}

func TestHardwareStreamsAndTimesOut(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	step := &Hardware{
		Reader:  hangingReader{snap: goodSnapshot(), hang: facts.SectionDisks, block: block},
		Timeout: 200 * time.Millisecond, Rules: checks.DefaultRules(), Now: time.Now,
	}
	var sess Session
	var events []Event
	start := time.Now()
	step.Run(context.Background(), &sess, func(e Event) { events = append(events, e) })
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Fatalf("the step waited %s for a hung section", elapsed)
	}
	got := map[string]checks.Result{}
	var firstDone string
	for _, e := range events {
		if d, ok := e.(ItemDone); ok {
			got[d.Result.ID] = d.Result
			if firstDone == "" {
				firstDone = d.Result.ID
			}
		}
	}
	if len(got) != 6 {
		t.Fatalf("want 6 results, got %d: %v", len(got), got)
	}
	if strings.HasPrefix(firstDone, "disk.") {
		t.Errorf("the hung disk section must not hold back the others; first result was %s", firstDone)
	}
	for _, id := range []string{"disk.serial", "disk.fixed"} {
		r := got[id]
		if r.Status != checks.Unknown || !strings.Contains(r.Detail.EN, "timed out") {
			t.Errorf("%s = %s %q; want unknown with the timeout", id, r.Status, r.Detail.EN)
		}
	}
	if got["bios.serial"].Status != checks.Pass || got["nic.fixed"].Status != checks.Pass {
		t.Errorf("sections that answered must be judged: %v", got)
	}
	if _, ok := events[len(events)-1].(Finished); !ok {
		t.Errorf("last event = %T; want Finished", events[len(events)-1])
	}
	if all := sess.All(); len(all) != 6 || all[0].ID != "bios.serial" {
		t.Errorf("session results not in catalogue order: %v", all)
	}
}

func TestHardwareCancelled(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	step := &Hardware{Reader: hangingReader{snap: goodSnapshot(), hang: facts.SectionNICs, block: block},
		Timeout: time.Minute, Rules: checks.DefaultRules(), Now: time.Now}
	ctx, cancel := context.WithCancel(context.Background())
	var sess Session
	var last Event
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	step.Run(ctx, &sess, func(e Event) { last = e })
	if f, ok := last.(Finished); !ok || f.Err == nil {
		t.Fatalf("a cancelled step must finish with an error, got %#v", last)
	}
	if len(sess.All()) != 0 {
		t.Error("a cancelled step must not record results")
	}
}

func TestAskWaitsForReply(t *testing.T) {
	q := &Question{Step: "x", ID: "go", Kind: Confirm}
	ans, err := Ask(context.Background(), func(e Event) {
		go e.(*Question).Reply(Answer{Text: "y"})
	}, q)
	if err != nil || ans.Text != "y" {
		t.Fatalf("Ask = %+v, %v", ans, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if ans, err := Ask(ctx, func(Event) {}, &Question{}); err == nil || !ans.Cancelled {
		t.Fatalf("Ask on a cancelled context = %+v, %v", ans, err)
	}
}

func TestHardwareKeepsRecordedTime(t *testing.T) {
	recorded := goodSnapshot()
	recorded.TakenAt = time.Date(2021, 10, 9, 8, 0, 0, 0, time.UTC)
	step := &Hardware{Reader: probe.FromSnapshot(recorded), Timeout: time.Second, Rules: checks.DefaultRules(), Now: time.Now}
	var sess Session
	step.Run(context.Background(), &sess, func(Event) {})
	if !sess.Facts.TakenAt.Equal(recorded.TakenAt) {
		t.Fatalf("taken_at = %s; a snapshot keeps the time it was recorded", sess.Facts.TakenAt)
	}
}
