package activation

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"
	"time"

	"actwiz/checks"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

var (
	msgNoEndpoints  = i18n.T("没有配置激活服务器（activation.endpoints），跳过此项。", "Skipped: no activation server is configured (activation.endpoints).")
	msgDNSOK        = i18n.T("所有激活服务器的域名都能解析：%s。", "Every activation server's name resolves: %s.")
	msgDNSFailed    = i18n.T("这些激活服务器的域名解析不了：%s。本机使用的 DNS 服务器：%s；代理：%s。", "These activation servers' names do not resolve: %s. DNS servers in use: %s; proxy: %s.")
	msgNotFound     = i18n.T("%s（域名不存在）", "%s (no such name)")
	msgDNSTimeout   = i18n.T("%s（DNS 服务器没有回应）", "%s (the DNS server did not answer)")
	msgDNSOther     = i18n.T("%s（%s）", "%s (%s)")
	msgUnknownValue = i18n.T("读不到", "not readable")
	msgNoProxy      = i18n.T("没有", "none")
	msgProxyNoDNS   = i18n.T("（使用代理时，域名由代理服务器解析，本机解析不了不一定有问题）", " (with a proxy, the proxy resolves names, so a local failure need not matter)")
	hintDNS         = i18n.T(
		"激活客户端连不上服务器时，往往只显示“服务器错误”。请：\n1. 确认电脑能上网（打开任意网页试试）。\n2. 政务外网或内网环境：请网络管理员确认能解析上面的域名，或在 DNS 中添加这些域名。\n3. 如果使用代理上网，请确认代理设置正确（命令 netsh winhttp show proxy 可以查看）。\n4. 运行 ipconfig /flushdns 后重试。",
		"When the activation client cannot reach its server it often says only \"server error\". Please:\n1. Make sure the PC is online (open any web page).\n2. On a government or internal network, ask the network administrator to make these names resolve, or add them to the DNS.\n3. If the PC goes online through a proxy, check its settings (netsh winhttp show proxy shows them).\n4. Run ipconfig /flushdns and try again.")
)

// CheckDNS is activation.dns: every endpoint's host name resolves.
func CheckDNS(ctx context.Context, eps []Endpoint, n Network) checks.Result {
	r := checks.Result{ID: DNSID}
	if len(eps) == 0 {
		r.Status, r.Detail = checks.Skip, msgNoEndpoints
		return r
	}
	var ok, observed []string
	var bad []i18n.Text
	seen := map[string]bool{}
	// A failed name matters less only when its traffic goes through a
	// proxy, which resolves it: https endpoints may; KMS (tcp://) never
	// does, whatever proxy is set.
	allProxied := true
	for _, e := range eps {
		if seen[e.Host] {
			continue
		}
		seen[e.Host] = true
		host := machinetext.Escape(e.Host)
		if net.ParseIP(e.Host) != nil {
			ok = append(ok, host)
			observed = append(observed, host)
			continue
		}
		lctx, cancel := context.WithTimeout(ctx, n.timeout())
		addrs, err := n.LookupHost(lctx, e.Host)
		cancel()
		if err != nil {
			allProxied = allProxied && n.proxied(e.Host, eps)
			bad = append(bad, dnsProblem(host, err))
			observed = append(observed, host+": "+dnsFailureWord(err))
			continue
		}
		// ASCII only: an arrow or a tick is two cells wide on the Chinese
		// Windows console and one everywhere else, which breaks columns.
		ok = append(ok, host+": "+strings.Join(addrs, ", "))
		observed = append(observed, host+": "+strings.Join(addrs, ", "))
	}
	r.Observed = strings.Join(observed, "; ")
	if len(bad) == 0 {
		r.Status, r.Detail = checks.Pass, msgDNSOK.F(strings.Join(ok, "; "))
		return r
	}
	s := n.settings()
	servers := msgUnknownValue
	if len(s.DNSServers) > 0 {
		servers = plain(machinetext.Escape(strings.Join(s.DNSServers, ", ")))
	}
	proxy := msgNoProxy
	if s.Proxy != "" {
		proxy = plain(machinetext.Escape(s.Proxy))
		if allProxied {
			proxy = i18n.Join([]i18n.Text{proxy, msgProxyNoDNS}, "", "")
		}
	}
	r.Status, r.Detail, r.Hint = checks.Fail, msgDNSFailed.F(i18n.Join(bad, "、", ", "), servers, proxy), hintDNS
	if s.Proxy != "" && allProxied {
		// Through a proxy the names are the proxy's to resolve:
		// activation.reach tells whether the servers are reached.
		r.Status = checks.Warn
	}
	return r
}

// proxied reports whether every endpoint on host would go through a proxy:
// only https ones can, and only when the network's proxy names one for it
// (without a Proxy function, the settings' word that a proxy is set).
func (n Network) proxied(host string, eps []Endpoint) bool {
	for _, e := range eps {
		if e.Host != host {
			continue
		}
		if e.Scheme != "https" {
			return false
		}
		if n.Proxy != nil || n.Decide != nil {
			if n.decide(&url.URL{Scheme: "https", Host: e.Addr()}).Proxy == nil {
				return false
			}
		} else if n.settings().Proxy == "" {
			return false
		}
	}
	return true
}

func dnsProblem(host string, err error) i18n.Text {
	var de *net.DNSError
	switch {
	case errors.As(err, &de) && de.IsNotFound:
		return msgNotFound.F(host)
	case errors.As(err, &de) && de.IsTimeout, errors.Is(err, context.DeadlineExceeded):
		return msgDNSTimeout.F(host)
	}
	return msgDNSOther.F(host, machinetext.Escape(err.Error()))
}

// dnsFailureWord names a failed lookup in the observed value, which reads
// the same in both languages, like the addresses beside it.
func dnsFailureWord(err error) string {
	var de *net.DNSError
	switch {
	case errors.As(err, &de) && de.IsNotFound:
		return "no such host"
	case errors.As(err, &de) && de.IsTimeout, errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	}
	return "lookup failed"
}

func (n Network) timeout() time.Duration {
	if n.Timeout <= 0 {
		return DefaultTimeout
	}
	return n.Timeout
}

func (n Network) settings() NetSettings {
	if n.Settings == nil {
		return NetSettings{}
	}
	return n.Settings()
}

// plain is a value that reads the same in both languages.
func plain(s string) i18n.Text { return i18n.T(s, s) }
