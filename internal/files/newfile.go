package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Staged is a complete, synced file under a temporary name beside where it
// goes. Staging every file of a set before publishing any means a full disk
// fails the set before anything appears.
type Staged struct{ tmp string }

// Stage writes what fill writes into a new temporary file in dir.
func Stage(dir, base string, perm os.FileMode, fill func(w io.Writer) error) (s *Staged, err error) {
	tmp, err := os.CreateTemp(dir, "."+base+".*.partial")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return nil, err
	}
	_ = tmp.Chmod(perm) // see replace
	if err = tmp.Sync(); err != nil {
		return nil, err
	}
	if err = tmp.Close(); err != nil {
		return nil, err
	}
	return &Staged{tmp: tmp.Name()}, nil
}

// StageBytes is Stage for content already in memory.
func StageBytes(dir, base string, perm os.FileMode, data []byte) (*Staged, error) {
	return Stage(dir, base, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Publish gives the staged file its name, failing with fs.ErrExist rather
// than replacing a file of that name.
func (s *Staged) Publish(path string) error {
	if err := RenameNoReplace(s.tmp, path); err != nil {
		return err
	}
	s.tmp = ""
	return nil
}

// Discard removes the staged file; after Publish it does nothing.
func (s *Staged) Discard() {
	if s != nil && s.tmp != "" {
		os.Remove(s.tmp)
		s.tmp = ""
	}
}

// WriteNew writes a new file in dir under the first of name(1), name(2)…
// that is free, never replacing a file, and returns its path. Runs in the
// same second that choose the same name each keep their own file: the
// name is taken by an exclusive rename, not by looking first.
func WriteNew(dir string, name func(n int) string, perm os.FileMode, data []byte) (string, error) {
	s, err := StageBytes(dir, name(1), perm, data)
	if err != nil {
		return "", &fs.PathError{Op: "write", Path: filepath.Join(dir, name(1)), Err: Reason(err)}
	}
	for n := 1; n <= 9999; n++ {
		path := filepath.Join(dir, name(n))
		err := s.Publish(path)
		if err == nil {
			return path, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			s.Discard()
			return "", &fs.PathError{Op: "write", Path: path, Err: Reason(err)}
		}
	}
	s.Discard()
	return "", fmt.Errorf("no free name for %s in %s", name(1), dir)
}
