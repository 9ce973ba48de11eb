//go:build unix

package files

import (
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// isDeviceName: on Unix a device is known by what it is, not its name.
func isDeviceName(string) bool { return false }

// openDevice opens a character device for writing. O_NONBLOCK makes the
// open fail at once (ENXIO) instead of blocking forever if the path was
// swapped for a FIFO nobody reads; the descriptor is checked to be a
// character device before it is used, then made blocking again.
func openDevice(path string) (*os.File, error) {
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_NONBLOCK|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFCHR {
		unix.Close(fd)
		if err == nil {
			err = &OutputError{Path: path, Problem: OutputNotRegular}
		}
		return nil, err
	}
	if err := unix.SetNonblock(fd, false); err != nil {
		unix.Close(fd)
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// keepOwner gives f the owner and group of old. Only root may give a file
// away; anyone else replaces only files they may write, and the new one
// is theirs, as it would be with any editor.
func keepOwner(f *os.File, old fs.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}

// replaceFile renames tmp over path.
func replaceFile(tmp, path string) error { return os.Rename(tmp, path) }
