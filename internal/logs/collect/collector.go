package collect

import (
	"regexp"
	"strings"
	"time"

	"actwiz/internal/i18n"
)

// Collector is one source of evidence. Exactly one of Command, Files,
// Registry and EventLog is set. The same shape is read from the config
// file (logs.collectors), so a site adds collectors without new code.
type Collector struct {
	Name     string `mapstructure:"name" json:"name"`
	Category string `mapstructure:"category" json:"category"`
	// OS is "windows", "linux" or empty for any.
	OS string `mapstructure:"os" json:"os,omitempty"`
	// Command is an argv; "{out}" in an argument is replaced by a path in
	// a private folder, and every file the command writes there is packed
	// (gpresult /x {out}.xml). What the command prints is packed too.
	Command []string `mapstructure:"command" json:"command,omitempty"`
	// Files are globs; "**" matches any number of folders. %VAR% and
	// ${VAR} are expanded from the environment.
	Files []string `mapstructure:"files" json:"files,omitempty"`
	// Registry is a key exported with reg export (Windows only).
	Registry string `mapstructure:"registry" json:"registry,omitempty"`
	// EventLog is a log exported with wevtutil epl (Windows only).
	EventLog string `mapstructure:"eventlog" json:"eventlog,omitempty"`
	// Timeout bounds a command; 0 means DefaultTimeout.
	Timeout time.Duration `mapstructure:"timeout" json:"timeout,omitempty"`
	// MaxBytes caps a command's output (its head is kept) and each file
	// (its tail is kept: the newest lines of a log); 0 means the default.
	MaxBytes int64 `mapstructure:"max_bytes" json:"max_bytes,omitempty"`
	// Slow collectors start after the others, so a hang in one of them
	// costs the least (Microsoft's collectors do the same).
	Slow bool `mapstructure:"slow" json:"slow,omitempty"`
	// Admin says the collector needs administrator rights to be complete
	// (root on Linux): a standard user gets part of it or nothing, so the
	// wizard offers to restart elevated before it runs.
	Admin bool `mapstructure:"admin" json:"admin,omitempty"`
}

const (
	DefaultTimeout      = 60 * time.Second
	DefaultCommandBytes = 64 << 20
	DefaultFileBytes    = 256 << 20
)

func (c Collector) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

func (c Collector) maxBytes() int64 {
	switch {
	case c.MaxBytes > 0:
		return c.MaxBytes
	case len(c.Files) > 0:
		return DefaultFileBytes
	}
	return DefaultCommandBytes
}

// AppliesTo reports whether the collector runs on goos.
func (c Collector) AppliesTo(goos string) bool { return c.OS == "" || c.OS == goos }

var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

var (
	problemName     = i18n.T("名称只能包含字母、数字、点、下划线和连字符（最多 64 个）", "the name may hold only letters, digits, dots, underscores and hyphens (at most 64)")
	problemCategory = i18n.T("类别 %q 不存在；可用：%s", "category %q does not exist; use one of %s")
	problemSources  = i18n.T("必须恰好有 command、files、registry、eventlog 之一", "it must have exactly one of command, files, registry, eventlog")
	problemOS       = i18n.T("os 的值 %q 不支持；可用：windows、linux 或留空", "os %q is not supported; use windows, linux or leave it empty")
	problemNegative = i18n.T("timeout 和 max_bytes 不能为负数", "timeout and max_bytes must not be negative")
	problemEmptyArg = i18n.T("command 的第一项（程序名）不能为空", "the first item of command (the program) must not be empty")
	problemEmptyKey = i18n.T("files、registry 和 eventlog 不能为空", "files, registry and eventlog must not be empty")
)

// Validate returns what is wrong with c, or an empty Text.
func (c Collector) Validate() i18n.Text {
	if !nameRE.MatchString(c.Name) {
		return problemName
	}
	if _, ok := LookupCategory(c.Category); !ok {
		return problemCategory.F(c.Category, strings.Join(CategoryIDs(), ", "))
	}
	n := 0
	for _, set := range []bool{c.Command != nil, c.Files != nil, c.Registry != "", c.EventLog != ""} {
		if set {
			n++
		}
	}
	if n != 1 {
		return problemSources
	}
	if c.Command != nil && (len(c.Command) == 0 || c.Command[0] == "") {
		return problemEmptyArg
	}
	if c.Files != nil {
		if len(c.Files) == 0 {
			return problemEmptyKey
		}
		for _, g := range c.Files {
			if strings.TrimSpace(g) == "" {
				return problemEmptyKey
			}
		}
	}
	switch c.OS {
	case "", "windows", "linux":
	default:
		return problemOS.F(c.OS)
	}
	if c.Timeout < 0 || c.MaxBytes < 0 {
		return problemNegative
	}
	return i18n.Text{}
}

// argv is the command a collector runs: its own, or the export command its
// registry key or event log stands for.
func (c Collector) argv() []string {
	switch {
	case c.Registry != "":
		// /reg:64: the 32-bit build runs the 32-bit reg.exe, which would
		// otherwise export the WOW6432Node view of HKLM\SOFTWARE.
		return []string{"reg", "export", c.Registry, "{out}.reg", "/y", "/reg:64"}
	case c.EventLog != "":
		return []string{"wevtutil", "epl", c.EventLog, "{out}.evtx"}
	}
	return c.Command
}

// Select returns the collectors for goos in the chosen categories: the
// built-in set (unless builtin is false) followed by the extra ones. Extra
// collectors for another OS are kept so the manifest can say why they were
// skipped.
func Select(goos string, builtin bool, extra []Collector, categories []string) []Collector {
	want := map[string]bool{}
	for _, id := range categories {
		want[id] = true
	}
	var out []Collector
	if builtin {
		for _, c := range Builtin(goos) {
			if want[c.Category] {
				out = append(out, c)
			}
		}
	}
	for _, c := range extra {
		if want[c.Category] {
			out = append(out, c)
		}
	}
	return out
}
