package i18n

import "strings"

// FromEnv picks the language from POSIX locale variables in their order of
// precedence. LANGUAGE is a colon-separated preference list. C and POSIX mean
// English; an unset or unknown locale yields ok=false so the caller can ask
// the OS (Windows) or fall back.
func FromEnv(getenv func(string) string) (Lang, bool) {
	if list := getenv("LANGUAGE"); list != "" {
		for _, item := range strings.Split(list, ":") {
			if l, ok := Parse(item); ok {
				return l, true
			}
		}
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if base := strings.ToUpper(strings.SplitN(v, ".", 2)[0]); base == "C" || base == "POSIX" {
			return EN, true
		}
		if l, ok := Parse(v); ok {
			return l, true
		}
		// The first variable that is set decides, as in setlocale(3).
		return EN, true
	}
	return "", false
}
