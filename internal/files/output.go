package files

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// OutputProblem is why a path cannot take a command's output.
type OutputProblem int

const (
	// OutputIsFolder: the path is a folder; a file name is needed.
	OutputIsFolder OutputProblem = iota + 1
	// OutputNotRegular: a FIFO, socket or block device. Writing to a FIFO
	// blocks until someone reads it, and replacing any of them destroys
	// something that is not a file.
	OutputNotRegular
	// OutputIsInput: the path is a file the same command reads.
	OutputIsInput
)

// OutputError is a path refused as an output before anything was read or
// written. Input is the input it would overwrite, for OutputIsInput.
type OutputError struct {
	Path    string
	Problem OutputProblem
	Input   string
}

func (e *OutputError) Error() string {
	switch e.Problem {
	case OutputIsFolder:
		return fmt.Sprintf("%s is a folder, not a file name", e.Path)
	case OutputIsInput:
		return fmt.Sprintf("%s is also an input (%s)", e.Path, e.Input)
	}
	return fmt.Sprintf("%s is not a regular file", e.Path)
}

// Input is something a command reads: a file, or a folder of which it
// reads the files Match accepts (nil: none, the folder is not read whole).
type Input struct {
	Path  string
	Match func(name string) bool
}

// Output is where a command's output goes, decided once by ResolveOutput
// so every command treats -o the same way.
type Output struct {
	// Name is the path as given, for messages.
	Name string
	// path is the file written: Name with its symbolic links followed, so
	// the link stays and its target is replaced.
	path string
	// device is a character device (/dev/null, NUL, a terminal): it is
	// opened and written, never renamed over. As root, renaming over
	// /dev/null turns it into a regular file for the whole machine.
	device bool
	// old is the regular file replaced: the new one keeps its mode and
	// owner.
	old fs.FileInfo
}

// ResolveOutput decides what writing to path means: write through a
// character device, replace a regular file (the target of a symbolic link)
// whole, or create a new one. A folder, a FIFO, a socket, a block device
// and any of the command's inputs are refused with an *OutputError, so the
// command can stop before it reads anything.
func ResolveOutput(path string, inputs ...Input) (*Output, error) {
	out := &Output{Name: path, path: path}
	if isDeviceName(path) {
		out.device = true
		return out, nil
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A dangling link names the file to create.
		if out.path, err = followLinks(path); err != nil {
			return nil, &fs.PathError{Op: "write", Path: path, Err: Reason(err)}
		}
		return out, nil
	case err != nil:
		return nil, &fs.PathError{Op: "write", Path: path, Err: Reason(err)}
	case info.IsDir():
		return nil, &OutputError{Path: path, Problem: OutputIsFolder}
	case info.Mode()&fs.ModeCharDevice != 0:
		out.device = true
		return out, nil
	case !info.Mode().IsRegular():
		return nil, &OutputError{Path: path, Problem: OutputNotRegular}
	}
	for _, in := range inputs {
		if isInput(path, info, in) {
			return nil, &OutputError{Path: path, Problem: OutputIsInput, Input: in.Path}
		}
	}
	if out.path, err = followLinks(path); err != nil {
		return nil, &fs.PathError{Op: "write", Path: path, Err: Reason(err)}
	}
	out.old = info
	return out, nil
}

// isInput reports whether the existing regular file at path (info) is in.
func isInput(path string, info fs.FileInfo, in Input) bool {
	if in.Path == "" {
		return false
	}
	ii, err := os.Stat(in.Path)
	if err != nil {
		return false
	}
	if !ii.IsDir() {
		// The paths too: where links are emulated (Wine), SameFile may not
		// see through them.
		return os.SameFile(info, ii) || samePath(path, in.Path)
	}
	if in.Match == nil || !in.Match(filepath.Base(path)) {
		return false
	}
	file, err1 := filepath.EvalSymlinks(path)
	dir, err2 := filepath.EvalSymlinks(in.Path)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(dir, file)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func samePath(a, b string) bool {
	a, err1 := followLinks(a)
	b, err2 := followLinks(b)
	if err1 != nil || err2 != nil {
		return false
	}
	a, err1 = filepath.Abs(a)
	b, err2 = filepath.Abs(b)
	return err1 == nil && err2 == nil && a == b
}

// followLinks follows path while it is a symbolic link, also to a target
// that does not exist yet, and returns the last name.
func followLinks(path string) (string, error) {
	for range 64 {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return "", errors.New("too many levels of symbolic links")
}

// Write puts what fill writes at the output: through a device as it
// comes, else into a new file renamed over the old one when complete, so
// a failure leaves the old file as it was. perm applies to a new file.
// Errors are *fs.PathError naming the output once.
func (o *Output) Write(perm os.FileMode, fill func(w io.Writer) error) error {
	var err error
	if o.device {
		err = o.writeThrough(fill)
	} else {
		err = replace(o.path, perm, o.old, fill)
	}
	if err != nil {
		return &fs.PathError{Op: "write", Path: o.Name, Err: Reason(err)}
	}
	return nil
}

func (o *Output) writeThrough(fill func(w io.Writer) error) error {
	f, err := openDevice(o.path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// replace writes a temporary file beside path and renames it over path.
// old, when set, is the file replaced, whose mode and owner are kept.
func replace(path string, perm os.FileMode, old fs.FileInfo, fill func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.partial")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if old != nil {
		keepOwner(tmp, old)
		perm = old.Mode().Perm()
	}
	// FAT sticks and Windows ignore or refuse modes; the file is usable
	// either way, so a failed chmod is not a failed write.
	_ = tmp.Chmod(perm)
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if old != nil {
		return replaceFile(tmp.Name(), path)
	}
	return os.Rename(tmp.Name(), path)
}
