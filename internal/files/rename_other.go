//go:build unix && !linux

package files

import "os"

// RenameNoReplace renames old to new, failing with an error that is
// fs.ErrExist when new exists.
func RenameNoReplace(old, new string) error {
	if err := renameByLink(old, new); err != nil {
		return &os.LinkError{Op: "rename", Old: old, New: new, Err: Reason(err)}
	}
	return nil
}
