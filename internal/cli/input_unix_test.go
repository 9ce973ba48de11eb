//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestSerialFromDevZero(t *testing.T) {
	zero, err := os.Open("/dev/zero")
	if err != nil {
		t.Fatal(err)
	}
	defer zero.Close()
	r := runIn(t, zero, "serial", "--lang", "en")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "longer than 4 KiB") {
		t.Errorf("serial < /dev/zero: exit %d, stderr %.300q", r.code, r.stderr)
	}
}

func TestInputFilesMustBeRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := func(name string) string {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	snap, cfg, pkg := fifo("snap.json"), fifo("actwiz.yaml"), fifo("CMGE_Log.zip")
	zeroYAML := filepath.Join(dir, "zero.yaml")
	os.Symlink("/dev/zero", zeroYAML)
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"check", "--snapshot", snap}, []string{snap, "named pipe (FIFO), not a regular file"}},
		{[]string{"wizard", "--plain", "--snapshot", snap}, []string{snap, "named pipe (FIFO), not a regular file"}},
		{[]string{"check", "--config", cfg}, []string{cfg, "named pipe (FIFO), not a regular file"}},
		{[]string{"check", "--config", zeroYAML}, []string{zeroYAML, "character device, not a regular file"}},
		{[]string{"upload", pkg}, []string{pkg, "named pipe (FIFO), not a regular file"}},
		{[]string{"upload", "/dev/zero"}, []string{"/dev/zero", "character device, not a regular file"}},
		{[]string{"check", "--snapshot", "/dev/zero"}, []string{"/dev/zero", "character device, not a regular file"}},
		{[]string{"fleet", dir}, []string{"named pipe (FIFO), not a regular file"}},
	}
	for _, c := range cases {
		r := runIn(t, strings.NewReader(""), append(c.args, "--lang", "en")...)
		if r.code != ExitUsage {
			t.Errorf("%v: exit %d; want 2\n%s", c.args, r.code, r.stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%v: stderr %q lacks %q", c.args, r.stderr, w)
			}
		}
	}
}
