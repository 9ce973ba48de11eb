//go:build windows

package i18n

import "golang.org/x/sys/windows"

// FromOS returns the user's preferred UI language on Windows.
func FromOS() (Lang, bool) {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil {
		return "", false
	}
	for _, name := range langs {
		if l, ok := Parse(name); ok {
			return l, true
		}
	}
	if len(langs) > 0 {
		return EN, true
	}
	return "", false
}
