package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"actwiz/internal/probe"
)

func TestUploadCommand(t *testing.T) {
	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "reseller7" || p != "from-env" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		got, _ = io.ReadAll(r.Body)
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	pkg := filepath.Join(t.TempDir(), "CMGE_Log_x.zip")
	os.WriteFile(pkg, []byte("zip bytes"), 0o644)
	cfg := "upload:\n  url: " + srv.URL + "/dav/\n  user: reseller7\n"

	run := func(password string) result {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "actwiz.yaml"), []byte(cfg), 0o644)
		var out, errOut bytes.Buffer
		env := Env{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
			Getenv: func(k string) string {
				if k == PasswordEnv {
					return password
				}
				return ""
			},
			Now: time.Now, Machine: func() probe.Reader { return probe.FromSnapshot(sample()) }, ConfigDirs: []string{dir},
		}
		code := Run(context.Background(), []string{"upload", pkg, "--lang", "en"}, env)
		return result{code, out.String(), errOut.String()}
	}

	r := run("from-env")
	if r.code != ExitOK || string(got) != "zip bytes" || !strings.Contains(r.stdout, "/dav/CMGE_Log_x.zip") {
		t.Errorf("exit %d, server got %q\n%s%s", r.code, got, r.stdout, r.stderr)
	}
	r = run("wrong")
	if r.code != ExitFail || !strings.Contains(r.stderr, "refused the user name or password") || !strings.Contains(r.stderr, "local file is kept") {
		t.Errorf("wrong password: exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stderr+r.stdout, "wrong") {
		t.Errorf("the password is in the output:\n%s%s", r.stdout, r.stderr)
	}
	// No password and no terminal to ask on: say how to give one.
	r = run("")
	if r.code != ExitUsage || !strings.Contains(r.stderr, PasswordEnv) {
		t.Errorf("no password: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(pkg); err != nil {
		t.Error("the local package is gone")
	}
}
