package activation

import (
	"context"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/activation/spp"
)

// fakeSPP is Software Protection as the tests script it.
type fakeSPP struct {
	before, after spp.Product
	productErr    error
	installErr    error
	activateErr   error
	refreshErr    error
	installed     string
	activated     string
	activatedOnce bool
	// newID: installing a key makes this product the installed one.
	newID string
	// hang: Activate never returns, whatever its context says.
	hang  bool
	calls []string
}

func (f *fakeSPP) Product(context.Context) (spp.Product, error) {
	if f.productErr != nil {
		return spp.Product{}, f.productErr
	}
	if f.activatedOnce {
		return f.after, nil
	}
	return f.before, nil
}
func (f *fakeSPP) InstallProductKey(_ context.Context, key string) error {
	f.calls = append(f.calls, "InstallProductKey")
	f.installed = key
	if f.installErr == nil {
		f.before.PartialProductKey = key[len(key)-5:]
		if f.newID != "" {
			f.before.ID = f.newID
		}
	}
	return f.installErr
}
func (f *fakeSPP) Activate(_ context.Context, id string) error {
	f.calls = append(f.calls, "Activate")
	if f.hang {
		select {}
	}
	f.activated, f.activatedOnce = id, true
	return f.activateErr
}
func (f *fakeSPP) RefreshLicenseStatus(context.Context) error {
	f.calls = append(f.calls, "RefreshLicenseStatus")
	return f.refreshErr
}

func intp(n int) *int       { return &n }
func u32p(n uint32) *uint32 { return &n }
func product(status int, reason uint32, grace int) spp.Product {
	return spp.Product{ID: "e0b2d383-d112-413f-8a80-97f373a5820c", PartialProductKey: "4M68B",
		LicenseStatus: intp(status), LicenseStatusReason: u32p(reason), GracePeriodRemaining: intp(grace)}
}

func TestSPPDriver(t *testing.T) {
	const key = "yyvx9-ntfwv-6mdm3-9pt4t-4m68b"
	const otherKey = "BBBBB-CCCCC-DDDDD-FFFFF-GGGGG"
	cases := []struct {
		name      string
		fake      *fakeSPP
		key       string
		status    checks.Status
		detail    string
		hint      string
		installed string
	}{
		{"activated, same key not reinstalled", &fakeSPP{before: product(5, 0xC004F034, 0), after: product(1, 0, 0)}, key, checks.Pass,
			"License status: licensed (activated).", "", ""},
		{"new key installed", &fakeSPP{before: product(5, 0, 0), after: product(1, 0, 0)}, otherKey, checks.Pass, "Windows is activated", "", otherKey},
		{"invalid key", &fakeSPP{before: product(5, 0, 0), installErr: &spp.Error{Op: "InstallProductKey", Code: 0xC004F050}}, otherKey, checks.Fail,
			"Installing the product key failed with error 0xC004F050: The product key is invalid.", "Dashes", otherKey},
		{"kms unreachable", &fakeSPP{before: product(2, 0, 43200), after: product(2, 0xC004F074, 43200), activateErr: &spp.Error{Op: "Activate", Code: 0xC004F074}}, "", checks.Fail,
			"out-of-box grace period, grace period left: 30 days 0 hours", "1688", ""},
		{"unknown code", &fakeSPP{before: product(0, 0, 0), activateErr: &spp.Error{Op: "Activate", Code: 0xC004D302}}, "", checks.Fail,
			"0xC004D302", "slui.exe 0x2a 0xC004D302", ""},
		{"not activated after", &fakeSPP{before: product(0, 0, 0), after: product(0, 0xC004F06C, 0)}, "", checks.Fail,
			"Reason code 0xC004F06C", "clock", ""},
		{"off Windows", &fakeSPP{productErr: spp.ErrNotWindows}, key, checks.Skip, "only exists on Windows", "", ""},
		{"RefreshLicenseStatus failing is reported", &fakeSPP{before: product(5, 0, 0), after: product(1, 0, 0), refreshErr: &spp.Error{Op: "RefreshLicenseStatus", Code: 0xC004F074}}, "", checks.Pass,
			"Refreshing the license status (RefreshLicenseStatus) failed: 0xC004F074 No key management server", "", ""},
		{"access denied by the service", &fakeSPP{before: product(5, 0, 0), activateErr: &spp.Error{Op: "Activate", Code: 0xC004F025}}, "", checks.Fail,
			"Activation failed with error 0xC004F025: Access denied", "administrator", ""},
		{"access denied (0x80070005)", &fakeSPP{before: product(5, 0, 0), activateErr: &spp.Error{Op: "Activate", Code: 0x80070005}}, "", checks.Fail,
			"0x80070005: Access denied (no administrator rights)", "administrator", ""},
		{"KMS count too low", &fakeSPP{before: product(5, 0, 0), activateErr: &spp.Error{Op: "Activate", Code: 0xC004F038}}, "", checks.Fail,
			"does not have enough clients", "MAK", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := SPP{Client: c.fake, Elevated: func() bool { return true }}.Attempt(context.Background(), c.key)
			if r.Status != c.status || !strings.Contains(r.Detail.EN, c.detail) || !strings.Contains(r.Hint.EN, c.hint) {
				t.Errorf("got %s\n  detail %q\n  hint %q", r.Status, r.Detail.EN, r.Hint.EN)
			}
			if c.fake.installed != c.installed {
				t.Errorf("installed %q; want %q", c.fake.installed, c.installed)
			}
			if r.Status != checks.Fail && r.Status != checks.Pass {
				return
			}
			if r.Detail.ZH == "" || (r.Status == checks.Fail && r.Hint.ZH == "") {
				t.Error("the result needs Chinese text")
			}
			if strings.Contains(strings.ToUpper(r.Observed+r.Detail.EN), "YYVX9") {
				t.Error("the key must be masked")
			}
		})
	}
}

// TestSPPDriverNeedsAdmin: without administrator rights nothing is
// changed, and the result says the restart elevated may help.
func TestSPPDriverNeedsAdmin(t *testing.T) {
	f := &fakeSPP{before: product(5, 0, 0)}
	r := SPP{Client: f, Elevated: func() bool { return false }}.Attempt(context.Background(), "BBBBB-CCCCC-DDDDD-FFFFF-GGGGG")
	if len(f.calls) != 0 {
		t.Errorf("calls without rights: %v; want none", f.calls)
	}
	if r.Status != checks.Fail || !NeedsElevation(r) || !strings.Contains(r.Detail.EN, "administrator rights") || !strings.Contains(r.Detail.EN, "notification mode") || r.Hint.ZH == "" {
		t.Errorf("got %s %q %q", r.Status, r.Observed, r.Detail.EN)
	}
}

// TestSPPDriverDeadline: an Activate that never returns (and ignores its
// context) ends the step unknown at the deadline.
func TestSPPDriverDeadline(t *testing.T) {
	f := &fakeSPP{before: product(5, 0, 0), hang: true}
	start := time.Now()
	r := SPP{Client: f, CallTimeout: time.Second, Elevated: func() bool { return true }}.Attempt(context.Background(), "")
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %s; the deadline is 1s", took)
	}
	if r.Status != checks.Unknown || !strings.Contains(r.Detail.EN, "Software Protection did not answer in 1 s") || r.Hint.EN == "" || r.Detail.ZH == "" {
		t.Errorf("got %s %q %q", r.Status, r.Observed, r.Detail.EN)
	}
}

// TestSPPDriverKeyChangesProduct: after a new key the product to activate
// is the one that key belongs to, read again.
func TestSPPDriverKeyChangesProduct(t *testing.T) {
	f := &fakeSPP{before: product(5, 0, 0), after: product(1, 0, 0), newID: "2de67392-b7a7-462a-b1ca-108dd189f588"}
	r := SPP{Client: f, Elevated: func() bool { return true }}.Attempt(context.Background(), "BBBBB-CCCCC-DDDDD-FFFFF-GGGGG")
	if f.activated != f.newID || r.Status != checks.Pass {
		t.Errorf("activated %q (%s); want the new key's product %q", f.activated, r.Status, f.newID)
	}
	want := "InstallProductKey RefreshLicenseStatus Activate RefreshLicenseStatus"
	if got := strings.Join(f.calls, " "); got != want {
		t.Errorf("calls %q; want slmgr's order %q", got, want)
	}
}
