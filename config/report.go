package config

import "actwiz/i18n"

// Report holds where saved reports go (actwiz check --save, the wizard's
// summary).
type Report struct {
	// Dir is the folder reports are saved in. A relative path is taken from
	// the executable's folder, so on a USB stick the reports land on the
	// stick whatever the current directory is.
	Dir string `mapstructure:"dir"`
}

// DefaultReportDir is a folder beside the executable.
const DefaultReportDir = "reports"

var allowedReportDir = i18n.T("一个文件夹路径（不能为空）", "a folder path (not empty)")

func init() {
	Docs["report.dir"] = "Folder where `actwiz check --save` and the wizard save reports as `<host>_<YYYYMMDD-HHMMSS>.json`. A relative path is taken from the executable's folder (portable use from a USB stick)."
	validators = append(validators, func(c *Config) (string, i18n.Text, bool) {
		if c.Report.Dir == "" {
			return "report.dir", allowedReportDir, false
		}
		return "", i18n.Text{}, true
	})
}
