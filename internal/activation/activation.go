// Package activation is the activation step: pre-flight checks that name
// what would make an activation fail before anyone tries (hardware gate,
// the licensing service, DNS, reachability, the clock), and the attempt
// itself through a driver. The case's activation client said only
// "server error"; each check here says what it found and what to do.
//
// It may import checks, internal/serial, its spp driver and the platform and text helpers; never config, steps or ui.
package activation

import (
	"actwiz/checks"
	"actwiz/internal/i18n"
)

// Check ids (fixed: the support code's catalogue lists them).
const (
	GateID    = "activation.gate"
	ServiceID = "activation.service"
	DNSID     = "activation.dns"
	ReachID   = "activation.reach"
	ClockID   = "activation.clock"
	AttemptID = "activation.attempt"
)

// Definitions describe the activation checks, in report order.
var Definitions = []checks.Definition{
	{
		ID:    GateID,
		Title: i18n.T("硬件是否允许激活", "Hardware allows activation"),
		Rule:  i18n.T("硬件检查没有不通过的项，否则激活客户端不会发送激活请求", "No hardware check fails; otherwise the activation client does not send the request"),
	},
	{
		ID:     ServiceID,
		Title:  i18n.T("激活服务", "Activation service"),
		Rule:   i18n.T("激活客户端的服务已安装并在运行", "The activation client's service is installed and running"),
		Verify: []string{"Get-Service CmitClientSVC, sppsvc", "sc query CmitClientSVC"},
	},
	{
		ID:          DNSID,
		Title:       i18n.T("激活服务器域名解析", "Activation server names resolve"),
		Rule:        i18n.T("每个激活服务器的域名都能解析成地址", "Every activation server's host name resolves to an address"),
		Verify:      []string{"Resolve-DnsName HOST", "nslookup HOST", "ipconfig /all"},
		VerifyLinux: []string{"getent hosts HOST", "cat /etc/resolv.conf"},
	},
	{
		ID:          ReachID,
		Title:       i18n.T("能否连上激活服务器", "Activation servers reachable"),
		Rule:        i18n.T("每个激活服务器都能在时限内连上；https 服务器的证书有效", "Every activation server accepts a connection in time; https servers present a valid certificate"),
		Verify:      []string{"Test-NetConnection HOST -Port PORT", "netsh winhttp show proxy"},
		VerifyLinux: []string{"curl -v https://HOST:PORT/", "nc -vz HOST PORT"},
	},
	{
		ID:     ClockID,
		Title:  i18n.T("系统时间", "System clock"),
		Rule:   i18n.T("本机时间与激活服务器的时间相差不超过允许范围", "The local clock is within tolerance of the activation server's"),
		Verify: []string{"w32tm /stripchart /computer:time.windows.com /samples:1", "Get-Date"},
	},
	{
		ID:    AttemptID,
		Title: i18n.T("激活", "Activation"),
		Rule:  i18n.T("激活成功", "Activation succeeds"),
	},
}

func init() { checks.Register(Definitions...) }
