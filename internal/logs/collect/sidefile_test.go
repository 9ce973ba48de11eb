package collect

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// mountTmpfs mounts a real tmpfs of size bytes on a new folder. Without
// the right to mount, the test is skipped, except in CI (CI=true), where
// a skipped disk-full test would pass unseen.
func mountTmpfs(t *testing.T, size int64) string {
	t.Helper()
	skip := t.Skipf
	if os.Getenv("CI") == "true" {
		skip = t.Fatalf
	}
	if runtime.GOOS != "linux" {
		skip("a tmpfs is Linux's")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir).CombinedOutput(); err != nil {
		skip("cannot mount a tmpfs here (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

const page = 4096

// TestSideFileOnAFullDiskFailsTheRun writes a package onto a real tmpfs
// with room for the zip and not for the file beside it. A package whose
// checksum or redaction mapping is missing is not a success: the run fails
// saying the disk is full and leaves nothing behind.
func TestSideFileOnAFullDiskFailsTheRun(t *testing.T) {
	for _, c := range []struct {
		name   string
		redact bool
		side   string
	}{
		{"checksum", false, ".zip.sha256"},
		{"mapping", true, ".redaction.json"},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := sideOptions(t, c.redact)
			// The same package in an ordinary folder gives the zip's size;
			// its content is fixed, so it comes out the same size again.
			out, err := Write(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			info, _ := os.Stat(out.Path)
			pages := (info.Size() + page - 1) / page
			if tail := info.Size() % page; tail == 0 || tail > page-128 {
				t.Fatalf("the zip (%d bytes) ends too near a page boundary for a steady test; change the padding", info.Size())
			}
			opts.Dir = mountTmpfs(t, pages*page)
			_, err = Write(context.Background(), opts)
			var we *WriteError
			var side *SideFileError
			if !errors.As(err, &we) || !errors.As(err, &side) {
				t.Fatalf("error %v; want a *WriteError for the file beside the package", err)
			}
			msg := we.Text()
			t.Logf("zip %d bytes; %s", info.Size(), msg.EN)
			if !strings.HasSuffix(side.Path, c.side) || !strings.Contains(msg.EN, "disk is full") || !strings.Contains(msg.ZH, "磁盘已满") ||
				!strings.Contains(msg.EN, filepath.Base(side.Path)) || !strings.Contains(msg.EN, filepath.Join(opts.Dir, "CMGE_Log_")) {
				t.Errorf("message does not name the %s file and the full disk:\n%s\n%s", c.side, msg.EN, msg.ZH)
			}
			assertNothingLeft(t, opts.Dir)
		})
	}
}

func sideOptions(t *testing.T, redact bool) Options {
	opts := baseOptions(t)
	tree := t.TempDir()
	// Incompressible, so the zip spans a few pages; 700 bytes over a
	// whole number of KiB keeps its end away from a page boundary.
	data, _ := os.ReadFile(filepath.Join(randomTree(t, 1, 3*page+700), "r0.bin"))
	os.WriteFile(filepath.Join(tree, "client.log"), append([]byte("host test-pc user kefu-wang\n"), data...), 0o644)
	opts.Collectors = []Collector{{Name: "client", Category: "activation-log", Files: []string{filepath.Join(tree, "*.log")}}}
	if redact {
		opts.Redact = NewRedactor([]string{"test-pc"}, []string{"kefu-wang"}, nil)
	}
	return opts
}
