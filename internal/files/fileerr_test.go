package files

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReason(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.json")
	_, err := os.Open(missing)
	if r := Reason(err); !errors.Is(r, fs.ErrNotExist) || strings.Contains(r.Error(), missing) {
		t.Errorf("Reason(open) = %v; want the cause without the path", r)
	}
	err = os.Rename(missing, missing+".2")
	if r := Reason(err); !errors.Is(r, fs.ErrNotExist) || strings.Contains(r.Error(), missing) {
		t.Errorf("Reason(rename) = %v; want the cause without the paths", r)
	}
	plain := errors.New("disk full")
	if Reason(plain) != plain {
		t.Error("other errors pass through")
	}
}
