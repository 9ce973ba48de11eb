package activation

import (
	"context"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/activation/spp"
)

// fakeSPP is Software Protection as the tests script it.
type fakeSPP struct {
	before, after spp.Product
	productErr    error
	installErr    error
	activateErr   error
	installed     string
	activated     string
	activatedOnce bool
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
	f.installed = key
	if f.installErr == nil {
		f.before.PartialProductKey = key[len(key)-5:]
	}
	return f.installErr
}
func (f *fakeSPP) Activate(_ context.Context, id string) error {
	f.activated, f.activatedOnce = id, true
	return f.activateErr
}
func (f *fakeSPP) RefreshLicenseStatus(context.Context) error { return nil }

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
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := SPP{Client: c.fake}.Attempt(context.Background(), c.key)
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
