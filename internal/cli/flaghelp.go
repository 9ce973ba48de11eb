package cli

import (
	"strings"

	"github.com/rivo/uniseg"
	"github.com/spf13/pflag"

	"actwiz/internal/display"
	"actwiz/internal/i18n"
)

// flagHelpZH is the Chinese for each flag's description. Flags are declared
// with their English description (pflag keeps one string); help shows this
// twin in Chinese. A test fails when a flag has none.
var flagHelpZH = map[string]string{
	"support case number, such as CAS-04851-R7R3X9":                               "客服给的案件编号，例如 CAS-04851-R7R3X9",
	"carry on at this step after the restart as administrator (activation, logs)": "以管理员身份重新启动后从这一步接着做（activation、logs）",
	"config file": "使用这个配置文件",
	"show help":   "显示帮助",
	"zh or en":    "显示语言：zh 或 en",
	"line by line, for screen readers and logs (also ACCESSIBLE=1, TERM=dumb)": "逐行显示，适合读屏软件和日志（也可设置 ACCESSIBLE=1 或 TERM=dumb）",
	"run on a recorded snapshot instead of this machine":                       "使用记录的快照，而不是这台电脑",
	"auto, unicode or plain": "符号样式：auto、unicode 或 plain（plain 只用 ASCII）",
	"text or json":           "输出格式：text 或 json",
	"also save the JSON report as <host>_<YYYYMMDD-HHMMSS>.json in DIR; alone, in the report.dir folder":              "同时把 JSON 报告保存为 <主机名>_<年月日-时分秒>.json，放在 DIR 中；不写 DIR 时放在 report.dir 设置的文件夹",
	"judge a recorded snapshot instead of this machine":                                                               "检查记录的快照，而不是这台电脑",
	"write to FILE instead of standard output":                                                                        "写入 FILE，而不是输出到屏幕",
	"the serial to use (else typed at a prompt without echo, or read from standard input)":                            "要使用的序列号（不写时在提示下输入，输入内容不显示；也可以从标准输入读取）",
	"attempt even when a hardware check fails":                                                                        "即使有硬件检查不通过也尝试激活",
	"the serial to activate with (else typed at a prompt without echo when needed)":                                   "用来激活的序列号（不写时在需要时提示输入，输入内容不显示）",
	"agree to the activation attempt; without it only the checks run":                                                 "同意尝试激活；不加这个参数只做检查",
	"support case id, added to the package name":                                                                      "案件编号，会加到日志包的文件名里",
	"comma-separated categories: group-policy, network, system-log, software, processes, activation-log, upgrade-log": "只收集这些类别，用逗号分隔：group-policy（组策略信息）、network（网络信息）、system-log（系统日志）、software（软件信息）、processes（系统进程）、activation-log（激活日志）、upgrade-log（升级日志）",
	"folder for the package (default: the Desktop)":                                                                   "日志包保存到这个文件夹（默认：桌面）",
	"replace host and user names, serials, IP and MAC addresses":                                                      "脱敏：替换主机名、用户名、序列号、IP 和 MAC 地址",
	"text, json or csv":                                 "输出格式：text、json 或 csv",
	"read on past unreadable files and list them":       "遇到无法读取的文件时继续，并列出这些文件",
	"text or json; csv for a folder":                    "输出格式：text 或 json；打开文件夹时也可以用 csv",
	"no longer used: -o means a file; use --output DIR": "已不再使用：-o 表示文件；请用 --output DIR",
	"check FILE and say whether actwiz accepts it":      "检查 FILE，说明 actwiz 能否使用它",
}

// metavarKey is the flag annotation naming what a flag's value is: FILE,
// DIR, or the values allowed ("text|json"). pflag alone would print the Go
// type ("string").
const metavarKey = "actwiz/metavar"

func metavar(fs *pflag.FlagSet, name, meta string) {
	if err := fs.SetAnnotation(name, metavarKey, []string{meta}); err != nil {
		panic(err) // a flag declared under another name: a programming error
	}
}

func flagMetavar(f *pflag.Flag) string {
	if m := f.Annotations[metavarKey]; len(m) == 1 {
		return m[0]
	}
	if f.Value.Type() == "bool" {
		return ""
	}
	return "VALUE"
}

// flagSpec is how a flag is written: "-o, --output FILE".
func flagSpec(f *pflag.Flag, withShort bool) string {
	s := "--" + f.Name
	if withShort && f.Shorthand != "" {
		s = "-" + f.Shorthand + ", " + s
	}
	// An optional value (--save) is described in the flag's text.
	if meta := flagMetavar(f); meta != "" {
		s += " " + meta
	}
	return s
}

// helpWidth is the width help is laid out for: a default console.
const helpWidth = 80

// flagUsages renders the flag list in lang, one flag per entry, the
// description wrapped to helpWidth.
func flagUsages(fs *pflag.FlagSet, lang i18n.Lang) string {
	type row struct{ spec, text string }
	var rows []row
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		text := f.Usage
		if zh, ok := flagHelpZH[f.Usage]; ok && lang == i18n.ZH {
			text = zh
		}
		spec := flagSpec(f, true)
		if f.Shorthand == "" {
			spec = "    " + spec
		}
		rows = append(rows, row{spec, text})
	})
	const col = 24 // description column
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		lead := "  " + r.spec
		if uniseg.StringWidth(lead)+2 > col {
			b.WriteString(lead + "\n")
			lead = ""
		}
		lines := wrapText(r.text, helpWidth-col)
		for j, l := range lines {
			if j > 0 {
				b.WriteByte('\n')
				lead = ""
			}
			b.WriteString(lead + strings.Repeat(" ", col-uniseg.StringWidth(lead)) + l)
		}
	}
	return b.String()
}

// wrapText breaks s into lines at most width columns wide with the line
// breaker every text view shares (display.Wrap: UAX #14, so Chinese breaks
// between characters but never after an opening bracket; a hyphenated
// value or a command stays whole).
func wrapText(s string, width int) []string { return display.Wrap(s, width) }

// synopsis is the usage line with every flag, wrapped at helpWidth under
// the command name.
func synopsis(cmd Command, prefix string) string {
	parts := []string{}
	fs := pflag.NewFlagSet(cmd.Name(), pflag.ContinueOnError)
	fs.SortFlags = false
	cmd.Flags(fs)
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		spec := "--" + f.Name
		if f.Shorthand != "" {
			spec = "-" + f.Shorthand
		}
		if meta := flagMetavar(f); meta != "" {
			if f.NoOptDefVal != "" {
				spec += " [" + meta + "]"
			} else {
				spec += " " + meta
			}
		}
		parts = append(parts, "["+spec+"]")
	})
	head := prefix + "actwiz " + cmd.Usage()
	indent := strings.Repeat(" ", uniseg.StringWidth(prefix+"actwiz "+cmd.Name()+" "))
	var b strings.Builder
	line := head
	for _, p := range parts {
		if uniseg.StringWidth(line+" "+p) > helpWidth {
			b.WriteString(line + "\n")
			line = indent + p
			continue
		}
		line += " " + p
	}
	b.WriteString(line)
	return b.String()
}
