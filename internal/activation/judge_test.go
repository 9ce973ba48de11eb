package activation

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/platform/netproxy"
)

func hw(statuses ...checks.Status) []checks.Result {
	ids := []string{"bios.serial", "board.serial", "disk.serial", "disk.fixed", "nic.present", "nic.fixed"}
	var out []checks.Result
	for i, s := range statuses {
		out = append(out, checks.Result{ID: ids[i], Status: s})
	}
	return out
}

func TestGate(t *testing.T) {
	cases := []struct {
		name    string
		results []checks.Result
		force   bool
		want    checks.Status
		mention string
	}{
		{"all pass", hw(checks.Pass, checks.Pass, checks.Pass), false, checks.Pass, "will send"},
		{"bios fails", hw(checks.Fail, checks.Pass, checks.Unknown), false, checks.Fail, "server error"},
		{"forced", hw(checks.Fail, checks.Pass), true, checks.Warn, "--force"},
		{"unknown", hw(checks.Pass, checks.Unknown), false, checks.Warn, "board.serial"},
		{"not checked", nil, false, checks.Unknown, "not been checked"},
	}
	for _, c := range cases {
		r := Gate(c.results, c.force)
		if r.Status != c.want || !strings.Contains(r.Detail.EN, c.mention) {
			t.Errorf("%s: %s %q; want %s mentioning %q", c.name, r.Status, r.Detail.EN, c.want, c.mention)
		}
		if GateRefuses(r) != (c.want == checks.Fail) {
			t.Errorf("%s: GateRefuses = %v", c.name, GateRefuses(r))
		}
		if c.name == "forced" && !strings.Contains(r.Observed, "forced") {
			t.Errorf("a forced gate must say so in the observed value: %q", r.Observed)
		}
	}
}

func TestJudgeService(t *testing.T) {
	cases := []struct {
		st   ServiceState
		want checks.Status
	}{
		{ServiceState{Name: "CmitClientSVC", NotWindows: true}, checks.Skip},
		{ServiceState{Name: "CmitClientSVC"}, checks.Fail},
		{ServiceState{Name: "CmitClientSVC", Installed: true, Running: true}, checks.Pass},
		{ServiceState{Name: "CmitClientSVC", Installed: true}, checks.Warn},
		{ServiceState{Name: "CmitClientSVC", Installed: true, Disabled: true}, checks.Fail},
		{ServiceState{Name: "sppsvc", Installed: true, OnDemand: true}, checks.Pass},
		{ServiceState{Name: "sppsvc", Err: errors.New("Access is denied.")}, checks.Unknown},
		{stateOf("CmitClientSVC", 2), checks.Warn}, // START_PENDING
		{stateOf("CmitClientSVC", 4), checks.Pass}, // RUNNING
		{stateOf("CmitClientSVC", 1), checks.Warn}, // STOPPED
	}
	for _, c := range cases {
		r := JudgeService(c.st)
		if r.Status != c.want {
			t.Errorf("%+v = %s; want %s", c.st, r.Status, c.want)
		}
		if (r.Status == checks.Fail || r.Status == checks.Warn) && (r.Hint.EN == "" || r.Hint.ZH == "") {
			t.Errorf("%+v: a problem needs a hint in both languages", c.st)
		}
	}
}

func TestParseEndpoint(t *testing.T) {
	cases := []struct {
		in, addr, scheme string
		ok               bool
	}{
		{"https://oag.cmgos.com:7892", "oag.cmgos.com:7892", "https", true},
		{"https://oag.cmgos.com", "oag.cmgos.com:443", "https", true},
		{"tcp://KMS.cmgos.com:1688", "KMS.cmgos.com:1688", "tcp", true},
		{"tcp://kms.cmgos.com", "", "", false},
		{"http://oag.cmgos.com", "", "", false},
		{"https://oag.cmgos.com/activate", "", "", false},
		{"oag.cmgos.com:7892", "", "", false},
	}
	for _, c := range cases {
		e, err := ParseEndpoint(c.in)
		if (err == nil) != c.ok || (c.ok && (e.Addr() != c.addr || e.Scheme != c.scheme)) {
			t.Errorf("ParseEndpoint(%q) = %+v, %v", c.in, e, err)
		}
	}
	for _, p := range []string{"cmge", "windows"} {
		if _, err := ParseEndpoints(DefaultEndpoints(p)); err != nil {
			t.Errorf("profile %s defaults: %v", p, err)
		}
	}
}

func TestWindowsProxySettings(t *testing.T) {
	if u := netproxy.ParseProxyServer("http=proxy:8080;https=secure:8443;ftp=f:21", "https"); u == nil || u.Host != "secure:8443" {
		t.Errorf("per-protocol setting: %v", u)
	}
	if u := netproxy.ParseProxyServer("10.0.0.1:3128", "https"); u == nil || u.Host != "10.0.0.1:3128" {
		t.Errorf("single setting: %v", u)
	}
	if netproxy.ParseProxyServer("", "https") != nil {
		t.Error("empty setting must mean no proxy")
	}
	if !netproxy.Bypassed("intranet", "<local>") || !netproxy.Bypassed("kms.corp.gov.cn", "*.corp.gov.cn;10.*") || netproxy.Bypassed("oag.cmgos.com", "*.corp.gov.cn;<local>") {
		t.Error("bypass list matching")
	}
	blob := func(flags uint32, proxy, bypass string) []byte {
		b := make([]byte, 12)
		binary.LittleEndian.PutUint32(b[0:], 0x28)
		binary.LittleEndian.PutUint32(b[8:], flags)
		for _, s := range []string{proxy, bypass} {
			n := make([]byte, 4)
			binary.LittleEndian.PutUint32(n, uint32(len(s)))
			b = append(append(b, n...), s...)
		}
		return b
	}
	if p, by, ok := ParseWinHTTPSettings(blob(3, "proxy.gov.cn:8080", "<local>")); !ok || p != "proxy.gov.cn:8080" || by != "<local>" {
		t.Errorf("netsh winhttp set proxy blob: %q %q %v", p, by, ok)
	}
	if _, _, ok := ParseWinHTTPSettings(blob(1, "", "")); ok {
		t.Error("direct access must mean no proxy")
	}
	if _, _, ok := ParseWinHTTPSettings([]byte{1, 2}); ok {
		t.Error("a short blob must be refused")
	}
}

// stateOf is an installed service in a service manager state, as
// QueryService reads it (SERVICE_STOPPED 1, START_PENDING 2, RUNNING 4).
func stateOf(name string, state uint32) ServiceState {
	st := ServiceState{Name: name, Installed: true}
	st.Running, st.Starting = runState(state)
	return st
}
