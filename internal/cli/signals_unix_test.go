//go:build unix

package cli

import (
	"context"
	"errors"
	"syscall"
	"testing"
	"time"
)

// A real signal sent to this process cancels the context, naming it.
func TestNotifyContextHearsRealSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			ctx, stop := NotifyContext(context.Background())
			defer stop()
			if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Second):
				t.Fatalf("%v did not cancel the context", sig)
			}
			var s *Signalled
			if !errors.As(context.Cause(ctx), &s) || s.Signal != sig {
				t.Errorf("cause %v; want %v", context.Cause(ctx), sig)
			}
		})
	}
}
