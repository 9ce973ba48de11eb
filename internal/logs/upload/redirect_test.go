package upload

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testUser     = "reseller7"
	testPassword = "s3cret!"
)

// store is a loopback WebDAV-like server: PUT and POST under /new/ keep the
// body, and GET answers 200 as a portal's landing page would, which is what
// made a replayed upload look successful.
type store struct {
	mu       sync.Mutex
	got      map[string][]byte // path → stored bytes
	requests []string          // "METHOD path auth=yes|no"
}

func (s *store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, _, auth := r.BasicAuth()
	s.requests = append(s.requests, fmt.Sprintf("%s %s auth=%v", r.Method, r.URL.Path, auth))
	switch r.Method {
	case http.MethodGet:
		io.WriteString(w, "<html>welcome</html>")
	case http.MethodPut:
		s.got[r.URL.Path], _ = io.ReadAll(r.Body)
		w.WriteHeader(http.StatusCreated)
	case http.MethodPost:
		f, _, err := r.FormFile("file")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.got[r.URL.Path], _ = io.ReadAll(f)
		w.WriteHeader(http.StatusCreated)
	}
}

func (s *store) sawAuth() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.requests {
		if strings.HasSuffix(r, "auth=true") {
			return true
		}
	}
	return false
}

// redirector answers every request to /old/… with status and a Location
// made by to, and hands everything else to next.
func redirector(status int, to func(path string) string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rest, ok := strings.CutPrefix(r.URL.Path, "/old/"); ok {
			w.Header().Set("Location", to(rest))
			w.WriteHeader(status)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func newStore() *store { return &store{got: map[string][]byte{}} }

// listen starts srv on addr (127.0.0.2 is another loopback host).
func listen(t *testing.T, addr string, h http.Handler) *httptest.Server {
	t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen on %s: %v", addr, err)
	}
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: h}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

func TestRedirectThatChangesTheMethodIsAFailure(t *testing.T) {
	for _, method := range []string{"put", "post"} {
		for _, status := range []int{301, 302, 303} {
			t.Run(fmt.Sprintf("%s %d", method, status), func(t *testing.T) {
				path, _ := testPackage(t, 40<<10)
				st := newStore()
				srv := listen(t, "127.0.0.1:0", nil)
				srv.Config.Handler = redirector(status, func(rest string) string { return "/new/" + rest }, st)
				res, err := Upload(context.Background(), path, Options{URL: srv.URL + "/old/", Method: method, User: testUser, Password: testPassword})
				var ue *Error
				if !errors.As(err, &ue) || res != nil {
					t.Fatalf("result %+v, error %v: a redirect was taken as an upload", res, err)
				}
				want := fmt.Sprintf("%d %s", status, http.StatusText(status))
				if !strings.Contains(ue.Text.EN, want) || !strings.Contains(ue.Text.EN, "/new/") || !strings.Contains(ue.Text.ZH, want) {
					t.Errorf("message %q does not name the redirect (%s to /new/…)", ue.Text.EN, want)
				}
				if len(st.got) != 0 || len(st.requests) != 0 {
					t.Errorf("the redirect was followed: %v", st.requests)
				}
			})
		}
	}
}

func TestTemporaryRedirectOnTheSameOriginResendsTheBody(t *testing.T) {
	for _, method := range []string{"put", "post"} {
		for _, status := range []int{307, 308} {
			t.Run(fmt.Sprintf("%s %d", method, status), func(t *testing.T) {
				path, data := testPackage(t, 300<<10)
				st := newStore()
				srv := listen(t, "127.0.0.1:0", nil)
				srv.Config.Handler = redirector(status, func(rest string) string { return srv.URL + "/new/" + rest }, st)
				res, err := Upload(context.Background(), path, Options{URL: srv.URL + "/old/", Method: method, User: testUser, Password: testPassword})
				if err != nil {
					t.Fatal(err)
				}
				stored := "/new/"
				if method == "put" {
					stored += filepath.Base(path)
				}
				if got := st.got[stored]; !bytes.Equal(got, data) || res.Status != http.StatusCreated {
					t.Errorf("status %d, stored %d bytes at %s, want the %d sent (requests %v)", res.Status, len(got), stored, len(data), st.requests)
				}
			})
		}
	}
}

func TestTemporaryRedirectThroughNginx(t *testing.T) {
	srv := startNginx(t, testUser, testPassword)
	path, data := testPackage(t, 2<<20+5)
	_, err := Upload(context.Background(), path, Options{URL: srv.url + "/moved/", User: testUser, Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(srv.root, "dav", "incoming", filepath.Base(path)))
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("stored %d bytes (%v), want the %d sent", len(got), err, len(data))
	}
}

func TestCredentialsNeverGoToAnotherOrigin(t *testing.T) {
	tests := []struct {
		name   string
		tls    bool // the upload URL is https
		other  string
		status int
	}{
		{"307 to another port", false, "127.0.0.1:0", 307},
		{"308 to another port", false, "127.0.0.1:0", 308},
		{"302 to another port", false, "127.0.0.1:0", 302},
		{"307 to another host", false, "127.0.0.2:0", 307},
		{"303 to another host", false, "127.0.0.2:0", 303},
		{"https to http, 307", true, "127.0.0.1:0", 307},
		{"https to http, 302", true, "127.0.0.1:0", 302},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, _ := testPackage(t, 20<<10)
			other := newStore()
			otherSrv := listen(t, tt.other, other)
			to := func(rest string) string { return otherSrv.URL + "/new/" + rest }
			var first *httptest.Server
			if tt.tls {
				first = httptest.NewTLSServer(redirector(tt.status, to, newStore()))
				t.Cleanup(first.Close)
			} else {
				first = listen(t, "127.0.0.1:0", redirector(tt.status, to, newStore()))
			}
			opts := Options{URL: first.URL + "/old/", User: testUser, Password: testPassword}
			if tt.tls {
				opts.Client = first.Client() // trusts the test certificate
			}
			res, err := Upload(context.Background(), path, opts)
			var ue *Error
			if !errors.As(err, &ue) || res != nil {
				t.Errorf("result %+v, error %v, want a failure", res, err)
			} else if !strings.Contains(ue.Text.EN, otherSrv.URL) {
				t.Errorf("message %q does not name where it was sent", ue.Text.EN)
			}
			if other.sawAuth() {
				t.Errorf("the other origin received the credentials: %v", other.requests)
			}
			if len(other.got) != 0 {
				t.Errorf("the other origin received the package")
			}
		})
	}
}

// TestRedirectMessageIsEscaped: the Location is the server's text; it
// reaches the terminal escaped and without a password in it.
func TestRedirectMessageIsEscaped(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					line, err := br.ReadString('\n')
					if err != nil || line == "\r\n" {
						break
					}
				}
				// Go's client refuses C0 controls in a header, but a C1 CSI
				// (a lone 0x9b byte) and a right-to-left override get through.
				io.WriteString(c, "HTTP/1.1 302 Found\r\nLocation: http://u:hunter2@evil.example/\u202egnp.exe\x9b2J\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
			}()
		}
	}()
	path, _ := testPackage(t, 1<<10)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = Upload(ctx, path, Options{URL: "http://" + l.Addr().String() + "/old/"})
	var ue *Error
	if !errors.As(err, &ue) {
		t.Fatalf("error %v", err)
	}
	for _, s := range []string{ue.Text.EN, ue.Text.ZH} {
		if strings.Contains(s, "\x9b") || strings.Contains(s, "\u202e") || strings.Contains(s, "hunter2") || !strings.Contains(s, "evil.example") {
			t.Errorf("message %q", s)
		}
	}
}
