//go:build unix

package files

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestOutputTargets (Unix: FIFOs, device nodes, owners; Windows has
// TestDeviceNames) writes to every kind of thing -o may name, on the real
// file system.
func TestOutputTargets(t *testing.T) {
	cases := []struct {
		name string
		// setup makes the target in dir and returns the path given to -o.
		setup func(t *testing.T, dir string) string
		// want is the refusal, 0 when the write must succeed.
		want  OutputProblem
		check func(t *testing.T, dir, path string)
	}{
		{"new file", func(t *testing.T, dir string) string { return filepath.Join(dir, "out.json") }, 0,
			func(t *testing.T, dir, path string) {
				wantContent(t, path, "new")
				wantMode(t, path, 0o644)
				assertOnly(t, dir, "out.json")
			}},
		{"regular file keeps mode and owner", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "out.json")
			os.WriteFile(p, []byte("old"), 0o600)
			os.Chmod(p, 0o640)
			if os.Geteuid() == 0 {
				os.Chown(p, 1234, 5678)
			}
			return p
		}, 0, func(t *testing.T, dir, path string) {
			wantContent(t, path, "new")
			wantMode(t, path, 0o640)
			if os.Geteuid() == 0 {
				info, _ := os.Stat(path)
				if st := info.Sys().(*syscall.Stat_t); st.Uid != 1234 || st.Gid != 5678 {
					t.Errorf("owner %d:%d; want 1234:5678 kept", st.Uid, st.Gid)
				}
			}
			assertOnly(t, dir, "out.json")
		}},
		{"symlink is followed and stays", func(t *testing.T, dir string) string {
			os.Mkdir(filepath.Join(dir, "real"), 0o755)
			os.WriteFile(filepath.Join(dir, "real", "target.json"), []byte("old"), 0o644)
			os.Symlink(filepath.Join("real", "target.json"), filepath.Join(dir, "link.json"))
			return filepath.Join(dir, "link.json")
		}, 0, func(t *testing.T, dir, path string) {
			if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeSymlink == 0 {
				t.Errorf("the link was replaced: %v %v", info.Mode(), err)
			}
			wantContent(t, filepath.Join(dir, "real", "target.json"), "new")
			assertOnly(t, filepath.Join(dir, "real"), "target.json")
		}},
		{"dangling symlink creates its target", func(t *testing.T, dir string) string {
			os.Symlink("later.json", filepath.Join(dir, "link.json"))
			return filepath.Join(dir, "link.json")
		}, 0, func(t *testing.T, dir, path string) {
			if info, _ := os.Lstat(path); info.Mode()&fs.ModeSymlink == 0 {
				t.Error("the link was replaced")
			}
			wantContent(t, filepath.Join(dir, "later.json"), "new")
		}},
		{"character device is written through", func(t *testing.T, dir string) string {
			// A null device of our own: the test must never risk the
			// machine's /dev/null.
			p := filepath.Join(dir, "null")
			if out, err := exec.Command("mknod", p, "c", "1", "3").CombinedOutput(); err != nil {
				t.Skipf("cannot make a device node: %v %s", err, out)
			}
			return p
		}, 0, func(t *testing.T, dir, path string) {
			info, err := os.Lstat(path)
			if err != nil || info.Mode()&fs.ModeCharDevice == 0 {
				t.Errorf("the device became %v (%v)", info.Mode(), err)
			}
			assertOnly(t, dir, "null")
		}},
		{"FIFO is refused at once", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip(err)
			}
			return p
		}, OutputNotRegular, nil},
		{"folder is refused", func(t *testing.T, dir string) string { return dir }, OutputIsFolder, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := c.setup(t, dir)
			done := make(chan error, 1)
			go func() { done <- WriteBytes(path, 0o644, []byte("new")) }()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("the write blocked")
			}
			var oe *OutputError
			switch {
			case c.want == 0 && err != nil:
				t.Fatalf("write: %v", err)
			case c.want != 0 && (!errors.As(err, &oe) || oe.Problem != c.want):
				t.Fatalf("err = %v; want problem %d", err, c.want)
			}
			if c.check != nil {
				c.check(t, dir, path)
			}
		})
	}
}

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	if info, err := os.Stat(path); err != nil || info.Mode() != want {
		t.Errorf("%s mode %v (%v); want %v", path, info.Mode(), err, want)
	}
}
