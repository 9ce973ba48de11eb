package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOutputOntoAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.json")
	os.WriteFile(in, []byte("input"), 0o644)
	reports := filepath.Join(dir, "reports")
	os.Mkdir(reports, 0o755)
	os.WriteFile(filepath.Join(reports, "pc1.json"), []byte("input"), 0o644)
	os.WriteFile(filepath.Join(reports, "summary.csv"), []byte("old"), 0o644)
	// Windows lets only some users make symbolic links, and Wine 8 makes
	// ones its own Lstat cannot read.
	linked := os.Symlink(in, filepath.Join(dir, "link.json")) == nil
	if info, err := os.Lstat(filepath.Join(dir, "link.json")); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		linked = false
	}
	os.Link(in, filepath.Join(dir, "hard.json"))
	json := func(name string) bool { return strings.HasSuffix(name, ".json") }
	inputs := []Input{{Path: in}, {Path: reports, Match: json}}
	cases := []struct {
		out    string
		refuse bool
	}{
		{in, true},
		{filepath.Join(dir, ".", "a.json"), true},
		{filepath.Join(dir, "link.json"), true},
		{filepath.Join(dir, "hard.json"), true},
		{filepath.Join(reports, "pc1.json"), true},
		{filepath.Join(reports, "summary.csv"), false}, // not read from the folder
		{filepath.Join(reports, "new.json"), false},    // not an input of this run
		{filepath.Join(dir, "b.json"), false},
	}
	for _, c := range cases {
		if !linked && filepath.Base(c.out) == "link.json" {
			continue
		}
		_, err := ResolveOutput(c.out, inputs...)
		var oe *OutputError
		if got := errors.As(err, &oe) && oe.Problem == OutputIsInput; got != c.refuse {
			t.Errorf("ResolveOutput(%s) = %v; refused %v, want %v", c.out, err, got, c.refuse)
		}
	}
	wantContent(t, in, "input")
}

func wantContent(t *testing.T, path, want string) {
	t.Helper()
	if got, err := os.ReadFile(path); err != nil || string(got) != want {
		t.Errorf("%s holds %q (%v); want %q", path, got, err, want)
	}
}
