package probe

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"
	"time"

	"github.com/go-ole/go-ole"

	"actwiz/internal/facts"
	"actwiz/internal/platform/wmiole"
)

// The errors are built the way the Windows probe receives them: go-ole's
// OleError with the HRESULT WMI returned, wrapped by wmiole.Describe and
// by the probe's own context.
func TestReasonKind(t *testing.T) {
	wmi := func(code uint32) error {
		return fmt.Errorf("WMI query %q: %w", "SELECT SerialNumber FROM Win32_BIOS", wmiole.Describe(ole.NewError(uintptr(code))))
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"Winmgmt disabled", wmi(0x80070422), facts.KindWMIService},
		{"Winmgmt not active", wmi(0x80070426), facts.KindWMIService},
		{"WBEM_E_ACCESS_DENIED", wmi(0x80041003), facts.KindAccessDenied},
		{"E_ACCESSDENIED from ConnectServer", wmi(0x80070005), facts.KindAccessDenied},
		{"WBEM_E_INVALID_CLASS on Win32_BIOS", wmi(0x80041010), facts.KindWMIRepository},
		{"WBEM_E_INVALID_NAMESPACE on root\\cimv2", wmi(0x8004100E), facts.KindWMIRepository},
		{"go-ole error not described", fmt.Errorf("query: %w", ole.NewError(0x80041010)), facts.KindWMIRepository},
		{"E_FAIL says nothing more", wmi(0x80004005), ""},
		{"WBEM_E_INVALID_QUERY is our bug, not WMI's", wmi(0x80041017), ""},
		{"deadline", deadlineErr(expired(t), 15*time.Second), facts.KindTimeout},
		{"Linux EACCES", fmt.Errorf("reading: %w", &fs.PathError{Op: "open", Path: "/sys/firmware/dmi/tables/DMI", Err: syscall.EACCES}), facts.KindAccessDenied},
		{"plain text", errors.New("WMI has no Win32_BIOS instance on this machine"), ""},
		{"access denied in words only", errors.New("access denied"), ""},
		{"replayed from a snapshot", recordedError{"whatever it said", facts.KindWMIService}, facts.KindWMIService},
		{"nil", nil, ""},
	}
	for _, c := range cases {
		if got := ReasonKind(c.err); got != c.want {
			t.Errorf("%s: ReasonKind(%v) = %q, want %q", c.name, c.err, got, c.want)
		}
	}
}

func expired(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	t.Cleanup(cancel)
	<-ctx.Done()
	return ctx
}

// The kind travels with the reason into the snapshot, and back out of it
// when the snapshot is judged again.
func TestKindRecordedAndReplayed(t *testing.T) {
	s := facts.New()
	unreadErr(facts.SectionBIOS, fmt.Errorf("WMI: %w", wmiole.Describe(ole.NewError(0x80070422)))).Apply(&s)
	if s.ErrKind("bios") != facts.KindWMIService || s.Err("bios") == "" {
		t.Fatalf("recorded %q / %q", s.Err("bios"), s.ErrKind("bios"))
	}
	again := Take(context.Background(), FromSnapshot(s), time.Second, time.Now)
	if again.ErrKind("bios") != facts.KindWMIService || again.Err("bios") != s.Err("bios") {
		t.Errorf("replayed %q / %q, want %q / %q", again.Err("bios"), again.ErrKind("bios"), s.Err("bios"), facts.KindWMIService)
	}
}
