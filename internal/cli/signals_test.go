package cli

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"
)

// The exit status after a stop is the shell's for that signal, 128 + its
// number; a run that finished before the signal keeps its own status.
func TestSignalStatus(t *testing.T) {
	tests := []struct {
		name   string
		signal os.Signal // nil: not stopped by a signal
		code   int
		want   int
	}{
		{"Ctrl+C", os.Interrupt, 130, 130},
		{"SIGTERM", syscall.SIGTERM, 130, 143},
		{"SIGHUP", syscall.SIGHUP, 130, 129},
		{"q in the wizard, no signal", nil, 130, 130},
		{"finished before the signal: a check failed", syscall.SIGTERM, 1, 1},
		{"finished before the signal: all passed", syscall.SIGTERM, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(context.Background())
			if tc.signal != nil {
				cancel(&Signalled{Signal: tc.signal})
			} else {
				cancel(nil)
			}
			if got := signalStatus(ctx, tc.code); got != tc.want {
				t.Errorf("signalStatus(%v, %d) = %d; want %d", tc.signal, tc.code, got, tc.want)
			}
		})
	}
}

// A stop signal's cause still reads as a cancellation to code that
// checks for context.Canceled (collect's "it was interrupted").
func TestSignalledIsCanceled(t *testing.T) {
	err := error(&Signalled{Signal: syscall.SIGTERM})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("%v is not context.Canceled", err)
	}
}
