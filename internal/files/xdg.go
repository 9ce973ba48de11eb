package files

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// xdgDesktop is the XDG desktop folder (XDG_DESKTOP_DIR, else the entry in
// user-dirs.dirs, as xdg-user-dir prints it) when that folder exists, else
// home. It reads the file rather than running a program.
func xdgDesktop(getenv func(string) string, home string) string {
	if d := getenv("XDG_DESKTOP_DIR"); d != "" && isDir(d) {
		return d
	}
	cfg := getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return home
	}
	defer f.Close()
	if d := parseUserDirs(f, home); d != "" && isDir(d) {
		return d
	}
	return home
}

// parseUserDirs finds XDG_DESKTOP_DIR="$HOME/Desktop" in a user-dirs.dirs file.
func parseUserDirs(r io.Reader, home string) string {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		val, ok := strings.CutPrefix(line, "XDG_DESKTOP_DIR=")
		if !ok {
			continue
		}
		val = strings.Replace(strings.Trim(val, `"`), "$HOME", home, 1)
		if !filepath.IsAbs(val) {
			return ""
		}
		return filepath.Clean(val)
	}
	return ""
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
