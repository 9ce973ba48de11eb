package peres

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"actwiz/internal/winetest"
)

func TestMain(m *testing.M) { os.Exit(winetest.Main(m)) }

// TestFileVersionFromTag: Windows' fixed file version is four 16-bit
// numbers; a tag v0.x.y is 0.x.y.0, a build n commits after it
// (git describe) is 0.x.y.n, and anything that is not a tag is 0.0.0.0
// rather than digits taken from a commit hash.
func TestFileVersionFromTag(t *testing.T) {
	for _, tc := range []struct{ version, want string }{
		{"v0.3.1", "0.3.1.0"},
		{"v0.3.1-4-gabcdef0", "0.3.1.4"},
		{"v0.3.1-4-gabcdef0-dirty", "0.3.1.4"},
		{"v1.2.3-rc.1", "1.2.3.0"},
		{"1.4.0", "1.4.0.0"},
		{"77a541e", "0.0.0.0"},
		{"v0.0.0-g77a541e0abcd", "0.0.0.0"},
		{"v1.2.65536", "0.0.0.0"},
		{"dev", "0.0.0.0"},
	} {
		out, err := exec.Command("../resources.sh", "-n", tc.version).Output()
		if err != nil {
			t.Fatalf("resources.sh -n %s: %v", tc.version, err)
		}
		if got := strings.TrimSpace(string(out)); got != tc.want {
			t.Errorf("%s: file version %s, want %s", tc.version, got, tc.want)
		}
	}
}

// TestReleaseExecutable reads the resources back from a Windows executable
// built by release/build.sh: the one named by ACTWIZ_RELEASE_EXE (the
// release script sets it for the file it built), or else it makes a whole
// release itself (see testRelease) and checks the executable inside the zip.
func TestReleaseExecutable(t *testing.T) {
	exe, version := os.Getenv("ACTWIZ_RELEASE_EXE"), os.Getenv("ACTWIZ_RELEASE_VERSION")
	if exe == "" {
		if testing.Short() {
			t.Skip("builds, signs and runs the Windows release; not in -short mode")
		}
		version = "v0.9.1"
		exe = testRelease(t, version)
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
		// Who made it, in words a Properties dialog can show: not a
		// placeholder such as the bare product name.
		if table["CompanyName"] != "actwiz contributors" || !strings.Contains(table["LegalCopyright"], "actwiz contributors") {
			t.Errorf("%s: CompanyName %q, LegalCopyright %q", lang, table["CompanyName"], table["LegalCopyright"])
		}
	}
	if !strings.Contains(r.Version["080404b0"]["FileDescription"], "激活") {
		t.Errorf("Chinese description %q", r.Version["080404b0"]["FileDescription"])
	}
	if version == "v0.9.1" && r.FileVersion != [4]uint16{0, 9, 1, 0} {
		t.Errorf("fixed file version %v, want 0.9.1.0 from the tag v0.9.1", r.FileVersion)
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
