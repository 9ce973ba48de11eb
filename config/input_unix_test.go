//go:build unix

package config

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestConfigRefusesFIFOAndDevices(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "actwiz.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	// /dev/zero has no config extension; a symlink gives it one, as a
	// user's mistake might.
	zero := filepath.Join(t.TempDir(), "actwiz.yaml")
	if err := syscall.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{fifo: "named pipe", zero: "character device"}
	for path, kind := range cases {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		var err error
		within(t, 10*time.Second, func() { _, err = LoadContext(ctx, Options{File: path}) })
		cancel()
		var cerr *Error
		if !errors.As(err, &cerr) {
			t.Errorf("%s: %v; want a config error at once", path, err)
			continue
		}
		if en := cerr.Text.EN; !strings.Contains(en, path) || !strings.Contains(en, kind) || !strings.Contains(en, "regular file") {
			t.Errorf("%s: %q; want it named as a %s, not a regular file", path, en, kind)
		}
	}
	// Found by the search rather than named: the same refusal.
	var err error
	within(t, 10*time.Second, func() { _, err = Load(Options{Dirs: []string{filepath.Dir(fifo)}}) })
	if err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("a FIFO found beside the executable: %v", err)
	}
}

// within fails the test instead of hanging it when f blocks (the read
// being tested did, before it refused FIFOs).
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still blocked after %v", d)
	}
}
