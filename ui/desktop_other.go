//go:build !windows

package ui

import (
	"fmt"
	"os"
)

func desktopDir() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the home folder for the report: %w", err)
	}
	return xdgDesktop(os.Getenv, home), nil
}
