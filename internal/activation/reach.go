package activation

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/platform/netproxy"
)

// Problem is what went wrong reaching one endpoint, as a person names it.
type Problem string

const (
	OK           Problem = ""
	NoName       Problem = "no such name"
	Refused      Problem = "refused"
	TimedOut     Problem = "timed out"
	Reset        Problem = "reset"
	Unreachable  Problem = "unreachable"
	Untrusted    Problem = "certificate untrusted"
	WrongName    Problem = "certificate for another name"
	Expired      Problem = "certificate expired"
	BadCert      Problem = "certificate invalid"
	TLSFailed    Problem = "TLS handshake failed"
	ProxyRefused Problem = "proxy refused"
	// ProxyWindowsAuth: 407 asking for NTLM or Negotiate, a Windows
	// sign-in the proxy wants from the connecting account.
	ProxyWindowsAuth Problem = "proxy wants a Windows sign-in"
	ProxyAuth        Problem = "proxy wants a password"
	Other            Problem = "failed"
)

// Outcome is the result of reaching one endpoint.
type Outcome struct {
	Endpoint Endpoint
	Problem  Problem
	// Stage is where it went wrong: "dns", "connect", "proxy", "tls".
	Stage string
	Err   error
	// Via is the proxy used, "" for a direct connection; ViaWhy says why
	// that proxy (or none).
	Via    string
	ViaWhy i18n.Text
	// Date is the server's Date header (zero when none arrived), with the
	// local time halfway through the request for comparing clocks.
	Date, LocalAt time.Time
}

// Reach connects to every endpoint, each under the network's timeout, and
// returns the outcomes in endpoint order.
func Reach(ctx context.Context, eps []Endpoint, n Network) []Outcome {
	out := make([]Outcome, len(eps))
	done := make(chan struct{}, len(eps))
	for i, e := range eps {
		go func() {
			ectx, cancel := context.WithTimeout(ctx, n.timeout())
			defer cancel()
			out[i] = reachOne(ectx, e, n)
			done <- struct{}{}
		}()
	}
	for range eps {
		<-done
	}
	return out
}

func reachOne(ctx context.Context, e Endpoint, n Network) Outcome {
	o := Outcome{Endpoint: e}
	var proxy *url.URL
	// KMS (tcp://) never goes through a proxy; https may.
	if e.Scheme == "https" {
		// WPAD and PAC evaluation can take long: it counts against the
		// endpoint's deadline like the connection.
		decided := make(chan netproxy.Decision, 1)
		go func() { decided <- n.decide(&url.URL{Scheme: "https", Host: e.Addr()}) }()
		select {
		case d := <-decided:
			proxy, o.ViaWhy = d.Proxy, d.Why
		case <-ctx.Done():
			o.Stage, o.Err, o.Problem = "proxy", fmt.Errorf("finding the proxy: %w", ctx.Err()), TimedOut
			return o
		}
	}
	var conn net.Conn
	var err error
	if proxy != nil {
		o.Via = proxy.Redacted()
		conn, err = dialViaProxy(ctx, n, proxy, e.Addr())
		if err != nil {
			o.Stage, o.Err = "proxy", err
			var auth *proxyAuthError
			switch {
			case errors.As(err, &auth) && auth.windowsSignIn():
				o.Problem = ProxyWindowsAuth
			case errors.As(err, &auth):
				o.Problem = ProxyAuth
			default:
				o.Problem = classify(err)
				if o.Problem == Other {
					o.Problem = ProxyRefused
				}
			}
			return o
		}
	} else {
		conn, err = n.Dial(ctx, "tcp", e.Addr())
		if err != nil {
			o.Stage, o.Err, o.Problem = "connect", err, classify(err)
			return o
		}
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()
	if e.Scheme != "https" {
		return o
	}
	tc := tls.Client(conn, &tls.Config{ServerName: e.Host, RootCAs: n.RootCAs, MinVersion: tls.VersionTLS12})
	if err := tc.HandshakeContext(ctx); err != nil {
		o.Stage, o.Err, o.Problem = "tls", err, classifyTLS(ctx, err)
		return o
	}
	// The connection and certificate are what decide reachability; the
	// answer only supplies the server's clock, so its failure is no
	// problem here.
	o.Date, o.LocalAt = askDate(ctx, tc, e, n.now())
	return o
}

// askDate sends a HEAD request and reads the Date header of the answer.
func askDate(ctx context.Context, conn net.Conn, e Endpoint, now func() time.Time) (time.Time, time.Time) {
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	sent := now()
	req := "HEAD / HTTP/1.1\r\nHost: " + e.Addr() + "\r\nUser-Agent: actwiz\r\nConnection: close\r\n\r\n"
	if _, err := conn.Write([]byte(req)); err != nil {
		return time.Time{}, time.Time{}
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: http.MethodHead})
	if err != nil {
		return time.Time{}, time.Time{}
	}
	resp.Body.Close()
	got := now()
	date, err := http.ParseTime(resp.Header.Get("Date"))
	if err != nil {
		return time.Time{}, time.Time{}
	}
	return date, sent.Add(got.Sub(sent) / 2)
}

// dialViaProxy opens a tunnel through an HTTP proxy with CONNECT.
func dialViaProxy(ctx context.Context, n Network, proxy *url.URL, addr string) (net.Conn, error) {
	host := proxy.Host
	if proxy.Port() == "" {
		host = net.JoinHostPort(proxy.Hostname(), "80")
	}
	conn, err := n.Dial(ctx, "tcp", host)
	if err != nil {
		return nil, fmt.Errorf("connecting to the proxy %s: %w", proxy.Redacted(), err)
	}
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	req := "CONNECT " + addr + " HTTP/1.1\r\nHost: " + addr + "\r\n"
	if u := proxy.User; u != nil {
		pw, _ := u.Password()
		req += "Proxy-Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte(u.Username()+":"+pw)) + "\r\n"
	}
	if _, err := conn.Write([]byte(req + "\r\n")); err != nil {
		conn.Close()
		return nil, fmt.Errorf("asking the proxy %s: %w", proxy.Redacted(), err)
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, &http.Request{Method: http.MethodConnect})
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("the proxy %s did not answer: %w", proxy.Redacted(), err)
	}
	if resp.StatusCode == http.StatusProxyAuthRequired {
		conn.Close()
		return nil, &proxyAuthError{proxy: proxy.Redacted(), status: resp.Status, schemes: authSchemes(resp.Header.Values("Proxy-Authenticate")), sent: proxy.User != nil}
	}
	if resp.StatusCode != http.StatusOK {
		conn.Close()
		return nil, fmt.Errorf("the proxy %s refused the tunnel: %s", proxy.Redacted(), resp.Status)
	}
	conn.SetDeadline(time.Time{})
	return conn, nil
}

// proxyAuthError is a 407: the proxy wants the client to sign in.
type proxyAuthError struct {
	proxy, status string
	schemes       []string // from Proxy-Authenticate: "NTLM", "Negotiate", "Basic"
	sent          bool     // credentials were sent (Basic, from the proxy URL)
}

func (e *proxyAuthError) Error() string {
	return fmt.Sprintf("the proxy %s asks to sign in (%s; Proxy-Authenticate: %s)", e.proxy, e.status, strings.Join(e.schemes, ", "))
}

// windowsSignIn: the proxy offers only Windows sign-in (NTLM, Negotiate,
// Kerberos), or Basic too after the Basic credentials were refused.
func (e *proxyAuthError) windowsSignIn() bool {
	windows, basic := false, false
	for _, s := range e.schemes {
		switch strings.ToLower(s) {
		case "ntlm", "negotiate", "kerberos":
			windows = true
		case "basic":
			basic = true
		}
	}
	return windows && (!basic || e.sent)
}

func authSchemes(values []string) []string {
	var out []string
	for _, v := range values {
		if f := strings.Fields(v); len(f) > 0 {
			out = append(out, strings.TrimSuffix(f[0], ","))
		}
	}
	return out
}

func classify(err error) Problem {
	var de *net.DNSError
	var ne net.Error
	switch {
	case errors.As(err, &de) && de.IsNotFound:
		return NoName
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return TimedOut
	case isRefused(err):
		return Refused
	case isReset(err):
		return Reset
	case isUnreachable(err):
		return Unreachable
	}
	return Other
}

func classifyTLS(ctx context.Context, err error) Problem {
	var unknownCA x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(err, &unknownCA):
		return Untrusted
	case errors.As(err, &host):
		return WrongName
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return Expired
	case errors.As(err, &invalid):
		return BadCert
	}
	if p := classify(err); p != Other {
		return p
	}
	if ctx.Err() != nil {
		return TimedOut
	}
	return TLSFailed
}

func (n Network) now() func() time.Time {
	if n.Now == nil {
		return time.Now
	}
	return n.Now
}

var (
	msgReachOK     = i18n.T("所有激活服务器都能连上%s。", "Every activation server accepted a connection%s.")
	msgReachTLS    = i18n.T("，https 服务器的证书有效", ", and the https servers' certificates are valid")
	msgReachFailed = i18n.T("连不上这些激活服务器：%s。", "These activation servers could not be reached: %s.")
	msgReachVia    = i18n.T("（经代理 %s）", " (through the proxy %s)")

	problemWords = map[Problem]i18n.Text{
		NoName:           i18n.T("域名解析不了", "the name does not resolve"),
		Refused:          i18n.T("连接被拒绝（服务器没有在这个端口上服务，或被防火墙拒绝）", "connection refused (nothing serves that port, or a firewall rejects it)"),
		TimedOut:         i18n.T("超时没有回应（多半被防火墙拦截）", "timed out (usually a firewall dropping it)"),
		Reset:            i18n.T("连接被重置（常见于防火墙或上网行为管理设备）", "connection reset (often a firewall or web filter)"),
		Unreachable:      i18n.T("网络不通（没有到这个地址的路由）", "network unreachable (no route to it)"),
		Untrusted:        i18n.T("证书不受信任（可能有设备在拦截 https，或缺少根证书）", "certificate not trusted (something may be intercepting https, or a root certificate is missing)"),
		WrongName:        i18n.T("证书是签发给别的域名的（可能被劫持到了别的服务器）", "certificate issued for another name (the name may be redirected to another server)"),
		Expired:          i18n.T("证书已过期或尚未生效（也可能是本机时间不对）", "certificate expired or not yet valid (or the local clock is wrong)"),
		BadCert:          i18n.T("证书无效", "certificate invalid"),
		TLSFailed:        i18n.T("加密连接（TLS）建立失败", "the TLS handshake failed"),
		ProxyRefused:     i18n.T("代理服务器不肯转发", "the proxy would not forward it"),
		ProxyWindowsAuth: i18n.T("代理服务器要求用 Windows 账户登录（NTLM/Negotiate）：激活客户端的服务以系统账户连网，通常无法通过这种代理，需要管理员为激活服务器设置例外", "the proxy wants a Windows sign-in (NTLM/Negotiate): the activation client's service connects as the system account and usually cannot pass such a proxy, so the administrator must exempt the activation servers"),
		ProxyAuth:        i18n.T("代理服务器要求用户名和密码（或者给出的不对）", "the proxy wants a user name and password (or refused the ones given)"),
		Other:            i18n.T("连接失败", "connection failed"),
	}
	hintReach = i18n.T(
		"激活客户端连不上服务器时，往往只显示“服务器错误”。请：\n1. 把上面连不上的服务器地址和端口发给网络管理员，请他们在防火墙上放行。\n2. 证书不受信任、证书域名不对：请确认没有安全软件或上网行为管理设备拦截 https；内网环境请安装单位提供的根证书。\n3. 证书过期：先核对电脑的日期和时间。\n4. 使用代理上网时，用 netsh winhttp show proxy 查看系统代理，必要时用 netsh winhttp import proxy source=ie 与浏览器保持一致。",
		"When the activation client cannot reach its server it often says only \"server error\". Please:\n1. Give the servers and ports above to the network administrator and ask for them to be allowed through the firewall.\n2. Certificate untrusted or for another name: make sure no security software or web filter intercepts https; on an internal network, install the organisation's root certificate.\n3. Certificate expired: check the PC's date and time first.\n4. With a proxy, netsh winhttp show proxy shows the system proxy; netsh winhttp import proxy source=ie makes it match the browser's.")
)

// JudgeReach is activation.reach from the outcomes of Reach.
func JudgeReach(outcomes []Outcome) checks.Result {
	r := checks.Result{ID: ReachID}
	if len(outcomes) == 0 {
		r.Status, r.Detail = checks.Skip, msgNoEndpoints
		return r
	}
	var observed []string
	var bad, whys []i18n.Text
	seenWhy := map[string]bool{}
	anyTLS := false
	for _, o := range outcomes {
		name := o.Endpoint.label()
		via := i18n.Text{}
		if o.Via != "" {
			via = msgReachVia.F(machinetext.Escape(o.Via))
		}
		if !o.ViaWhy.Empty() {
			key := o.Via + "\x00" + o.ViaWhy.EN
			if !seenWhy[key] {
				seenWhy[key] = true
				whys = append(whys, routeWords(o))
			}
		}
		if o.Problem == OK {
			anyTLS = anyTLS || o.Endpoint.Scheme == "https"
			observed = append(observed, name+" ok")
			continue
		}
		observed = append(observed, name+" "+string(o.Problem))
		bad = append(bad, i18n.Join([]i18n.Text{plain(name), via, i18n.T("：", ": "), problemWords[o.Problem]}, "", ""))
	}
	r.Observed = strings.Join(observed, "; ")
	if len(bad) == 0 {
		tlsNote := i18n.Text{}
		if anyTLS {
			tlsNote = msgReachTLS
		}
		r.Status, r.Detail = checks.Pass, i18n.Join(append([]i18n.Text{msgReachOK.F(tlsNote)}, whys...), "", " ")
		return r
	}
	r.Status, r.Hint = checks.Fail, hintReach
	r.Detail = i18n.Join(append([]i18n.Text{msgReachFailed.F(i18n.Join(bad, "；", "; "))}, whys...), "", " ")
	for _, o := range outcomes {
		if o.Problem == ProxyWindowsAuth {
			r.Hint = i18n.Join([]i18n.Text{hintProxyWindowsAuth, hintReach}, "\n", "\n")
			break
		}
	}
	return r
}

var (
	msgRouteVia          = i18n.T("连接 %s 经过代理 %s：%s。", "%s went through the proxy %s: %s.")
	msgRouteDirect       = i18n.T("%s：%s。", "%s: %s.")
	hintProxyWindowsAuth = i18n.T("代理要求 Windows 登录时：请网络管理员在代理上为上面的激活服务器设置免认证例外，或用 netsh winhttp set proxy 代理 \"激活服务器;<local>\" 让它们不经代理。", "When the proxy wants a Windows sign-in: ask the network administrator to exempt the activation servers above from proxy authentication, or leave them out of the proxy with netsh winhttp set proxy PROXY \"activation-server;<local>\".")
)

// routeWords says which proxy an https endpoint went through and why.
func routeWords(o Outcome) i18n.Text {
	name := machinetext.Escape(o.Endpoint.Raw)
	if o.Via == "" {
		return msgRouteDirect.F(name, o.ViaWhy)
	}
	return msgRouteVia.F(name, machinetext.Escape(o.Via), o.ViaWhy)
}
