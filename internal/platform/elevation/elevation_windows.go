package elevation

import (
	"errors"
	"strings"

	"golang.org/x/sys/windows"
)

func elevated() bool {
	return windows.GetCurrentProcessToken().IsElevated()
}

// restart asks ShellExecute for the "runas" verb, which shows the UAC
// prompt. The new process gets its own console window: the elevated
// process cannot share the standard user's console.
func restart(exe string, args []string, dir string) error {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = windows.EscapeArg(a)
	}
	verb, err := windows.UTF16PtrFromString("runas")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(exe)
	if err != nil {
		return err
	}
	params, err := windows.UTF16PtrFromString(strings.Join(quoted, " "))
	if err != nil {
		return err
	}
	cwd, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return err
	}
	err = windows.ShellExecute(0, verb, file, params, cwd, windows.SW_SHOWNORMAL)
	if errors.Is(err, windows.ERROR_CANCELLED) {
		return ErrDeclined
	}
	return err
}
