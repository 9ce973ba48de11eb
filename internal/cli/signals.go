package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals end a run the way Ctrl+C does: the context is cancelled, the
// commands actwiz started are ended with their whole tree, the partial
// package and the temporary folder are removed, and actwiz exits.
//
//   - os.Interrupt: Ctrl+C (on Windows also Ctrl+Break).
//   - SIGTERM: kill, timeout, systemd, a container stopping. On Windows Go
//     delivers the console's close, logoff and shutdown events
//     (CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT) as SIGTERM
//     and keeps the event's handler from returning while the program
//     cleans up; Windows ends the process anyway after 5 s on close (20 s
//     on logoff and shutdown), so the cleanup must be quick. Logoff and
//     shutdown reach a program that loaded user32.dll, as actwiz does, only
//     as window messages: see endsession_windows.go.
//   - SIGHUP: the terminal went away (an ssh session or terminal window
//     closed). Windows never sends it.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// Signalled is the cause of a context cancelled by a signal.
type Signalled struct{ Signal os.Signal }

func (s *Signalled) Error() string { return s.Signal.String() + " signal received" }

// Unwrap makes it a context.Canceled: code that reports context.Cause
// still knows the run was cancelled, not that it failed.
func (s *Signalled) Unwrap() error { return context.Canceled }

// NotifyContext returns a context cancelled, with a *Signalled cause, when
// one of stopSignals arrives. Later signals are swallowed until stop is
// called, so a second Ctrl+C does not cut the cleanup short.
func NotifyContext(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	go func() {
		select {
		case s := <-ch:
			cancel(&Signalled{Signal: s})
		case <-ctx.Done():
		}
	}()
	// Windows' logoff and shutdown, heard by a hidden window: as SIGTERM,
	// the signal Go turns the console's versions of them into.
	finished := make(chan struct{})
	watchEndSession(func() { cancel(&Signalled{Signal: syscall.SIGTERM}) }, finished)
	var once sync.Once
	return ctx, func() {
		once.Do(func() {
			signal.Stop(ch)
			cancel(context.Canceled)
			close(finished)
		})
	}
}

// exitInterrupted is the status of a run that was interrupted: 128 plus
// SIGINT's number, as a shell reports a program that Ctrl+C ended.
const exitInterrupted = 130

// signalStatus turns the "interrupted" status into the shell's convention
// for the signal that caused it: 128 + its number (130 Ctrl+C, 143 SIGTERM
// and Windows' close/logoff/shutdown, 129 SIGHUP). Other statuses stand:
// a run that finished before the signal reports what it found.
func signalStatus(ctx context.Context, code int) int {
	var s *Signalled
	if code != exitInterrupted || !errors.As(context.Cause(ctx), &s) {
		return code
	}
	if n, ok := s.Signal.(syscall.Signal); ok && n > 0 && n < 128 {
		return 128 + int(n)
	}
	return code
}
