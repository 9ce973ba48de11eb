package netproxy

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestResolve(t *testing.T) {
	pac := func(list string, err error) func(string, string) (string, error) {
		return func(string, string) (string, error) { return list, err }
	}
	kms := "https://oag.cmgos.com:7892"
	cases := []struct {
		name   string
		in     Inputs
		kind   Kind
		target string
		proxy  string // "" direct
		source string
		why    string
	}{
		{"linux: HTTPS_PROXY", Inputs{Getenv: env("HTTPS_PROXY", "http://u:p@squid:3128")}, Service, kms, "http://u:p@squid:3128", "HTTPS_PROXY", "environment variable HTTPS_PROXY"},
		{"linux: lower case, NO_PROXY", Inputs{Getenv: env("https_proxy", "http://squid:3128", "no_proxy", ".cmgos.com")}, User, kms, "", "NO_PROXY", "NO_PROXY"},
		{"linux: nothing", Inputs{Getenv: env()}, User, kms, "", "", "no proxy is set"},
		{"service: WinHTTP static", Inputs{Windows: true, WinHTTPProxy: "10.0.0.1:8080", IEProxy: "ie:3128", Getenv: env("HTTPS_PROXY", "http://env:1")}, Service, kms, "http://10.0.0.1:8080", "WinHTTP", "Windows services use it"},
		{"service ignores Internet Options and the environment", Inputs{Windows: true, IEProxy: "ie:3128", Getenv: env("HTTPS_PROXY", "http://env:1")}, Service, kms, "", "", "do not use the Internet Options"},
		{"service: WinHTTP per-scheme list", Inputs{Windows: true, WinHTTPProxy: "http=h:80;https=s:443"}, Service, kms, "http://s:443", "WinHTTP", ""},
		{"service: WinHTTP bypass", Inputs{Windows: true, WinHTTPProxy: "10.0.0.1:8080", WinHTTPBypass: "*.cmgos.com;<local>"}, Service, kms, "", "WinHTTP bypass", "bypass list"},
		{"service: PAC when nothing static", Inputs{Windows: true, IEAutoConfigURL: "http://wpad.gov/proxy.pac", AutoProxy: pac("pac1:8080;pac2:8080", nil)}, Service, kms, "http://pac1:8080", "PAC http://wpad.gov/proxy.pac", "automatic configuration script http://wpad.gov/proxy.pac"},
		{"service: WPAD answers direct", Inputs{Windows: true, IEAutoDetect: true, AutoProxy: pac("", nil)}, Service, kms, "", "WPAD", "automatic detection (WPAD) answers direct"},
		{"service: PAC fails, direct with the reason", Inputs{Windows: true, IEAutoConfigURL: "http://wpad.gov/proxy.pac", AutoProxy: pac("", errors.New("WinHttpGetProxyForUrl: 12167"))}, Service, kms, "", "", "automatic configuration failed: WinHttpGetProxyForUrl: 12167"},
		{"user: environment first", Inputs{Windows: true, Getenv: env("HTTPS_PROXY", "http://env:1"), IEProxy: "ie:3128", WinHTTPProxy: "w:1"}, User, kms, "http://env:1", "HTTPS_PROXY", ""},
		{"user: PAC before the manual proxy", Inputs{Windows: true, Getenv: env(), IEAutoConfigURL: "http://wpad.gov/proxy.pac", IEProxy: "ie:3128", AutoProxy: pac("PROXY pac:8080; DIRECT", nil)}, User, kms, "http://pac:8080", "PAC http://wpad.gov/proxy.pac", ""},
		{"user: PAC fails, Internet Options proxy", Inputs{Windows: true, Getenv: env(), IEAutoDetect: true, IEProxy: "ie:3128", AutoProxy: pac("", errors.New("no WPAD"))}, User, kms, "http://ie:3128", "Internet Options", "automatic configuration failed: no WPAD"},
		{"user: Internet Options bypass", Inputs{Windows: true, Getenv: env(), IEProxy: "ie:3128", IEBypass: "<local>;*.cmgos.com"}, User, kms, "", "Internet Options bypass", "bypass"},
		{"user: WinHTTP last", Inputs{Windows: true, Getenv: env(), WinHTTPProxy: "w:1"}, User, kms, "http://w:1", "WinHTTP", "netsh winhttp"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, _ := url.Parse(c.target)
			d := Resolve(c.in, c.kind, u)
			got := ""
			if d.Proxy != nil {
				got = d.Proxy.String()
			}
			if got != c.proxy || d.Source != c.source || !strings.Contains(d.Why.EN, c.why) || d.Why.ZH == "" {
				t.Errorf("got %q from %q (%q); want %q from %q (%q)", got, d.Source, d.Why.EN, c.proxy, c.source, c.why)
			}
		})
	}
}
