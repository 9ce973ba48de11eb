package config

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultDirs lists where a config file is looked for, first found wins:
// next to the executable (a technician's USB stick carries its settings),
// the user's config folder, then the machine's.
func DefaultDirs() []string {
	var dirs []string
	if exe, err := os.Executable(); err == nil {
		dirs = append(dirs, filepath.Dir(exe))
	}
	if d, err := os.UserConfigDir(); err == nil {
		dirs = append(dirs, filepath.Join(d, "actwiz"))
	}
	if runtime.GOOS == "windows" {
		if pd := os.Getenv("ProgramData"); pd != "" {
			dirs = append(dirs, filepath.Join(pd, "actwiz"))
		}
	} else {
		dirs = append(dirs, "/etc/actwiz")
	}
	return dirs
}
