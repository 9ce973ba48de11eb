//go:build windows

package files

import (
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// Desktop asks Windows for the Desktop known folder: it may be redirected
// (OneDrive, a roaming profile, a network share), so %USERPROFILE%\Desktop
// is only the fallback.
func Desktop() (string, error) {
	if d, err := windows.KnownFolderPath(windows.FOLDERID_Desktop, windows.KF_FLAG_DEFAULT); err == nil && d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the Desktop: %w", err)
	}
	return filepath.Join(home, "Desktop"), nil
}
