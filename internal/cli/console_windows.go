//go:build windows

package cli

import "golang.org/x/sys/windows"

func consoleCodePage() uint32 {
	cp, err := windows.GetConsoleOutputCP()
	if err != nil {
		return 0
	}
	return cp
}
