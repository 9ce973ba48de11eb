package checks

import (
	"strings"

	"actwiz/internal/facts"
	"actwiz/internal/i18n"
)

// reason is why a value could not be read: the probe's text (plain
// English, stored in snapshots shared between languages) and, when the
// probe could tell, its kind (facts.Kind…), recorded from the error value
// itself.
type reason struct {
	text i18n.Text
	kind string
}

// readReason returns the reason recorded under the most specific of keys
// (a field before its section), with its kind.
func readReason(s facts.Snapshot, keys ...string) reason {
	for i := len(keys) - 1; i >= 0; i-- {
		if r := s.Err(keys[i]); r != "" {
			return reason{text: i18n.T(r, r), kind: s.ErrKind(keys[i])}
		}
	}
	return reason{text: msgNoValue}
}

// kindClasses give, per recorded kind, the Chinese gist and the hint.
var kindClasses = map[string]struct {
	zh   string
	hint i18n.Text
}{
	facts.KindTimeout:       {"读取超时", hintTimedOut},
	facts.KindCancelled:     {"已取消", hintNotRead},
	facts.KindAccessDenied:  {"权限不够", hintNotRead},
	facts.KindWMIService:    {"“Windows Management Instrumentation”服务已停止或被禁用", hintWMIService},
	facts.KindWMIRepository: {"WMI 存储库已损坏（每台 Windows 都有的类或命名空间不存在）", hintWMIRepository},
	facts.KindNoSMBIOS:      {"这台电脑的固件没有 SMBIOS 信息表", hintNoSMBIOS},
	facts.KindUnsupported:   {"这个系统不支持读取", hintNotRead},
}

// Reasons recorded without a kind (older snapshots, Linux's own texts)
// are recognised by their words. These classes give the Chinese reader
// the gist and pick the hint that fits; the raw reason stays in the
// message for the support engineer.
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

// classify gives the Chinese for a recorded reason. A known reason is said
// in Chinese only: the probe's English stays in the snapshot, the JSON
// report and English mode for the support engineer. An unknown one is
// quoted as the system's own words, a value like a path.
func classify(r reason) (zh string, hint i18n.Text) {
	if c, ok := kindClasses[r.kind]; ok {
		return c.zh, c.hint
	}
	low := strings.ToLower(r.text.EN)
	for _, c := range reasonClasses {
		for _, m := range c.match {
			if strings.Contains(low, m) {
				return c.zh, c.hint
			}
		}
	}
	return msgSystemSaid.F(r.text.EN).ZH, hintNotRead
}

var msgSystemSaid = i18n.T("读取出错，系统原文：“%s”", "%s")

// notRead is the result for a value that could not be read. A reason
// recorded by a probe has the same text in both languages; one of actwiz's
// own has its Chinese already.
func notRead(what i18n.Text, r reason) Result {
	zh, hint := classify(r)
	if r.text.ZH != r.text.EN {
		zh = r.text.ZH
	}
	return Result{
		Status: Unknown,
		Detail: i18n.Text{ZH: msgNotRead.F(what, zh).ZH, EN: msgNotRead.F(what, r.text.EN).EN},
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
	hintWMIService = i18n.T(
		"这不是权限问题：Windows 的 WMI 服务没有运行。激活客户端也通过 WMI 读取这些值，所以现在同样无法激活。\n1. 右键“开始”→“终端（管理员）”或“命令提示符（管理员）”。\n2. 运行：sc config winmgmt start= auto\n3. 再运行：net start winmgmt\n4. 重新运行 actwiz。",
		"This is not a permissions problem: Windows' WMI service is not running. The activation client reads these values through WMI too, so it cannot activate either.\n1. Right-click Start → Terminal (Admin) or Command Prompt (Admin).\n2. Run: sc config winmgmt start= auto\n3. Then run: net start winmgmt\n4. Run actwiz again.")
	hintWMIRepository = i18n.T(
		"这不是权限问题：WMI 存储库已损坏。激活客户端也通过 WMI 读取这些值，所以现在同样无法激活。\n1. 右键“开始”→“终端（管理员）”或“命令提示符（管理员）”。\n2. 运行：winmgmt /verifyrepository\n3. 如果结果是“不一致”（inconsistent），运行：winmgmt /salvagerepository，然后重启电脑。\n4. 重新运行 actwiz；仍然失败时，把日志发给客服。",
		"This is not a permissions problem: the WMI repository is damaged. The activation client reads these values through WMI too, so it cannot activate either.\n1. Right-click Start → Terminal (Admin) or Command Prompt (Admin).\n2. Run: winmgmt /verifyrepository\n3. If it reports the repository inconsistent, run: winmgmt /salvagerepository, then restart the PC.\n4. Run actwiz again; if it still fails, send the logs to support.")
)
