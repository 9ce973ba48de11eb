//go:build linux

package proctree

import (
	"fmt"
	"os/exec"
	"testing"
	"time"

	"actwiz/internal/platform/proctree/proctreetest"
)

// A grandchild that left the process group (setsid) or was orphaned and
// adopted is still part of the tree: Kill ends it.
func TestKillEndsEscapedGrandchildren(t *testing.T) {
	tests := []struct {
		name   string
		script string // %[1]s and %[2]s are two sleep tokens
	}{
		{"setsid grandchild, the shell still waiting", "setsid sleep %[1]s & sleep %[2]s"},
		{"orphaned setsid grandchild", "(setsid sleep %[1]s &); sleep %[2]s"},
		{"orphan in the same group", "(sleep %[1]s &); sleep %[2]s"},
		{"setsid chain three deep", "setsid sh -c 'setsid sleep %[1]s & wait' & sleep %[2]s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			escaped, hanging := proctreetest.Token(), proctreetest.Token()
			cmd := exec.Command("sh", "-c", fmt.Sprintf(tc.script, escaped, hanging))
			tree := Prepare(cmd, Options{})
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			_ = tree.Started()
			grandchild := proctreetest.WaitFor(t, escaped, 5*time.Second)
			proctreetest.WaitFor(t, hanging, 5*time.Second)
			if err := tree.Kill(); err != nil {
				t.Errorf("Kill: %v", err)
			}
			cmd.Wait()
			tree.Release()
			proctreetest.Gone(t, "after Kill", 3*time.Second, escaped, hanging)
			// Adopted by this process (a subreaper), its zombie is reaped.
			if p, ok := readStat(grandchild); ok && p.zombie {
				t.Errorf("the grandchild %d is left a zombie of %d", grandchild, p.ppid)
			}
		})
	}
}

// What a command leaves running when it ends by itself is ended at
// Release only with KillLeftovers.
func TestReleaseEndsLeftovers(t *testing.T) {
	for _, kill := range []bool{true, false} {
		t.Run(fmt.Sprintf("KillLeftovers=%v", kill), func(t *testing.T) {
			left := proctreetest.Token()
			cmd := exec.Command("sh", "-c", fmt.Sprintf("setsid sleep %s & exit 0", left))
			tree := Prepare(cmd, Options{KillLeftovers: kill})
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			_ = tree.Started()
			proctreetest.WaitFor(t, left, 5*time.Second)
			if err := cmd.Wait(); err != nil {
				t.Fatalf("sh: %v", err)
			}
			tree.Release()
			if kill {
				proctreetest.Gone(t, "after Release", 3*time.Second, left)
				return
			}
			time.Sleep(200 * time.Millisecond)
			if len(proctreetest.With(left)) == 0 {
				t.Errorf("without KillLeftovers the leftover must keep running")
			}
		})
	}
}

// A process that merely shares the environment of actwiz is not part of a
// tree: each tree has its own marker.
func TestKillSparesOtherTrees(t *testing.T) {
	mine, other := proctreetest.Token(), proctreetest.Token()
	a := exec.Command("sleep", mine)
	b := exec.Command("sleep", other)
	ta, tb := Prepare(a, Options{}), Prepare(b, Options{})
	for _, c := range []*exec.Cmd{a, b} {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	defer func() { tb.Kill(); b.Wait() }()
	proctreetest.WaitFor(t, mine, 5*time.Second)
	proctreetest.WaitFor(t, other, 5*time.Second)
	ta.Kill()
	a.Wait()
	proctreetest.Gone(t, "after Kill", 3*time.Second, mine)
	if len(proctreetest.With(other)) == 0 {
		t.Errorf("killing one tree ended another")
	}
}
