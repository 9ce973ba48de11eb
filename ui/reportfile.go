package ui

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"actwiz/atomicfile"
	"actwiz/report"
	"actwiz/termsafe"
)

// ReportDir resolves the folder the report is saved in: the configured
// one, or else the user's Desktop, where the vendor's log collector also
// leaves its package.
func ReportDir(configured string) (string, error) {
	if configured != "" {
		return configured, nil
	}
	return desktopDir()
}

// xdgDesktop reads XDG_DESKTOP_DIR from user-dirs.dirs (what xdg-user-dir
// prints), without running a program; home is the fallback.
func xdgDesktop(getenv func(string) string, home string) string {
	if d := getenv("XDG_DESKTOP_DIR"); d != "" {
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
	if d := parseUserDirs(f, home); d != "" {
		if info, err := os.Stat(d); err == nil && info.IsDir() {
			return d
		}
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
		val = strings.Trim(val, `"`)
		val = strings.Replace(val, "$HOME", home, 1)
		if !filepath.IsAbs(val) {
			return ""
		}
		return filepath.Clean(val)
	}
	return ""
}

// reportFileName is <host>_<YYYYMMDD-HHMMSS>.json, with the host name
// reduced to characters every file system takes.
func reportFileName(host string, at time.Time) string {
	safe := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '.':
			return r
		}
		return '_'
	}, host)
	safe = strings.Trim(safe, "._")
	if safe == "" {
		safe = "actwiz"
	}
	return fmt.Sprintf("%s_%s.json", safe, at.Format("20060102-150405"))
}

// saveReport writes rep into dir, whole or not at all, and returns its path.
func saveReport(dir string, rep report.Report, at time.Time) (string, error) {
	data, err := rep.JSON()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating the report folder: %w", err)
	}
	path := filepath.Join(dir, reportFileName(rep.Host.Name, at))
	err = atomicfile.Write(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return "", err
	}
	return path, nil
}

// displayPath makes a path safe for the terminal like termsafe.Escape, but
// keeps its backslashes single: C:\Users\…\Desktop must read as typed.
func displayPath(p string) string {
	parts := strings.Split(p, `\`)
	for i, s := range parts {
		parts[i] = termsafe.Escape(s)
	}
	return strings.Join(parts, `\`)
}
