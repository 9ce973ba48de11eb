package activation

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/platform/netproxy"
)

// authProxy answers every CONNECT with 407 and these Proxy-Authenticate
// headers, as an NTLM proxy (ISA/TMG, Squid with ntlm_auth) does.
func authProxy(t *testing.T, schemes ...string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				if _, err := http.ReadRequest(bufio.NewReader(c)); err != nil {
					return
				}
				resp := "HTTP/1.1 407 Proxy Authentication Required\r\n"
				for _, s := range schemes {
					resp += "Proxy-Authenticate: " + s + "\r\n"
				}
				c.Write([]byte(resp + "Content-Length: 0\r\nConnection: close\r\n\r\n"))
			}()
		}
	}()
	return ln.Addr().String()
}

func TestProxyAuthNamed(t *testing.T) {
	cases := []struct {
		name    string
		schemes []string
		user    bool
		problem Problem
		detail  string
	}{
		{"NTLM and Negotiate", []string{"Negotiate", "NTLM"}, false, ProxyWindowsAuth, "the proxy wants a Windows sign-in (NTLM/Negotiate)"},
		{"NTLM after Basic credentials were refused", []string{"NTLM", `Basic realm="corp"`}, true, ProxyWindowsAuth, "Windows sign-in"},
		{"Basic only", []string{`Basic realm="corp"`}, false, ProxyAuth, "wants a user name and password"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			proxy := &url.URL{Scheme: "http", Host: authProxy(t, c.schemes...)}
			if c.user {
				proxy.User = url.UserPassword("u", "p")
			}
			n := testNetwork(nil)
			n.Decide = func(*url.URL) netproxy.Decision {
				return netproxy.Decision{Proxy: proxy, Source: "WinHTTP", Why: i18n.T("WinHTTP 的代理", "the WinHTTP proxy")}
			}
			eps := []Endpoint{{Raw: "https://oag.cmgos.com:7892", Scheme: "https", Host: "oag.cmgos.com", Port: "7892"}}
			out := Reach(context.Background(), eps, n)
			if out[0].Problem != c.problem {
				t.Fatalf("problem %q (%v); want %q", out[0].Problem, out[0].Err, c.problem)
			}
			r := JudgeReach(out)
			if r.Status != checks.Fail || !strings.Contains(r.Detail.EN, c.detail) || strings.Contains(r.Detail.EN, "would not forward") {
				t.Errorf("detail %q; want it to name %q, not a refusal", r.Detail.EN, c.detail)
			}
			if !strings.Contains(r.Detail.EN, "went through the proxy "+proxy.Redacted()+": the WinHTTP proxy") {
				t.Errorf("detail %q must say which proxy and why", r.Detail.EN)
			}
			if c.problem == ProxyWindowsAuth && !strings.Contains(r.Hint.EN, "exempt the activation servers") {
				t.Errorf("hint %q", r.Hint.EN)
			}
		})
	}
}
