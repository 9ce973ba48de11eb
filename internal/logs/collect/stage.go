package collect

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// stageRemoveWait bounds how long removeStage keeps trying.
const stageRemoveWait = 2 * time.Second

// removeStage removes the temporary folder holding what the collectors
// wrote, raw and unredacted: it must not outlive the run, also when the
// run was interrupted. Two things can stand in the way on Windows: a
// process of a killed tree that is still ending keeps its working
// directory (a folder in the stage) open for a moment; and os.RemoveAll's
// POSIX-semantics delete is refused by file systems and emulators that
// lack it (Wine answers "Invalid function"), where a plain delete, file
// by file, works. So it retries, and falls back to deleting one by one.
func removeStage(dir string) error {
	deadline := time.Now().Add(stageRemoveWait)
	for {
		err := os.RemoveAll(dir)
		if err != nil {
			err = removeOneByOne(dir)
		}
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// removeOneByOne deletes the files, then the folders deepest first.
func removeOneByOne(dir string) error {
	var dirs []string
	var errs []error
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			errs = append(errs, err)
		case d.IsDir():
			dirs = append(dirs, p)
		default:
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
		return nil
	})
	sort.Sort(sort.Reverse(sort.StringSlice(dirs)))
	for _, d := range dirs {
		if err := os.Remove(d); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
