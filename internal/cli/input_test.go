package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/facts"
	"actwiz/internal/probe"
)

// runIn runs args with stdin and fails the test, instead of hanging it,
// when the command does not end within 10 seconds.
func runIn(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Stdin: stdin, Stdout: &out, Stderr: &errOut,
		Getenv:     func(string) string { return "" },
		Now:        time.Now,
		Machine:    func() probe.Reader { return probe.FromSnapshot(sample()) },
		ConfigDirs: []string{t.TempDir()},
	}
	done := make(chan int, 1)
	go func() { done <- Run(context.Background(), args, env) }()
	select {
	case code := <-done:
		return result{code, out.String(), errOut.String()}
	case <-time.After(10 * time.Second):
		t.Fatalf("actwiz %s still running after 10s", strings.Join(args, " "))
	}
	return result{}
}

func TestSerialReadsOneBoundedLine(t *testing.T) {
	long := filepath.Join(t.TempDir(), "long.txt")
	os.WriteFile(long, []byte(strings.Repeat("A", 10<<10)+"\nAA02210025590\n"), 0o644)
	f, err := os.Open(long)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := runIn(t, f, "serial", "--lang", "en")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "longer than 4 KiB") || len(r.stderr) > 300 {
		t.Errorf("a 10 KiB line: exit %d, stderr %.300q", r.code, r.stderr)
	}
}

func TestDecodeGroupsAndCutsWhatWasTyped(t *testing.T) {
	cases := []struct {
		name  string
		args  []string
		code  int
		out   string
		short bool
	}{
		// 011 814 407 is the code of a hardware run whose two serial
		// checks failed (its catalogue-1 digits checked by hand).
		{"dashes", []string{"decode", "011-814-407"}, ExitFail, "Support code 011 814 407 (", false},
		{"spaces", []string{"decode", "011", "814", "407"}, ExitFail, "Support code 011 814 407 (", false},
		{"full width", []string{"decode", "０１１８１４４０７"}, ExitFail, "Support code 011 814 407 (", false},
		{"100 KB", []string{"decode", strings.Repeat("1", 100<<10)}, ExitUsage, "mistyped", true},
		{"100 KB of letters", []string{"decode", strings.Repeat("x", 100<<10)}, ExitUsage, "mistyped", true},
		{"control characters", []string{"decode", "011\x1b[2J814"}, ExitUsage, `\x1b[2J`, true},
	}
	for _, c := range cases {
		r := run(t, facts.Snapshot{}, append(c.args, "--lang", "en")...)
		if r.code != c.code || !strings.Contains(r.stdout+r.stderr, c.out) {
			t.Errorf("%s: exit %d; want %d and %q in\n%.300s%.300s", c.name, r.code, c.code, c.out, r.stdout, r.stderr)
		}
		if c.short && len(r.stderr) > 300 {
			t.Errorf("%s: a message of %d bytes; the typed code must be cut short", c.name, len(r.stderr))
		}
		if strings.Contains(r.stdout+r.stderr, "\x1b") {
			t.Errorf("%s: an escape character reached the terminal", c.name)
		}
	}
}
