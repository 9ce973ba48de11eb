// Package squidtest runs Debian's squid on loopback with basic
// authentication for tests of the proxy paths: a real proxy, whose access
// log shows what went through it. Start skips the test when squid is
// missing, and fails it when ACTWIZ_REQUIRE_SQUID=1 (CI sets that).
//
// It is for tests only and imports no actwiz package.
package squidtest

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// RequireEnv turns a missing squid from a skip into a failure.
const RequireEnv = "ACTWIZ_REQUIRE_SQUID"

// User and Password are the proxy's one account.
const (
	User     = "actwiz"
	Password = "s3cret-proxy"
)

// Squid is one running squid.
type Squid struct {
	// URL is the proxy with its credentials (http://actwiz:…@127.0.0.1:port).
	URL *url.URL
	dir string
}

// Start runs squid until the test ends. hosts maps names to addresses
// squid resolves them to (its hosts_file), so a test can name its
// loopback servers as a real client would.
func Start(t *testing.T, hosts map[string]string) *Squid {
	t.Helper()
	squid, err := exec.LookPath("squid")
	if err == nil {
		_, err = os.Stat(ncsaAuth)
	}
	if err != nil {
		msg := "squidtest: squid with basic_ncsa_auth not found (Debian: apt-get install squid)"
		if os.Getenv(RequireEnv) == "1" {
			t.Fatal(msg + "; " + RequireEnv + "=1 requires the proxy tests to run")
		}
		t.Skip(msg)
	}
	dir, err := os.MkdirTemp("", "squid-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// squid started as root works as the user "proxy": it must write here.
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	hash, err := exec.Command("openssl", "passwd", "-apr1", Password).Output()
	if err != nil {
		t.Fatalf("squidtest: openssl passwd: %v", err)
	}
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	passwd := write("passwd", User+":"+strings.TrimSpace(string(hash))+"\n")
	var hostLines strings.Builder
	for name, addr := range hosts {
		fmt.Fprintf(&hostLines, "%s %s\n", addr, name)
	}
	hostsFile := write("hosts", hostLines.String())
	port := freePort(t)
	conf := write("squid.conf", strings.Join([]string{
		"http_port 127.0.0.1:" + port,
		"pid_filename " + filepath.Join(dir, "squid.pid"),
		"cache_log " + filepath.Join(dir, "cache.log"),
		"access_log stdio:" + filepath.Join(dir, "access.log"),
		"coredump_dir " + dir,
		"cache deny all",
		"hosts_file " + hostsFile,
		"dns_nameservers 127.0.0.1",
		"auth_param basic program " + ncsaAuth + " " + passwd,
		"auth_param basic realm actwiz-test",
		"acl authed proxy_auth REQUIRED",
		"http_access allow authed",
		"http_access deny all",
		"shutdown_lifetime 0 seconds",
		"",
	}, "\n"))
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, squid, "-N", "-f", conf)
	// SIGTERM lets squid stop its helpers; shutdown_lifetime 0 makes it quick.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 5 * time.Second
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("squidtest: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			t.Errorf("squidtest: squid did not stop")
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+port, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			log, _ := os.ReadFile(filepath.Join(dir, "cache.log"))
			t.Fatalf("squidtest: squid exited: %s\n%s", out.String(), log)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("squidtest: squid did not listen within 30s (see %s)", filepath.Join(dir, "cache.log"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	return &Squid{URL: &url.URL{Scheme: "http", User: url.UserPassword(User, Password), Host: "127.0.0.1:" + port}, dir: dir}
}

// AccessLog is squid's access log so far.
func (s *Squid) AccessLog() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "access.log"))
	return string(b)
}

// WaitLog waits up to 10 s for the access log to hold every one of want
// (squid writes an entry when the transaction ends, a moment after the
// client has its answer) and returns the log.
func (s *Squid) WaitLog(want ...string) string {
	deadline := time.Now().Add(10 * time.Second)
	for {
		log := s.AccessLog()
		all := true
		for _, w := range want {
			all = all && strings.Contains(log, w)
		}
		if all || time.Now().After(deadline) {
			return log
		}
		time.Sleep(100 * time.Millisecond)
	}
}

const ncsaAuth = "/usr/lib/squid/basic_ncsa_auth"

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, p, _ := net.SplitHostPort(ln.Addr().String())
	return p
}
