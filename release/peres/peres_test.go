package peres

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleaseExecutable reads the resources back from a Windows executable
// built by release/build.sh: the one named by ACTWIZ_RELEASE_EXE (the
// release script sets it for each file it built), or else one it builds
// itself. Building needs go-winres from the Go module proxy.
func TestReleaseExecutable(t *testing.T) {
	exe, version := os.Getenv("ACTWIZ_RELEASE_EXE"), os.Getenv("ACTWIZ_RELEASE_VERSION")
	if exe == "" {
		if testing.Short() {
			t.Skip("builds the Windows release executable; not in -short mode")
		}
		version = "1.2.3-test"
		out := t.TempDir()
		cmd := exec.Command("../build.sh")
		cmd.Env = append(os.Environ(), "VERSION="+version, "OUT="+out, "TARGETS=windows/amd64",
			"ACTWIZ_RELEASE_NO_READBACK=1", "ACTWIZ_SIGN_PKCS12=")
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("release/build.sh: %v\n%s", err, msg)
		}
		exe = filepath.Join(out, "actwiz-windows-amd64.exe")
	}
	r, err := Read(exe)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"040904b0", "080404b0"} {
		table := r.Version[lang]
		if table == nil {
			t.Errorf("no version information for %s; have %v", lang, keys(r.Version))
			continue
		}
		if table["ProductName"] != "actwiz" || table["OriginalFilename"] != "actwiz.exe" || !strings.Contains(table["FileDescription"], "actwiz") {
			t.Errorf("%s: version information %v", lang, table)
		}
		if version != "" && table["ProductVersion"] != version {
			t.Errorf("%s: ProductVersion %q, want %q", lang, table["ProductVersion"], version)
		}
	}
	if !strings.Contains(r.Version["080404b0"]["FileDescription"], "激活") {
		t.Errorf("Chinese description %q", r.Version["080404b0"]["FileDescription"])
	}
	if version == "1.2.3-test" && r.FileVersion != [4]uint16{1, 2, 3, 0} {
		t.Errorf("fixed file version %v, want 1.2.3.0", r.FileVersion)
	}
	for _, want := range []string{`level="asInvoker"`, `>UTF-8</activeCodePage>`, `>true</longPathAware>`} {
		if !strings.Contains(r.Manifest, want) {
			t.Errorf("manifest lacks %s:\n%s", want, r.Manifest)
		}
	}
	if r.Icons == 0 {
		t.Error("no icon")
	}
}

func keys(m map[string]map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestPlainFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "not.exe")
	if err := os.WriteFile(path, []byte("MZ but not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a non-PE file must be refused naming it, got %v", err)
	}
}
