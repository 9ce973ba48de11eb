//go:build unix

package fleet

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"actwiz/checks"
)

func TestFleetRefusesFIFOAndDevices(t *testing.T) {
	dir := t.TempDir()
	rules := checks.DefaultRules()
	writeReport(t, dir, pc{host: "PC-01", bios: "S1", board: "B1", at: t0}, rules)
	inFolder := filepath.Join(dir, "pipe.json")
	named := filepath.Join(t.TempDir(), "named.json")
	for _, p := range []string{inFolder, named} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var r Result
	done := make(chan struct{})
	go func() {
		defer close(done)
		r = scan(t, []string{dir, named, "/dev/zero"}, Options{Rules: rules, KeepGoing: true})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("fleet still blocked on a FIFO after 10s")
	}
	got := map[string]string{}
	for _, u := range r.Unreadable {
		got[u.File] = u.Problem.EN
	}
	want := map[string]string{inFolder: "named pipe", named: "named pipe", "/dev/zero": "character device"}
	for path, kind := range want {
		if !strings.Contains(got[path], kind) || !strings.Contains(got[path], "regular file") {
			t.Errorf("%s: %q; want it refused as a %s", path, got[path], kind)
		}
	}
	if r.Machines != 1 {
		t.Errorf("the good report must still be read: %d machines", r.Machines)
	}
}
