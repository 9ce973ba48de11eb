package upload

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"context"
)

// answerEarly is a transport that, like net/http's, goes on sending the
// body in its own goroutine while the answer comes back: here a 403 as
// soon as the first chunk has been read.
type answerEarly struct{ firstRead chan struct{} }

func (a answerEarly) RoundTrip(req *http.Request) (*http.Response, error) {
	go func() {
		buf := make([]byte, 32<<10)
		for {
			if _, err := req.Body.Read(buf); err != nil {
				req.Body.Close()
				return
			}
		}
	}()
	<-a.firstRead
	return &http.Response{StatusCode: http.StatusForbidden, Body: io.NopCloser(strings.NewReader("")), Request: req}, nil
}

// A progress report under way when the final answer arrives ends before
// Upload returns, and none starts after: the command prints its error
// last, not "90% sent" below it.
func TestNoProgressAfterTheFinalAnswer(t *testing.T) {
	path, _ := testPackage(t, 4<<20)
	firstRead := make(chan struct{})
	var mu sync.Mutex
	returned, late, calls := false, 0, 0
	_, err := Upload(context.Background(), path, Options{
		URL:    "http://127.0.0.1:1/dav/",
		Client: &http.Client{Transport: answerEarly{firstRead}},
		Progress: func(sent, total int64) {
			mu.Lock()
			calls++
			first := calls == 1
			mu.Unlock()
			if first {
				close(firstRead)
				time.Sleep(300 * time.Millisecond) // a slow terminal
			}
			mu.Lock()
			if returned {
				late++
			}
			mu.Unlock()
		},
	})
	mu.Lock()
	returned = true
	mu.Unlock()
	var ue *Error
	if !errors.As(err, &ue) || ue.Status != http.StatusForbidden {
		t.Fatalf("Upload = %v; want the 403 answer", err)
	}
	time.Sleep(500 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if late > 0 {
		t.Errorf("progress was reported %d times after Upload returned its final error", late)
	}
}
