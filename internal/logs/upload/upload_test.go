package upload

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestMultipartPost(t *testing.T) {
	path, data := testPackage(t, 200<<10)
	var got []byte
	var name string
	var length int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		length = r.ContentLength
		f, h, err := r.FormFile("file")
		if err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		name = h.Filename
		got, _ = io.ReadAll(f)
		w.WriteHeader(201)
	}))
	defer srv.Close()
	if _, err := Upload(context.Background(), path, Options{URL: srv.URL + "/form", Method: "post"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) || !strings.HasSuffix(name, "_日志.zip") || length <= int64(len(data)) {
		t.Errorf("received %d bytes as %q, content length %d", len(got), name, length)
	}
}

func TestRetriesNetworkFailuresWithBackoff(t *testing.T) {
	path, data := testPackage(t, 10<<10)
	var calls atomic.Int32
	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1: // the connection drops
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
		case 2:
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			got, _ = io.ReadAll(r.Body)
			w.WriteHeader(201)
		}
	}))
	defer srv.Close()
	var pauses []time.Duration
	res, err := Upload(context.Background(), path, Options{
		URL: srv.URL + "/dav/",
		Sleep: func(_ context.Context, d time.Duration) error {
			pauses = append(pauses, d)
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Attempts != 3 || len(pauses) != 2 || pauses[1] <= pauses[0] || !bytes.Equal(got, data) {
		t.Errorf("attempts %d pauses %v, %d bytes arrived", res.Attempts, pauses, len(got))
	}
}

func TestGivesUpAfterRetries(t *testing.T) {
	path, _ := testPackage(t, 1<<10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	_, err := Upload(context.Background(), path, Options{URL: srv.URL, Retries: 2, Sleep: func(context.Context, time.Duration) error { return nil }})
	var ue *Error
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "3 attempts") {
		t.Errorf("error %v", err)
	}
}

func TestUntrustedCertificateIsNotRetried(t *testing.T) {
	path, _ := testPackage(t, 1<<10)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("a request reached a server whose certificate is not trusted")
	}))
	defer srv.Close()
	retried := false
	_, err := Upload(context.Background(), path, Options{URL: srv.URL, Sleep: func(context.Context, time.Duration) error { retried = true; return nil }})
	var ue *Error
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "certificate is not trusted") || retried {
		t.Errorf("error %v (retried %v)", err, retried)
	}
}

func TestStatusMessages(t *testing.T) {
	tests := []struct {
		status int
		want   string
	}{
		{403, "may not upload"},
		{404, "404 Not Found"},
	}
	for _, tt := range tests {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tt.status) }))
		path, _ := testPackage(t, 100)
		_, err := Upload(context.Background(), path, Options{URL: srv.URL + "/x/"})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%d: %v", tt.status, err)
		}
		srv.Close()
	}
}

func TestTargetURL(t *testing.T) {
	tests := []struct{ base, method, want string }{
		{"https://h/dav", "put", "https://h/dav/CMGE_Log_x.zip"},
		{"https://h/dav/", "put", "https://h/dav/CMGE_Log_x.zip"},
		{"https://h/up?token=1", "post", "https://h/up?token=1"},
	}
	for _, tt := range tests {
		if got, _ := targetURL(Options{URL: tt.base, Method: tt.method}, "CMGE_Log_x.zip"); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.base, got, tt.want)
		}
	}
	got, _ := targetURL(Options{URL: "https://h/dav/", Method: "put"}, "日志 1.zip")
	if got != "https://h/dav/%E6%97%A5%E5%BF%97%201.zip" {
		t.Errorf("escaped: %s", got)
	}
}

func TestNoPasswordInClear(t *testing.T) {
	path, _ := testPackage(t, 100)
	_, err := Upload(context.Background(), path, Options{URL: "http://upload.example.com/dav/", User: "u", Password: "p"})
	if err == nil || !strings.Contains(err.Error(), "in clear") {
		t.Errorf("error %v", err)
	}
}
