package checks

import (
	"strings"

	"actwiz/internal/i18n"
)

// The probes record why a value could not be read as plain English text
// (it is stored in snapshots, which are shared between languages). These
// classes give the Chinese reader the gist and pick the hint that fits;
// the raw reason stays in the message for the support engineer.
type reasonClass struct {
	match []string
	zh    string
	hint  i18n.Text
}

var reasonClasses = []reasonClass{
	{[]string{"timed out"}, "读取超时", hintTimedOut},
	{[]string{"cancelled", "canceled"}, "已取消", hintNotRead},
	{[]string{"smbios"}, "这台电脑的固件没有 SMBIOS 信息表", hintNoSMBIOS},
	{[]string{"as root", "sudo", "access denied", "access is denied", "permission denied", "0x80041003"}, "权限不够", hintNotRead},
	{[]string{"not supported"}, "这个系统不支持读取", hintNotRead},
}

func classify(reason string) (zh string, hint i18n.Text) {
	low := strings.ToLower(reason)
	for _, c := range reasonClasses {
		for _, m := range c.match {
			if strings.Contains(low, m) {
				return c.zh + "（" + reason + "）", c.hint
			}
		}
	}
	return reason, hintNotRead
}

// notRead is the result for a value that could not be read. A reason
// recorded by a probe has the same text in both languages; one of actwiz's
// own has its Chinese already.
func notRead(what i18n.Text, reason i18n.Text) Result {
	zh, hint := classify(reason.EN)
	if reason.ZH != reason.EN {
		zh = reason.ZH
	}
	return Result{
		Status: Unknown,
		Detail: i18n.Text{ZH: msgNotRead.F(what, zh).ZH, EN: msgNotRead.F(what, reason.EN).EN},
		Hint:   hint,
	}
}

var (
	hintTimedOut = i18n.T(
		"1. 再运行一次 actwiz。\n2. 如果仍然超时，重启电脑后再试（Windows 的“Windows Management Instrumentation”服务可能卡住了）。\n3. 电脑很慢时，可以在配置文件中把 probe.timeout 调大，例如 60s。",
		"1. Run actwiz again.\n2. If it times out again, restart the PC and retry (Windows' \"Windows Management Instrumentation\" service may be stuck).\n3. On a very slow PC, raise probe.timeout in the config file, for example to 60s.")
	hintNoSMBIOS = i18n.T(
		"这台电脑的固件不提供硬件序列号，激活客户端同样读不到：\n1. 虚拟机：在虚拟化平台中打开 SMBIOS 信息并为这台虚拟机设置唯一序列号。\n2. 实体电脑：联系电脑或主板厂商，询问如何写入序列号（DMI 信息）。",
		"This machine's firmware offers no hardware serial, so the activation client cannot read one either:\n1. Virtual machine: turn on SMBIOS information in the hypervisor and give this VM a unique serial.\n2. Physical PC: ask the PC or board maker how to write its serial (DMI information).")
)
