package winetest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestHostPath(t *testing.T) {
	e := &Env{DriveC: "/tmp/p/drive_c"}
	for win, want := range map[string]string{
		`C:\actwiz-snapshot.json`: "/tmp/p/drive_c/actwiz-snapshot.json",
		`c:\a\b.json`:             "/tmp/p/drive_c/a/b.json",
		`\x.json`:                 "/tmp/p/drive_c/x.json",
	} {
		if got := e.HostPath(win); got != filepath.FromSlash(want) {
			t.Errorf("HostPath(%q) = %q, want %q", win, got, want)
		}
	}
}

// Wine must never see the real HOME or a display: its desktop integration
// would write menu entries into the user's home, and wineboot would open
// windows.
func TestWineEnvIsolatesThePrefix(t *testing.T) {
	t.Setenv("HOME", "/home/real")
	t.Setenv("DISPLAY", ":0")
	t.Setenv("WINEPREFIX", "/home/real/.wine")
	t.Setenv("TMPDIR", "/home/real/tmp")
	env := wineEnv("/tmp/p", "/tmp/h", "/tmp/t")
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "DISPLAY", "WAYLAND_DISPLAY":
			t.Errorf("%s passed to Wine", kv)
		case "HOME", "WINEPREFIX", "TMPDIR":
			if !strings.HasPrefix(v, "/tmp/") {
				t.Errorf("%s passed to Wine", kv)
			}
		}
	}
	for _, want := range []string{"WINEPREFIX=/tmp/p", "HOME=/tmp/h", "TMPDIR=/tmp/t", "WINEDEBUG=-all"} {
		if !slices.Contains(env, want) {
			t.Errorf("%s missing", want)
		}
	}
}

func TestModuleRootFindsActwiz(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "winetest", "winetest.go")); err != nil {
		t.Errorf("root %q is not actwiz's module root: %v", root, err)
	}
}
