//go:build unix

package files

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestReadTextRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "report.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path string
		mode fs.FileMode
	}{
		{fifo, fs.ModeNamedPipe},
		{"/dev/zero", fs.ModeCharDevice},
		{dir, fs.ModeDir},
	}
	for _, c := range cases {
		var err error
		within(t, 5*time.Second, func() { _, err = ReadText(context.Background(), c.path, MaxInput) })
		var nr *NotRegularError
		if !errors.As(err, &nr) || nr.Mode&c.mode == 0 {
			t.Errorf("ReadText(%s) = %v; want a NotRegularError with mode %v", c.path, err, c.mode)
		}
	}
}
