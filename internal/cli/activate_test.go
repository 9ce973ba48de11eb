package cli

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"actwiz/internal/facts"
)

// listening returns the address of a TCP listener on 127.0.0.1 that
// accepts and holds connections.
func listening(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	return ln.Addr().String()
}

func buildHelper(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "cmdhelper")
	if runtime.GOOS == "windows" {
		out += ".exe"
	}
	if b, err := exec.Command("go", "build", "-o", out, "../activation/testdata/cmdhelper").CombinedOutput(); err != nil {
		t.Fatalf("building the helper: %v\n%s", err, b)
	}
	return out
}

func TestActivateCommand(t *testing.T) {
	helper := buildHelper(t)
	open := listening(t)
	closed := func() string {
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		a := ln.Addr().String()
		ln.Close()
		return a
	}()
	badBIOS := sample()
	badBIOS.BIOS.SerialNumber = facts.Str("Default string")

	cases := []struct {
		name     string
		machine  facts.Snapshot
		endpoint string
		command  string
		args     []string
		code     int
		contains []string
	}{
		{"checks only without --yes", sample(), open, "[" + q(helper) + ", ok]", []string{"activate", "--lang", "en"}, 0,
			[]string{"Not attempted: needs --yes", "Activation servers reachable", " ok\n"}},
		{"attempt with --yes", sample(), open, "[" + q(helper) + ", echo, '{serial}']", []string{"activate", "--yes", "--serial", enteredSerial, "--lang", "en", "--format", "json"}, 0,
			[]string{`"activation.attempt"`, `"status": "pass"`, "AA*****025590"}},
		{"server error", sample(), open, "[" + q(helper) + ", server-error-gbk]", []string{"activate", "--yes", "--serial", enteredSerial, "--lang", "zh"}, 1,
			[]string{"服务器错误", "客户端根本不发送激活请求"}},
		{"hardware refuses", badBIOS, open, "[" + q(helper) + ", ok]", []string{"activate", "--yes", "--serial", enteredSerial, "--lang", "en"}, 1,
			[]string{"never sends the request", "To try anyway, use --force"}},
		{"forced", badBIOS, open, "[" + q(helper) + ", ok]", []string{"activate", "--yes", "--force", "--serial", enteredSerial, "--lang", "en"}, 1,
			[]string{"tried anyway, as asked (--force)", "exit 0: 激活成功"}},
		{"refused port", sample(), closed, "[" + q(helper) + ", ok]", []string{"activate", "--lang", "en"}, 1,
			[]string{"connection refused"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := serialConfig(t, dir) + "activation:\n  endpoints: ['tcp://" + c.endpoint + "']\n  timeout: 2s\n  command: " + c.command + "\n"
			if err := os.WriteFile(filepath.Join(dir, "actwiz.yaml"), []byte(cfg), 0o644); err != nil {
				t.Fatal(err)
			}
			r := runMachine(t, dir, c.machine, c.args...)
			if r.code != c.code {
				t.Fatalf("exit %d; want %d\n%s%s", r.code, c.code, r.stdout, r.stderr)
			}
			for _, w := range c.contains {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, r.stdout)
				}
			}
			assertNoSerial(t, dir, r)
		})
	}
}

func q(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
