package config

import (
	"time"

	"actwiz/internal/i18n"
)

// Validator checks values that decoded to the right type but are not
// allowed, returning the offending key and what is allowed. Each feature's
// file appends its own in an init function.
type Validator func(c *Config) (key string, allowed i18n.Text, ok bool)

var validators = []Validator{validateCore}

func (c *Config) validate() (key string, allowed i18n.Text, ok bool) {
	for _, v := range validators {
		if key, allowed, ok := v(c); !ok {
			return key, allowed, false
		}
	}
	return "", i18n.Text{}, true
}

func validateCore(c *Config) (key string, allowed i18n.Text, ok bool) {
	if c.Lang != "" {
		l, known := i18n.Parse(c.Lang)
		if !known {
			return "lang", allowedLang, false
		}
		c.Lang = string(l)
	}
	if c.Probe.Timeout < time.Second || c.Probe.Timeout > 10*time.Minute {
		return "probe.timeout", allowedTimeout, false
	}
	switch c.UI.Theme {
	case "auto", "unicode", "plain":
	default:
		return "ui.theme", allowedTheme, false
	}
	return "", i18n.Text{}, true
}

// Error is a configuration problem; the command line exits 2 on it. Text
// holds the message in both languages; Error() is the English one.
type Error struct{ Text i18n.Text }

func (e *Error) Error() string { return e.Text.EN }

func errorT(t i18n.Text, args ...any) error { return &Error{Text: t.F(args...)} }

var (
	allowedLang    = i18n.T("zh 或 en", "zh or en")
	allowedTimeout = i18n.T("1s 到 10m 之间的时长，例如 15s", "a duration from 1s to 10m, such as 15s")
	allowedTheme   = i18n.T("auto、unicode 或 plain", "auto, unicode or plain")
)
