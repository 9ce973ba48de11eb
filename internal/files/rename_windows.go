package files

import (
	"os"

	"golang.org/x/sys/windows"
)

// RenameNoReplace renames old to new, failing with an error that is
// fs.ErrExist when new exists: MoveFileEx without
// MOVEFILE_REPLACE_EXISTING does that in one step.
func RenameNoReplace(old, new string) error {
	from, err := windows.UTF16PtrFromString(old)
	if err == nil {
		var to *uint16
		if to, err = windows.UTF16PtrFromString(new); err == nil {
			err = windows.MoveFileEx(from, to, windows.MOVEFILE_WRITE_THROUGH)
		}
	}
	if err != nil {
		return &os.LinkError{Op: "rename", Old: old, New: new, Err: err}
	}
	return nil
}
