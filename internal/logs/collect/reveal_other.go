//go:build !windows

package collect

import (
	"os/exec"
	"path/filepath"
)

// Reveal opens the package's folder in the desktop's file manager.
func Reveal(path string) error {
	cmd := exec.Command("xdg-open", filepath.Dir(path))
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reaps the viewer; its exit status tells nothing
	return nil
}
