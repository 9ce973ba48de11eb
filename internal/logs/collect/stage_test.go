package collect

import (
	"os"
	"path/filepath"
	"testing"
)

// removeOneByOne is what removeStage falls back on where os.RemoveAll is
// refused (under Wine); it must leave nothing of a nested stage.
func TestRemoveOneByOne(t *testing.T) {
	tests := []struct {
		name  string
		files []string
	}{
		{"empty", nil},
		{"flat", []string{"a.output", "b.output"}},
		{"nested", []string{"evt.output", "evt/evt.evtx", "evt/LocaleMetaData/evt_1033.MTA", "evt/LocaleMetaData/x/y/z"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "actwiz-collect-1")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			for _, f := range tc.files {
				p := filepath.Join(dir, filepath.FromSlash(f))
				os.MkdirAll(filepath.Dir(p), 0o700)
				if err := os.WriteFile(p, []byte("raw"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := removeOneByOne(dir); err != nil {
				t.Fatalf("removeOneByOne: %v", err)
			}
			if _, err := os.Lstat(dir); !os.IsNotExist(err) {
				t.Errorf("the stage is still there: %v", err)
			}
			if err := removeOneByOne(dir); err != nil {
				t.Errorf("a stage already gone: %v; want nil", err)
			}
			if err := removeStage(dir); err != nil {
				t.Errorf("removeStage of a stage already gone: %v; want nil", err)
			}
		})
	}
}
