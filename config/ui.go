package config

import (
	"os"
	"strings"

	"actwiz/internal/i18n"
)

// Report says where the wizard saves its report JSON.
type Report struct {
	// Dir is the folder; empty means the user's Desktop, where the log
	// collector also leaves its package, so both are found in one place.
	Dir string `mapstructure:"dir"`
}

var allowedReportDir = i18n.T("一个文件夹的路径（留空表示桌面）", "a folder's path (empty means the Desktop)")

func init() {
	Docs["report.dir"] = "Folder where the wizard saves its report JSON (`<host>_<YYYYMMDD-HHMMSS>.json`). Empty means the user's Desktop (Windows' Desktop known folder; on Linux the XDG desktop folder, else the home folder)."
	validators = append(validators, validateReport)
}

// validateReport refuses a report folder that is an existing file or holds
// a NUL byte: the wizard would only find out after the checks, when saving.
func validateReport(c *Config) (key string, allowed i18n.Text, ok bool) {
	dir := c.Report.Dir
	if dir == "" {
		return "", i18n.Text{}, true
	}
	if strings.ContainsRune(dir, 0) {
		return "report.dir", allowedReportDir, false
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return "report.dir", allowedReportDir, false
	}
	return "", i18n.Text{}, true
}
