package files

import (
	"errors"
	"io/fs"
	"os"
)

// Reason is why a file operation failed, without the path it failed on.
func Reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
