package activation

import (
	"context"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/activation/spp"
)

func TestKMSClientDriver(t *testing.T) {
	kms := func(status int) spp.Product {
		p := product(status, 0, 0)
		p.Description = "Windows(R) Operating System, VOLUME_KMSCLIENT channel"
		return p
	}
	retail := product(5, 0, 0)
	retail.Description = "Windows(R) Operating System, RETAIL channel"
	cases := []struct {
		name   string
		fake   *fakeSPP
		status checks.Status
		calls  string
		detail string
	}{
		{"a KMS client is activated like slmgr /ato", &fakeSPP{before: kms(5), after: kms(1)}, checks.Pass, "Activate RefreshLicenseStatus", "Windows is activated"},
		{"a retail product is left alone", &fakeSPP{before: retail}, checks.Skip, "", "not a KMS client (Windows(R) Operating System, RETAIL channel)"},
		{"off Windows", &fakeSPP{productErr: spp.ErrNotWindows}, checks.Skip, "", "only exists on Windows"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := KMSClient{SPP: SPP{Client: c.fake, Elevated: func() bool { return true }}}.Attempt(context.Background(), "AA02210025590")
			if r.Status != c.status || !strings.Contains(r.Detail.EN, c.detail) || r.Detail.ZH == "" {
				t.Errorf("got %s %q", r.Status, r.Detail.EN)
			}
			if got := strings.Join(c.fake.calls, " "); got != c.calls {
				t.Errorf("calls %q; want %q (never a key install: a CMGE serial is no product key)", got, c.calls)
			}
		})
	}
}
