//go:build !windows

package cli

import (
	"os"

	"golang.org/x/term"
)

type osConsole struct{}

func (osConsole) IsConsole(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
