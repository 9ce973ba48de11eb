//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

type osConsole struct{}

// IsConsole: a console handle answers GetConsoleMode; a pipe or a file
// does not.
func (osConsole) IsConsole(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	var mode uint32
	return windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil
}
