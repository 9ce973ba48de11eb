package cli

import (
	"regexp"
	"strings"

	"github.com/spf13/pflag"

	"actwiz/internal/i18n"
)

// flagHelpZH is the Chinese for each flag's description. Flags are declared
// with their English description (pflag keeps one string); help shows this
// twin in Chinese. A test fails when a flag has none.
var flagHelpZH = map[string]string{
	"support case number, such as CAS-04851-R7R3X9": "客服给的案件编号，例如 CAS-04851-R7R3X9",
	"config file": "使用这个配置文件",
	"show help":   "显示帮助",
	"zh or en":    "显示语言：zh 或 en",
	"line by line, for screen readers and logs (also ACCESSIBLE=1, TERM=dumb)": "逐行显示，适合读屏软件和日志（也可设置 ACCESSIBLE=1 或 TERM=dumb）",
	"run on a recorded snapshot instead of this machine":                       "使用记录的快照，而不是这台电脑",
	"auto, unicode or plain": "符号样式：auto、unicode 或 plain（plain 只用 ASCII）",
	"text or json":           "输出格式：text 或 json",
	"also save the JSON report as <host>_<YYYYMMDD-HHMMSS>.json in `DIR`; alone, in the report.dir folder":      "同时把 JSON 报告保存为 <主机名>_<年月日-时分秒>.json，放在 DIR 中；不写 DIR 时放在 report.dir 设置的文件夹",
	"judge a recorded snapshot instead of this machine":                                                         "检查记录的快照，而不是这台电脑",
	"write to FILE instead of standard output":                                                                  "写入 FILE，而不是输出到屏幕",
	"the serial to use (else typed at a prompt without echo, or read from standard input)":                      "要使用的序列号（不写时在提示下输入，输入内容不显示；也可以从标准输入读取）",
	"attempt even when a hardware check fails":                                                                  "即使有硬件检查不通过也尝试激活",
	"the serial to activate with (else typed at a prompt without echo when needed)":                             "用来激活的序列号（不写时在需要时提示输入，输入内容不显示）",
	"agree to the activation attempt; without it only the checks run":                                           "同意尝试激活；不加这个参数只做检查",
	"support case id, added to the package name":                                                                "案件编号，会加到日志包的文件名里",
	"comma-separated categories: group-policy,network,system-log,software,processes,activation-log,upgrade-log": "只收集这些类别，用逗号分隔：group-policy（组策略信息）、network（网络信息）、system-log（系统日志）、software（软件信息）、processes（系统进程）、activation-log（激活日志）、upgrade-log（升级日志）",
	"folder for the package (default: the Desktop)":                                                             "日志包保存到这个文件夹（默认：桌面）",
	"replace host and user names, serials, IP and MAC addresses":                                                "脱敏：替换主机名、用户名、序列号、IP 和 MAC 地址",
	"text, json or csv":                           "输出格式：text、json 或 csv",
	"read on past unreadable files and list them": "遇到无法读取的文件时继续，并列出这些文件",
	"text or json; csv for a folder":              "输出格式：text 或 json；打开文件夹时也可以用 csv",
}

// flagUsages renders the flag list in lang.
func flagUsages(fs *pflag.FlagSet, lang i18n.Lang) string {
	if lang == i18n.ZH {
		fs.VisitAll(func(f *pflag.Flag) {
			if zh, ok := flagHelpZH[f.Usage]; ok {
				f.Usage = zh
			}
		})
	}
	out := strings.TrimRight(fs.FlagUsages(), "\n")
	if lang == i18n.ZH {
		out = defaultNote.ReplaceAllString(out, "（默认：$1）")
	}
	return out
}

// defaultNote is pflag's English "(default …)" after a flag's description.
var defaultNote = regexp.MustCompile(` \(default ("[^"]*"|[^)]*)\)`)
