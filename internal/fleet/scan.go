package fleet

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/logs/parcel"
)

// Scan reads every path (report or snapshot files, folders searched
// recursively for *.json) and compares the machines found. Without
// KeepGoing the first unreadable input ends the scan with an error whose
// message names the file (see ErrorText); with it, such inputs are listed
// in Result.Unreadable. A cancelled ctx ends it with ctx's error.
func Scan(ctx context.Context, paths []string, opts Options) (Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := opts.Workers
	if workers <= 0 {
		workers = min(2*runtime.GOMAXPROCS(0), 16)
	}

	toRead := make(chan string, 256)
	// Few sightings wait for the aggregate, which is faster than the
	// reading: each may hold up to 2,000 values of a KiB.
	out := make(chan sightingOrError, workers)
	send := func(v sightingOrError) {
		select {
		case out <- v:
		case <-ctx.Done():
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(toRead)
		walk(ctx, paths, toRead, send)
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rd := &reader{rules: opts.Rules}
			for path := range toRead {
				if ctx.Err() != nil {
					continue // drain so the walker can finish
				}
				s, err := rd.read(ctx, path)
				send(sightingOrError{s, err})
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	agg := newAggregate()
	var unreadable []Unreadable
	var first error
	for f := range out {
		var ierr *inputError
		switch {
		case errors.As(f.err, &ierr):
			unreadable = append(unreadable, Unreadable{File: ierr.file, Problem: ierr.Text(), Reason: ierr.problem.EN})
			if !opts.KeepGoing && first == nil {
				first = ierr
				cancel()
			}
		case errors.Is(f.err, context.Canceled), errors.Is(f.err, context.DeadlineExceeded):
			// A read cut short by the first bad file, or by ctx: the
			// checks after the loop say which.
		case f.err != nil:
			return Result{}, f.err
		default:
			agg.add(f.s)
		}
	}
	if first != nil {
		return Result{}, first
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	return agg.result(opts, unreadable), nil
}

type sightingOrError struct {
	s   sighting
	err error
}

// ErrorText is the bilingual message of an error returned by Scan for an
// unreadable input, and false for any other error.
func ErrorText(err error) (i18n.Text, bool) {
	var ierr *inputError
	if errors.As(err, &ierr) {
		return ierr.Text(), true
	}
	return i18n.Text{}, false
}

// walk sends every file to read: paths named as files whatever their
// name, and the *.json files inside named folders. Paths that cannot be
// used are sent as errors.
func walk(ctx context.Context, paths []string, toRead chan<- string, send func(sightingOrError)) {
	problem := func(path string, p i18n.Text) {
		send(sightingOrError{err: &inputError{file: path, problem: p}})
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			problem(root, msgUnreadable.F(files.Reason(err)))
			continue
		}
		if !info.IsDir() && parcel.IsZip(root) {
			send(readPackage(root))
			continue
		}
		if !info.IsDir() {
			select {
			case toRead <- root:
			case <-ctx.Done():
				return
			}
			continue
		}
		any := false
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problem(path, msgUnreadable.F(files.Reason(err)))
				return nil
			}
			// Dot files include the "._name.json" companions macOS leaves
			// on FAT sticks, and atomicfile's unfinished writes.
			if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".zip") && !strings.HasPrefix(d.Name(), ".") {
				any = true
				send(readPackage(path)) // a log package holds a report
				return nil
			}
			if d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".json") || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			any = true
			select {
			case toRead <- path:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		if err != nil {
			return
		}
		if !any {
			problem(root, msgNoReports)
		}
	}
}
