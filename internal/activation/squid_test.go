package activation

import (
	"context"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"actwiz/checks"
	"actwiz/internal/platform/netproxy/squidtest"
)

// TestReachThroughSquid: with HTTPS_PROXY naming a real squid (basic
// authentication), the https endpoint is reached through a CONNECT tunnel
// that squid's access log shows, the KMS endpoint directly, and the detail
// names the proxy and why; a wrong password is named as such.
func TestReachThroughSquid(t *testing.T) {
	ca := newCA(t)
	now := time.Now()
	srv := tlsServer(t, ca.leaf(t, "activation.test", now.Add(-time.Hour), now.Add(time.Hour)), 0)
	_, port, _ := net.SplitHostPort(srv)
	kms := silentServer(t)
	sq := squidtest.Start(t, map[string]string{"activation.test": "127.0.0.1"})

	t.Setenv("HTTPS_PROXY", sq.URL.String())
	t.Setenv("NO_PROXY", "")
	n := NativeNetwork(10 * time.Second)
	n.RootCAs = ca.pool
	eps := []Endpoint{
		{Raw: "https://activation.test:" + port, Scheme: "https", Host: "activation.test", Port: port},
		{Raw: "tcp://" + kms, Scheme: "tcp", Host: "127.0.0.1", Port: portOf(kms)},
	}
	out := Reach(context.Background(), eps, n)
	if out[0].Problem != OK || !strings.Contains(out[0].Via, sq.URL.Host) || out[0].Date.IsZero() {
		t.Fatalf("https through squid: problem %q via %q err %v; want ok through %s with the server's Date", out[0].Problem, out[0].Via, out[0].Err, sq.URL.Host)
	}
	if out[1].Problem != OK || out[1].Via != "" {
		t.Errorf("KMS: problem %q via %q; KMS never goes through a proxy", out[1].Problem, out[1].Via)
	}
	r := JudgeReach(out)
	if r.Status != checks.Pass || !strings.Contains(r.Detail.EN, "went through the proxy "+sq.URL.Redacted()+": the proxy the environment variable HTTPS_PROXY names") {
		t.Errorf("reach %s %q; want pass naming the proxy and why", r.Status, r.Detail.EN)
	}
	if strings.Contains(r.Detail.EN+r.Observed, squidtest.Password) {
		t.Error("the proxy password must not be shown")
	}
	log := sq.WaitLog("CONNECT activation.test:"+port, squidtest.User)
	if !strings.Contains(log, "CONNECT activation.test:"+port) || !strings.Contains(log, squidtest.User) {
		t.Errorf("squid's access log lacks the authenticated CONNECT:\n%s", log)
	}

	wrong := *sq.URL
	wrong.User = url.UserPassword(squidtest.User, "wrong")
	t.Setenv("HTTPS_PROXY", wrong.String())
	if o := Reach(context.Background(), eps[:1], NativeNetwork(10*time.Second)); o[0].Problem != ProxyAuth {
		t.Errorf("wrong proxy password: %q (%v); want %q", o[0].Problem, o[0].Err, ProxyAuth)
	}
}
