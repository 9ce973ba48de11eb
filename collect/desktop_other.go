//go:build !windows

package collect

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// DesktopDir is the XDG desktop folder (XDG_DESKTOP_DIR, else
// user-dirs.dirs) when it exists, else the home folder.
func DesktopDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	if d := xdgDesktop(home, os.Getenv); d != "" {
		if info, err := os.Stat(d); err == nil && info.IsDir() {
			return d, nil
		}
	}
	return home, nil
}

func xdgDesktop(home string, getenv func(string) string) string {
	if d := getenv("XDG_DESKTOP_DIR"); d != "" {
		return d
	}
	cfg := getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		v, ok := strings.CutPrefix(line, "XDG_DESKTOP_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", home, 1)
		if filepath.IsAbs(v) {
			return v
		}
	}
	return ""
}
