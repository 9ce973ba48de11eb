package files

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// RenameNoReplace renames old to new, failing with an error that is
// fs.ErrExist when new exists, in one step (renameat2 RENAME_NOREPLACE).
func RenameNoReplace(old, new string) error {
	err := unix.Renameat2(unix.AT_FDCWD, old, unix.AT_FDCWD, new, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		// Old kernels and some file systems (older FAT, network ones).
		err = renameByLink(old, new)
	}
	if err != nil {
		return &os.LinkError{Op: "rename", Old: old, New: new, Err: Reason(err)}
	}
	return nil
}
