package collect

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"actwiz/internal/i18n"
)

func TestAccessProblem(t *testing.T) {
	usual := i18n.T("退出码 1", "exited with status 1")
	denied := &os.PathError{Op: "open", Path: `C:\Windows\Panther\setupact.log`, Err: syscall.EACCES}
	tests := []struct {
		name      string
		elevated  bool
		err       error
		wantAdmin bool
	}{
		{"file denied, standard user", false, denied, true},
		{"file denied, elevated", true, denied, false},
		{"command said access denied, standard user", false, fmt.Errorf("gpresult: %w", ErrAccessDenied), true},
		{"command said access denied, elevated", true, ErrAccessDenied, false},
		{"EPERM, standard user", false, syscall.EPERM, true},
		{"missing file", false, os.ErrNotExist, false},
		{"other failure", false, errors.New("exit status 1"), false},
		{"no error", false, nil, false},
	}
	for _, tt := range tests {
		got, admin := AccessProblem(tt.elevated, tt.err, `C:\Windows\Panther`, usual)
		if admin != tt.wantAdmin {
			t.Errorf("%s: needsAdmin %v, want %v", tt.name, admin, tt.wantAdmin)
		}
		if !tt.wantAdmin {
			if got != usual {
				t.Errorf("%s: %+v, want the usual message kept", tt.name, got)
			}
			continue
		}
		if !strings.Contains(got.EN, "needs administrator rights") || !strings.Contains(got.EN, `denied to C:\Windows\Panther`) {
			t.Errorf("%s: English %q does not say it needs admin and what was denied", tt.name, got.EN)
		}
		if !strings.Contains(got.ZH, "需要管理员权限") || !strings.Contains(got.ZH, `拒绝访问：C:\Windows\Panther`) {
			t.Errorf("%s: Chinese %q does not say it needs admin and what was denied", tt.name, got.ZH)
		}
	}
}

func TestOutputDenied(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("错误: 拒绝访问。")
	utf16 := []byte{'A', 0, 'c', 0, 'c', 0, 'e', 0, 's', 0, 's', 0, ' ', 0, 'i', 0, 's', 0, ' ', 0, 'd', 0, 'e', 0, 'n', 0, 'i', 0, 'e', 0, 'd', 0}
	tests := []struct {
		out  []byte
		want bool
	}{
		{[]byte("ERROR: Access is denied.\r\n"), true},
		{[]byte("ERROR: Access denied\r\n"), true},
		{[]byte("错误: 拒绝访问。"), true},
		{[]byte(gbk), true},
		{utf16, true},
		{[]byte("The operation completed successfully.\r\n"), false},
		{[]byte("拒绝"), false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := OutputDenied(tt.out); got != tt.want {
			t.Errorf("OutputDenied(%q) = %v, want %v", tt.out, got, tt.want)
		}
	}
	// The words may arrive split between two writes.
	var sink strings.Builder
	w := &denialWatch{next: &sink}
	w.Write([]byte("Volume in drive C ... Acc"))
	w.Write([]byte("ess is denied.\r\n"))
	if !w.said() || sink.String() != "Volume in drive C ... Access is denied.\r\n" {
		t.Errorf("split marker: said %v, passed on %q", w.said(), sink.String())
	}
}

// A command refused access says on its line that the item needs
// administrator rights, unless actwiz is elevated; a file refused says so
// too. Words on standard output alone do not count when it succeeded.
func TestDeniedCollectorsSayTheyNeedAdmin(t *testing.T) {
	requireUnix(t)
	tree := t.TempDir()
	locked := filepath.Join(tree, "setupact.log")
	os.WriteFile(locked, []byte("x\n"), 0o644)
	collectors := []Collector{
		{Name: "denied-cmd", Category: "group-policy", Command: []string{"sh", "-c", "echo 'ERROR: Access is denied.' >&2; exit 1"}},
		{Name: "denied-zh", Category: "activation-log", Command: []string{"sh", "-c", "printf '拒绝访问。\\n'; exit 1"}},
		{Name: "partly-denied", Category: "activation-log", Command: []string{"sh", "-c", "echo listing; echo 'Access is denied.' >&2"}},
		{Name: "quotes-it", Category: "system-log", Command: []string{"sh", "-c", "echo 'event 4656: Access is denied'"}},
		{Name: "plain-fail", Category: "network", Command: []string{"sh", "-c", "echo broken; exit 2"}},
		{Name: "locked-file", Category: "upgrade-log", Files: []string{locked}},
	}
	run := func(elevated bool) Manifest {
		opts := baseOptions(t)
		opts.Elevated = elevated
		opts.Collectors = collectors
		opts.open = func(p string) (readSeekCloser, error) {
			if p == locked {
				return nil, &os.PathError{Op: "open", Path: p, Err: syscall.EACCES}
			}
			return os.Open(p)
		}
		out, err := Write(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		_, m := readBack(t, out.Path)
		return m
	}
	tests := []struct {
		name                  string
		status                Status
		admin                 bool
		errStandard, errAdmin string
	}{
		{"denied-cmd", Fail, true, "Access was denied to sh -c", "exited with status 1"},
		{"denied-zh", Fail, true, "needs administrator rights", "exited with status 1"},
		{"partly-denied", Warn, true, "needs administrator rights", "access was denied to part of it"},
		{"quotes-it", Pass, false, "", ""},
		{"plain-fail", Fail, false, "exited with status 2", "exited with status 2"},
		{"locked-file", Fail, true, "Access was denied to " + locked, "could be read"},
	}
	standard, admin := run(false), run(true)
	for _, tt := range tests {
		s, a := collectorByName(standard, tt.name), collectorByName(admin, tt.name)
		if s.Status != tt.status || s.NeedsAdmin != tt.admin || !strings.Contains(s.Error, tt.errStandard) {
			t.Errorf("%s as a standard user: %s needs_admin=%v %q; want %s %v %q", tt.name, s.Status, s.NeedsAdmin, s.Error, tt.status, tt.admin, tt.errStandard)
		}
		if a.Status != tt.status || a.NeedsAdmin || !strings.Contains(a.Error, tt.errAdmin) || strings.Contains(a.Error, "administrator") {
			t.Errorf("%s elevated: %s needs_admin=%v %q; want %s and the usual %q", tt.name, a.Status, a.NeedsAdmin, a.Error, tt.status, tt.errAdmin)
		}
		if tt.admin && !strings.Contains(s.ErrorZH, "需要管理员权限") {
			t.Errorf("%s: Chinese %q", tt.name, s.ErrorZH)
		}
	}
}

// A folder the account may not read is reported as denied, not as "no
// file matches". Root reads everything, so as root (how CI runs) the test
// runs itself again as the unprivileged user nobody, on a folder only
// root may read.
func TestDeniedFolderIsNotMissing(t *testing.T) {
	requireUnix(t)
	dir := os.Getenv(deniedDirEnv) // set when run again as nobody
	switch {
	case dir != "" && os.Geteuid() == 0:
		t.Fatal("run again as nobody, yet still root")
	case dir == "" && os.Geteuid() == 0:
		runAsNobody(t, "TestDeniedFolderIsNotMissing", func(shared string) []string {
			denied := filepath.Join(shared, "Panther")
			os.Mkdir(denied, 0o700)
			os.WriteFile(filepath.Join(denied, "setupact.log"), []byte("x"), 0o644)
			return []string{deniedDirEnv + "=" + denied}
		})
		return
	case dir == "":
		dir = filepath.Join(t.TempDir(), "Panther")
		os.Mkdir(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "setupact.log"), []byte("x"), 0o644)
		os.Chmod(dir, 0)
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
	}
	opts := baseOptions(t)
	opts.Collectors = []Collector{{Name: "panther", Category: "upgrade-log", Files: []string{filepath.Join(dir, "setupact.log"), filepath.Join(dir, "*.log")}}}
	out, err := Write(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	c := out.Results[0]
	if c.Status != Fail || !c.NeedsAdmin || !strings.Contains(c.Problem.EN, "Access was denied") {
		t.Errorf("denied folder: %s needsAdmin=%v %q", c.Status, c.NeedsAdmin, c.Problem.EN)
	}
}

const deniedDirEnv = "ACTWIZ_TEST_DENIED_DIR"

// runAsNobody runs the test named test again, as the user and group nobody
// (65534) with no supplementary groups, through util-linux's setpriv. The
// test binary is copied where nobody may run it; prepare gets a folder
// only root may write and returns the environment the run needs.
func runAsNobody(t *testing.T, test string, prepare func(shared string) []string) {
	t.Helper()
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root without setpriv (util-linux) to become an unprivileged user")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	shared, err := os.MkdirTemp("", "actwiz-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(shared) })
	tmp := filepath.Join(shared, "tmp")
	if err := errors.Join(os.Chmod(shared, 0o755), os.Mkdir(tmp, 0o777), os.Chmod(tmp, 0o1777)); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(shared, "collect.test")
	data, err := os.ReadFile(self)
	if err == nil {
		err = os.WriteFile(bin, data, 0o755)
	}
	if err != nil {
		t.Fatalf("copying the test binary: %v", err)
	}
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, "-test.run=^"+test+"$", "-test.v", "-test.count=1")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), append([]string{"TMPDIR=" + tmp, "HOME=" + tmp}, prepare(shared)...)...)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+test) {
		t.Fatalf("%s as nobody: %v\n%s", test, err, out)
	}
	t.Logf("ran as nobody:\n%s", out)
}
