// Package winetest runs the real Windows build of actwiz under Wine from Go
// tests on Linux, so that what only Windows code does (WMI, cfgmgr32,
// console output, exit codes) is exercised by an ordinary `go test`.
//
// A test package using it calls Main from its TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(winetest.Main(m)) }
//
// and each test that needs Windows starts a private Wine prefix:
//
//	env := winetest.Start(t)
//	res, err := env.Run(ctx, "check", "--format", "json")
//
// Start skips the test when wine or x86_64-w64-mingw32-gcc is missing,
// and fails it instead when ACTWIZ_REQUIRE_WINE=1 (CI sets that, so a
// broken CI image cannot pass by skipping). actwiz.exe and the ProcessPrng
// DLL (see wine/processprng beside this file) are built once per test
// binary; Main removes them when the tests are done. Every prefix lives in the test's temporary
// directory with its own HOME, and its wineserver (with every Windows
// process of the prefix) is killed when the test ends.
//
// It is for tests only and imports no actwiz package.
package winetest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// RequireEnv is the environment variable that turns a missing Wine or
// MinGW from a skip into a failure.
const RequireEnv = "ACTWIZ_REQUIRE_WINE"

const (
	buildTimeout = 5 * time.Minute // cold cross-compile on a small CI machine
	bootTimeout  = 3 * time.Minute // first start of a prefix takes 10-20 s on 2 cores
	stopTimeout  = 30 * time.Second
	// DefaultRunTimeout bounds Run when its context has no deadline.
	DefaultRunTimeout = 2 * time.Minute
)

// Env is one private Wine prefix, ready to run actwiz.exe.
type Env struct {
	// Prefix is the WINEPREFIX directory; DriveC is its C:\ on the host.
	Prefix string
	DriveC string
	// Exe is the host path of the actwiz.exe the prefix runs.
	Exe string
	env []string
	tmp string // TMPDIR of the prefix's Wine processes
}

// Result is what one run of actwiz.exe produced.
type Result struct {
	Stdout   []byte
	Stderr   []byte
	ExitCode int
	Elapsed  time.Duration
}

var (
	mainActive bool

	buildOnce sync.Once
	built     artifacts
	buildErr  error
)

type artifacts struct {
	dir string // temporary directory holding both files
	exe string // actwiz.exe, windows/amd64
	dll string // bcryptprimitives.dll with ProcessPrng
}

// Main runs the tests of a package that uses Start, then removes what was
// built for them. Its result is the exit status for os.Exit.
func Main(m *testing.M) int {
	mainActive = true
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	return code
}

// Start prepares a fresh Wine prefix for t, or skips t (fails it under
// ACTWIZ_REQUIRE_WINE=1) when the tools are missing.
func Start(t testing.TB) *Env {
	t.Helper()
	if !mainActive {
		t.Fatal("winetest: the test package must call winetest.Main from TestMain, so that the built executable is removed afterwards")
	}
	var missing []string
	for _, tool := range []string{"wine", "wineserver", "x86_64-w64-mingw32-gcc"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("winetest: %s not found on PATH (Debian: apt-get install wine64 wine gcc-mingw-w64-x86-64)", strings.Join(missing, ", "))
		if os.Getenv(RequireEnv) == "1" {
			t.Fatal(msg + "; " + RequireEnv + "=1 requires the Wine tests to run")
		}
		t.Skip(msg)
	}

	buildOnce.Do(func() { built, buildErr = build() })
	if buildErr != nil {
		t.Fatalf("winetest: %v", buildErr)
	}

	root := t.TempDir()
	// Debian's Wine puts the wineserver's socket directory under TMPDIR. A
	// short directory of our own keeps the socket path under the 108-byte
	// limit (test names can be long) and lets stop remove it.
	tmp, err := os.MkdirTemp("", "wt-")
	if err != nil {
		t.Fatalf("winetest: %v", err)
	}
	e := &Env{
		Prefix: filepath.Join(root, "prefix"),
		Exe:    built.exe,
		tmp:    tmp,
	}
	e.DriveC = filepath.Join(e.Prefix, "drive_c")
	e.env = wineEnv(e.Prefix, filepath.Join(root, "home"), tmp)
	// Registered before the prefix exists, so that even a wineboot that
	// times out leaves no wineserver behind.
	t.Cleanup(func() { e.stop(t) })
	if err := os.MkdirAll(filepath.Join(root, "home"), 0o755); err != nil {
		t.Fatalf("winetest: %v", err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), bootTimeout)
	defer cancel()
	start := time.Now()
	if out, errOut, err := runCaptured(e.command(ctx, "wine", "wineboot", "--init")); err != nil {
		t.Fatalf("winetest: creating the Wine prefix (wineboot --init) failed after %s: %v\n%s%s", time.Since(start).Round(time.Millisecond), contextErr(ctx, err), out, errOut)
	}
	t.Logf("winetest: Wine prefix created in %s", time.Since(start).Round(time.Millisecond))
	if err := copyFile(built.dll, filepath.Join(e.DriveC, "windows", "system32", "bcryptprimitives.dll")); err != nil {
		t.Fatalf("winetest: installing the ProcessPrng DLL: %v", err)
	}
	return e
}

// Command returns the command that runs actwiz.exe with args in the
// prefix, with C:\ as its working directory. The caller wires its input
// and output; Run covers the usual case.
func (e *Env) Command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := e.command(ctx, "wine", append([]string{e.Exe}, args...)...)
	cmd.Dir = e.DriveC
	return cmd
}

// Run runs actwiz.exe with args and returns its output and exit code. The
// error is non-nil only when the program could not be run to its end
// (Wine missing, or the context ended: then the error says so, and the
// output so far is returned). A non-zero exit code is not an error.
func (e *Env) Run(ctx context.Context, args ...string) (Result, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultRunTimeout)
		defer cancel()
	}
	cmd := e.Command(ctx, args...)
	start := time.Now()
	stdout, stderr, runErr := runCaptured(cmd)
	res := Result{Stdout: stdout, Stderr: stderr, Elapsed: time.Since(start), ExitCode: -1}
	var exit *exec.ExitError
	switch {
	case runErr != nil && ctx.Err() != nil:
		return res, fmt.Errorf("actwiz.exe %s: %w after %s", strings.Join(args, " "), contextErr(ctx, ctx.Err()), res.Elapsed.Round(time.Millisecond))
	case runErr == nil:
		res.ExitCode = 0
	case errors.As(runErr, &exit):
		res.ExitCode = exit.ExitCode()
	default:
		return res, fmt.Errorf("running actwiz.exe under Wine: %w", runErr)
	}
	return res, nil
}

// HostPath returns where a path on the prefix's C: drive ("C:\x\y.json")
// is on the host, so a test can put input files there and read output.
func (e *Env) HostPath(winPath string) string {
	p := strings.ReplaceAll(winPath, `\`, "/")
	if len(p) >= 2 && (p[0] == 'C' || p[0] == 'c') && p[1] == ':' {
		p = p[2:]
	}
	return filepath.Join(e.DriveC, filepath.FromSlash(p))
}

func (e *Env) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = e.env
	// If the context kills wine, do not wait forever on descriptors its
	// helpers inherited; stop() cleans up the helpers.
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// stop kills every process of the prefix and waits for its wineserver to
// exit, so the test leaves nothing running and its directory can go.
func (e *Env) stop(t testing.TB) {
	ctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
	defer cancel()
	if _, out, err := runCaptured(e.command(ctx, "wineserver", "-k")); err != nil && !isExit(err, 1) {
		// Exit status 1 means no wineserver was running for the prefix.
		t.Logf("winetest: wineserver -k: %v %s", err, out)
	}
	if _, out, err := runCaptured(e.command(ctx, "wineserver", "-w")); err != nil {
		t.Errorf("winetest: wineserver of %s did not exit: %v %s", e.Prefix, contextErr(ctx, err), out)
		return // its socket directory is still in use
	}
	if err := os.RemoveAll(e.tmp); err != nil {
		t.Errorf("winetest: %v", err)
	}
}

// wineEnv is the environment for every Wine process of one prefix: quiet,
// without a display, without Mono/Gecko installers or menu integration,
// with its own HOME (and XDG directories) so Wine cannot write into the
// real user's home, and its own TMPDIR for the wineserver socket.
func wineEnv(prefix, home, tmp string) []string {
	drop := map[string]bool{
		"WINEPREFIX": true, "WINEDEBUG": true, "WINEDLLOVERRIDES": true, "WINEARCH": true,
		"HOME": true, "TMPDIR": true, "DISPLAY": true, "WAYLAND_DISPLAY": true,
		"XDG_CONFIG_HOME": true, "XDG_DATA_HOME": true, "XDG_CACHE_HOME": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !drop[k] {
			env = append(env, kv)
		}
	}
	return append(env,
		"WINEPREFIX="+prefix,
		"WINEDEBUG=-all",
		"WINEDLLOVERRIDES=mscoree,mshtml,winemenubuilder.exe=",
		"HOME="+home,
		"TMPDIR="+tmp,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
	)
}

// build cross-compiles actwiz.exe from the module root and the ProcessPrng
// DLL from internal/winetest/wine/processprng.
func build() (artifacts, error) {
	root, err := moduleRoot()
	if err != nil {
		return artifacts{}, err
	}
	dir, err := os.MkdirTemp("", "actwiz-winetest-")
	if err != nil {
		return artifacts{}, err
	}
	a := artifacts{dir: dir, exe: filepath.Join(dir, "actwiz.exe"), dll: filepath.Join(dir, "bcryptprimitives.dll")}
	fail := func(err error) (artifacts, error) {
		os.RemoveAll(dir)
		return artifacts{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()

	goTool, err := exec.LookPath("go")
	if err != nil {
		return fail(fmt.Errorf("building actwiz.exe: the go command is not on PATH: %w", err))
	}
	cmd := exec.CommandContext(ctx, goTool, "build", "-o", a.exe, ".")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fail(fmt.Errorf("building actwiz.exe (GOOS=windows GOARCH=amd64 go build) in %s: %v\n%s", root, contextErr(ctx, err), out))
	}

	src := filepath.Join(root, "internal", "winetest", "wine", "processprng")
	cmd = exec.CommandContext(ctx, "x86_64-w64-mingw32-gcc", "-O2", "-shared", "-s",
		"-o", a.dll, filepath.Join(src, "processprng.c"), filepath.Join(src, "processprng.def"), "-ladvapi32")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fail(fmt.Errorf("building the ProcessPrng DLL from %s: %v\n%s", src, contextErr(ctx, err), out))
	}
	return a, nil
}

// moduleRoot finds the directory of actwiz's go.mod above the test's
// working directory (go test runs each package in its own directory).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			first, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
			if f := strings.Fields(first); len(f) == 2 && f[0] == "module" && f[1] == "actwiz" {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod of module actwiz above the working directory")
		}
		dir = parent
	}
}

// runCaptured runs cmd with its output going to temporary files, not
// pipes: Wine's helper processes (wineserver, services.exe, winedevice)
// inherit the descriptors and would hold a pipe open long after the
// program itself has exited, so Wait would not return.
func runCaptured(cmd *exec.Cmd) (stdout, stderr []byte, err error) {
	dir, err := os.MkdirTemp("", "winetest-run-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(dir)
	outF, err := os.Create(filepath.Join(dir, "stdout"))
	if err != nil {
		return nil, nil, err
	}
	defer outF.Close()
	errF, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		return nil, nil, err
	}
	defer errF.Close()
	cmd.Stdout, cmd.Stderr = outF, errF
	err = cmd.Run()
	stdout, _ = os.ReadFile(outF.Name())
	stderr, _ = os.ReadFile(errF.Name())
	return stdout, stderr, err
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func isExit(err error, code int) bool {
	var exit *exec.ExitError
	return errors.As(err, &exit) && exit.ExitCode() == code
}

// contextErr names a timeout as such instead of "signal: killed".
func contextErr(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out (%w)", err)
	}
	return err
}
