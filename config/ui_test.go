package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportDir(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, "notes.txt", "x")

	t.Setenv("ACTWIZ_REPORT_DIR", filepath.Join(dir, "reports"))
	got, err := Load(Options{Dirs: []string{t.TempDir()}})
	if err != nil || got.Config.Report.Dir != filepath.Join(dir, "reports") {
		t.Fatalf("from the environment: %+v, %v", got.Config.Report, err)
	}

	cfgDir := t.TempDir()
	write(t, cfgDir, "actwiz.yaml", "report:\n  dir: "+file+"\n")
	os.Unsetenv("ACTWIZ_REPORT_DIR") // t.Setenv above restores it afterwards
	_, err = Load(Options{Dirs: []string{cfgDir}})
	var cerr *Error
	if !errors.As(err, &cerr) || !strings.Contains(cerr.Text.EN, "report.dir") || !strings.Contains(cerr.Text.EN, "a folder's path") {
		t.Fatalf("a file as the report folder must be refused naming the key: %v", err)
	}
}
