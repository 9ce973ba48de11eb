package ttyecho

import (
	"os"

	"golang.org/x/sys/windows"
)

// Off turns off echo on a console and returns how to turn it back on.
func Off(f *os.File) (func(), bool) {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return nil, false
	}
	quiet := (mode &^ windows.ENABLE_ECHO_INPUT) | windows.ENABLE_LINE_INPUT | windows.ENABLE_PROCESSED_INPUT
	if err := windows.SetConsoleMode(h, quiet); err != nil {
		return nil, false
	}
	return func() { windows.SetConsoleMode(h, mode) }, true
}
