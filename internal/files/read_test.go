package files

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// within fails the test instead of hanging it when f blocks.
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

func TestReadTextRefusesTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.json")
	os.WriteFile(p, make([]byte, 11), 0o644)
	var tl *TooLargeError
	if _, err := ReadText(context.Background(), p, 10); !errors.As(err, &tl) {
		t.Errorf("11 bytes with a limit of 10: %v; want TooLargeError", err)
	}
	if data, err := ReadText(context.Background(), p, 11); err != nil || len(data) != 11 {
		t.Errorf("11 bytes with a limit of 11: %d bytes, %v", len(data), err)
	}
	// A file that says it is empty and is not (as /proc's do) is still
	// cut at the limit.
	if _, err := os.Stat("/proc/self/maps"); err == nil {
		if _, err := ReadText(context.Background(), "/proc/self/maps", 10); !errors.As(err, &tl) {
			t.Errorf("/proc/self/maps with a limit of 10: %v; want TooLargeError", err)
		}
	}
}

func TestReadAllIsCancellable(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	within(t, 5*time.Second, func() { _, err = ReadAll(ctx, r, MaxInput, nil) })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a read that never ends returned %v; want the context's error", err)
	}
}

func TestText(t *testing.T) {
	// The encodings are written out by hand, as Notepad and PowerShell
	// write them, not produced by the decoder under test.
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"plain", []byte(`{"a":"张"}`), `{"a":"张"}`},
		{"UTF-8 BOM", []byte("\xef\xbb\xbf{\"a\":1}"), `{"a":1}`},
		{"UTF-16LE BOM", []byte("\xff\xfe{\x00\"\x00a\x00\"\x00:\x00\"\x00\x20\x5f\"\x00}\x00"), `{"a":"张"}`},
		{"UTF-16BE BOM", []byte("\xfe\xff\x00{\x00\"\x00a\x00\"\x00:\x00\"\x5f\x20\x00\"\x00}"), `{"a":"张"}`},
		{"empty", nil, ""},
	}
	for _, c := range cases {
		got, err := Text(c.in)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: Text = %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}
