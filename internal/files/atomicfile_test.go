package files

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.json")
	if err := WriteBytes(p, 0o644, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(p, 0o644, []byte("new content")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "new content" {
		t.Fatalf("content = %q", got)
	}
	// Windows keeps only a read-only bit: 0644 reads back as 0666 there.
	if info, _ := os.Stat(p); runtime.GOOS != "windows" && info.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v", info.Mode())
	}
	assertOnly(t, dir, "report.json")
}

func TestFailedWriteLeavesOldFileAndNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.json")
	WriteBytes(p, 0o644, []byte("old"))
	boom := errors.New("disk full")
	err := Write(p, 0o644, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v; want the fill error wrapped", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "old" {
		t.Fatalf("the old file was damaged: %q", got)
	}
	assertOnly(t, dir, "report.json")
}

func TestWriteIntoMissingFolder(t *testing.T) {
	p := filepath.Join(t.TempDir(), "missing", "x.json")
	err := WriteBytes(p, 0o644, []byte("x"))
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v", err)
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(names) {
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		t.Fatalf("folder holds %v; want only %v", got, names)
	}
}
