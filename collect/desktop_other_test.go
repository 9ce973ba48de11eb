//go:build !windows

package collect

import (
	"os"
	"path/filepath"
	"testing"
)

func TestXDGDesktop(t *testing.T) {
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, ".config"), 0o755)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("# comment\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\n"), 0o644)
	if got := xdgDesktop(home, func(string) string { return "" }); got != filepath.Join(home, "桌面") {
		t.Errorf("got %q", got)
	}
}
