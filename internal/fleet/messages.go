package fleet

import "actwiz/internal/i18n"

var (
	msgFile          = i18n.T("文件 %s %s", "File %s %s")
	msgUnreadable    = i18n.T("无法读取：%v。", "cannot be read: %v.")
	msgTooLarge      = i18n.T("超过 %d MiB，不是 actwiz 报告。", "is larger than %d MiB; it is not an actwiz report.")
	msgNotJSON       = i18n.T("不是有效的 JSON（%s）。", "is not valid JSON (%s).")
	msgWrongSchema   = i18n.T("的格式是 %q；只能读取 %q 报告和 %q 快照。", "has schema %q; only %q reports and %q snapshots can be read.")
	msgNoFacts       = i18n.T("是报告，但没有包含硬件信息（facts），无法比较；请用新版 actwiz 重新生成。", "is a report without its facts, so it cannot be compared; make it again with a current actwiz.")
	msgSchemaNotText = i18n.T("的 \"schema\" 是 %s，不是文本；只能读取 %q 报告和 %q 快照。", "has \"schema\" %s, which is not text; only %q reports and %q snapshots can be read.")
	msgBadTime       = i18n.T("的 \"generated_at\" 是 %s；应为日期时间，例如 2026-01-31T08:00:00+08:00。", "has \"generated_at\" %s; it must be a date and time such as 2026-01-31T08:00:00+08:00.")
	msgTooMany       = i18n.T("列出了超过 %d 个%s；这不是 actwiz 写的报告。", "lists more than %d %s; actwiz did not write it.")
	msgValueTooLong  = i18n.T("中有超过 %d 字节的序列号、MAC 地址或主机名；这不是 actwiz 写的报告。", "holds a serial, MAC address or host name longer than %d bytes; actwiz did not write it.")
	wordChecks       = i18n.T("检查项", "checks")
	wordDisks        = i18n.T("硬盘", "disks")
	wordNICs         = i18n.T("网卡", "network adapters")
	msgNoReports     = i18n.T("是文件夹，但里面没有 .json 文件。", "is a folder without any .json file.")
)
