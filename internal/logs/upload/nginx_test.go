package upload

import (
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nginx is a real nginx with WebDAV PUT behind basic authentication,
// started for one test on 127.0.0.1.
type nginx struct {
	root string // served files
	url  string // http://127.0.0.1:port
}

const nginxConf = `daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 32; }
http {
  access_log off;
  client_body_temp_path %[1]s/body;
  proxy_temp_path %[1]s/proxy;
  fastcgi_temp_path %[1]s/fastcgi;
  uwsgi_temp_path %[1]s/uwsgi;
  scgi_temp_path %[1]s/scgi;
  server {
    listen 127.0.0.1:%[2]d;
    root %[1]s/www;
    client_max_body_size 64m;
    location /dav/ {
      dav_methods PUT;
      create_full_put_path on;
      auth_basic "actwiz";
      auth_basic_user_file %[1]s/htpasswd;
    }
    location ~ ^/moved/(.*)$ {
      return 307 /dav/incoming/$1;
    }
    location /small/ {
      dav_methods PUT;
      create_full_put_path on;
      client_max_body_size 1k;
    }
  }
}
`

func startNginx(t *testing.T, user, password string) *nginx {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		for _, p := range []string{"/usr/sbin/nginx", "/usr/local/sbin/nginx"} {
			if _, serr := os.Stat(p); serr == nil {
				bin, err = p, nil
			}
		}
	}
	if err != nil {
		if os.Getenv("ACTWIZ_REQUIRE_NGINX") == "1" {
			t.Fatal("nginx is not installed and ACTWIZ_REQUIRE_NGINX=1")
		}
		t.Skip("nginx is not installed: the upload is not tested against a real WebDAV server (install nginx-extras, or set ACTWIZ_REQUIRE_NGINX=1 to make this an error)")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "www", "dav"), 0o777)
	os.MkdirAll(filepath.Join(dir, "www", "small"), 0o777)
	// nginx's worker may run as nobody when started by root: it must be
	// able to write where files land.
	os.Chmod(filepath.Join(dir, "www", "dav"), 0o777)
	os.Chmod(filepath.Join(dir, "www", "small"), 0o777)
	os.Chmod(dir, 0o755)
	sum := sha1.Sum([]byte(password))
	os.WriteFile(filepath.Join(dir, "htpasswd"), []byte(user+":{SHA}"+base64.StdEncoding.EncodeToString(sum[:])+"\n"), 0o644)
	port := freePort(t)
	conf := filepath.Join(dir, "nginx.conf")
	os.WriteFile(conf, []byte(fmt.Sprintf(nginxConf, dir, port)), 0o644)
	cmd := exec.Command(bin, "-c", conf, "-p", dir, "-e", filepath.Join(dir, "error.log"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting nginx: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx did not start: %s %s", stderr.String(), log)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return &nginx{root: filepath.Join(dir, "www"), url: "http://" + addr}
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func testPackage(t *testing.T, size int) (string, []byte) {
	data := make([]byte, size)
	x := uint32(7)
	for i := range data {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		data[i] = byte(x)
	}
	path := filepath.Join(t.TempDir(), "CMGE_Log_PC-0142_20261126-100000_日志.zip")
	os.WriteFile(path, data, 0o644)
	return path, data
}

func TestUploadToNginxWebDAV(t *testing.T) {
	srv := startNginx(t, "reseller7", "s3cret!")
	path, data := testPackage(t, 3<<20+17)
	var last, total int64
	res, err := Upload(context.Background(), path, Options{
		URL: srv.url + "/dav/incoming", Method: "put", User: "reseller7", Password: "s3cret!",
		Progress: func(sent, all int64) { last, total = sent, all },
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != 201 && res.Status != 204 {
		t.Errorf("status %d", res.Status)
	}
	got, err := os.ReadFile(filepath.Join(srv.root, "dav", "incoming", filepath.Base(path)))
	if err != nil {
		t.Fatalf("uploaded file: %v", err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("uploaded %d bytes differ from the %d sent", len(got), len(data))
	}
	if last != total || total != int64(len(data)) {
		t.Errorf("progress ended at %d of %d", last, total)
	}
	if local, _ := os.ReadFile(path); !bytes.Equal(local, data) {
		t.Error("the local package changed")
	}
}

func TestUploadWrongPasswordFailsCleanly(t *testing.T) {
	srv := startNginx(t, "reseller7", "s3cret!")
	path, data := testPackage(t, 1<<20)
	attempts := 0
	start := time.Now()
	_, err := Upload(context.Background(), path, Options{
		URL: srv.url + "/dav/", User: "reseller7", Password: "wrong",
		Sleep: func(context.Context, time.Duration) error { attempts++; return nil },
	})
	var ue *Error
	if !errors.As(err, &ue) || ue.Status != 401 || !strings.Contains(ue.Text.ZH, "用户名或密码") {
		t.Fatalf("error %v, want a 401 explained", err)
	}
	if attempts != 0 {
		t.Errorf("a refused password was retried %d times", attempts)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Errorf("the message repeats the password: %s", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v", took)
	}
	if _, serr := os.Stat(filepath.Join(srv.root, "dav", filepath.Base(path))); serr == nil {
		t.Error("the file arrived despite the wrong password")
	}
	if local, _ := os.ReadFile(path); !bytes.Equal(local, data) {
		t.Error("the local package changed")
	}
}

func TestUploadTooLargeSaysSo(t *testing.T) {
	srv := startNginx(t, "u", "p")
	path, _ := testPackage(t, 64<<10)
	_, err := Upload(context.Background(), path, Options{URL: srv.url + "/small/"})
	var ue *Error
	if !errors.As(err, &ue) || ue.Status != 413 || !strings.Contains(err.Error(), "64.0 KiB") {
		t.Fatalf("error %v, want 413 with the size", err)
	}
}
