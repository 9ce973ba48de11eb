package upload

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"actwiz/internal/platform/netproxy/squidtest"
)

// TestUploadThroughSquid: with HTTP_PROXY naming a real squid, the PUT
// goes through it (its access log shows it) with the proxy's credentials.
func TestUploadThroughSquid(t *testing.T) {
	path, data := testPackage(t, 20<<10)
	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
		w.WriteHeader(201)
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	sq := squidtest.Start(t, map[string]string{"upload.test": "127.0.0.1"})
	t.Setenv("HTTP_PROXY", sq.URL.String())
	t.Setenv("NO_PROXY", "")

	res, err := Upload(context.Background(), path, Options{URL: "http://upload.test:" + port + "/dav/", Method: "put"})
	if err != nil {
		t.Fatalf("upload through squid: %v\naccess log:\n%s", err, sq.AccessLog())
	}
	if len(got) != len(data) || res.Status != 201 {
		t.Errorf("server got %d bytes, status %d", len(got), res.Status)
	}
	log := sq.WaitLog("PUT http://upload.test:"+port+"/dav/", squidtest.User)
	if !strings.Contains(log, "PUT http://upload.test:"+port+"/dav/") || !strings.Contains(log, squidtest.User) {
		t.Errorf("squid's access log lacks the authenticated PUT:\n%s", log)
	}
}
