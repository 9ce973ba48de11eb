//go:build unix

package facts

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLoadRefusesFIFOAndDevices(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "snapshot.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{fifo: "named pipe", "/dev/zero": "character device"}
	for path, kind := range cases {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		var err error
		within(t, 10*time.Second, func() { _, err = LoadContext(ctx, path) })
		cancel()
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: %v; want an InputError at once", path, err)
			continue
		}
		if en := ie.Text().EN; !strings.Contains(en, path) || !strings.Contains(en, kind) || !strings.Contains(en, "regular file") {
			t.Errorf("%s: %q; want it named as a %s, not a regular file", path, en, kind)
		}
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
