package ui

import "actwiz/internal/i18n"

// Messages of the wizard and its plain mode. The Chinese is written for the
// user at the PC and in the words support agents use on the phone.
var (
	msgTooSmall = i18n.T("窗口太小（%d×%d），请放大到至少 %d×%d。", "Window too small (%d×%d): enlarge it to at least %d×%d.")
	msgAppTitle = i18n.T("actwiz · 激活问题排查", "actwiz · activation troubleshooting")
	msgSnapshot = i18n.T("快照模式：显示的是快照文件 %s 里记录的信息，不是这台电脑。", "Snapshot mode: showing the facts recorded in %s, not this machine.")
	msgStepOf   = i18n.T("第 %d/%d 步", "step %d of %d")

	msgWelcomeTitle = i18n.T("欢迎", "Welcome")
	msgWelcomeIntro = i18n.T(
		"接下来依次检查：硬件信息（BIOS、主板、硬盘、网卡共六项）、序列号、激活服务器能否连上，然后把日志打包到桌面。\n每一项都会说明发现了什么、该怎么处理。只读取信息；激活要先征得你同意。\n最后显示一串支持代码，并把报告保存下来，方便发给客服。",
		"actwiz checks, in turn: the hardware identity (BIOS, board, disks, network adapters: six items), the serial, whether the activation servers can be reached; then it packs the logs on the Desktop.\nEach item says what was found and what to do. It only reads; activating needs your consent first.\nAt the end you get a support code to read to the agent, and a saved report.")
	msgCaseLabel    = i18n.T("案件编号（可不填）", "Case number (optional)")
	msgCaseHelp     = i18n.T("客服给过案件编号就填上，它会写进报告和二维码。", "If support gave you a case number, enter it: it goes into the report and the QR code.")
	msgLangLabel    = i18n.T("语言", "Language")
	msgStartHint    = i18n.T("按 Enter 开始检查。", "Press Enter to start the check.")
	msgCaseProblem  = i18n.T("案件编号只能包含字母、数字和短横线（-），最多 %d 个字符，例如 CAS-04851-R7R3X9。", "A case number holds only letters, digits and dashes (-), at most %d characters, like CAS-04851-R7R3X9.")
	msgCaseUnusual  = i18n.T("“%s”不像客服常用的 CAS-00000-XXXXXX 格式。请再核对一遍；没有问题就再按一次 Enter。", "\"%s\" does not look like support's usual CAS-00000-XXXXXX. Please check it; if it is right, press Enter again.")
	msgCaseAccepted = i18n.T("案件编号：%s", "Case number: %s")

	msgSummaryTitle = i18n.T("总结", "Summary")
	msgStepsTitle   = i18n.T("步骤", "Steps")

	msgStatePending   = i18n.T("未开始", "not started")
	msgStateRunning   = i18n.T("检查中", "running")
	msgStateCancelled = i18n.T("已取消", "cancelled")
	msgStateProblems  = i18n.T("%d 项有问题", "%d need care")
	msgStateAllPass   = i18n.T("全部通过", "all pass")
	msgStateSkipped   = i18n.T("已跳过", "skipped")
	msgStateSaved     = i18n.T("报告已保存", "report saved")

	msgChecking     = i18n.T("检查中", "checking")
	msgWaiting      = i18n.T("等待", "waiting")
	msgRunningHint  = i18n.T("正在检查，请稍候。可以用上下方向键查看每一项的说明。", "Checking, please wait. Use the arrow keys to read about each item meanwhile.")
	msgDoneHint     = i18n.T("检查完成：%d 项通过，%d 项注意，%d 项不通过，%d 项未知，%d 项跳过。", "Done: %d pass, %d warn, %d fail, %d unknown, %d skipped.")
	msgDoneNext     = i18n.T("按 Enter 继续：%s。", "Press Enter to continue: %s.")
	msgDoneLast     = i18n.T("按 Enter 查看总结。", "Press Enter for the summary.")
	msgCancelledRun = i18n.T("检查已取消。按 r 重新检查。", "The check was cancelled. Press r to run it again.")
	msgDetailRule   = i18n.T("要求：", "Rule: ")
	msgDetailFound  = i18n.T("发现：", "Found: ")
	msgDetailValue  = i18n.T("读到的值：", "Value read: ")
	msgDetailTodo   = i18n.T("怎么办：", "What to do:")
	msgDetailVerify = i18n.T("自己查看：", "See it yourself:")
	msgDetailWait   = i18n.T("还在读取这一项需要的信息。", "Still reading the facts this item needs.")
	msgMore         = i18n.T("（还有 %d 行，按 PgDn 下翻）", "(%d more lines: PgDn)")
	msgListPosition = i18n.T("第 %d-%d 项，共 %d 项", "items %d-%d of %d")

	msgQuitConfirm = i18n.T("检查还在进行，退出会取消检查。确定退出吗？[y/N]", "A check is still running; quitting cancels it. Quit now? [y/N]")
	msgQuitting    = i18n.T("正在取消检查…", "Cancelling the check…")
	msgHelpTitle   = i18n.T("全部按键（按 ? 或 Esc 关闭）", "All keys (? or Esc to close)")

	msgCodeLabel       = i18n.T("支持代码（打电话时把这串数字读给客服）：", "Support code (read these digits to the support agent):")
	msgSaving          = i18n.T("正在保存报告…", "Saving the report…")
	msgSavedTo         = i18n.T("报告已保存到：", "Report saved to:")
	msgSaveFailed      = i18n.T("报告没有保存：%s。请在配置中把 report.dir 改成一个可写的文件夹。", "The report was not saved: %s. Set report.dir to a folder you can write to.")
	msgLogPackageLabel = i18n.T("日志包：", "Log package:")
	msgLogMapLabel     = i18n.T("脱敏对照表（只留在本机，不要上传）：", "Redaction mapping (keep it on this machine, do not upload it):")
	msgNextSendLogs    = i18n.T("把支持代码、报告文件和日志包一起发给客服。", "Send support the support code, the report file and the log package.")
	msgNextUploadLogs  = i18n.T("把支持代码和报告文件发给客服，并上传日志包：actwiz upload 加上面的日志包路径。", "Send support the support code and the report file, and upload the log package: actwiz upload followed by its path above.")
	msgNextUploaded    = i18n.T("日志包已上传到 %s；把支持代码和报告文件发给客服，并告诉客服日志包已上传。", "The log package is uploaded to %s: send support the support code and the report file, and tell them the package is there.")
	msgNextTitle       = i18n.T("下一步：", "What to do next:")
	msgQRLabel         = i18n.T("用手机扫码，把支持代码、电脑名和案件编号发给客服：", "Scan with your phone to send the code, PC name and case number to support:")
	msgQRTooSmall      = i18n.T("（窗口再大一些就会显示二维码。）", "(Enlarge the window to show a QR code.)")
	msgSummaryCount    = i18n.T("%d 项通过，%d 项注意，%d 项不通过，%d 项未知，%d 项跳过", "%d pass, %d warn, %d fail, %d unknown, %d skipped")
	msgNothingRun      = i18n.T("还没有完成任何检查。按 Esc 返回。", "No check has finished yet. Press Esc to go back.")
	msgHostLabel       = i18n.T("电脑名：%s", "PC name: %s")
	msgCaseShort       = i18n.T("案件编号：%s", "Case: %s")
	msgScrollMore      = i18n.T("（下面还有内容，按下方向键）", "(more below: press the down arrow)")

	msgNextFix = []i18n.Text{
		i18n.T("按每一项“怎么办”的说明，处理标为“不通过”的项。", "Fix each FAIL item as its \"What to do\" says."),
		i18n.T("处理完后重新运行 actwiz，确认全部通过。", "Run actwiz again and check that every item passes."),
		i18n.T("全部通过后，用激活客户端重新在线激活。", "Once all pass, activate online again with the activation client."),
		i18n.T("仍有问题就联系客服：读出支持代码，并把报告文件发过去。", "Still stuck: call support, read out the support code and send the report file."),
	}
	msgNextUnknown = []i18n.Text{
		i18n.T("关闭 actwiz，右键“以管理员身份运行”后再检查一次，让“未知”的项读出来。", "Close actwiz and run it again as administrator so the UNKNOWN items can be read."),
		i18n.T("仍然是“未知”时，联系客服：读出支持代码，并把报告文件发过去。", "If they stay UNKNOWN, call support, read out the support code and send the report file."),
	}
	msgNextPass = []i18n.Text{
		i18n.T("硬件信息符合激活要求，现在可以用激活客户端在线激活。", "The hardware meets the activation rules: activate online with the activation client now."),
		i18n.T("如果激活仍然失败，联系客服：读出支持代码，并把报告文件发过去。", "If activation still fails, call support, read out the support code and send the report file."),
	}
	msgNextWarn = i18n.T("标为“注意”的项暂时不影响激活；激活失败时先处理它们。", "WARN items do not stop activation; if it fails, deal with them first.")

	msgMintty = i18n.T(
		"Git Bash（mintty）无法显示全屏界面，已改用逐行模式；要用全屏界面，请在 Windows Terminal、cmd 或 PowerShell 中运行。",
		"Git Bash (mintty) cannot show the full-screen wizard, so this is the line-by-line mode; run actwiz in Windows Terminal, cmd or PowerShell for the full screen.")
)

// MinttyNotice is the line saying why Git Bash gets the plain mode.
var MinttyNotice = msgMintty
