package peres

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"actwiz/internal/winetest"
)

// testRelease makes a whole release of version with release/build.sh
// (windows/amd64 only), signed with a self-made code-signing certificate
// in a PKCS#12 file and time-stamped by a local time-stamp authority;
// checks what it wrote (the zip's contents, SHA256SUMS over everything,
// the CycloneDX SBOM, the signature of the executable inside the zip); runs
// that executable under Wine; and returns its unpacked path.
func testRelease(t *testing.T, version string) string {
	need(t, "openssl", "osslsigncode", "zip")
	pki := t.TempDir()
	makePKI(t, pki)

	out := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command("../build.sh")
	cmd.Env = append(withoutSigning(os.Environ()), "VERSION="+version, "OUT="+out, "TARGETS=windows/amd64",
		"ALLOW_DIRTY=1", // test the tracked files as they are, committed or not
		"ACTWIZ_RELEASE_NO_READBACK=1",
		"ACTWIZ_SIGN_PKCS12="+filepath.Join(pki, "cs.p12"),
		"ACTWIZ_SIGN_PASSWORD=s3cret pass",
		"ACTWIZ_SIGN_TEST_TSA_CERTS="+filepath.Join(pki, "tsa-chain.pem"),
		"ACTWIZ_SIGN_TEST_TSA_KEY="+filepath.Join(pki, "tsa.key"),
		"ACTWIZ_SIGN_VERIFY_CAFILE="+filepath.Join(pki, "ca.pem"),
		"ACTWIZ_SIGN_VERIFY_TSA_CAFILE="+filepath.Join(pki, "ca.pem"))
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("release/build.sh: %v\n%s", err, msg)
	}
	if strings.Contains(string(msg), "s3cret") {
		t.Errorf("the signing password appears in the build's output:\n%s", msg)
	}

	base := "actwiz_0.9.1_windows_amd64"
	checkSums(t, out, []string{base + ".zip", base + ".cdx.json"})
	checkSBOM(t, filepath.Join(out, base+".cdx.json"), version)
	dir := unzip(t, filepath.Join(out, base+".zip"), base,
		[]string{"actwiz.exe", "README.md", "README.zh-CN.md", "LICENSE", "actwiz.sample.yaml"})
	exe := filepath.Join(dir, "actwiz.exe")

	verify, err := exec.Command("osslsigncode", "verify", "-in", exe,
		"-CAfile", filepath.Join(pki, "ca.pem"), "-TSA-CAfile", filepath.Join(pki, "ca.pem")).CombinedOutput()
	if err != nil || !strings.Contains(string(verify), "Timestamp Server Signature verification: ok") ||
		!strings.Contains(string(verify), "Signature verification: ok") {
		t.Errorf("the executable in the zip is not signed and time-stamped: %v\n%s", err, verify)
	}

	runUnderWine(t, exe, filepath.Join(dir, "actwiz.sample.yaml"), version)
	return exe
}

// runUnderWine runs the executable from the archive as a technician would:
// `actwiz version` names the tag, and the sample config loads on Windows.
func runUnderWine(t *testing.T, exe, sample, version string) {
	env := winetest.Start(t)
	env.Exe = exe
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := env.Run(ctx, "version")
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != 0 || !strings.Contains(string(res.Stdout), version) {
		t.Errorf("actwiz.exe version: exit %d, stdout %q, want the tag %s\n%s", res.ExitCode, res.Stdout, version, res.Stderr)
	}
	copyTo(t, sample, env.HostPath(`C:\actwiz.sample.yaml`))
	copyTo(t, "../../testdata/snapshots/hyperv-gen2-vm.json", env.HostPath(`C:\snapshot.json`))
	res, err = env.Run(ctx, "check", "--config", `C:\actwiz.sample.yaml`, "--snapshot", `C:\snapshot.json`, "--lang", "en")
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode == 2 || res.ExitCode < 0 {
		t.Errorf("actwiz.exe check --config actwiz.sample.yaml: exit %d\n%s", res.ExitCode, res.Stderr)
	}
}

// TestBuildRefuses: settings that would make a release the team did not
// mean are refused at once, before anything is built, with exit status 2.
func TestBuildRefuses(t *testing.T) {
	need(t, "git")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	clone := filepath.Join(t.TempDir(), "clone")
	if out, err := exec.Command("git", "clone", "-q", root, clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	// The clone holds the last commit; test this build.sh, committed or not.
	script, err := os.ReadFile("../build.sh")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(clone, "release", "build.sh"), script, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("git", "-C", clone, "-c", "user.name=test", "-c", "user.email=test@example.invalid",
		"commit", "-q", "-a", "--allow-empty", "-m", "build.sh under test").CombinedOutput(); err != nil {
		t.Fatalf("git commit: %v\n%s", err, out)
	}
	pfx := filepath.Join(t.TempDir(), "cs.p12")
	if err := os.WriteFile(pfx, []byte("not used"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		dirty bool
		env   []string
		want  string
	}{
		{"uncommitted changes", true, nil, "uncommitted changes"},
		{"signing without a time stamp", false, []string{"ACTWIZ_SIGN_PKCS12=" + pfx, "ACTWIZ_SIGN_PASSWORD=x"}, "ACTWIZ_SIGN_TIMESTAMP_URL"},
		{"signing without a password", false, []string{"ACTWIZ_SIGN_PKCS12=" + pfx, "ACTWIZ_SIGN_TIMESTAMP_URL=http://ts.invalid"}, "ACTWIZ_SIGN_PASSWORD"},
		{"a token without its key", false, []string{"ACTWIZ_SIGN_PKCS11_MODULE=" + pfx, "ACTWIZ_SIGN_PKCS11_CERT=c.pem"}, "ACTWIZ_SIGN_PKCS11_KEY"},
		{"a version with a space", false, []string{"VERSION=1.0 beta"}, "VERSION"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			readme := filepath.Join(clone, "README.md")
			if tc.dirty {
				if err := os.WriteFile(readme, []byte("changed\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				defer exec.Command("git", "-C", clone, "checkout", "-q", "--", "README.md").Run()
			}
			out := filepath.Join(t.TempDir(), "dist")
			cmd := exec.Command(filepath.Join(clone, "release", "build.sh"))
			cmd.Env = append(withoutSigning(os.Environ()), append(tc.env, "OUT="+out)...)
			msg, err := cmd.CombinedOutput()
			if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.Contains(string(msg), tc.want) {
				t.Errorf("exit %d (%v), want 2 and a message naming %s:\n%s", code, err, tc.want, msg)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("refused, yet wrote %d files into %s", len(entries), out)
			}
		})
	}
}

// withoutSigning drops the caller's signing and build settings, so a
// developer's own ACTWIZ_SIGN_* cannot leak into a test build.
func withoutSigning(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		return strings.HasPrefix(kv, "ACTWIZ_SIGN_") || strings.HasPrefix(kv, "VERSION=") ||
			strings.HasPrefix(kv, "TARGETS=") || strings.HasPrefix(kv, "ALLOW_DIRTY=")
	})
}

// makePKI writes a test CA, a code-signing certificate it issued (with
// its key in cs.p12, password "s3cret pass") and a time-stamping
// authority's certificate and key.
func makePKI(t *testing.T, dir string) {
	openssl := func(args ...string) {
		t.Helper()
		cmd := exec.Command("openssl", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30",
		"-subj", "/CN=actwiz test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
	write("cs.ext", "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n")
	write("tsa.ext", "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n")
	for _, name := range []string{"cs", "tsa"} {
		openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name+".key", "-out", name+".csr", "-subj", "/CN=actwiz test "+name)
		openssl("x509", "-req", "-in", name+".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
			"-out", name+".pem", "-days", "30", "-extfile", name+".ext")
	}
	openssl("pkcs12", "-export", "-inkey", "cs.key", "-in", "cs.pem", "-certfile", "ca.pem", "-out", "cs.p12", "-passout", "pass:s3cret pass")
	ca, _ := os.ReadFile(filepath.Join(dir, "ca.pem"))
	tsa, _ := os.ReadFile(filepath.Join(dir, "tsa.pem"))
	write("tsa-chain.pem", string(tsa)+string(ca))
}

// checkSums: the folder holds exactly names and SHA256SUMS, which lists
// each of them with its SHA-256.
func checkSums(t *testing.T, dir string, names []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, e := range entries {
		have = append(have, e.Name())
	}
	want := append(slices.Clone(names), "SHA256SUMS")
	slices.Sort(want)
	if !slices.Equal(have, want) {
		t.Errorf("release folder holds %v, want %v", have, want)
	}
	sums, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		sum, name, _ := strings.Cut(line, "  ")
		listed[name] = sum
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		if got := hex.EncodeToString(h[:]); listed[name] != got {
			t.Errorf("SHA256SUMS lists %s as %q, its SHA-256 is %s", name, listed[name], got)
		}
	}
	if len(listed) != len(names) {
		t.Errorf("SHA256SUMS lists %d files, want %d:\n%s", len(listed), len(names), sums)
	}
}

// checkSBOM: a CycloneDX document for this version of actwiz naming the
// modules linked into the Windows executable, Windows-only ones included.
func checkSBOM(t *testing.T, path, version string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var bom struct {
		BOMFormat string `json:"bomFormat"`
		Metadata  struct {
			Component struct{ Name, Version string } `json:"component"`
		} `json:"metadata"`
		Components []struct{ Name, Version string } `json:"components"`
	}
	if err := json.Unmarshal(data, &bom); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if bom.BOMFormat != "CycloneDX" || bom.Metadata.Component.Name != "actwiz" || bom.Metadata.Component.Version != version {
		t.Errorf("SBOM: format %q, component %+v", bom.BOMFormat, bom.Metadata.Component)
	}
	for _, mod := range []string{"github.com/charmbracelet/bubbletea", "github.com/go-ole/go-ole", "std"} {
		if !slices.ContainsFunc(bom.Components, func(c struct{ Name, Version string }) bool { return c.Name == mod && c.Version != "" }) {
			t.Errorf("SBOM does not list %s with its version", mod)
		}
	}
}

// unzip checks that the archive holds exactly files inside the folder
// base, and unpacks them; it returns the unpacked folder.
func unzip(t *testing.T, path, base string, files []string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	dest := t.TempDir()
	var have []string
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		have = append(have, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s in %s: %v", f.Name, path, err)
		}
		target := filepath.Join(dest, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	for _, f := range files {
		want = append(want, base+"/"+f)
	}
	slices.Sort(have)
	slices.Sort(want)
	if !slices.Equal(have, want) {
		t.Errorf("%s holds %v, want %v", filepath.Base(path), have, want)
	}
	return filepath.Join(dest, base)
}

func copyTo(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// need skips the test when a tool is missing, and fails it where the
// release tests are required (CI sets ACTWIZ_REQUIRE_WINE=1).
func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv(winetest.RequireEnv) == "1" {
				t.Fatalf("%s not found; %s=1 requires the release test to run", tool, winetest.RequireEnv)
			}
			t.Skipf("%s not found (Debian: apt-get install openssl osslsigncode zip softhsm2 opensc libengine-pkcs11-openssl gcc-mingw-w64-x86-64)", tool)
		}
	}
}

// TestSignWithPKCS11Token signs with a key that never leaves a PKCS#11
// token, as publicly trusted code-signing keys must live since 2023: a
// SoftHSM2 token holds the key (and the certificate, named by a pkcs11:
// URI in one case, given as a PEM file in the other), release/sign.sh
// signs a small Windows executable through osslsigncode and libp11, and
// the signature and its time stamp verify.
func TestSignWithPKCS11Token(t *testing.T) {
	need(t, "openssl", "osslsigncode", "softhsm2-util", "pkcs11-tool", "x86_64-w64-mingw32-gcc")
	module := "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"
	if _, err := os.Stat(module); err != nil {
		need(t, module) // skips, or fails under ACTWIZ_REQUIRE_WINE=1
	}
	dir := t.TempDir()
	makePKI(t, dir)
	run := func(env []string, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(withoutSigning(os.Environ()), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if err := os.MkdirAll(filepath.Join(dir, "tokens"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "softhsm2.conf"), []byte("directories.tokendir = "+filepath.Join(dir, "tokens")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	hsm := []string{"SOFTHSM2_CONF=" + filepath.Join(dir, "softhsm2.conf")}
	run(hsm, "softhsm2-util", "--init-token", "--free", "--label", "actwiz", "--pin", "4321", "--so-pin", "87654321")
	run(nil, "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "cs.key", "-outform", "DER", "-out", "cs.key.der")
	run(nil, "openssl", "x509", "-in", "cs.pem", "-outform", "DER", "-out", "cs.der")
	for _, obj := range [][2]string{{"cs.key.der", "privkey"}, {"cs.der", "cert"}} {
		run(hsm, "pkcs11-tool", "--module", module, "--login", "--pin", "4321", "--token-label", "actwiz",
			"--write-object", obj[0], "--type", obj[1], "--label", "codesign", "--id", "01")
	}
	if err := os.WriteFile(filepath.Join(dir, "main.c"), []byte("int main(void) { return 0; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(nil, "x86_64-w64-mingw32-gcc", "-o", "plain.exe", "main.c")

	for _, cert := range []string{"pkcs11:token=actwiz;object=codesign;type=cert", filepath.Join(dir, "cs.pem")} {
		exe := filepath.Join(dir, "signed.exe")
		plain, err := os.ReadFile(filepath.Join(dir, "plain.exe"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(exe, plain, 0o755); err != nil {
			t.Fatal(err)
		}
		out := run(append(hsm,
			"ACTWIZ_SIGN_PKCS11_MODULE="+module,
			"ACTWIZ_SIGN_PKCS11_KEY=pkcs11:token=actwiz;object=codesign;type=private",
			"ACTWIZ_SIGN_PKCS11_CERT="+cert,
			"ACTWIZ_SIGN_PASSWORD=4321",
			"ACTWIZ_SIGN_TEST_TSA_CERTS="+filepath.Join(dir, "tsa-chain.pem"),
			"ACTWIZ_SIGN_TEST_TSA_KEY="+filepath.Join(dir, "tsa.key"),
			"ACTWIZ_SIGN_VERIFY_CAFILE="+filepath.Join(dir, "ca.pem"),
			"ACTWIZ_SIGN_VERIFY_TSA_CAFILE="+filepath.Join(dir, "ca.pem"),
		), filepath.Join(must(filepath.Abs("..")), "sign.sh"), "pkcs11", exe)
		if !strings.Contains(out, "signed, time-stamped and verified") {
			t.Errorf("certificate %s: sign.sh said\n%s", cert, out)
		}
		verify := run(nil, "osslsigncode", "verify", "-in", exe, "-CAfile", "ca.pem", "-TSA-CAfile", "ca.pem")
		if !strings.Contains(verify, "Subject: /CN=actwiz test cs") || !strings.Contains(verify, "Timestamp Server Signature verification: ok") {
			t.Errorf("certificate %s: the file is not signed by the token's key with a time stamp:\n%s", cert, verify)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
