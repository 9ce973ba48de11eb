package activation

import (
	"fmt"

	"actwiz/internal/i18n"
)

// Meaning is what an activation error means and what to do about it.
type Meaning struct {
	What i18n.Text
	Do   i18n.Text
}

// Codes maps the licensing service's error codes (HRESULTs) to a meaning
// and a remedy: the ones support teams meet most, from Microsoft's
// documentation of activation errors.
var Codes = map[uint32]Meaning{
	0xC004F074: {
		i18n.T("连不上任何密钥管理服务器（KMS）。", "No key management server (KMS) could be reached."),
		i18n.T("1. 确认能连上 KMS 服务器的 1688 端口（见上面的“能否连上激活服务器”）。\n2. 内网请向管理员要 KMS 地址，用 slmgr /skms 主机:端口 设置。\n3. 核对系统时间。\n4. 需要 VPN 才能访问内网时，先连上 VPN。", "1. Make sure the KMS host's port 1688 can be reached (see \"Activation servers reachable\").\n2. On an internal network, ask the administrator for the KMS address and set it with slmgr /skms host:port.\n3. Check the system clock.\n4. If the internal network needs a VPN, connect it first."),
	},
	0xC004F025: {
		i18n.T("拒绝访问：安装密钥和激活需要管理员权限。", "Access denied: installing a key and activating need administrator rights."),
		i18n.T("以管理员身份重新启动 actwiz（向导会提出来），或右键单击 actwiz，选择“以管理员身份运行”，再激活。", "Restart actwiz as administrator (the wizard offers to), or right-click actwiz, choose \"Run as administrator\" and activate again."),
	},
	0x80070005: {
		i18n.T("拒绝访问（没有管理员权限）。", "Access denied (no administrator rights)."),
		i18n.T("以管理员身份重新启动 actwiz（向导会提出来），或右键单击 actwiz，选择“以管理员身份运行”，再激活。", "Restart actwiz as administrator (the wizard offers to), or right-click actwiz, choose \"Run as administrator\" and activate again."),
	},
	0xC004C003: {
		i18n.T("产品密钥已被服务器封锁。", "The product key is blocked by the activation server."),
		i18n.T("这个密钥不能再用了，请向经销商或客服换一个新的密钥。", "This key cannot be used any more: get a new key from the reseller or support."),
	},
	0xC004C008: {
		i18n.T("这个密钥的激活次数已经用完。", "The key's activation count is used up."),
		i18n.T("请向经销商或客服申请增加激活次数，或改用电话激活。", "Ask the reseller or support for more activations, or activate by phone."),
	},
	0xC004C020: {
		i18n.T("多次激活密钥（MAK）超过了允许的次数。", "The multiple activation key (MAK) is over its limit."),
		i18n.T("请向经销商或客服申请增加 MAK 激活次数。", "Ask the reseller or support for more MAK activations."),
	},
	0xC004F050: {
		i18n.T("产品密钥无效。", "The product key is invalid."),
		i18n.T("1. 重新核对密钥，注意 0 和 O、1 和 I、8 和 B。\n2. 确认密钥是给这个 Windows 版本的。\n3. 从网页或文档复制的横线可能不是普通横线：请手动输入。", "1. Check the key again: 0 and O, 1 and I, 8 and B.\n2. Make sure the key is for this Windows edition.\n3. Dashes copied from a web page or document may not be plain hyphens: type the key by hand."),
	},
	0x8007232B: {
		i18n.T("DNS 中找不到 KMS 服务器（缺少 _vlmcs._tcp 记录）。", "The DNS has no KMS server (the _vlmcs._tcp record is missing)."),
		i18n.T("请管理员在 DNS 中添加 KMS 的 SRV 记录，或用 slmgr /skms 主机:端口 直接指定 KMS 服务器。", "Ask the administrator to add the KMS SRV record to the DNS, or set the KMS host directly with slmgr /skms host:port."),
	},
	0x8007007B: {
		i18n.T("DNS 名称不存在（找不到 KMS 服务器）。", "The DNS name does not exist (no KMS server found)."),
		i18n.T("请管理员修正 DNS，或用 slmgr /skms 主机:端口 直接指定 KMS 服务器。", "Ask the administrator to fix the DNS, or set the KMS host with slmgr /skms host:port."),
	},
	0xC004F069: {
		i18n.T("密钥与这个 Windows 版本不符。", "The key does not match this Windows edition."),
		i18n.T("请使用这个版本（见“设置 → 系统 → 关于”）对应的密钥。", "Use a key for this edition (see Settings → System → About)."),
	},
	0xC004F038: {
		i18n.T("KMS 服务器上的计算机数量还不够，暂时不能激活。", "The KMS host does not have enough clients yet to activate."),
		i18n.T("请管理员确认 KMS 的客户端数量，或改用 MAK 密钥激活。", "Ask the administrator about the KMS count, or activate with a MAK key."),
	},
	0xC004E003: {
		i18n.T("许可证评估失败（系统文件或许可证存储可能损坏）。", "License evaluation failed (system files or the license store may be damaged)."),
		i18n.T("1. 以管理员身份运行 sfc /scannow。\n2. 仍然失败时，请技术人员重建许可证存储（tokens.dat），或联系客服。", "1. Run sfc /scannow as administrator.\n2. If it still fails, have a technician rebuild the license store (tokens.dat), or contact support."),
	},
	0x80072EE7: {
		i18n.T("找不到服务器的地址（没有联网，或代理设置不对）。", "The server's name could not be resolved (offline, or a wrong proxy)."),
		i18n.T("1. 确认能上网。\n2. 用 netsh winhttp show proxy 查看代理设置。\n3. 请管理员检查防火墙。", "1. Make sure the PC is online.\n2. Check the proxy with netsh winhttp show proxy.\n3. Ask the administrator to check the firewall."),
	},
	0xC004F00F: {
		i18n.T("硬件变化太大，超出了许可证的允许范围。", "The hardware changed beyond what the license allows."),
		i18n.T("请重新激活；仍然失败时联系客服，说明更换过哪些硬件。", "Activate again; if it still fails, contact support and say which hardware was changed."),
	},
	0xC004F211: {
		i18n.T("硬件变化了，与激活时的不一致。", "The hardware changed since activation."),
		i18n.T("请重新激活；仍然失败时联系客服，说明更换过哪些硬件。", "Activate again; if it still fails, contact support and say which hardware was changed."),
	},
	0xC004F06C: {
		i18n.T("请求的时间戳无效（系统时间不对）。", "The request's time stamp is invalid (the system clock is wrong)."),
		i18n.T("把系统日期、时间和时区改正确（见上面的“系统时间”），然后重试。", "Correct the system date, time and time zone (see \"System clock\"), then try again."),
	},
}

// ServerError is the case's 「服务器错误」: the client's word for any failure,
// including requests it never sent.
var ServerError = Meaning{
	i18n.T("激活客户端报“服务器错误”。这往往不是服务器的问题：硬件信息不符合要求时，客户端根本不发送激活请求，也显示“服务器错误”；连不上服务器时也一样。", "The activation client reports \"server error\". Usually the server is not at fault: when the hardware information breaks the rules the client never sends the request and still says \"server error\", as it does when it cannot reach the server."),
	i18n.T("1. 先看上面的硬件检查和网络检查，把不通过的项处理好，再重试。\n2. 都通过仍然报错时，用客服提供的新版激活客户端再试。\n3. 还不行就收集日志发给客服，并把本工具的支持代码告诉客服。", "1. Fix whatever the hardware and network checks above found, then try again.\n2. If everything passes and it still fails, try the newer activation client support provides.\n3. If that fails too, collect the logs, send them to support and read them actwiz's support code."),
}

// SerialMismatch is the case's prompt 「上次激活使用的序列号…跟当前输入的序列号
// 不一致，是否继续…」: the client stopped to ask, so nothing was activated.
var SerialMismatch = Meaning{
	i18n.T("激活客户端发现上次激活用的序列号和这次输入的不一致，停下来询问是否继续；这次没有激活。", "The activation client found that the serial used last time differs from the one entered now, and stopped to ask whether to go on: nothing was activated."),
	i18n.T("1. 先看上面的“序列号”一步：确认这次输入的序列号是给这台电脑的。\n2. 确认无误后，在激活客户端中手动激活，并在提问时选择“是”。\n3. 不确定时先联系客服，不要换用别的序列号。", "1. See the serial step above: make sure the serial entered now is the one for this PC.\n2. If it is, activate in the activation client by hand and answer yes when it asks.\n3. If unsure, contact support first; do not switch serials."),
}

// ActivationFailed is the client's 「激活失败」 without a reason.
var ActivationFailed = Meaning{
	i18n.T("激活客户端报告激活失败。", "The activation client reports that activation failed."),
	i18n.T("先看上面的硬件检查和网络检查，把不通过的项处理好，再重试；仍然失败时收集日志发给客服。", "Fix whatever the hardware and network checks above found, then try again; if it still fails, collect the logs and send them to support."),
}

var (
	msgUnknownCode  = i18n.T("错误代码 0x%08X 不在本工具的表里。", "The error code 0x%08X is not in actwiz's table.")
	hintUnknownCode = i18n.T("要看 Windows 自己对这个代码的说明，按 Win+R，输入 slui.exe 0x2a 0x%08X 回车。把说明和代码一起告诉客服。", "To see Windows' own explanation of this code, press Win+R and type slui.exe 0x2a 0x%08X. Tell support the code and that explanation.")
)

// Explain gives the meaning of a code, or how to look it up.
func Explain(code uint32) Meaning {
	if m, ok := Codes[code]; ok {
		return m
	}
	return Meaning{What: msgUnknownCode.F(code), Do: hintUnknownCode.F(code)}
}

// CodeString is a code as Windows writes it.
func CodeString(code uint32) string { return fmt.Sprintf("0x%08X", code) }
