// Package netproxy decides, for one URL, which proxy the program that
// will connect uses, and says why. A Windows service (the activation
// clients' CmitClientSVC, sppsvc) resolves through WinHTTP: its static
// setting (netsh winhttp set proxy), else automatic configuration (PAC,
// WPAD) evaluated by WinHttpGetProxyForUrl; it never sees a user's
// environment or Internet Options proxy. actwiz's own requests (the
// upload) resolve as a user program: the environment, then Internet
// Options (PAC, auto-detect, the manual proxy), then WinHTTP. Elsewhere
// the environment (HTTPS_PROXY, NO_PROXY) is all there is.
//
// Resolve is pure: the machine's settings come in as Inputs, which Native
// reads on Windows (winhttp.dll) and from the environment elsewhere.
//
// It may import internal/i18n only.
package netproxy

import (
	"net/http"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/http/httpproxy"

	"actwiz/internal/i18n"
)

// Kind is the kind of program that will connect.
type Kind int

const (
	// Service is a Windows service's WinHTTP traffic.
	Service Kind = iota
	// User is a program the user runs (actwiz's own requests).
	User
)

// Inputs are the machine's proxy settings.
type Inputs struct {
	// Windows: resolve as Windows does; else the environment only.
	Windows bool
	// Getenv reads the environment (nil: none set).
	Getenv func(string) string
	// WinHTTP is the static WinHTTP setting
	// (WinHttpGetDefaultProxyConfiguration): "host:port" or
	// "https=h:p;http=h:p", and its bypass list.
	WinHTTPProxy, WinHTTPBypass string
	// IE is the user's Internet Options (WinHttpGetIEProxyConfigForCurrentUser).
	IEAutoDetect      bool
	IEAutoConfigURL   string
	IEProxy, IEBypass string
	// AutoProxy evaluates automatic configuration for a URL through
	// WinHttpGetProxyForUrl: with pacURL the script there, else WPAD
	// auto-detection. It returns the proxy list ("h:p;h2:p" or "" for
	// direct).
	AutoProxy func(target, pacURL string) (string, error)
}

// Decision is the proxy for one URL and why.
type Decision struct {
	// Proxy is nil for a direct connection.
	Proxy *url.URL
	// Source names the setting that decided, the same in both languages:
	// "HTTPS_PROXY", "WinHTTP", "PAC http://…", "WPAD", "Internet Options",
	// "" for none.
	Source string
	// Why says it in words.
	Why i18n.Text
}

var (
	msgEnv         = i18n.T("环境变量 %s 指定的代理", "the proxy the environment variable %s names")
	msgEnvNoProxy  = i18n.T("直接连接：NO_PROXY 排除了这个地址", "direct: NO_PROXY leaves this address out")
	msgWinHTTP     = i18n.T("WinHTTP 的代理（netsh winhttp set proxy 设置的，Windows 服务连网时用它）", "the WinHTTP proxy (set with netsh winhttp set proxy; Windows services use it)")
	msgWinHTTPUser = i18n.T("WinHTTP 的代理（netsh winhttp set proxy 设置的）", "the WinHTTP proxy (set with netsh winhttp set proxy)")
	msgBypass      = i18n.T("直接连接：这个地址在 %s 的例外列表中", "direct: the address is in %s's bypass list")
	msgPAC         = i18n.T("自动配置脚本 %s 给出的代理", "the proxy the automatic configuration script %s gives")
	msgPACDirect   = i18n.T("直接连接：自动配置脚本 %s 对这个地址返回 DIRECT", "direct: the automatic configuration script %s answers DIRECT for this address")
	msgWPAD        = i18n.T("自动检测（WPAD）找到的代理", "the proxy automatic detection (WPAD) found")
	msgWPADDirect  = i18n.T("直接连接：自动检测（WPAD）对这个地址返回直接连接", "direct: automatic detection (WPAD) answers direct for this address")
	msgAutoFailed  = i18n.T("（自动配置失败：%s）", " (automatic configuration failed: %s)")
	msgIE          = i18n.T("“Internet 选项”中设置的代理", "the proxy set in Internet Options")
	msgNone        = i18n.T("直接连接：没有设置代理", "direct: no proxy is set")
	msgServiceNone = i18n.T("直接连接：WinHTTP 没有设置代理（Windows 服务不使用“Internet 选项”和环境变量中的代理）", "direct: WinHTTP has no proxy (Windows services do not use the Internet Options or environment proxy)")
)

// Resolve decides the proxy for target as a program of kind connects.
func Resolve(in Inputs, kind Kind, target *url.URL) Decision {
	if !in.Windows {
		if d, ok := fromEnv(in, target); ok {
			return d
		}
		return Decision{Why: msgNone}
	}
	var failed i18n.Text
	if kind == User {
		if d, ok := fromEnv(in, target); ok {
			return d
		}
		if d, ok := auto(in, target, &failed); ok {
			return d
		}
		if in.IEProxy != "" {
			if Bypassed(target.Hostname(), in.IEBypass) {
				return Decision{Source: "Internet Options bypass", Why: withFailure(msgBypass.F(i18n.T("Internet 选项", "Internet Options")), failed)}
			}
			if p := ParseProxyServer(in.IEProxy, target.Scheme); p != nil {
				return Decision{Proxy: p, Source: "Internet Options", Why: withFailure(msgIE, failed)}
			}
		}
	}
	if in.WinHTTPProxy != "" {
		if Bypassed(target.Hostname(), in.WinHTTPBypass) {
			return Decision{Source: "WinHTTP bypass", Why: withFailure(msgBypass.F("WinHTTP"), failed)}
		}
		if p := ParseProxyServer(in.WinHTTPProxy, target.Scheme); p != nil {
			why := msgWinHTTP
			if kind == User {
				why = msgWinHTTPUser
			}
			return Decision{Proxy: p, Source: "WinHTTP", Why: withFailure(why, failed)}
		}
	}
	if kind == Service {
		// A WinHTTP client asks for automatic configuration only when
		// nothing static is set: the order of WinHttpGetProxyForUrl
		// callers such as the activation clients.
		if d, ok := auto(in, target, &failed); ok {
			return d
		}
		return Decision{Why: withFailure(msgServiceNone, failed)}
	}
	return Decision{Why: withFailure(msgNone, failed)}
}

func withFailure(t, failed i18n.Text) i18n.Text {
	return i18n.Join([]i18n.Text{t, failed}, "", "")
}

func fromEnv(in Inputs, target *url.URL) (Decision, bool) {
	get := in.Getenv
	if get == nil {
		return Decision{}, false
	}
	pick := func(names ...string) (string, string) {
		for _, n := range names {
			if v := get(n); v != "" {
				return n, v
			}
		}
		return "", ""
	}
	httpsName, httpsVal := pick("HTTPS_PROXY", "https_proxy")
	httpName, httpVal := pick("HTTP_PROXY", "http_proxy")
	_, noProxy := pick("NO_PROXY", "no_proxy")
	name := httpName
	if target.Scheme == "https" {
		name = httpsName
	}
	if name == "" {
		return Decision{}, false
	}
	cfg := httpproxy.Config{HTTPProxy: httpVal, HTTPSProxy: httpsVal, NoProxy: noProxy}
	p, err := cfg.ProxyFunc()(target)
	if err != nil || p == nil {
		return Decision{Source: "NO_PROXY", Why: msgEnvNoProxy}, true
	}
	return Decision{Proxy: p, Source: name, Why: msgEnv.F(name)}, true
}

// auto evaluates PAC or WPAD when Internet Options turn either on.
func auto(in Inputs, target *url.URL, failed *i18n.Text) (Decision, bool) {
	if in.AutoProxy == nil || (in.IEAutoConfigURL == "" && !in.IEAutoDetect) {
		return Decision{}, false
	}
	list, err := in.AutoProxy(target.String(), in.IEAutoConfigURL)
	if err != nil {
		*failed = msgAutoFailed.F(err.Error())
		return Decision{}, false
	}
	src, found, direct := "WPAD", msgWPAD, msgWPADDirect
	if in.IEAutoConfigURL != "" {
		src = "PAC " + in.IEAutoConfigURL
		found, direct = msgPAC.F(in.IEAutoConfigURL), msgPACDirect.F(in.IEAutoConfigURL)
	}
	p := firstProxy(list)
	if p == nil {
		return Decision{Source: src, Why: direct}, true
	}
	return Decision{Proxy: p, Source: src, Why: found}, true
}

// firstProxy reads the first entry of a proxy list as WinHttpGetProxyForUrl
// returns it ("h:p;h2:p", or "PROXY h:p; DIRECT" from a raw PAC answer).
func firstProxy(list string) *url.URL {
	for _, part := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ' ' }) {
		switch strings.ToUpper(part) {
		case "PROXY", "HTTP", "HTTPS":
			continue
		case "DIRECT":
			return nil
		}
		return ParseProxyServer(part, "https")
	}
	return nil
}

// ParseProxyServer reads a Windows proxy setting ("host:port", or
// "http=h:p;https=h:p;…") and returns the proxy for scheme.
func ParseProxyServer(s, scheme string) *url.URL {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	chosen, fallback := "", ""
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if k, v, ok := strings.Cut(part, "="); ok {
			switch {
			case strings.EqualFold(k, scheme):
				chosen = v
			case strings.EqualFold(k, "http") && fallback == "":
				fallback = v
			}
			continue
		}
		if part != "" && fallback == "" {
			fallback = part
		}
	}
	if chosen == "" {
		chosen = fallback
	}
	if chosen == "" {
		return nil
	}
	if !strings.Contains(chosen, "://") {
		chosen = "http://" + chosen
	}
	u, err := url.Parse(chosen)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// Bypassed reports whether host matches a Windows bypass list
// ("*.corp;10.*;<local>").
func Bypassed(host, list string) bool {
	for _, p := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
		p = strings.ToLower(strings.TrimSpace(p))
		switch {
		case p == "":
		case p == "<local>":
			if !strings.Contains(host, ".") {
				return true
			}
		default:
			if ok, _ := path.Match(p, strings.ToLower(host)); ok {
				return true
			}
		}
	}
	return false
}

// Resolver decides per URL with settings read once.
type Resolver struct {
	In   Inputs
	Kind Kind
}

// For is the decision for target.
func (r Resolver) For(target *url.URL) Decision { return Resolve(r.In, r.Kind, target) }

// ProxyFunc is For as http.Transport.Proxy wants it.
func (r Resolver) ProxyFunc() func(*http.Request) (*url.URL, error) {
	return func(req *http.Request) (*url.URL, error) { return r.For(req.URL).Proxy, nil }
}
