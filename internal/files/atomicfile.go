package files

import (
	"io"
	"os"
)

// Write puts what fill writes at path as ResolveOutput decides: a regular
// file is replaced whole or not at all, a character device is written
// through, anything else is refused. perm applies to a new file.
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) error {
	out, err := ResolveOutput(path)
	if err != nil {
		return err
	}
	return out.Write(perm, fill)
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, perm os.FileMode, data []byte) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
