// Package probe reads a machine's facts. Each platform supplies a Reader;
// this file runs the reader's section queries concurrently under one
// deadline and turns a query that fails or never answers into a recorded
// reason, so that a check can say "unknown" and why.
//
// It may import internal/facts and the platform layer (internal/platform/...); never checks or anything that judges.
package probe

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"actwiz/internal/facts"
)

// DefaultTimeout is the deadline for the whole probe.
const DefaultTimeout = 15 * time.Second

// Reader reads one machine. Every method may block; they may be called
// concurrently. A method returns an error only when the whole section could
// not be read; a field that could not be read is left nil with its reason in
// the returned field errors ("SerialNumber" → "run as root").
type Reader interface {
	Host(ctx context.Context) facts.Host
	BIOS(ctx context.Context) (*facts.BIOS, FieldErrors, error)
	Baseboard(ctx context.Context) (*facts.Baseboard, FieldErrors, error)
	Disks(ctx context.Context) ([]facts.Disk, FieldErrors, error)
	NICs(ctx context.Context) ([]facts.NIC, FieldErrors, error)
}

// FieldErrors maps a field name ("SerialNumber") to why it was not read.
type FieldErrors map[string]string

// Part is one section as it arrives: Apply copies it into a snapshot.
type Part struct {
	Section facts.Section
	apply   func(*facts.Snapshot)
}

// Apply records the part in s.
func (p Part) Apply(s *facts.Snapshot) { p.apply(s) }

// Streamed lists the parts Stream sends: every section of spec §3, then
// the SMBIOS table, the second source of the two serials.
var Streamed = append(append([]facts.Section{}, facts.Sections...), facts.SectionSMBIOS)

// Stream runs every section query of r concurrently and sends each one on
// the returned channel as it finishes, in any order. Each section has its
// own deadline, timeout from when it starts, so one that never answers
// costs no other its time. A section that has not answered when ctx ends
// or its deadline passes is sent as unread with the reason, so exactly
// len(Streamed) parts arrive before the channel closes.
// A query still running then is abandoned: no reader call can be
// interrupted from outside (WMI has no timeouts), so its goroutine finishes
// or not on its own, and its late answer is dropped.
func Stream(ctx context.Context, r Reader, timeout time.Duration) <-chan Part {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	out := make(chan Part, len(Streamed))
	var wg sync.WaitGroup
	for _, sec := range Streamed {
		wg.Add(1)
		go func(sec facts.Section) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			answer := make(chan Part, 1)
			go func() { answer <- query(ctx, r, sec) }()
			select {
			case p := <-answer:
				out <- p
			case <-ctx.Done():
				out <- unreadErr(sec, deadlineErr(ctx, timeout))
			}
		}(sec)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// Take reads the whole machine and returns its snapshot.
func Take(ctx context.Context, r Reader, timeout time.Duration, now func() time.Time) facts.Snapshot {
	s := facts.New()
	s.TakenAt = TakenAt(r, now)
	hostDone := make(chan facts.Host, 1)
	go func() { hostDone <- r.Host(ctx) }()
	for p := range Stream(ctx, r, timeout) {
		p.Apply(&s)
	}
	select {
	case s.Host = <-hostDone:
	case <-time.After(time.Second):
		// The host name is a courtesy; never wait on it past the probe.
	}
	return s
}

func query(ctx context.Context, r Reader, sec facts.Section) Part {
	switch sec {
	case facts.SectionBIOS:
		v, fe, err := r.BIOS(ctx)
		return part(sec, fe, err, func(s *facts.Snapshot) { s.BIOS = v })
	case facts.SectionBaseboard:
		v, fe, err := r.Baseboard(ctx)
		return part(sec, fe, err, func(s *facts.Snapshot) { s.Baseboard = v })
	case facts.SectionDisks:
		v, fe, err := r.Disks(ctx)
		return part(sec, fe, err, func(s *facts.Snapshot) { s.Disks = v })
	case facts.SectionNICs:
		v, fe, err := r.NICs(ctx)
		return part(sec, fe, err, func(s *facts.Snapshot) { s.NICs = v })
	case facts.SectionSMBIOS:
		fr, ok := r.(FirmwareReader)
		if !ok {
			return unread(sec, "this reader has no direct firmware source")
		}
		v, err := fr.SMBIOS(ctx)
		return part(sec, nil, err, func(s *facts.Snapshot) { s.SMBIOS = v })
	}
	panic(fmt.Sprintf("probe: unknown section %q", sec))
}

func part(sec facts.Section, fe FieldErrors, err error, set func(*facts.Snapshot)) Part {
	if err != nil {
		return unreadErr(sec, err)
	}
	return Part{Section: sec, apply: func(s *facts.Snapshot) {
		set(s)
		for field, reason := range fe {
			s.SetErr(string(sec)+"."+field, reason)
		}
	}}
}

func unread(sec facts.Section, reason string) Part {
	return Part{Section: sec, apply: func(s *facts.Snapshot) { s.SetErr(string(sec), reason) }}
}

// unreadErr records err's text and, when the probe can tell, its kind.
func unreadErr(sec facts.Section, err error) Part {
	kind := ReasonKind(err)
	return Part{Section: sec, apply: func(s *facts.Snapshot) {
		s.SetErr(string(sec), err.Error())
		s.SetErrKind(string(sec), kind)
	}}
}

// deadlineErr says why a section did not answer in time. It wraps ctx's
// error, so ReasonKind tells a timeout from a cancellation, while its text
// stays the short sentence users see.
func deadlineErr(ctx context.Context, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return reasonError{fmt.Sprintf("timed out after %s", timeout), ctx.Err()}
	}
	return reasonError{"cancelled", ctx.Err()}
}

// abandoned is the error of a call given up on when ctx ended.
func abandoned(ctx context.Context, what string) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return reasonError{what + " timed out: no answer before the deadline", ctx.Err()}
	}
	return reasonError{what + " cancelled", ctx.Err()}
}

type reasonError struct {
	text  string
	cause error
}

func (e reasonError) Error() string { return e.text }
func (e reasonError) Unwrap() error { return e.cause }

// recordedError is a reason replayed from a snapshot, with the kind the
// probe recorded then.
type recordedError struct{ text, kind string }

func (e recordedError) Error() string { return e.text }
func (e recordedError) Kind() string  { return e.kind }

// TakenAt is when r's facts were read: now for a live machine, the
// recorded time for a snapshot (judging it later does not make it newer).
func TakenAt(r Reader, now func() time.Time) time.Time {
	if rec, ok := r.(snapshotReader); ok && !rec.s.TakenAt.IsZero() {
		return rec.s.TakenAt
	}
	return now().UTC().Truncate(time.Second)
}

// FromSnapshot replays recorded facts as a Reader, so a snapshot file runs
// through exactly the same path as a live machine.
func FromSnapshot(s facts.Snapshot) Reader { return snapshotReader{s} }

type snapshotReader struct{ s facts.Snapshot }

func (r snapshotReader) Host(context.Context) facts.Host { return r.s.Host }

func (r snapshotReader) BIOS(context.Context) (*facts.BIOS, FieldErrors, error) {
	return r.s.BIOS, r.fieldErrs(facts.SectionBIOS), r.sectionErr(facts.SectionBIOS, r.s.BIOS == nil)
}

func (r snapshotReader) Baseboard(context.Context) (*facts.Baseboard, FieldErrors, error) {
	return r.s.Baseboard, r.fieldErrs(facts.SectionBaseboard), r.sectionErr(facts.SectionBaseboard, r.s.Baseboard == nil)
}

func (r snapshotReader) Disks(context.Context) ([]facts.Disk, FieldErrors, error) {
	return r.s.Disks, r.fieldErrs(facts.SectionDisks), r.sectionErr(facts.SectionDisks, r.s.Disks == nil)
}

func (r snapshotReader) NICs(context.Context) ([]facts.NIC, FieldErrors, error) {
	return r.s.NICs, r.fieldErrs(facts.SectionNICs), r.sectionErr(facts.SectionNICs, r.s.NICs == nil)
}

func (r snapshotReader) SMBIOS(context.Context) (*facts.SMBIOS, error) {
	return r.s.SMBIOS, r.sectionErr(facts.SectionSMBIOS, r.s.SMBIOS == nil)
}

func (r snapshotReader) sectionErr(sec facts.Section, missing bool) error {
	if !missing {
		return nil
	}
	if reason := r.s.Err(string(sec)); reason != "" {
		return recordedError{reason, r.s.ErrKind(string(sec))}
	}
	return fmt.Errorf("not recorded in the snapshot")
}

func (r snapshotReader) fieldErrs(sec facts.Section) FieldErrors {
	prefix := string(sec) + "."
	fe := FieldErrors{}
	for k, v := range r.s.Errors {
		if len(k) > len(prefix) && k[:len(prefix)] == prefix && v != "" {
			fe[k[len(prefix):]] = v
		}
	}
	return fe
}
