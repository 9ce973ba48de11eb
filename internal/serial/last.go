package serial

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// Source is one place the serial used last time may be read, as
// configured in serial.last_sources. Exactly one of Registry, File or SPP
// is set.
type Source struct {
	// Registry is a value's full path: HKLM\SOFTWARE\Vendor\Key\Value.
	Registry string `mapstructure:"registry"`
	// File is read whole; the first group of Pattern's last match is the
	// serial (a log's last entry is the most recent).
	File    string `mapstructure:"file"`
	Pattern string `mapstructure:"pattern"`
	// SPP reads the installed Windows product key's last five characters.
	SPP bool `mapstructure:"spp"`
}

// Describe names the source for messages and reports.
func (s Source) Describe() string {
	switch {
	case s.Registry != "":
		return s.Registry
	case s.File != "":
		return s.File
	case s.SPP:
		return "SoftwareLicensingProduct.PartialProductKey"
	}
	return "?"
}

// Validate says what is wrong with a configured source, in one sentence.
func (s Source) Validate(profile string) (i18n.Text, bool) {
	set := 0
	for _, b := range []bool{s.Registry != "", s.File != "", s.SPP} {
		if b {
			set++
		}
	}
	if set != 1 {
		return msgSourceOne, false
	}
	switch {
	case s.Registry != "":
		if _, err := ParseRegistryPath(s.Registry); err != nil {
			return msgSourceRegistry, false
		}
	case s.File != "":
		re, err := regexp.Compile(s.Pattern)
		if err != nil || re.NumSubexp() < 1 {
			return msgSourcePattern, false
		}
	case s.SPP:
		if profile != Windows.Name {
			return msgSourceSPP, false
		}
	}
	if s.Pattern != "" && s.File == "" {
		return msgSourceOne, false
	}
	return i18n.Text{}, true
}

var (
	msgSourceOne      = i18n.T("每一项只能是 {registry: 路径}、{file: 路径, pattern: 正则} 或 {spp: true} 之一", "each entry is exactly one of {registry: PATH}, {file: PATH, pattern: REGEX} or {spp: true}")
	msgSourceRegistry = i18n.T("registry 要写成 HKLM\\键\\值名 或 HKCU\\键\\值名", "registry must read HKLM\\Key\\ValueName or HKCU\\Key\\ValueName")
	msgSourcePattern  = i18n.T("file 需要一个 pattern：有效的正则表达式，第一个括号组是序列号", "file needs a pattern: a valid regular expression whose first group is the serial")
	msgSourceSPP      = i18n.T("spp: true 读取的是 Windows 产品密钥，只能在 serial.profile 为 windows 时使用", "spp: true reads the Windows product key and needs serial.profile windows")
)

// Last is what reading the last serial found.
type Last struct {
	Value string
	// From names the source that answered, escaped for display.
	From string
	// Tried lists each source that did not answer, and why.
	Tried []i18n.Text
}

// Found reports whether some source answered.
func (l Last) Found() bool { return l.Value != "" }

var (
	msgNoSources   = i18n.T("没有配置读取位置（serial.last_sources），而这个激活客户端保存序列号的位置没有公开", "no place to read it is configured (serial.last_sources), and where this activation client keeps it is not public")
	msgSourceEmpty = i18n.T("%s：%s", "%s: %s")
)

// Why says why no source answered.
func (l Last) Why() i18n.Text {
	if len(l.Tried) == 0 {
		return msgNoSources
	}
	return i18n.Join(l.Tried, "；", "; ")
}

// Readers reach the machine; tests supply their own.
type Readers struct {
	Registry func(ctx context.Context, path RegistryPath) (string, error)
	SPP      func(ctx context.Context) (string, error)
	ReadFile func(name string) ([]byte, error)
}

// NativeReaders reads this machine.
func NativeReaders() Readers {
	return Readers{Registry: readRegistry, SPP: readPartialKey, ReadFile: os.ReadFile}
}

var (
	errNoMatch    = errors.New("no match")
	msgNoMatch    = i18n.T("文件中没有符合 pattern 的内容", "nothing in the file matches the pattern")
	msgNotPresent = i18n.T("不存在", "does not exist")
	msgEmptyValue = i18n.T("值为空", "the value is empty")
	msgReadFailed = i18n.T("读取失败：%s", "could not be read: %s")
)

// ReadLast tries the sources in order and returns the first serial found.
func ReadLast(ctx context.Context, sources []Source, r Readers) Last {
	var last Last
	for _, src := range sources {
		if ctx.Err() != nil {
			last.Tried = append(last.Tried, msgSourceEmpty.F(machinetext.Escape(src.Describe()), msgReadFailed.F(ctx.Err().Error())))
			break
		}
		value, err := readSource(ctx, src, r)
		value = strings.TrimSpace(value)
		if err == nil && value == "" {
			err = errEmpty
		}
		if err != nil {
			last.Tried = append(last.Tried, msgSourceEmpty.F(machinetext.Escape(src.Describe()), explain(err)))
			continue
		}
		last.Value, last.From = value, machinetext.Escape(src.Describe())
		return last
	}
	return last
}

var (
	errEmpty    = errors.New("empty")
	errNotExist = errors.New("does not exist")
)

func readSource(ctx context.Context, src Source, r Readers) (string, error) {
	switch {
	case src.Registry != "":
		p, err := ParseRegistryPath(src.Registry)
		if err != nil {
			return "", err
		}
		return r.Registry(ctx, p)
	case src.File != "":
		data, err := r.ReadFile(src.File)
		if err != nil {
			return "", err
		}
		return matchLast(machinetext.Decode(data), src.Pattern)
	case src.SPP:
		return r.SPP(ctx)
	}
	return "", fmt.Errorf("empty source")
}

func matchLast(text, pattern string) (string, error) {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return "", fmt.Errorf("pattern %q: %w", pattern, err)
	}
	all := re.FindAllStringSubmatch(text, -1)
	if len(all) == 0 || len(all[len(all)-1]) < 2 {
		return "", errNoMatch
	}
	return all[len(all)-1][1], nil
}

// textError is an error that carries its own message in both languages.
type textError interface{ Text() i18n.Text }

func explain(err error) i18n.Text {
	var te textError
	switch {
	case errors.As(err, &te):
		return te.Text()
	case errors.Is(err, errNoMatch):
		return msgNoMatch
	case errors.Is(err, errEmpty):
		return msgEmptyValue
	case errors.Is(err, os.ErrNotExist), errors.Is(err, errNotExist):
		return msgNotPresent
	}
	return msgReadFailed.F(machinetext.Escape(err.Error()))
}

// DefaultSources are the profile's last-serial sources when none are
// configured: Windows keeps its key's last group; where the CMGE client
// keeps its serial is not public, so it has none.
func DefaultSources(profile string) []Source {
	if profile == Windows.Name {
		return []Source{{SPP: true}}
	}
	return nil
}
