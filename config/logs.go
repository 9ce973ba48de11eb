package config

import (
	"net"
	"net/url"
	"regexp"
	"strings"
	"time"

	"actwiz/internal/i18n"
	"actwiz/internal/logs/collect"
)

// Logs is the log package (issue 5): which collectors run and the name.
type Logs struct {
	// Builtin false turns the built-in collectors off; Collectors adds
	// collectors of the same shape.
	Builtin    bool                `mapstructure:"builtin"`
	Collectors []collect.Collector `mapstructure:"collectors"`
	Prefix     string              `mapstructure:"prefix"`
}

// Upload is where `actwiz upload` sends a package. The password is never a
// setting: it comes from ACTWIZ_UPLOAD_PASSWORD or a prompt.
type Upload struct {
	URL     string        `mapstructure:"url"`
	Method  string        `mapstructure:"method"`
	User    string        `mapstructure:"user"`
	Timeout time.Duration `mapstructure:"timeout"`
}

// DefaultLogsPrefix is the vendor collector's name for its packages.
const DefaultLogsPrefix = "CMGE_Log"

func defaultLogs() Logs {
	return Logs{Builtin: true, Collectors: []collect.Collector{}, Prefix: DefaultLogsPrefix}
}

func defaultUpload() Upload { return Upload{Method: "put", Timeout: 30 * time.Minute} }

var prefixRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

var (
	allowedCollector = i18n.T("第 %d 个收集器（%s）有误：%s", "collector %d (%s) is wrong: %s")
	allowedDuplicate = i18n.T("收集器名称 %q 重复（内置收集器也占用名称）", "collector name %q is used twice (built-in collectors count)")
	allowedPrefix    = i18n.T("以字母或数字开头的字母、数字、点、下划线、连字符，最多 64 个，例如 CMGE_Log", "letters, digits, dots, underscores and hyphens starting with a letter or digit, at most 64, such as CMGE_Log")
	allowedUploadURL = i18n.T("https:// 开头、不含用户名和密码的网址（http:// 只能用于本机），或留空", "an https:// address without a user or password in it (http:// only for this machine), or empty")
	allowedMethod    = i18n.T("put（WebDAV）或 post（multipart 表单）", "put (WebDAV) or post (multipart form)")
	allowedUpTimeout = i18n.T("10s 到 24h 之间的时长", "a duration from 10s to 24h")
)

func validateLogs(c *Config) (string, i18n.Text, bool) {
	taken := map[string]bool{}
	for _, goos := range []string{"windows", "linux"} {
		for _, b := range collect.Builtin(goos) {
			taken[b.Name] = true
		}
	}
	for i, col := range c.Logs.Collectors {
		if p := col.Validate(); !p.Empty() {
			return "logs.collectors", allowedCollector.F(i+1, col.Name, p), false
		}
		if taken[col.Name] {
			return "logs.collectors", allowedDuplicate.F(col.Name), false
		}
		taken[col.Name] = true
	}
	if !prefixRE.MatchString(c.Logs.Prefix) {
		return "logs.prefix", allowedPrefix, false
	}
	if c.Upload.URL != "" {
		u, err := url.Parse(c.Upload.URL)
		// A password in the address would be a password in a file; plain
		// http would send the reseller's password in clear, so it is only
		// for a server on this machine (tests, a local relay).
		if err != nil || u.Host == "" || u.User != nil || !(u.Scheme == "https" || u.Scheme == "http" && isLoopback(u.Hostname())) {
			return "upload.url", allowedUploadURL, false
		}
	}
	c.Upload.Method = strings.ToLower(c.Upload.Method)
	if c.Upload.Method != "put" && c.Upload.Method != "post" {
		return "upload.method", allowedMethod, false
	}
	if c.Upload.Timeout < 10*time.Second || c.Upload.Timeout > 24*time.Hour {
		return "upload.timeout", allowedUpTimeout, false
	}
	return "", i18n.Text{}, true
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func init() {
	validators = append(validators, validateLogs)
	Docs["logs.builtin"] = "`false` turns off the built-in log collectors; only `logs.collectors` run."
	Docs["logs.collectors"] = "Extra log collectors: a list of `{name, category, os, command: [argv…] | files: [globs…] | registry: KEY | eventlog: NAME, timeout, max_bytes, slow, admin}`; `admin: true` says the collector needs administrator rights to be complete, so the wizard offers to restart elevated before it runs."
	Docs["logs.prefix"] = "First part of the log package's name: `<prefix>_<host>_<YYYYMMDD-HHMMSS>[_<case>].zip`."
	Docs["upload.url"] = "Where `actwiz upload` sends packages: an `https://` folder URL for PUT (the file name is appended) or form URL for POST; `http://` only for this machine."
	Docs["upload.method"] = "`put` (WebDAV) or `post` (multipart form, field `file`)."
	Docs["upload.user"] = "User name for basic authentication; the password comes from `ACTWIZ_UPLOAD_PASSWORD` or a prompt, never from a file."
	Docs["upload.timeout"] = "Deadline for one upload attempt, as a duration; 10s to 24h."
}
