//go:build !windows

package files

import (
	"fmt"
	"os"
)

// Desktop is the XDG desktop folder when it exists, else the home folder.
func Desktop() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the home folder: %w", err)
	}
	return xdgDesktop(os.Getenv, home), nil
}
