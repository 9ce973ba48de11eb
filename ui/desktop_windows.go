//go:build windows

package ui

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// desktopDir asks Windows for the Desktop known folder: it may be
// redirected (OneDrive, a roaming profile), so %USERPROFILE%\Desktop is
// only the fallback.
func desktopDir() (string, error) {
	if d, err := windows.KnownFolderPath(windows.FOLDERID_Desktop, 0); err == nil && d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the Desktop for the report: %w", err)
	}
	return home + `\Desktop`, nil
}
