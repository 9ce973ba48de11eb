package files

import (
	"os"
	"path/filepath"
	"testing"
)

func TestXDGDesktop(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	home := t.TempDir()
	if got := xdgDesktop(env(nil), home); got != home {
		t.Errorf("no user-dirs.dirs: %q; want home", got)
	}
	desk := filepath.Join(home, "桌面")
	os.MkdirAll(desk, 0o755)
	os.MkdirAll(filepath.Join(home, ".config"), 0o755)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"),
		[]byte("# written by xdg-user-dirs-update\nXDG_DOWNLOAD_DIR=\"$HOME/下载\"\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\n"), 0o644)
	if got := xdgDesktop(env(nil), home); got != desk {
		t.Errorf("user-dirs.dirs desktop: %q; want %q", got, desk)
	}
	srv := t.TempDir()
	if got := xdgDesktop(env(map[string]string{"XDG_DESKTOP_DIR": srv}), home); got != srv {
		t.Errorf("XDG_DESKTOP_DIR: %q; want %q", got, srv)
	}
	if got := xdgDesktop(env(map[string]string{"XDG_DESKTOP_DIR": filepath.Join(home, "missing")}), home); got != desk {
		t.Errorf("a missing XDG_DESKTOP_DIR must fall back to user-dirs.dirs, got %q", got)
	}
	os.RemoveAll(desk)
	if got := xdgDesktop(env(nil), home); got != home {
		t.Errorf("a desktop folder that does not exist falls back to home, got %q", got)
	}
}

func TestOrDesktop(t *testing.T) {
	if got, err := OrDesktop("/reports"); got != "/reports" || err != nil {
		t.Errorf("OrDesktop(set) = %q, %v", got, err)
	}
	if got, err := OrDesktop(""); got == "" || err != nil {
		t.Errorf("OrDesktop(empty) = %q, %v", got, err)
	}
}
