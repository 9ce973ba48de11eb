//go:build unix

package files

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// renameByLink renames old to new without replacing new, for systems or
// file systems without an exclusive rename: a hard link fails if new
// exists. Where hard links are refused too (FAT), new is first created
// exclusively, which takes the name, then renamed over; for that moment
// new is an empty file.
func renameByLink(old, new string) error {
	err := os.Link(old, new)
	if err == nil {
		return os.Remove(old)
	}
	if errors.Is(err, fs.ErrExist) || !(errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.EMLINK)) {
		return err
	}
	f, err := os.OpenFile(new, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(old, new); err != nil {
		os.Remove(new)
		return err
	}
	return nil
}
