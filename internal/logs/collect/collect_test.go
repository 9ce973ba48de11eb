package collect

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// entry is what the independent reader (Info-ZIP's unzip) sees.
type entry struct {
	Size   int64
	SHA256 string
	UTF8   bool
}

// unzipCmd runs Info-ZIP's unzip in a UTF-8 locale, so it reads the
// names as stored.
func unzipCmd(args ...string) *exec.Cmd {
	cmd := exec.Command("unzip", args...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	return cmd
}

// readBack checks the package with unzip -t, lists and extracts every
// entry with unzip (not Go's archive/zip) and checks the manifest against
// what unzip extracted. A missing unzip fails the test: an unverified
// package proves nothing.
func readBack(t *testing.T, path string) (map[string]entry, Manifest) {
	t.Helper()
	if out, err := unzipCmd("-t", path).CombinedOutput(); err != nil {
		t.Fatalf("unzip -t %s: %v\n%s", path, err, out)
	}
	names, err := unzipCmd("-Z1", path).Output()
	if err != nil {
		t.Fatalf("unzip -Z1: %v", err)
	}
	entries := map[string]entry{}
	for _, name := range strings.Split(strings.TrimSuffix(string(names), "\n"), "\n") {
		data := unzipFile(t, path, name)
		sum := sha256.Sum256(data)
		entries[name] = entry{Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
	}
	// The UTF-8 flag is a header bit; Go's reader is enough to see it.
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		e, ok := entries[f.Name]
		if !ok {
			t.Errorf("unzip does not list %q", f.Name)
			continue
		}
		e.UTF8 = f.Flags&0x800 != 0
		entries[f.Name] = e
	}
	zr.Close()
	var m Manifest
	if err := json.Unmarshal(unzipFile(t, path, ManifestName), &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	// Every file the manifest names is in the zip with that size and hash,
	// and every entry but the manifest is named by the manifest.
	named := map[string]bool{ManifestName: true}
	check := func(f FileRecord) {
		named[f.Path] = true
		e, ok := entries[f.Path]
		switch {
		case !ok:
			t.Errorf("manifest names %q, not in the zip", f.Path)
		case e.Size != f.Size || e.SHA256 != f.SHA256:
			t.Errorf("%s: zip has %d bytes %s, manifest says %d bytes %s", f.Path, e.Size, e.SHA256, f.Size, f.SHA256)
		case !e.UTF8:
			t.Errorf("%s: UTF-8 flag not set", f.Path)
		}
	}
	for _, f := range m.Files {
		check(f)
	}
	for _, c := range m.Collectors {
		for _, f := range c.Files {
			check(f)
		}
	}
	for name := range entries {
		if !named[name] {
			t.Errorf("zip entry %q is not in the manifest", name)
		}
	}
	return entries, m
}

// unzipFile extracts one entry with unzip -p; the name is a pattern to
// unzip, so its wildcard characters are escaped.
func unzipFile(t *testing.T, zipPath, name string) []byte {
	t.Helper()
	pattern := strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "*", `\*`, "?", `\?`).Replace(name)
	var stderr bytes.Buffer
	cmd := unzipCmd("-p", zipPath, pattern)
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("unzip -p %s: %v %s", name, err, stderr.String())
	}
	return data
}

func collectorByName(m Manifest, name string) CollectorRecord {
	for _, c := range m.Collectors {
		if c.Name == name {
			return c
		}
	}
	return CollectorRecord{Name: "(missing " + name + ")"}
}

func baseOptions(t *testing.T) Options {
	return Options{
		Dir: t.TempDir(), Prefix: "CMGE_Log", Host: "test-pc", Case: "C42", Version: "test",
		Now:  time.Date(2026, 11, 26, 9, 30, 5, 0, time.Local),
		Own:  []Own{{Name: "actwiz-report.json", Data: []byte(`{"schema":"actwiz.report/v1"}` + "\n")}},
		GOOS: "linux", Getenv: func(string) string { return "" },
	}
}

func requireUnix(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("these collectors are shell commands")
	}
}

func TestPackageRecordsWhatHappenedToEachCollector(t *testing.T) {
	requireUnix(t)
	tree := t.TempDir()
	os.MkdirAll(filepath.Join(tree, "深", "层"), 0o755)
	os.WriteFile(filepath.Join(tree, "深", "层", "激活日志.log"), []byte("激活成功\n"), 0o644)
	os.WriteFile(filepath.Join(tree, "top.log"), []byte("top\n"), 0o644)
	os.WriteFile(filepath.Join(tree, "skip.txt"), []byte("not a log\n"), 0o644)
	big := bytes.Repeat([]byte("0123456789"), 500) // 5000 bytes; the cap keeps the last 1000
	os.WriteFile(filepath.Join(tree, "big.log"), big, 0o644)
	locked := filepath.Join(tree, "locked.log")
	os.WriteFile(locked, []byte("secret\n"), 0o644)
	pidFile := filepath.Join(t.TempDir(), "child.pid")

	opts := baseOptions(t)
	opts.Collectors = []Collector{
		{Name: "echo", Category: "network", Command: []string{"sh", "-c", "echo 网络 ok"}},
		{Name: "logs", Category: "activation-log", Files: []string{filepath.Join(tree, "**", "*.log")}, MaxBytes: 1000},
		// The hang starts a child that would outlive a plain kill.
		{Name: "hang", Category: "system-log", Command: []string{"sh", "-c", "echo before; sleep 60 & echo $! > " + pidFile + "; wait"}, Timeout: 300 * time.Millisecond},
		{Name: "loud", Category: "processes", Command: []string{"yes", "the same line again"}, MaxBytes: 64 << 10},
		{Name: "missing", Category: "software", Command: []string{"actwiz-no-such-command"}},
		{Name: "exit3", Category: "software", Command: []string{"sh", "-c", "echo partial; exit 3"}},
		{Name: "nothing", Category: "upgrade-log", Files: []string{filepath.Join(tree, "none", "*.log")}},
		{Name: "winonly", Category: "software", OS: "windows", Command: []string{"reg", "query", "HKLM"}},
		{Name: "quiet", Category: "network", Command: []string{"true"}},
		{Name: "nofile", Category: "group-policy", Command: []string{"sh", "-c", "echo would write {out}.xml"}},
		{Name: "outfile", Category: "group-policy", Command: []string{"sh", "-c", "echo '<Rsop/>' > {out}.xml"}},
	}
	opts.open = func(p string) (readSeekCloser, error) {
		if p == locked {
			return nil, &os.PathError{Op: "open", Path: p, Err: syscall.EACCES}
		}
		return os.Open(p)
	}
	var done []string
	opts.OnDone = func(r *Result) { done = append(done, r.Collector.Name) }
	start := time.Now()
	out, err := Write(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("took %v: the hang was not cut short", took)
	}
	if want := "CMGE_Log_test-pc_20261126-093005_C42.zip"; filepath.Base(out.Path) != want {
		t.Errorf("name %q, want %q", filepath.Base(out.Path), want)
	}
	if len(done) != len(opts.Collectors) {
		t.Errorf("OnDone called for %v", done)
	}
	entries, m := readBack(t, out.Path)
	if m.Schema != ManifestSchema || m.Case != "C42" || m.Host != "test-pc" || m.Tool.Version != "test" {
		t.Errorf("manifest head: %+v", m)
	}
	if len(m.Files) != 1 || m.Files[0].Path != "actwiz-report.json" {
		t.Errorf("own files: %+v", m.Files)
	}

	tests := []struct {
		name      string
		status    Status
		truncated bool
		errHas    string
		exit      *int
	}{
		{"echo", Pass, false, "", intp(0)},
		{"logs", Warn, true, "", nil},
		{"hang", Warn, true, "still running after 300ms", nil},
		{"loud", Warn, true, "printed more than 65536 bytes", nil},
		{"missing", Fail, false, "actwiz-no-such-command not found", nil},
		{"exit3", Fail, false, "exited with status 3", intp(3)},
		{"nothing", Skip, false, "no file matches", nil},
		{"winonly", Skip, false, "applies to windows only", nil},
		{"quiet", Warn, false, "printed nothing", intp(0)},
		{"nofile", Warn, false, "wrote no file", intp(0)},
		{"outfile", Pass, false, "", intp(0)},
	}
	for _, tt := range tests {
		c := collectorByName(m, tt.name)
		if c.Status != tt.status || c.Truncated != tt.truncated || !strings.Contains(c.Error, tt.errHas) {
			t.Errorf("%s: status %s truncated %v error %q; want %s %v %q", tt.name, c.Status, c.Truncated, c.Error, tt.status, tt.truncated, tt.errHas)
		}
		if (tt.exit == nil) != (c.ExitCode == nil) || tt.exit != nil && *tt.exit != *c.ExitCode {
			t.Errorf("%s: exit code %v, want %v", tt.name, c.ExitCode, tt.exit)
		}
		if c.ErrorZH == "" && c.Error != "" {
			t.Errorf("%s: no Chinese error", tt.name)
		}
	}

	if got := string(unzipFile(t, out.Path, "group-policy-组策略信息/outfile.xml")); got != "<Rsop/>\n" {
		t.Errorf("the file the command wrote to {out}: %q", got)
	}
	if got := string(unzipFile(t, out.Path, "network-网络信息/echo.txt")); got != "网络 ok\n" {
		t.Errorf("echo output %q", got)
	}
	logs := collectorByName(m, "logs")
	if len(logs.Files) != 3 || len(logs.Skipped) != 1 || !strings.Contains(logs.Skipped[0].Reason, "permission denied") {
		t.Errorf("logs collector: files %+v skipped %+v", logs.Files, logs.Skipped)
	}
	deep := "activation-log-激活日志/logs/" + entryPath(filepath.Join(tree, "深", "层", "激活日志.log"))
	if _, ok := entries[deep]; !ok {
		t.Errorf("no entry %q (** at depth, Chinese name) in %v", deep, keys(entries))
	}
	bigEntry := "activation-log-激活日志/logs/" + entryPath(filepath.Join(tree, "big.log"))
	if got := unzipFile(t, out.Path, bigEntry); !bytes.Equal(got, big[len(big)-1000:]) {
		t.Errorf("capped file kept %d bytes, not the last 1000", len(got))
	}
	if got := unzipFile(t, out.Path, "system-log-系统日志/hang.txt"); string(got) != "before\n" {
		t.Errorf("hang output %q, want what it printed before the timeout", got)
	}
	if e := entries["processes-系统进程/loud.txt"]; e.Size != 64<<10 {
		t.Errorf("loud output %d bytes, want the 64 KiB cap", e.Size)
	}
	// The hang's child died with it: the whole process group was killed.
	pidText, _ := os.ReadFile(pidFile)
	if pid, err := strconv.Atoi(strings.TrimSpace(string(pidText))); err != nil {
		t.Errorf("child pid %q", pidText)
	} else if alive(pid) {
		t.Errorf("child %d of the timed-out command is still running", pid)
	}
	// The checksum file beside it is in sha256sum format and checks.
	cmd := exec.Command("sha256sum", "-c", filepath.Base(out.SumPath))
	cmd.Dir = filepath.Dir(out.SumPath)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c: %v %s", err, b)
	}
	if !out.Failed() {
		t.Error("Failed() is false with failing collectors")
	}
}

func alive(pid int) bool {
	// A zombie has been killed; only its parent's reaping is missing.
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	fields := strings.Fields(string(data))
	return len(fields) > 2 && fields[2] != "Z"
}

func intp(i int) *int { return &i }

func keys(m map[string]entry) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// failAfter is a disk that fills up after n bytes.
type failAfter struct {
	w io.Writer
	n int
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n, _ := f.w.Write(p[:f.n])
		f.n = 0
		return n, syscall.ENOSPC
	}
	f.n -= len(p)
	return f.w.Write(p)
}

func bigTree(t *testing.T, files, size int) string {
	dir := t.TempDir()
	line := []byte("2026-11-26 09:30:05 INFO something happened to the activation client, nothing to worry about\n")
	for i := range files {
		data := bytes.Repeat(line, size/len(line)+1)[:size]
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d.log", i)), data, 0o644)
	}
	return dir
}

func assertNothingLeft(t *testing.T, dir string) {
	t.Helper()
	left, _ := os.ReadDir(dir)
	for _, e := range left {
		t.Errorf("left behind: %s", e.Name())
	}
}

func TestWriteThatFailsHalfwayLeavesNothing(t *testing.T) {
	opts := baseOptions(t)
	// Random data does not compress: the failure hits mid-stream.
	opts.Collectors = []Collector{{Name: "tree", Category: "system-log", Files: []string{filepath.Join(randomTree(t, 2, 1<<20), "*")}}}
	opts.wrapOutput = func(w io.Writer) io.Writer { return &failAfter{w: w, n: 100 << 10} }
	_, err := Write(context.Background(), opts)
	var we *WriteError
	if !errors.As(err, &we) {
		t.Fatalf("error %v, want a *WriteError", err)
	}
	if we.Reason != reasonDiskFull || !strings.Contains(err.Error(), "disk is full") || !strings.Contains(we.Text().ZH, "磁盘已满") {
		t.Errorf("error %q does not say the disk is full", err)
	}
	assertNothingLeft(t, opts.Dir)
}

func TestInterruptHalfwayLeavesNothing(t *testing.T) {
	requireUnix(t)
	opts := baseOptions(t)
	opts.Collectors = []Collector{
		{Name: "tree", Category: "system-log", Files: []string{filepath.Join(bigTree(t, 4, 1<<20), "*.log")}},
		{Name: "hang", Category: "processes", Command: []string{"sleep", "60"}},
	}
	ctx, cancel := context.WithCancel(context.Background())
	opts.OnStart = func(c Collector) {
		if c.Name == "hang" {
			time.AfterFunc(200*time.Millisecond, cancel)
		}
	}
	start := time.Now()
	_, err := Write(ctx, opts)
	var we *WriteError
	if !errors.As(err, &we) || !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("error %v, want an interrupted *WriteError", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the interrupt took %v to take effect", took)
	}
	assertNothingLeft(t, opts.Dir)
}

func TestNoPermissionSaysSo(t *testing.T) {
	opts := baseOptions(t)
	opts.Dir = filepath.Join(opts.Dir, "no-such-folder")
	_, err := Write(context.Background(), opts)
	var we *WriteError
	if !errors.As(err, &we) || we.Reason != reasonNoFolder {
		t.Fatalf("error %v, want a missing folder", err)
	}
}

// TestTinyFilesystem fills a real 256 KiB tmpfs. It needs root to mount.
func TestTinyFilesystem(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root on Linux")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	defer exec.Command("umount", dir).Run()
	opts := baseOptions(t)
	opts.Dir = dir
	opts.Collectors = []Collector{{Name: "tree", Category: "system-log", Files: []string{filepath.Join(randomTree(t, 2, 1<<20), "*")}}}
	_, err := Write(context.Background(), opts)
	var we *WriteError
	if !errors.As(err, &we) || we.Reason != reasonDiskFull {
		t.Fatalf("error %v, want disk full", err)
	}
	assertNothingLeft(t, dir)
}

func randomTree(t *testing.T, files, size int) string {
	dir := t.TempDir()
	for i := range files {
		data := make([]byte, size)
		x := uint32(i + 1)
		for j := range data {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			data[j] = byte(x)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%d.bin", i)), data, 0o644)
	}
	return dir
}

func TestLargeFilesStreamIntact(t *testing.T) {
	opts := baseOptions(t)
	dir := randomTree(t, 2, 3*chunkSize+123)
	os.WriteFile(filepath.Join(dir, "empty.log"), nil, 0o644)
	text := bigTree(t, 1, 5*chunkSize+7)
	opts.Collectors = []Collector{{Name: "mixed", Category: "system-log", Files: []string{filepath.Join(dir, "*"), filepath.Join(text, "*")}}}
	out, err := Write(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	entries, m := readBack(t, out.Path)
	if len(entries) != 6 { // report, manifest, two random, one empty, one text
		t.Errorf("entries: %v", keys(entries))
	}
	if c := collectorByName(m, "mixed"); c.Status != Pass || c.Bytes != 2*(3*chunkSize+123)+5*chunkSize+7 {
		t.Errorf("mixed: %s, %d bytes", c.Status, c.Bytes)
	}
}

// cancelAfter interrupts the run once n bytes of the package are written.
type cancelAfter struct {
	w      io.Writer
	n      int
	cancel func()
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.n -= len(p)
	if c.n <= 0 {
		c.cancel()
	}
	return c.w.Write(p)
}

func TestInterruptWhileWritingLeavesNothing(t *testing.T) {
	opts := baseOptions(t)
	opts.Collectors = []Collector{{Name: "tree", Category: "system-log", Files: []string{filepath.Join(randomTree(t, 4, 2<<20), "*")}}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts.wrapOutput = func(w io.Writer) io.Writer { return &cancelAfter{w: w, n: 1 << 20, cancel: cancel} }
	_, err := Write(ctx, opts)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("error %v, want interrupted", err)
	}
	assertNothingLeft(t, opts.Dir)
}

func TestSecondPackageInTheSameSecondKeepsTheFirst(t *testing.T) {
	opts := baseOptions(t)
	first, err := Write(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Write(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if first.Path == second.Path || !strings.HasSuffix(second.Path, "_C42-2.zip") {
		t.Errorf("paths %s and %s", first.Path, second.Path)
	}
	if _, err := os.Stat(first.Path); err != nil {
		t.Error(err)
	}
}
