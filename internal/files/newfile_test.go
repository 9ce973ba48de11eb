package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	name := func(n int) string {
		if n == 1 {
			return "r.json"
		}
		return fmt.Sprintf("r-%d.json", n)
	}
	os.WriteFile(filepath.Join(dir, "r.json"), []byte("first"), 0o644)
	for _, want := range []string{"r-2.json", "r-3.json"} {
		got, err := WriteNew(dir, name, 0o644, []byte(want))
		if err != nil || filepath.Base(got) != want {
			t.Fatalf("WriteNew = %s, %v; want %s", got, err, want)
		}
		wantContent(t, got, want)
	}
	wantContent(t, filepath.Join(dir, "r.json"), "first")
	assertOnly(t, dir, "r.json", "r-2.json", "r-3.json")
}

func TestRenameNoReplace(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.WriteFile(a, []byte("a"), 0o644)
	os.WriteFile(b, []byte("b"), 0o644)
	if err := RenameNoReplace(a, b); !errors.Is(err, fs.ErrExist) {
		t.Errorf("onto an existing file: %v; want fs.ErrExist", err)
	}
	wantContent(t, b, "b")
	if err := RenameNoReplace(a, filepath.Join(dir, "c")); err != nil {
		t.Fatal(err)
	}
	wantContent(t, filepath.Join(dir, "c"), "a")
}
