package cli

import "actwiz/internal/i18n"

var (
	msgUnknownCommand = i18n.T("没有 %q 这个命令。运行 actwiz help 查看所有命令。", "There is no command %q. Run 'actwiz help' to see the commands.")
	msgUnexpectedArg  = i18n.T("多余的参数 %q；actwiz %s 不需要它。", "Unexpected argument %q: actwiz %s takes none.")
	msgCancelled      = i18n.T("已取消。", "Cancelled.")
	msgFailed         = i18n.T("无法完成：%s", "Could not finish: %s")
	msgBadFormat      = i18n.T("--format 的值 %q 不支持；可用：%s。", "--format %q is not supported; use %s.")
	msgWriteFailed    = i18n.T("无法写入 %s：%v。", "Could not write %s: %v.")
)
