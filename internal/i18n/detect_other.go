//go:build !windows

package i18n

import "os"

// FromOS returns the language of the user's locale environment.
func FromOS() (Lang, bool) { return FromEnv(os.Getenv) }
