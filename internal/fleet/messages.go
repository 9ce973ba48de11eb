package fleet

import "actwiz/internal/i18n"

var (
	msgFile        = i18n.T("文件 %s %s", "File %s %s")
	msgUnreadable  = i18n.T("无法读取：%v。", "cannot be read: %v.")
	msgTooLarge    = i18n.T("超过 %d MiB，不是 actwiz 报告。", "is larger than %d MiB; it is not an actwiz report.")
	msgNotJSON     = i18n.T("不是有效的 JSON（%s）。", "is not valid JSON (%s).")
	msgWrongSchema = i18n.T("的格式是 %q；只能读取 %q 报告和 %q 快照。", "has schema %q; only %q reports and %q snapshots can be read.")
	msgNoFacts     = i18n.T("是报告，但没有包含硬件信息（facts），无法比较；请用新版 actwiz 重新生成。", "is a report without its facts, so it cannot be compared; make it again with a current actwiz.")
	msgNoReports   = i18n.T("是文件夹，但里面没有 .json 文件。", "is a folder without any .json file.")
)
