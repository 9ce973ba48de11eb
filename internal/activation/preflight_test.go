package activation

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"actwiz/checks"
)

// testCA is a certificate authority made for one test run.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pool *x509.CertPool
}

func newCA(t *testing.T) testCA {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "actwiz test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return testCA{cert, key, pool}
}

// leaf issues a server certificate for name, valid from..until.
func (ca testCA) leaf(t *testing.T, name string, from, until time.Time) tls.Certificate {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: name},
		DNSNames: []string{name}, NotBefore: from, NotAfter: until,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// tlsServer serves HTTPS on 127.0.0.1 with cert; dateOffset shifts the
// Date header it sends.
func tlsServer(t *testing.T, cert tls.Certificate, dateOffset time.Duration) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Date", time.Now().Add(dateOffset).UTC().Format(http.TimeFormat))
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are the point
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().(*net.TCPAddr).AddrPort().String()
}

// silentServer accepts connections and never says anything.
func silentServer(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var held []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range held {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// resetServer accepts and aborts each connection with a TCP reset.
func resetServer(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 1)
			c.Read(buf) // wait for the ClientHello, then abort
			c.(*net.TCPConn).SetLinger(0)
			c.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().String()
}

func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// testNetwork resolves names ending in .test to 127.0.0.1 and dials
// 127.0.0.1 only: the tests never leave the machine.
func testNetwork(pool *x509.CertPool) Network {
	var d net.Dialer
	return Network{
		LookupHost: func(_ context.Context, host string) ([]string, error) {
			if strings.HasPrefix(host, "missing.") {
				return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
			}
			return []string{"127.0.0.1"}, nil
		},
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			_, port, _ := net.SplitHostPort(addr)
			return d.DialContext(ctx, network, net.JoinHostPort("127.0.0.1", port))
		},
		RootCAs:  pool,
		Timeout:  700 * time.Millisecond,
		Now:      time.Now,
		Settings: func() NetSettings { return NetSettings{DNSServers: []string{"192.0.2.53"}, Proxy: ""} },
	}
}

func endpoint(t *testing.T, scheme, host, addr string) Endpoint {
	_, port, _ := net.SplitHostPort(addr)
	e, err := ParseEndpoint(scheme + "://" + host + ":" + port)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestReach(t *testing.T) {
	ca := newCA(t)
	now := time.Now()
	good := tlsServer(t, ca.leaf(t, "activation.test", now.Add(-time.Hour), now.Add(time.Hour)), 0)
	expired := tlsServer(t, ca.leaf(t, "activation.test", now.Add(-48*time.Hour), now.Add(-24*time.Hour)), 0)
	otherName := tlsServer(t, ca.leaf(t, "other.test", now.Add(-time.Hour), now.Add(time.Hour)), 0)
	cases := []struct {
		name  string
		ep    Endpoint
		pool  *x509.CertPool
		want  Problem
		stage string
	}{
		{"trusted", endpoint(t, "https", "activation.test", good), ca.pool, OK, ""},
		{"untrusted without the CA", endpoint(t, "https", "activation.test", good), x509.NewCertPool(), Untrusted, "tls"},
		{"expired", endpoint(t, "https", "activation.test", expired), ca.pool, Expired, "tls"},
		{"another name", endpoint(t, "https", "activation.test", otherName), ca.pool, WrongName, "tls"},
		{"refused", endpoint(t, "https", "activation.test", closedPort(t)), ca.pool, Refused, "connect"},
		{"refused tcp", endpoint(t, "tcp", "kms.test", closedPort(t)), ca.pool, Refused, "connect"},
		{"silent https", endpoint(t, "https", "activation.test", silentServer(t)), ca.pool, TimedOut, "tls"},
		{"silent tcp still accepts", endpoint(t, "tcp", "kms.test", silentServer(t)), ca.pool, OK, ""},
		{"reset", endpoint(t, "https", "activation.test", resetServer(t)), ca.pool, Reset, "tls"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			out := Reach(context.Background(), []Endpoint{c.ep}, testNetwork(c.pool))
			if took := time.Since(start); took > 3*time.Second {
				t.Errorf("took %s; the timeout is 700ms", took)
			}
			o := out[0]
			if o.Problem != c.want || o.Stage != c.stage {
				t.Fatalf("problem %q at %q (%v); want %q at %q", o.Problem, o.Stage, o.Err, c.want, c.stage)
			}
			r := JudgeReach(out)
			if c.want == OK {
				if r.Status != checks.Pass {
					t.Errorf("reach = %s %q; want pass", r.Status, r.Detail.EN)
				}
				return
			}
			if r.Status != checks.Fail || !strings.Contains(r.Detail.EN, problemWords[c.want].EN) || r.Hint.ZH == "" {
				t.Errorf("reach = %s %q; want fail naming %q", r.Status, r.Detail.EN, problemWords[c.want].EN)
			}
		})
	}
}

func TestReachHonoursCancel(t *testing.T) {
	n := testNetwork(nil)
	n.Timeout = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	out := Reach(ctx, []Endpoint{endpoint(t, "https", "activation.test", silentServer(t))}, n)
	if time.Since(start) > 2*time.Second || out[0].Problem != TimedOut {
		t.Fatalf("a cancelled context must end the check: %+v after %s", out[0], time.Since(start))
	}
}

// connectProxy is a minimal HTTP CONNECT proxy on 127.0.0.1 that records
// the targets asked for.
func connectProxy(t *testing.T, asked chan<- string) *url.URL {
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
				br := bufio.NewReader(c)
				req, err := http.ReadRequest(br)
				if err != nil || req.Method != http.MethodConnect {
					return
				}
				asked <- req.Host
				_, port, _ := net.SplitHostPort(req.Host)
				up, err := net.Dial("tcp", "127.0.0.1:"+port)
				if err != nil {
					io.WriteString(c, "HTTP/1.1 502 Bad Gateway\r\n\r\n")
					return
				}
				defer up.Close()
				io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
				go io.Copy(up, br)
				io.Copy(c, up)
			}()
		}
	}()
	return &url.URL{Scheme: "http", Host: ln.Addr().String()}
}

func TestReachThroughProxy(t *testing.T) {
	ca := newCA(t)
	good := tlsServer(t, ca.leaf(t, "activation.test", time.Now().Add(-time.Hour), time.Now().Add(time.Hour)), 0)
	asked := make(chan string, 1)
	proxy := connectProxy(t, asked)
	n := testNetwork(ca.pool)
	n.Proxy = func(*url.URL) (*url.URL, error) { return proxy, nil }
	out := Reach(context.Background(), []Endpoint{endpoint(t, "https", "activation.test", good)}, n)
	if out[0].Problem != OK || out[0].Via == "" {
		t.Fatalf("through the proxy: %+v", out[0])
	}
	if got := <-asked; !strings.HasPrefix(got, "activation.test:") {
		t.Errorf("the proxy was asked for %q; want the endpoint's name, resolved by the proxy", got)
	}
	if out[0].Date.IsZero() {
		t.Error("the server's Date must be read through the tunnel")
	}
}

func TestClock(t *testing.T) {
	ca := newCA(t)
	now := time.Now()
	cert := ca.leaf(t, "activation.test", now.Add(-3*time.Hour), now.Add(3*time.Hour))
	onTime := tlsServer(t, cert, 0)
	hourOff := tlsServer(t, cert, time.Hour)
	n := testNetwork(ca.pool)

	r := JudgeClock(Reach(context.Background(), []Endpoint{endpoint(t, "https", "activation.test", onTime)}, n), DefaultClockTolerance)
	if r.Status != checks.Pass {
		t.Errorf("clock in step = %s %q", r.Status, r.Detail.EN)
	}
	if want := "本机时间与 activation.test 相差 "; !strings.Contains(r.Detail.ZH, want) {
		t.Errorf("Chinese clock detail %q; want it to contain %q", r.Detail.ZH, want)
	}
	r = JudgeClock(Reach(context.Background(), []Endpoint{endpoint(t, "https", "activation.test", hourOff)}, n), DefaultClockTolerance)
	if r.Status != checks.Fail || !strings.Contains(r.Detail.EN, "behind") || !strings.Contains(r.Detail.EN, "0xC004F06C") {
		t.Errorf("server an hour ahead = %s %q; want fail, local clock behind", r.Status, r.Detail.EN)
	}
	r = JudgeClock(Reach(context.Background(), []Endpoint{endpoint(t, "tcp", "kms.test", silentServer(t))}, n), DefaultClockTolerance)
	if r.Status != checks.Skip {
		t.Errorf("no https answer = %s; want skip", r.Status)
	}
}

func TestDNS(t *testing.T) {
	n := testNetwork(nil)
	eps := []Endpoint{endpoint(t, "https", "activation.test", "127.0.0.1:7892"), endpoint(t, "tcp", "missing.test", "127.0.0.1:1688")}
	r := CheckDNS(context.Background(), eps, n)
	if r.Status != checks.Fail || !strings.Contains(r.Detail.EN, "missing.test (no such name)") || !strings.Contains(r.Detail.EN, "192.0.2.53") || strings.Contains(r.Detail.EN, "activation.test (") {
		t.Errorf("dns = %s %q", r.Status, r.Detail.EN)
	}
	// The observed value is ASCII: the plain theme's columns must hold on
	// the Chinese Windows console, where arrows and ticks are two cells.
	if want := "activation.test: 127.0.0.1; missing.test: no such host"; r.Observed != want {
		t.Errorf("observed %q; want %q", r.Observed, want)
	}
	n.Settings = func() NetSettings { return NetSettings{Proxy: "HTTPS_PROXY=http://proxy.test:3128"} }
	n.Proxy = func(*url.URL) (*url.URL, error) { return url.Parse("http://proxy.test:3128") }
	// KMS (tcp://) never goes through a proxy: its name must resolve here.
	if r := CheckDNS(context.Background(), eps, n); r.Status != checks.Fail || !strings.Contains(r.Detail.EN, "proxy.test:3128") || strings.Contains(r.Detail.EN, "the proxy resolves names") {
		t.Errorf("behind a proxy, a KMS host that does not resolve = %s %q; want fail", r.Status, r.Detail.EN)
	}
	proxiedEps := []Endpoint{endpoint(t, "https", "missing.test", "127.0.0.1:7892")}
	if r := CheckDNS(context.Background(), proxiedEps, n); r.Status != checks.Warn || !strings.Contains(r.Detail.EN, "proxy.test:3128") {
		t.Errorf("behind a proxy, an https name that does not resolve here = %s %q; want warn naming the proxy", r.Status, r.Detail.EN)
	}
	direct := n
	direct.Proxy = func(*url.URL) (*url.URL, error) { return nil, nil }
	if r := CheckDNS(context.Background(), proxiedEps, direct); r.Status != checks.Fail {
		t.Errorf("an https name the proxy bypasses = %s; want fail", r.Status)
	}
	if r := CheckDNS(context.Background(), eps[:1], n); r.Status != checks.Pass {
		t.Errorf("dns for a resolving name = %s", r.Status)
	}
	if r := CheckDNS(context.Background(), nil, n); r.Status != checks.Skip {
		t.Errorf("dns without endpoints = %s; want skip", r.Status)
	}
}
